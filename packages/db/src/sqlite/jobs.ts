/**
 * The ticket outbox on SQLite. Claims are a single conditional UPDATE, so of two workers (even on two
 * connections) exactly one changes the row and wins; the loser reads why it lost.
 */
import { and, asc, desc, eq, inArray, lte, or, sql } from 'drizzle-orm';
import { PUBLISHED_TICKET_JOB_REDELIVERY_MINUTES, type TicketJob, type TicketJobKind } from '../domain.js';
import type { ClaimTicketJobResult } from '../store.js';
import type { Db } from './connection.js';
import { instant } from './instant.js';
import { ticketJobs } from './schema.js';

const toJob = (row: typeof ticketJobs.$inferSelect): TicketJob => ({ ...row });

export function jobQueries(db: Db) {
  const byId = (jobId: string) => db.select().from(ticketJobs).where(eq(ticketJobs.id, jobId)).get();

  return {
    enqueueTicketJob(job: { id: string; kind: TicketJobKind; bookingId: string; now: string }): void {
      const now = instant(job.now);
      db.insert(ticketJobs)
        .values({
          id: job.id,
          kind: job.kind,
          bookingId: job.bookingId,
          state: 'pending',
          attempts: 0,
          nextAttemptAt: now,
          createdAt: now,
          updatedAt: now,
        })
        .run();
    },
    getTicketJob(jobId: string): TicketJob | null {
      const row = byId(jobId);
      return row ? toJob(row) : null;
    },
    listDueTicketJobs(now: string, limit: number): TicketJob[] {
      const at = instant(now);
      return db
        .select()
        .from(ticketJobs)
        .where(
          or(
            and(inArray(ticketJobs.state, ['pending', 'published']), lte(ticketJobs.nextAttemptAt, at)),
            and(eq(ticketJobs.state, 'sending'), lte(ticketJobs.leaseExpiresAt, at)),
          ),
        )
        .orderBy(asc(ticketJobs.nextAttemptAt), asc(ticketJobs.id))
        .limit(limit)
        .all()
        .map(toJob);
    },
    markTicketJobPublished(jobId: string, now: string): void {
      const at = instant(now);
      const redeliverAt = new Date(
        new Date(at).getTime() + PUBLISHED_TICKET_JOB_REDELIVERY_MINUTES * 60_000,
      ).toISOString();
      db.update(ticketJobs)
        .set({ state: 'published', nextAttemptAt: redeliverAt, updatedAt: at })
        .where(and(eq(ticketJobs.id, jobId), eq(ticketJobs.state, 'pending')))
        .run();
    },
    claimTicketJob(jobId: string, owner: string, now: string, leaseUntil: string): ClaimTicketJobResult {
      const at = instant(now);
      const claimed = db
        .update(ticketJobs)
        .set({ state: 'sending', leaseOwner: owner, leaseExpiresAt: instant(leaseUntil), updatedAt: at })
        .where(
          and(
            eq(ticketJobs.id, jobId),
            or(
              inArray(ticketJobs.state, ['pending', 'published']),
              and(eq(ticketJobs.state, 'sending'), lte(ticketJobs.leaseExpiresAt, at)),
            ),
          ),
        )
        .returning()
        .get();
      if (claimed) return { ok: true, job: toJob(claimed) };
      const current = byId(jobId);
      if (!current) return { ok: false, reason: 'NOT_FOUND' };
      if (current.state === 'sent') return { ok: false, reason: 'ALREADY_SENT' };
      if (current.state === 'parked') return { ok: false, reason: 'PARKED' };
      return { ok: false, reason: 'LEASED' };
    },
    completeTicketJob(jobId: string, owner: string, now: string): void {
      db.update(ticketJobs)
        .set({ state: 'sent', leaseOwner: null, leaseExpiresAt: null, updatedAt: instant(now) })
        .where(
          and(eq(ticketJobs.id, jobId), eq(ticketJobs.state, 'sending'), eq(ticketJobs.leaseOwner, owner)),
        )
        .run();
    },
    failTicketJob(jobId: string, owner: string, now: string, error: string, retryAt: string | null): void {
      db.update(ticketJobs)
        .set({
          state: retryAt ? 'pending' : 'parked',
          attempts: sql`${ticketJobs.attempts} + 1`,
          lastError: error,
          nextAttemptAt: retryAt ? instant(retryAt) : sql`${ticketJobs.nextAttemptAt}`,
          leaseOwner: null,
          leaseExpiresAt: null,
          updatedAt: instant(now),
        })
        .where(
          and(eq(ticketJobs.id, jobId), eq(ticketJobs.state, 'sending'), eq(ticketJobs.leaseOwner, owner)),
        )
        .run();
    },
    listParkedTicketJobs(limit: number): TicketJob[] {
      return db
        .select()
        .from(ticketJobs)
        .where(eq(ticketJobs.state, 'parked'))
        .orderBy(desc(ticketJobs.updatedAt))
        .limit(limit)
        .all()
        .map(toJob);
    },
    retryTicketJob(jobId: string, now: string): boolean {
      const at = instant(now);
      const result = db
        .update(ticketJobs)
        .set({ state: 'pending', attempts: 0, nextAttemptAt: at, updatedAt: at })
        .where(and(eq(ticketJobs.id, jobId), eq(ticketJobs.state, 'parked')))
        .run();
      return result.changes > 0;
    },
  };
}
