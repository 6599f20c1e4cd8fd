/**
 * Test support for Store adapters (entry `@movie-magic/db/testing`): the contract suite, the race harness,
 * the unguarded negative control and catalog fixtures. Imports vitest: never import this from app code.
 */
export * from './contract.js';
export * from './dynamo-local.js';
export * from './fixtures.js';
export * from './race.js';
export * from './unguarded.js';
export * from './worker-store.js';
