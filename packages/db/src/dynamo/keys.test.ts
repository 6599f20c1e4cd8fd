import { describe, expect, it } from 'vitest';
import { instant, keys, normalizeEmail, seatSortKey } from './keys.js';

describe('DynamoDB key builders', () => {
  it('zero-pads seat numbers so seats sort in row and number order', () => {
    expect(seatSortKey('F-7')).toBe('SEAT#F#07');
    expect(seatSortKey('AA-12')).toBe('SEAT#AA#12');
    const sorted = ['A-10', 'A-2', 'A-1', 'B-1'].map((s) => seatSortKey(s) as string).sort();
    expect(sorted).toEqual(['SEAT#A#01', 'SEAT#A#02', 'SEAT#A#10', 'SEAT#B#01']);
  });

  it('rejects strings that are not seat ids', () => {
    expect(seatSortKey('F7')).toBeNull();
    expect(seatSortKey('f-7')).toBeNull();
    expect(seatSortKey('F-123')).toBeNull();
    expect(() => keys.seat('st1', 'nope')).toThrow(RangeError);
  });

  it('normalises instants so lexical order is chronological order', () => {
    expect(instant('2026-12-01T10:00:00Z')).toBe('2026-12-01T10:00:00.000Z');
    expect(instant('2026-12-01T15:30:00+05:30')).toBe('2026-12-01T10:00:00.000Z');
    expect(() => instant('yesterday')).toThrow(RangeError);
    const early = keys.cityStart('hyd', '2026-12-01T09:00:00Z', 'st_b').cityStartSK;
    const late = keys.cityStart('hyd', '2026-12-01T10:00:00.000Z', 'st_a').cityStartSK;
    expect(early < late).toBe(true);
  });

  it('makes [from, to) windows out of START# bounds', () => {
    const from = keys.startBound('2026-12-01T10:00:00.000Z');
    const to = keys.startBound('2026-12-01T12:00:00.000Z');
    const atFrom = keys.cityStart('hyd', '2026-12-01T10:00:00.000Z', 'st1').cityStartSK;
    const atTo = keys.cityStart('hyd', '2026-12-01T12:00:00.000Z', 'st1').cityStartSK;
    expect(atFrom >= from && atFrom <= to).toBe(true);
    expect(atTo >= from && atTo <= to).toBe(false);
  });

  it('puts the seat map in one partition that sorts META before every seat and after DETAILS', () => {
    const details = keys.showtimeDetails('st1');
    const meta = keys.showtimeMeta('st1');
    const seat = keys.seat('st1', 'A-1');
    expect(new Set([details.PK, meta.PK, seat.PK])).toEqual(new Set(['SHOW#st1']));
    expect(details.SK < keys.seatMapFrom()).toBe(true);
    expect(meta.SK).toBe(keys.seatMapFrom());
    expect(seat.SK > meta.SK).toBe(true);
  });

  it('keys e-mail uniqueness on the trimmed, lower-cased address', () => {
    expect(normalizeEmail('  Asha@Example.COM ')).toBe('asha@example.com');
    expect(keys.email('Asha@Example.COM')).toEqual(keys.email('asha@example.com'));
  });

  it("orders a user's booking index entries by creation time", () => {
    const older = keys.userBooking('u1', '2026-12-01T09:00:00Z', 'bk_z').SK;
    const newer = keys.userBooking('u1', '2026-12-01T10:00:00Z', 'bk_a').SK;
    expect(older < newer).toBe(true);
    expect(older.startsWith(keys.userBookingPrefix())).toBe(true);
  });

  it('bounds due jobs and expired sessions inclusively at now', () => {
    const now = '2026-12-01T10:00:00.000Z';
    expect(keys.jobState('pending', now, 'job1').jobDueSK < keys.jobsDueBefore(now)).toBe(true);
    expect(
      keys.jobState('pending', '2026-12-01T10:00:00.001Z', 'job1').jobDueSK < keys.jobsDueBefore(now),
    ).toBe(false);
    expect(keys.sessionExpiry(now, 's1').sessionExpirySK < keys.sessionsExpiredBefore(now)).toBe(true);
  });
});
