import { openDynamoTestTable, startDynamoLocal } from '@movie-magic/db/testing';
import { describeApiContract } from '../src/testing/index.js';
import { startTestServer } from './harness.js';

describeApiContract('node:http + DynamoDB Local', async () => {
  const dynamo = await startDynamoLocal();
  const table = await openDynamoTestTable(dynamo.endpoint, 'mm-api');
  return startTestServer(table.store, {
    onClose: async () => {
      await table.drop();
      await dynamo.stop();
    },
  });
});
