/**
 * `pnpm bench`: every benchmark in one run, beside the machine's own baselines. Prints figures and the goals
 * they are measured against; asserts nothing (timing goals live here, not in tests).
 */
import { cpus } from 'node:os';
import { benchHttpApi } from './api.js';
import { benchEdge } from './edge.js';
import { benchStores } from './store.js';
import { benchTicketDelivery } from './tickets.js';
import { benchWeb } from './web.js';

console.log(
  `Movie Magic benchmarks, ${new Date().toISOString()}, Node ${process.version}, ${cpus().length} cores`,
);
const only = process.argv.slice(2);
const sections: Record<string, () => Promise<void>> = {
  store: benchStores,
  api: benchHttpApi,
  tickets: benchTicketDelivery,
  web: benchWeb,
  edge: benchEdge,
};
for (const [name, run] of Object.entries(sections)) {
  if (only.length > 0 && !only.includes(name)) continue;
  await run();
}
