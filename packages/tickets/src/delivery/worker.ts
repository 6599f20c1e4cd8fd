/**
 * The ticket worker: one message in, at most one e-mail out. SNS, SQS and Lambda deliver at least once
 * (https://docs.aws.amazon.com/sns/latest/dg/sns-message-delivery-retries.html), so the job is claimed with a
 * conditional state change first: only the winner renders and sends; a duplicate sees LEASED or ALREADY_SENT
 * and does nothing. Failures go back to the outbox with exponential backoff and are parked after
 * `maxAttempts`, with the reason, for an admin to retry.
 */
import type { Clock, Store, TicketJob } from '@movie-magic/db';
import type { TicketLogger } from '../logger.js';
import { cancellationEmail, ticketEmail } from '../mail/ticket-email.js';
import type { Mailer } from '../ports.js';
import { loadTicketView } from '../render/load.js';
import type { TicketView } from '../render/view.js';
import type { TicketSigner } from '../token.js';
import { parseTicketJobMessage, type TicketJobMessage } from './message.js';

/** Renders a ticket view to PDF bytes (the Node entry provides the satori + pdfkit renderer). */
export interface TicketPdfRenderer {
  render(view: TicketView): Promise<Uint8Array>;
}

export interface TicketWorkerDeps {
  store: Store;
  clock: Clock;
  mailer: Mailer;
  renderer: TicketPdfRenderer;
  signer: TicketSigner;
  logger: TicketLogger;
  /** Unique per process/container: the lease owner. */
  workerId: string;
  /** Default 6. */
  maxAttempts?: number;
  /** How long a claim protects a job before another worker may take it over (default 2 minutes). */
  leaseMs?: number;
  /** Backoff base (default 30 s): the n-th failure retries after base * 2^(n-1), at most one hour. */
  backoffBaseMs?: number;
  appOrigin?: string;
}

export type TicketJobOutcome =
  | { status: 'sent'; jobId: string; messageId: string }
  | {
      status: 'skipped';
      jobId: string;
      reason: 'NOT_FOUND' | 'ALREADY_SENT' | 'LEASED' | 'PARKED' | 'INVALID_MESSAGE' | 'OBSOLETE';
    }
  | { status: 'retry_scheduled'; jobId: string; attempts: number; retryAt: string; error: string }
  | { status: 'parked'; jobId: string; attempts: number; error: string };

/** A failure that retrying cannot fix (the booking is gone): parked at once. */
class PermanentJobError extends Error {}

export function backoffDelayMs(attempt: number, baseMs = 30_000): number {
  return Math.min(baseMs * 2 ** Math.max(0, attempt - 1), 3_600_000);
}

async function composeMail(job: TicketJob, deps: TicketWorkerDeps) {
  const loaded = await loadTicketView(deps.store, job.bookingId, deps.signer);
  if (!loaded.ok) throw new PermanentJobError(loaded.reason);
  const { view } = loaded;
  // A ticket mail that arrives after the booking was cancelled would hand out a QR that scans as cancelled.
  if (job.kind === 'ticket' && view.status === 'cancelled') return null;
  const options = {
    idempotencyKey: `${job.kind}-${job.id}`,
    ...(deps.appOrigin ? { appOrigin: deps.appOrigin } : {}),
  };
  if (job.kind === 'cancellation') return cancellationEmail(view, options);
  return ticketEmail(view, await deps.renderer.render(view), options);
}

/** Handles one delivery of a job message. Throws only when the Store itself fails (the queue redelivers). */
export async function handleTicketJob(
  input: TicketJobMessage | unknown,
  deps: TicketWorkerDeps,
): Promise<TicketJobOutcome> {
  const message = parseTicketJobMessage(input);
  if (!message) {
    deps.logger.error('invalid ticket job message', { body: JSON.stringify(input)?.slice(0, 500) });
    return { status: 'skipped', jobId: '', reason: 'INVALID_MESSAGE' };
  }
  const { store, clock, workerId } = deps;
  const now = clock.now();
  const leaseUntil = new Date(now.getTime() + (deps.leaseMs ?? 120_000)).toISOString();
  const claim = await store.claimTicketJob(message.jobId, workerId, now.toISOString(), leaseUntil);
  if (!claim.ok) {
    deps.logger.info('ticket job skipped', { jobId: message.jobId, reason: claim.reason });
    return { status: 'skipped', jobId: message.jobId, reason: claim.reason };
  }
  const job = claim.job;
  let sent: { messageId: string } | null;
  try {
    const mail = await composeMail(job, deps);
    sent = mail ? await deps.mailer.send(mail) : null;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const attempts = job.attempts + 1;
    const failedAt = clock.now();
    const park = error instanceof PermanentJobError || attempts >= (deps.maxAttempts ?? 6);
    const retryAt = park
      ? null
      : new Date(failedAt.getTime() + backoffDelayMs(attempts, deps.backoffBaseMs)).toISOString();
    await store.failTicketJob(job.id, workerId, failedAt.toISOString(), reason.slice(0, 1000), retryAt);
    if (retryAt === null) {
      deps.logger.error('ticket job parked', { jobId: job.id, attempts, error: reason });
      return { status: 'parked', jobId: job.id, attempts, error: reason };
    }
    deps.logger.warn('ticket job failed, will retry', { jobId: job.id, attempts, retryAt, error: reason });
    return { status: 'retry_scheduled', jobId: job.id, attempts, retryAt, error: reason };
  }
  // Outside the try: once the mail is out, a Store failure here must not count as a send failure (that would
  // schedule a second e-mail); it propagates and the lease expiry decides.
  await store.completeTicketJob(job.id, workerId, clock.now().toISOString());
  if (!sent) {
    deps.logger.info('ticket job obsolete: booking cancelled', { jobId: job.id });
    return { status: 'skipped', jobId: job.id, reason: 'OBSOLETE' };
  }
  deps.logger.info('ticket job sent', { jobId: job.id, kind: job.kind, messageId: sent.messageId });
  return { status: 'sent', jobId: job.id, messageId: sent.messageId };
}
