/** Admin actions on the ticket outbox. */
import type { Clock, Store, TicketJob } from '@movie-magic/db';
import type { TicketDispatcher } from '../ports.js';

/** Parked jobs with their reasons (`lastError`), for the admin view. */
export function listParkedTicketJobs(store: Store, limit = 100): Promise<TicketJob[]> {
  return store.listParkedTicketJobs(limit);
}

/** Puts a parked job back in the outbox (attempts reset) and wakes the relay. False for an unknown job. */
export async function retryTicketJob(
  deps: { store: Store; clock: Clock; dispatcher: TicketDispatcher },
  jobId: string,
): Promise<boolean> {
  const retried = await deps.store.retryTicketJob(jobId, deps.clock.now().toISOString());
  if (retried) deps.dispatcher.notify();
  return retried;
}
