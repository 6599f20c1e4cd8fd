import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '@movie-magic/config';
import { ManualClock, randomIds, type Store } from '@movie-magic/db';
import { createSqliteStore } from '@movie-magic/db/sqlite';
import { confirmInputFor, createShow, freshId, holdWindow } from '@movie-magic/db/testing';
import {
  createTicketSigner,
  generateTicketKeys,
  issueTicketToken,
  type TicketSigner,
} from '@movie-magic/tickets';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPasswordHasher } from '../auth/password.js';
import { createServerCaller } from '../caller.js';
import type { ApiDeps } from '../context.js';
import { RecordingMailer } from '../testing/recording-mailer.js';

let dir: string;
let store: Store;
let deps: ApiDeps;
let signer: TicketSigner;
const clock = new ManualClock('2026-12-01T06:30:00.000Z');
const config = parseConfig({ NODE_ENV: 'test', APP_ORIGIN: 'http://127.0.0.1:3999', RATE_LIMITS: 'off' });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mm-checkin-'));
  store = await createSqliteStore({ file: join(dir, 'db.sqlite') });
  await store.migrate();
  const keys = await generateTicketKeys();
  signer = createTicketSigner({ privateKey: keys.privateKey, keyId: 'door1' });
  deps = {
    store,
    clock,
    ids: randomIds,
    dispatcher: { notify() {} },
    mailer: new RecordingMailer(),
    config,
    // Cheap argon2 parameters: these tests are about check-in, not password cost.
    passwords: createPasswordHasher({ m: 256, t: 1, p: 1 }),
    ticketKeys: { door1: keys.publicKey },
  };
});

afterAll(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

/** Registers through the API, optionally promotes the account, and returns a caller carrying its session. */
async function signedIn(role: 'customer' | 'staff' | 'admin') {
  const anonymous = createServerCaller(deps, new Request(`${config.appOrigin}/`));
  const email = `${role}-${crypto.randomUUID().slice(0, 8)}@example.test`;
  const { user } = await anonymous.caller.auth.register({
    email,
    password: 'popcorn-balcony-matinee-42',
    name: `A ${role}`,
  });
  if (role !== 'customer') await store.updateUser(user.id, { role });
  const cookie = (anonymous.responseHeaders.get('set-cookie') ?? '').split(';')[0] ?? '';
  const request = new Request(`${config.appOrigin}/staff/checkin`, {
    headers: { cookie, origin: config.appOrigin },
  });
  return { user, caller: createServerCaller(deps, request).caller };
}

/** A confirmed booking on a show of its own (no test shares seats with another). */
async function confirmedBooking(userId: string, seats = 2) {
  const show = await createShow(store, clock, { startsInHours: 30 });
  const seatIds = Array.from({ length: seats }, (_, i) => `C-${i + 1}`);
  const hold = await store.holdSeats({
    holdId: freshId('hold'),
    showtimeId: show.showtime.id,
    userId,
    seatIds,
    ...holdWindow(clock),
  });
  if (!hold.ok) throw new Error(hold.reason);
  const confirmed = await store.confirmBooking(confirmInputFor(hold.hold, show, clock));
  if (!confirmed.ok) throw new Error(confirmed.reason);
  return confirmed.booking;
}

function changeOneCharacter(token: string, index: number): string {
  const char = token[index] === 'A' ? 'B' : 'A';
  return token.slice(0, index) + char + token.slice(index + 1);
}

describe('checkin.scan', () => {
  it('checks a valid ticket in once, then reports already_checked_in with the first time', async () => {
    const customer = await signedIn('customer');
    const staff = await signedIn('staff');
    const booking = await confirmedBooking(customer.user.id);
    const token = await issueTicketToken(booking, signer);

    const first = await staff.caller.checkin.scan({ token });
    expect(first).toMatchObject({
      result: 'ok',
      checkedInAt: clock.now().toISOString(),
      booking: { id: booking.id, code: booking.code },
    });

    clock.advance(5 * 60_000);
    const second = await staff.caller.checkin.scan({ token });
    expect(second).toMatchObject({ result: 'already_checked_in', checkedInAt: first.checkedInAt });
    expect(second.booking?.checkedInAt).toBe(first.checkedInAt);
  });

  it('refuses a token with one changed character as invalid, wherever the change is', async () => {
    const customer = await signedIn('customer');
    const staff = await signedIn('staff');
    const booking = await confirmedBooking(customer.user.id);
    const token = await issueTicketToken(booking, signer);
    for (const index of [0, 4, 12, token.length - 40, token.length - 1]) {
      const scan = await staff.caller.checkin.scan({ token: changeOneCharacter(token, index) });
      expect(scan.result).toBe('invalid');
      expect(scan.booking).toBeUndefined();
    }
    expect((await store.getBooking(booking.id))?.checkedInAt).toBeNull();
  });

  it('refuses a validly signed token whose booking facts differ from the stored booking', async () => {
    const customer = await signedIn('customer');
    const staff = await signedIn('staff');
    const booking = await confirmedBooking(customer.user.id, 3);
    const forged = await signer.sign({
      bookingId: booking.id,
      showtimeId: booking.showtimeId,
      seatCount: 5,
      version: booking.version,
    });
    expect(await staff.caller.checkin.scan({ token: forged })).toEqual({
      result: 'invalid',
      reason: 'mismatch',
    });
    const otherKey = createTicketSigner({
      privateKey: (await generateTicketKeys()).privateKey,
      keyId: 'door1',
    });
    expect(await staff.caller.checkin.scan({ token: await issueTicketToken(booking, otherKey) })).toEqual({
      result: 'invalid',
      reason: 'bad_signature',
    });
  });

  it("reports a cancelled booking's old ticket as cancelled and does not check it in", async () => {
    const customer = await signedIn('customer');
    const staff = await signedIn('admin');
    const booking = await confirmedBooking(customer.user.id);
    const token = await issueTicketToken(booking, signer);
    const cancelled = await store.cancelBooking({
      bookingId: booking.id,
      userId: customer.user.id,
      now: clock.now().toISOString(),
      cutoffAt: booking.startsAt,
      ticketJobId: freshId('job'),
    });
    expect(cancelled.ok).toBe(true);
    const scan = await staff.caller.checkin.scan({ token });
    expect(scan).toMatchObject({ result: 'cancelled', booking: { id: booking.id, status: 'cancelled' } });
    expect(scan.checkedInAt).toBeUndefined();
    expect(await staff.caller.checkin.scan({ code: booking.code })).toMatchObject({ result: 'cancelled' });
  });

  it('checks in by the typed booking code, in any case and with spaces, and refuses unknown codes', async () => {
    const customer = await signedIn('customer');
    const staff = await signedIn('staff');
    const booking = await confirmedBooking(customer.user.id);
    const typed = ` ${booking.code.toLowerCase().slice(0, 3)} ${booking.code.toLowerCase().slice(3)} `;
    expect(await staff.caller.checkin.scan({ code: typed })).toMatchObject({
      result: 'ok',
      booking: { id: booking.id },
    });
    expect(await staff.caller.checkin.scan({ code: booking.code })).toMatchObject({
      result: 'already_checked_in',
    });
    expect(await staff.caller.checkin.scan({ code: 'MMNOPE00' })).toEqual({
      result: 'invalid',
      reason: 'unknown_booking',
    });
  });

  it('is FORBIDDEN to customers (even for their own ticket) and UNAUTHORIZED without a session', async () => {
    const customer = await signedIn('customer');
    const booking = await confirmedBooking(customer.user.id);
    const token = await issueTicketToken(booking, signer);
    const forbidden = await customer.caller.checkin.scan({ token }).catch((e: unknown) => e);
    expect(forbidden).toBeInstanceOf(TRPCError);
    expect((forbidden as TRPCError).code).toBe('FORBIDDEN');
    const anonymous = createServerCaller(deps, new Request(`${config.appOrigin}/`)).caller;
    await expect(anonymous.checkin.scan({ token })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    expect((await store.getBooking(booking.id))?.checkedInAt).toBeNull();
  });

  it('rejects input that is neither a token nor a code as BAD_REQUEST', async () => {
    const staff = await signedIn('staff');
    for (const input of [
      {},
      { token: '' },
      { code: 'x' },
      { token: 'a'.repeat(600) },
      { token: 'x', code: 'MM1234' },
    ]) {
      await expect(staff.caller.checkin.scan(input as { token: string })).rejects.toMatchObject({
        code: 'BAD_REQUEST',
      });
    }
  });
});
