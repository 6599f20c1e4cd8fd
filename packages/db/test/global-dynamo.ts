/**
 * vitest globalSetup of this package: one DynamoDB Local for the run (see `dynamoGlobalSetup`). Imported
 * through the public testing entry, exactly as other packages (the API) do.
 */
export { dynamoGlobalSetup as default } from '../src/testing/index.js';
