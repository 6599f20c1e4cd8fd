import { describe, expect, it } from 'vitest';
import { localDayRange, upcomingDays } from './days.js';

describe('calendar days in a city zone', () => {
  it('starts "Today" at the local date, which can differ from the UTC date', () => {
    // 20:00 UTC on 3 Dec is 01:30 on 4 Dec in India.
    const days = upcomingDays(new Date('2026-12-03T20:00:00Z'), 'Asia/Kolkata');
    expect(days.map((d) => d.date)).toEqual([
      '2026-12-04',
      '2026-12-05',
      '2026-12-06',
      '2026-12-07',
      '2026-12-08',
      '2026-12-09',
      '2026-12-10',
    ]);
    expect(days.map((d) => d.label)).toEqual([
      'Today',
      'Tomorrow',
      'Sunday',
      'Monday',
      'Tuesday',
      'Wednesday',
      'Thursday',
    ]);
  });

  it('turns a local day into its UTC range, across a month end', () => {
    expect(localDayRange('2026-12-31', 'Asia/Kolkata')).toEqual({
      start: new Date('2026-12-30T18:30:00.000Z'),
      end: new Date('2026-12-31T18:30:00.000Z'),
    });
  });

  it('follows daylight-saving changes (a 23-hour day in New York)', () => {
    const { start, end } = localDayRange('2026-03-08', 'America/New_York');
    expect(end.getTime() - start.getTime()).toBe(23 * 3_600_000);
  });
});
