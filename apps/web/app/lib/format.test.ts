import { describe, expect, it } from 'vitest';
import { formatMoney, formatPrice, formatRuntime, formatTime } from './format.js';

describe('formatting', () => {
  it('shows paise as Indian rupees with Indian digit grouping', () => {
    expect(formatMoney(25_000)).toBe('₹250.00');
    expect(formatMoney(12_345_678)).toBe('₹1,23,456.78');
    expect(formatPrice(25_000)).toBe('₹250');
    expect(formatPrice(25_050)).toBe('₹250.50');
  });

  it("shows instants in the city's time zone, not the server's", () => {
    // 14:00 UTC is 19:30 in India.
    expect(formatTime('2026-12-14T14:00:00.000Z', 'Asia/Kolkata').replace(/\s/g, ' ')).toBe('7:30 pm');
  });

  it('shows runtimes as hours and minutes', () => {
    expect(formatRuntime(148)).toBe('2h 28m');
    expect(formatRuntime(45)).toBe('45m');
  });
});
