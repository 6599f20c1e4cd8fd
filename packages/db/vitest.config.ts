import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    // Native addons (better-sqlite3) and worker threads behave best in child processes, not vm threads.
    pool: 'forks',
    // The race tests start worker threads and, on DynamoDB Local, run hundreds of transactions.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // One DynamoDB Local for the whole run (free port, readiness-polled, stopped at the end); tests get its
    // endpoint with inject('dynamoEndpoint') and each fixture creates its own table.
    globalSetup: ['./test/global-dynamo.ts'],
  },
});
