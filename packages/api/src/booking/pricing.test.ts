import { parseConfig } from '@movie-magic/config';
import { describe, expect, it } from 'vitest';
import { BOOKING_CODE_ALPHABET, generateBookingCode } from './code.js';
import { computeAmounts } from './pricing.js';

describe('server-side prices', () => {
  const booking = parseConfig({}).booking;

  it('adds ticket prices, a fee per ticket and 18% GST on the fee', () => {
    expect(computeAmounts([45_000, 15_000, 15_000], booking)).toEqual({
      tickets: 75_000,
      fee: 9_000,
      tax: 1_620,
      total: 85_620,
    });
  });

  it('rounds GST half up to whole paise', () => {
    const odd = { ...booking, convenienceFeePaise: 25, gstBasisPoints: 1_800 };
    expect(computeAmounts([100], odd).tax).toBe(5); // 4.5 -> 5
    expect(computeAmounts([100], { ...odd, convenienceFeePaise: 24 }).tax).toBe(4); // 4.32 -> 4
  });
});

describe('booking codes', () => {
  it('are 7 characters from an alphabet without 0, O, 1 or I', () => {
    expect(BOOKING_CODE_ALPHABET).toHaveLength(32);
    expect(BOOKING_CODE_ALPHABET).not.toMatch(/[0O1I]/);
    const codes = Array.from({ length: 500 }, generateBookingCode);
    for (const code of codes) expect(code).toMatch(/^[A-HJ-NP-Z2-9]{7}$/);
    expect(new Set(codes).size).toBe(codes.length);
  });
});
