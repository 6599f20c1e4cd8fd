import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '@movie-magic/config';
import { ManualClock, randomIds, type Store } from '@movie-magic/db';
import { createSqliteStore } from '@movie-magic/db/sqlite';
import { confirmInputFor, createShow, freshId, holdWindow } from '@movie-magic/db/testing';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPasswordHasher } from '../auth/password.js';
import { createServerCaller } from '../caller.js';
import type { ApiDeps } from '../context.js';
import { RecordingMailer } from '../testing/recording-mailer.js';

let dir: string;
let store: Store;
let deps: ApiDeps;
let notified = 0;
const clock = new ManualClock('2026-12-01T06:30:00.000Z');
const config = parseConfig({ NODE_ENV: 'test', APP_ORIGIN: 'http://127.0.0.1:3998', RATE_LIMITS: 'off' });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mm-admin-'));
  store = await createSqliteStore({ file: join(dir, 'db.sqlite') });
  await store.migrate();
  deps = {
    store,
    clock,
    ids: randomIds,
    dispatcher: { notify: () => void notified++ },
    mailer: new RecordingMailer(),
    config,
    // Cheap argon2 parameters: these tests are about roles and the outbox, not password cost.
    passwords: createPasswordHasher({ m: 256, t: 1, p: 1 }),
  };
});

afterAll(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

async function signedIn(role: 'customer' | 'staff' | 'admin') {
  const anonymous = createServerCaller(deps, new Request(`${config.appOrigin}/`));
  const { user } = await anonymous.caller.auth.register({
    email: `${role}-${crypto.randomUUID().slice(0, 8)}@example.test`,
    password: 'popcorn-balcony-matinee-42',
    name: `A ${role}`,
  });
  if (role !== 'customer') await store.updateUser(user.id, { role });
  const cookie = (anonymous.responseHeaders.get('set-cookie') ?? '').split(';')[0] ?? '';
  const request = new Request(`${config.appOrigin}/admin`, { headers: { cookie, origin: config.appOrigin } });
  return { user, caller: createServerCaller(deps, request).caller };
}

/** A confirmed booking whose ticket job failed for good (claimed, then failed with no retry time). */
async function parkedJob(userId: string): Promise<string> {
  const show = await createShow(store, clock, { startsInHours: 30 });
  const hold = await store.holdSeats({
    holdId: freshId('hold'),
    showtimeId: show.showtime.id,
    userId,
    seatIds: ['C-1'],
    ...holdWindow(clock),
  });
  if (!hold.ok) throw new Error(hold.reason);
  const input = confirmInputFor(hold.hold, show, clock);
  const confirmed = await store.confirmBooking(input);
  if (!confirmed.ok) throw new Error(confirmed.reason);
  const now = clock.now().toISOString();
  const claim = await store.claimTicketJob(
    input.ticketJobId,
    'worker-a',
    now,
    new Date(Date.now() + 60_000).toISOString(),
  );
  if (!claim.ok) throw new Error(claim.reason);
  await store.failTicketJob(input.ticketJobId, 'worker-a', now, 'SMTP 554: mailbox unavailable', null);
  return input.ticketJobId;
}

const codeOf = (error: unknown) => (error instanceof TRPCError ? error.code : String(error));

describe('admin.ticketJobs', () => {
  it('shows admins the parked jobs with the reason they failed', async () => {
    const admin = await signedIn('admin');
    const jobId = await parkedJob(admin.user.id);
    const parked = await admin.caller.admin.ticketJobs.parked();
    const job = parked.find((j) => j.id === jobId);
    expect(job).toMatchObject({
      state: 'parked',
      kind: 'ticket',
      lastError: 'SMTP 554: mailbox unavailable',
    });
  });

  it('retries a parked job: it leaves the parked list, is due again, and the relay is woken', async () => {
    const admin = await signedIn('admin');
    const jobId = await parkedJob(admin.user.id);
    const before = notified;
    expect(await admin.caller.admin.ticketJobs.retry({ jobId })).toEqual({ ok: true });
    expect(notified).toBe(before + 1);
    expect((await admin.caller.admin.ticketJobs.parked()).map((j) => j.id)).not.toContain(jobId);
    const due = await store.listDueTicketJobs(clock.now().toISOString(), 100);
    expect(due.find((j) => j.id === jobId)).toMatchObject({ state: 'pending', attempts: 0 });
  });

  it('answers NOT_FOUND for a job that is not parked, and BAD_REQUEST for a malformed id', async () => {
    const admin = await signedIn('admin');
    await expect(admin.caller.admin.ticketJobs.retry({ jobId: 'job_missing' })).rejects.toSatisfy(
      (e) => codeOf(e) === 'NOT_FOUND',
    );
    await expect(admin.caller.admin.ticketJobs.retry({ jobId: '../../etc' })).rejects.toSatisfy(
      (e) => codeOf(e) === 'BAD_REQUEST',
    );
  });

  it('refuses customers and staff (FORBIDDEN) and anonymous callers (UNAUTHORIZED)', async () => {
    for (const role of ['customer', 'staff'] as const) {
      const { caller } = await signedIn(role);
      await expect(caller.admin.ticketJobs.parked()).rejects.toSatisfy((e) => codeOf(e) === 'FORBIDDEN');
      await expect(caller.admin.ticketJobs.retry({ jobId: 'job_x' })).rejects.toSatisfy(
        (e) => codeOf(e) === 'FORBIDDEN',
      );
    }
    const anonymous = createServerCaller(deps, new Request(`${config.appOrigin}/`)).caller;
    await expect(anonymous.admin.ticketJobs.parked()).rejects.toSatisfy((e) => codeOf(e) === 'UNAUTHORIZED');
  });
});
