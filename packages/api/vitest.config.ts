import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'scripts/**/*.test.ts'],
    // better-sqlite3 is a native addon: child processes, not vm threads.
    pool: 'forks',
    // argon2id at OWASP parameters costs ~150 ms of CPU per hash; suites register dozens of users.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
