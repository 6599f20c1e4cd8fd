import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '../ports.js';
import type { Store } from '../store.js';
import { describeStoreContract } from '../testing/contract.js';
import { openStoreInWorker } from '../testing/worker-store.js';
import { openSqliteBackdoor } from './backdoor.js';
import { createSqliteStore } from './index.js';

describeStoreContract('sqlite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'mm-sqlite-'));
  const file = join(dir, 'movie-magic.db');
  const store = createSqliteStore({ file });
  await store.migrate();
  const backdoor = openSqliteBackdoor(file);
  const others: Store[] = [];
  return {
    store,
    clock: new ManualClock(),
    backdoor,
    async openAnother() {
      const other = await openStoreInWorker({
        kind: 'sqlite',
        moduleUrl: new URL('./index.ts', import.meta.url).href,
        exportName: 'createSqliteStore',
        options: { file },
      });
      others.push(other);
      return other;
    },
    async cleanup() {
      await Promise.allSettled(others.map((other) => other.close()));
      backdoor.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
