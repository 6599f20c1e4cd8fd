/**
 * Calendar days in a city's time zone. A cinema's "today" is the local date, not the UTC date: at 02:00 IST
 * the UTC date is still yesterday.
 */
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';

export const DAYS_AHEAD = 7;

export interface Day {
  /** `YYYY-MM-DD` in the city's zone. */
  date: string;
  /** "Today", "Tomorrow", then the weekday name. */
  label: string;
}

function dayAt(year: number, month: number, day: number, timeZone: string): TZDate {
  return new TZDate(year, month, day, timeZone);
}

/** Today through today + 6 in `timeZone`. */
export function upcomingDays(now: Date, timeZone: string): Day[] {
  const local = new TZDate(now.getTime(), timeZone);
  return Array.from({ length: DAYS_AHEAD }, (_, offset) => {
    const day = dayAt(local.getFullYear(), local.getMonth(), local.getDate() + offset, timeZone);
    const label = offset === 0 ? 'Today' : offset === 1 ? 'Tomorrow' : format(day, 'EEEE');
    return { date: format(day, 'yyyy-MM-dd'), label };
  });
}

/** The UTC instants [start, end) of a local calendar day. */
export function localDayRange(date: string, timeZone: string): { start: Date; end: Date } {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const start = dayAt(year, month - 1, day, timeZone);
  const end = dayAt(year, month - 1, day + 1, timeZone);
  return { start: new Date(start.getTime()), end: new Date(end.getTime()) };
}
