import { defineConfig } from 'vitest/config';

// Unit tests only: the browser specs under e2e/ belong to Playwright (`playwright test`).
export default defineConfig({
  test: { include: ['app/**/*.test.ts', 'server/**/*.test.ts'], environment: 'node' },
});
