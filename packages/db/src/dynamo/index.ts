/**
 * The DynamoDB adapter (entry `@movie-magic/db/dynamo`): one table, single-table design. Only composition
 * roots and tests import this; everything else receives the Store port.
 */

export { StoreError } from '../errors.js';
export type { DynamoStoreOptions } from './client.js';
export { MAX_SEATS_PER_HOLD } from './holds.js';
export { createDynamoStore } from './store.js';
