/**
 * `pnpm db:seed`: migrates the configured store, then writes the demo catalog (idempotent: running it
 * again adds nothing twice and keeps seat maps).
 */
import { ConfigError, loadConfig } from '@movie-magic/config';
import { openStore, sqliteFilePath } from '../src/open.js';
import { seedStore } from '../src/seed/index.js';

try {
  const config = loadConfig();
  // pnpm sets INIT_CWD to the directory the user ran pnpm in; `--filter` runs this script in packages/db.
  const cwd = process.env.INIT_CWD;
  const store = await openStore(config, { cwd });
  try {
    await store.migrate();
    const summary = await seedStore(store, { now: new Date() });
    const where =
      config.store === 'sqlite' ? sqliteFilePath(config, { cwd }) : `table ${config.dynamo.table}`;
    console.log(
      `Seeded the ${config.store} store (${where}): ${summary.cities} cities, ${summary.theaters} theaters, ` +
        `${summary.screens} screens, ${summary.movies} movies, ${summary.showtimes} showtimes.`,
    );
  } finally {
    await store.close();
  }
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
