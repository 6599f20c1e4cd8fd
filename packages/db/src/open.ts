/**
 * Node-only composition helper (entry `@movie-magic/db/open`): builds the configured Store. Adapters are
 * imported on demand, so an SQLite start never loads the AWS SDK and a DynamoDB start never loads the
 * native SQLite addon.
 */
import { mkdirSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import type { AppConfig } from '@movie-magic/config';
import type { Store } from './store.js';

/** The SQLite file name inside DATA_DIR. */
export const SQLITE_FILE_NAME = 'movie-magic.db';

export interface OpenStoreOptions {
  /**
   * Directory a relative DATA_DIR is resolved against (default: the process's working directory).
   * Scripts run by `pnpm --filter` start in the package folder, so they pass where the user ran pnpm.
   */
  cwd?: string;
}

/** Absolute path of the SQLite file for this configuration. */
export function sqliteFilePath(config: AppConfig, options: OpenStoreOptions = {}): string {
  const dataDir = isAbsolute(config.dataDir)
    ? config.dataDir
    : resolve(options.cwd ?? process.cwd(), config.dataDir);
  return join(dataDir, SQLITE_FILE_NAME);
}

/** Opens (but does not migrate) the store the configuration names. */
export async function openStore(config: AppConfig, options: OpenStoreOptions = {}): Promise<Store> {
  if (config.store === 'dynamodb') {
    const { createDynamoStore } = await import('./dynamo/index.js');
    return createDynamoStore({
      table: config.dynamo.table,
      region: config.dynamo.region,
      ...(config.dynamo.endpoint ? { endpoint: config.dynamo.endpoint } : {}),
      ...(config.dynamo.credentials ? { credentials: config.dynamo.credentials } : {}),
    });
  }
  const file = sqliteFilePath(config, options);
  mkdirSync(join(file, '..'), { recursive: true });
  const { createSqliteStore } = await import('./sqlite/index.js');
  return createSqliteStore({ file });
}
