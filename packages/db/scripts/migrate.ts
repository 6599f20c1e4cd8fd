/**
 * `pnpm db:migrate`: creates or updates the schema of the configured store (SQLite tables, or the
 * DynamoDB table with its GSIs and TTL attribute).
 */
import { ConfigError, loadConfig } from '@movie-magic/config';
import { openStore, sqliteFilePath } from '../src/open.js';

try {
  const config = loadConfig();
  // pnpm sets INIT_CWD to the directory the user ran pnpm in; `--filter` runs this script in packages/db.
  const cwd = process.env.INIT_CWD;
  const store = await openStore(config, { cwd });
  try {
    await store.migrate();
  } finally {
    await store.close();
  }
  const where = config.store === 'sqlite' ? sqliteFilePath(config, { cwd }) : `table ${config.dynamo.table}`;
  console.log(`Migrated the ${config.store} store (${where}).`);
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
