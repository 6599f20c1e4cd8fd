import { expect, it } from 'vitest';
import { PUBLISHED_TICKET_JOB_REDELIVERY_MINUTES } from '../../domain.js';
import type { FixtureRef } from '../contract.js';
import { freshId } from '../fixtures.js';

const MINUTE = 60_000;
const at = (base: string, minutes: number) =>
  new Date(new Date(base).getTime() + minutes * MINUTE).toISOString();

export function jobsContract(get: FixtureRef): void {
  async function newJob() {
    const { store, clock } = get();
    const now = clock.now().toISOString();
    const job = { id: freshId('job'), kind: 'ticket' as const, bookingId: freshId('bk'), now };
    await store.enqueueTicketJob(job);
    return { ...job, store, now };
  }

  it('an enqueued job is pending, due now and unknown jobs are null', async () => {
    const { id, store, now, bookingId } = await newJob();
    expect(await store.getTicketJob(id)).toEqual({
      id,
      kind: 'ticket',
      bookingId,
      state: 'pending',
      attempts: 0,
      nextAttemptAt: now,
      lastError: null,
      createdAt: now,
      updatedAt: now,
      leaseOwner: null,
      leaseExpiresAt: null,
    });
    expect((await store.listDueTicketJobs(now, 1000)).map((j) => j.id)).toContain(id);
    expect(await store.getTicketJob('job_nope')).toBeNull();
  });

  it('a published job is due again only after the redelivery delay, in case the queue lost it', async () => {
    const { id, store, now } = await newJob();
    await store.markTicketJobPublished(id, now);
    const redeliverAt = at(now, PUBLISHED_TICKET_JOB_REDELIVERY_MINUTES);
    expect(await store.getTicketJob(id)).toMatchObject({ state: 'published', nextAttemptAt: redeliverAt });
    expect((await store.listDueTicketJobs(at(now, 1), 1000)).map((j) => j.id)).not.toContain(id);
    expect((await store.listDueTicketJobs(redeliverAt, 1000)).map((j) => j.id)).toContain(id);
    expect(await store.claimTicketJob(id, 'worker-a', at(now, 1), at(now, 6))).toMatchObject({ ok: true });
  });

  it('only one of two concurrent claims on a job wins', async () => {
    const { id, store, now } = await newJob();
    const other = await get().openAnother();
    try {
      const lease = at(now, 5);
      const results = await Promise.all([
        store.claimTicketJob(id, 'worker-a', now, lease),
        other.claimTicketJob(id, 'worker-b', now, lease),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.find((r) => !r.ok)).toEqual({ ok: false, reason: 'LEASED' });
      const winner = results[0]?.ok ? 'worker-a' : 'worker-b';
      expect(await store.getTicketJob(id)).toMatchObject({
        state: 'sending',
        leaseOwner: winner,
        leaseExpiresAt: lease,
      });
    } finally {
      await other.close();
    }
  });

  it('a job whose lease expired is due again and can be claimed by another worker', async () => {
    const { id, store, now } = await newJob();
    await store.claimTicketJob(id, 'worker-a', now, at(now, 5));
    expect((await store.listDueTicketJobs(at(now, 1), 1000)).map((j) => j.id)).not.toContain(id);
    expect((await store.listDueTicketJobs(at(now, 6), 1000)).map((j) => j.id)).toContain(id);
    const claim = await store.claimTicketJob(id, 'worker-b', at(now, 6), at(now, 11));
    expect(claim).toMatchObject({ ok: true, job: { leaseOwner: 'worker-b', state: 'sending' } });
    await store.completeTicketJob(id, 'worker-a', at(now, 7));
    expect((await store.getTicketJob(id))?.state).toBe('sending');
    await store.completeTicketJob(id, 'worker-b', at(now, 7));
    expect((await store.getTicketJob(id))?.state).toBe('sent');
    expect(await store.claimTicketJob(id, 'worker-c', at(now, 8), at(now, 13))).toEqual({
      ok: false,
      reason: 'ALREADY_SENT',
    });
    expect((await store.listDueTicketJobs(at(now, 60), 1000)).map((j) => j.id)).not.toContain(id);
  });

  it('a failed job goes back to pending until its retry time, counting the attempt', async () => {
    const { id, store, now } = await newJob();
    await store.claimTicketJob(id, 'worker-a', now, at(now, 5));
    await store.failTicketJob(id, 'worker-a', at(now, 1), 'smtp 451', at(now, 10));
    expect(await store.getTicketJob(id)).toMatchObject({
      state: 'pending',
      attempts: 1,
      lastError: 'smtp 451',
      nextAttemptAt: at(now, 10),
      leaseOwner: null,
    });
    expect((await store.listDueTicketJobs(at(now, 9), 1000)).map((j) => j.id)).not.toContain(id);
    expect((await store.listDueTicketJobs(at(now, 10), 1000)).map((j) => j.id)).toContain(id);
  });

  it('a job failed without a retry time is parked until retried by hand', async () => {
    const { id, store, now } = await newJob();
    await store.claimTicketJob(id, 'worker-a', now, at(now, 5));
    await store.failTicketJob(id, 'worker-a', at(now, 1), 'mailbox does not exist', null);
    expect(await store.getTicketJob(id)).toMatchObject({
      state: 'parked',
      attempts: 1,
      lastError: 'mailbox does not exist',
    });
    expect((await store.listParkedTicketJobs(1000)).map((j) => j.id)).toContain(id);
    expect((await store.listDueTicketJobs(at(now, 60), 1000)).map((j) => j.id)).not.toContain(id);
    expect(await store.claimTicketJob(id, 'worker-b', at(now, 2), at(now, 7))).toEqual({
      ok: false,
      reason: 'PARKED',
    });
    expect(await store.retryTicketJob(id, at(now, 3))).toBe(true);
    expect(await store.getTicketJob(id)).toMatchObject({ state: 'pending', attempts: 0 });
    expect((await store.listParkedTicketJobs(1000)).map((j) => j.id)).not.toContain(id);
    expect(await store.retryTicketJob('job_nope', at(now, 3))).toBe(false);
    expect(await store.claimTicketJob('job_nope', 'worker-b', now, at(now, 5))).toEqual({
      ok: false,
      reason: 'NOT_FOUND',
    });
  });

  it('a failure reported by a worker that lost its lease changes nothing', async () => {
    const { id, store, now } = await newJob();
    await store.claimTicketJob(id, 'worker-a', now, at(now, 5));
    await store.failTicketJob(id, 'worker-z', at(now, 1), 'not mine', null);
    expect(await store.getTicketJob(id)).toMatchObject({
      state: 'sending',
      attempts: 0,
      leaseOwner: 'worker-a',
    });
  });
}
