/**
 * Pure entry point of the db package: the domain model and the Store port. No adapter is imported here,
 * so the API and the edge bundle can depend on it freely. Adapters live at `@movie-magic/db/sqlite` and
 * `@movie-magic/db/dynamo`; only composition roots and tests import them.
 */
export * from './domain.js';
export { StoreError } from './errors.js';
export * from './ports.js';
export type * from './store.js';
