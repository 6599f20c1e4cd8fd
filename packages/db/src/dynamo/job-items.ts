/**
 * Ticket job items: the stored shape of a TicketJob and its JobsByStateDue GSI keys. `dueAt` is
 * nextAttemptAt while pending or published, the lease expiry while sending, updatedAt when parked; a sent
 * job drops the GSI keys and leaves the (sparse) index.
 */
import type { TicketJob, TicketJobKind, TicketJobState } from '../domain.js';
import type { Item } from './client.js';
import { keys } from './keys.js';

/** The GSI keys for a job in `state` due at `dueAt`; sent jobs leave the index (sparse). */
function jobIndexKeys(state: TicketJobState, dueAt: string, jobId: string) {
  return keys.jobState(state, dueAt, jobId);
}

export function jobItem(job: TicketJob): Item {
  const dueAt =
    job.state === 'sending'
      ? (job.leaseExpiresAt ?? job.nextAttemptAt)
      : job.state === 'parked'
        ? job.updatedAt
        : job.nextAttemptAt;
  return {
    ...keys.ticketJob(job.id),
    ...withoutNulls(job),
    ...(job.state === 'sent' ? {} : jobIndexKeys(job.state, dueAt, job.id)),
  };
}

/** A new pending job, due at once. */
export function newJob(id: string, kind: TicketJobKind, bookingId: string, now: string): TicketJob {
  return {
    id,
    kind,
    bookingId,
    state: 'pending',
    attempts: 0,
    nextAttemptAt: now,
    lastError: null,
    createdAt: now,
    updatedAt: now,
    leaseOwner: null,
    leaseExpiresAt: null,
  };
}

function withoutNulls<T extends object>(value: T): Item {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null));
}

export function jobFromItem(item: Item): TicketJob {
  const text = (name: string) =>
    item[name] === undefined || item[name] === null ? null : String(item[name]);
  return {
    id: String(item.id),
    kind: item.kind as TicketJobKind,
    bookingId: String(item.bookingId),
    state: item.state as TicketJobState,
    attempts: Number(item.attempts ?? 0),
    nextAttemptAt: String(item.nextAttemptAt),
    lastError: text('lastError'),
    createdAt: String(item.createdAt),
    updatedAt: String(item.updatedAt),
    leaseOwner: text('leaseOwner'),
    leaseExpiresAt: text('leaseExpiresAt'),
  };
}
