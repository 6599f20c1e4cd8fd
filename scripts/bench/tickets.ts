/** Issue 5's benchmark: PDF render time per ticket and worker delivery rate to a local SMTP server. */
import { benchTickets } from '@movie-magic/tickets/bench';
import { fmt, heading, row } from './stats.js';

export async function benchTicketDelivery(): Promise<void> {
  heading('Tickets: PDF rendering and delivery (issue 5)');
  const result = await benchTickets({ renders: 100, deliveries: 100 });
  row('PDF render p50 (goal < 100 ms)', `${fmt(result.render.p50Ms, 1)} ms`);
  row('PDF render p99', `${fmt(result.render.p99Ms, 1)} ms  (${result.render.tickets} tickets)`);
  row(
    'tickets delivered/s to local SMTP (pooled connection)',
    `${fmt(result.delivery.perSecond, 1)}  (${result.delivery.tickets} in ${fmt(result.delivery.seconds, 1)} s)`,
  );
  row('tickets delivered/s to local SMTP (one connection each)', fmt(result.deliveryUnpooled.perSecond, 1));
}
