/**
 * The edge tests (`vitest run --config vitest.edge.config.ts`): they build the workerd target, start
 * DynamoDB Local and `wrangler dev`, so they run apart from the web app's unit tests, one file at a time.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['edge/**/*.test.ts'],
    globalSetup: ['edge/testing/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
