/**
 * The demo schedule: every screen plays four shows a day (10:00, 13:30, 17:00, 21:00 in the city's time
 * zone) from today to six days ahead, rotating the films that suit the screen. Ids are deterministic
 * (`st_<screen>_<yyyymmdd>_<hhmm>`), so re-seeding upserts the same showtimes instead of adding new ones.
 */
import { TZDate } from '@date-fns/tz';
import type { FORMATS, Movie, Screen, Showtime } from '../domain.js';
import { seatsOfScreen } from '../domain.js';
import type { SeedScreen } from './catalog-data.js';

type Format = (typeof FORMATS)[number];

export const SHOW_SLOTS = [
  { hour: 10, minute: 0 },
  { hour: 13, minute: 30 },
  { hour: 17, minute: 0 },
  { hour: 21, minute: 0 },
] as const;

export const SCHEDULE_DAYS = 7;

/** Surcharge per seat for premium formats, in paise. */
const FORMAT_SURCHARGE: Record<Format, number> = {
  '2D': 0,
  '3D': 3000,
  'IMAX 2D': 10000,
  'IMAX 3D': 13000,
  '4DX': 15000,
};

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function pickFormat(screen: SeedScreen, movie: Movie, slot: number): Format | null {
  const both = screen.formats.filter((f) => movie.formats.includes(f));
  if (both.length === 0) return null;
  // Rotate through the formats both support, so a 3D-capable screen alternates 2D and 3D through the day.
  return both[slot % both.length] ?? null;
}

export interface ScheduleInput {
  screen: Screen;
  seedScreen: SeedScreen;
  cityId: string;
  timeZone: string;
  movies: Movie[];
  /** Position of the screen in the seed (varies the rotation between screens). */
  screenIndex: number;
  now: Date;
}

export function scheduleFor(input: ScheduleInput): Showtime[] {
  const { screen, seedScreen, timeZone, now } = input;
  const playable = input.movies.filter((m) => seedScreen.formats.some((f) => m.formats.includes(f)));
  const today = new TZDate(now, timeZone);
  const seatsTotal = seatsOfScreen(screen).length;
  const showtimes: Showtime[] = [];
  for (let day = 0; day < SCHEDULE_DAYS; day++) {
    SHOW_SLOTS.forEach((slot, slotIndex) => {
      const local = new TZDate(
        today.getFullYear(),
        today.getMonth(),
        today.getDate() + day,
        slot.hour,
        slot.minute,
        0,
        0,
        timeZone,
      );
      const startsAt = new Date(local.getTime());
      if (startsAt.getTime() <= now.getTime()) return;
      const movie = playable[(input.screenIndex * 3 + day + slotIndex * 2) % playable.length];
      if (!movie) return;
      const format = pickFormat(seedScreen, movie, slotIndex);
      if (!format) return;
      const yyyymmdd = `${local.getFullYear()}${pad(local.getMonth() + 1)}${pad(local.getDate())}`;
      showtimes.push({
        id: `st_${screen.id}_${yyyymmdd}_${pad(slot.hour)}${pad(slot.minute)}`,
        movieId: movie.id,
        theaterId: screen.theaterId,
        screenId: screen.id,
        cityId: input.cityId,
        startsAt: startsAt.toISOString(),
        language:
          movie.languages[(day + slotIndex) % movie.languages.length] ?? (movie.languages[0] as string),
        format,
        prices: Object.fromEntries(
          screen.categories.map((c) => [c.id, c.defaultPrice + FORMAT_SURCHARGE[format]]),
        ),
        seatsTotal,
      });
    });
  }
  return showtimes;
}
