/** Issue 6's numbers: the edge benchmark builds and starts workerd, so it runs as its own process. */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { heading } from './stats.js';

export async function benchEdge(): Promise<void> {
  heading('The edge runtime: workerd beside Node (issue 6)');
  const root = resolve(import.meta.dirname, '../..');
  const result = spawnSync(process.execPath, ['apps/web/edge/bench.mjs'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) console.log(`  edge benchmark exited with ${result.status}`);
}
