/** `pnpm --filter @movie-magic/tickets exec tsx scripts/bench.ts [renders] [deliveries]`: prints JSON. */
import { benchTickets } from '../src/bench.js';

const [renders, deliveries] = process.argv.slice(2).map(Number);
console.log(
  JSON.stringify(await benchTickets({ renders: renders || 100, deliveries: deliveries || 100 }), null, 2),
);
