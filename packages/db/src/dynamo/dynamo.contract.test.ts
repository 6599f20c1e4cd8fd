import { inject } from 'vitest';
import { ManualClock } from '../ports.js';
import { describeStoreContract } from '../testing/contract.js';
import {
  DYNAMO_LOCAL_CREDENTIALS,
  DYNAMO_LOCAL_REGION,
  openDynamoTestTable,
} from '../testing/dynamo-local.js';
import { dynamoBackdoor } from './backdoor.js';

describeStoreContract('dynamodb', async () => {
  const endpoint = inject('dynamoEndpoint');
  const opened = await openDynamoTestTable(endpoint, 'mm-contract');
  const backdoor = dynamoBackdoor({
    table: opened.table,
    endpoint,
    region: DYNAMO_LOCAL_REGION,
    credentials: DYNAMO_LOCAL_CREDENTIALS,
  });
  return {
    store: opened.store,
    clock: new ManualClock(),
    backdoor,
    openAnother: opened.openAnother,
    async cleanup() {
      backdoor.close();
      await opened.drop();
    },
  };
});
