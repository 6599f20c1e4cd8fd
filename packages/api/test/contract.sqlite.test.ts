import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteStore } from '@movie-magic/db/sqlite';
import { describeApiContract } from '../src/testing/index.js';
import { startTestServer } from './harness.js';

describeApiContract('node:http + SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'mm-api-'));
  const store = await createSqliteStore({ file: join(dir, 'movie-magic.db') });
  await store.migrate();
  return startTestServer(store, { onClose: async () => rmSync(dir, { recursive: true, force: true }) });
});
