/** The seat map a client draws: every seat with its status and price, plus the layout (rows, gaps, screen). */
import {
  type Screen,
  SEAT_STATUSES,
  type SeatMapState,
  type Showtime,
  seatId,
  seatsOfScreen,
} from '@movie-magic/db';
import { z } from 'zod';
import { AmountsView, SeatLine, ShowtimeSummary, seatLabel } from './view.js';

export const SeatMapView = z.object({
  showtime: ShowtimeSummary,
  /** Changes on every hold, release, confirm and cancel: poll `booking.seatMapVersion` and refetch on change. */
  version: z.number().int().nonnegative(),
  categories: z.array(z.object({ id: z.string(), name: z.string(), price: z.number().int().nonnegative() })),
  seats: z.array(
    SeatLine.extend({
      row: z.string(),
      number: z.number().int().positive(),
      accessible: z.boolean(),
      status: z.enum(SEAT_STATUSES),
    }),
  ),
  /** Drawing order: the first row is farthest from the screen; `null` cells are aisles or gaps. */
  rows: z.array(
    z.object({ label: z.string(), categoryId: z.string(), cells: z.array(z.string().nullable()) }),
  ),
  /** The screen is drawn below the last row. */
  screen: z.object({ position: z.literal('bottom') }),
  /** The viewer's own unexpired hold on this showtime, if any. */
  /** The viewer's own live hold on this showtime, priced as `booking.hold` returns it. */
  myHold: z
    .object({
      holdId: z.string(),
      expiresAt: z.string(),
      seatIds: z.array(z.string()),
      seats: z.array(SeatLine),
      amounts: AmountsView,
    })
    .nullable(),
  maxSeatsPerBooking: z.number().int().positive(),
  /** False once the show has started. */
  bookable: z.boolean(),
});
export type SeatMapView = z.infer<typeof SeatMapView>;

export function priceOf(showtime: Showtime, screen: Screen, categoryId: string): number {
  return showtime.prices[categoryId] ?? screen.categories.find((c) => c.id === categoryId)?.defaultPrice ?? 0;
}

type SeatView = SeatMapView['seats'][number];

interface SeatMapTemplate {
  categories: SeatMapView['categories'];
  seats: Omit<SeatView, 'status'>[];
  rows: SeatMapView['rows'];
}

/** The static part of a seat map (layout and prices) per cached showtime/screen pair: only statuses vary. */
const templates = new WeakMap<Showtime, WeakMap<Screen, SeatMapTemplate>>();

function templateFor(showtime: Showtime, screen: Screen): SeatMapTemplate {
  let byScreen = templates.get(showtime);
  if (!byScreen) {
    byScreen = new WeakMap();
    templates.set(showtime, byScreen);
  }
  let template = byScreen.get(screen);
  if (!template) {
    const accessible = new Set(screen.accessibleSeatIds);
    const names = new Map(screen.categories.map((c) => [c.id, c.name]));
    template = {
      categories: screen.categories.map((c) => ({
        id: c.id,
        name: c.name,
        price: priceOf(showtime, screen, c.id),
      })),
      seats: seatsOfScreen(screen).map((seat) => ({
        id: seat.id,
        label: seatLabel(seat.id),
        row: seat.row,
        number: seat.number,
        categoryId: seat.categoryId,
        category: names.get(seat.categoryId) ?? seat.categoryId,
        price: priceOf(showtime, screen, seat.categoryId),
        accessible: accessible.has(seat.id),
      })),
      rows: screen.rows.map((row) => ({
        label: row.label,
        categoryId: row.categoryId,
        cells: row.cells.map((cell) => (cell === null ? null : seatId(row.label, cell))),
      })),
    };
    byScreen.set(screen, template);
  }
  return template;
}

export function buildSeatMap(args: {
  summary: ShowtimeSummary;
  showtime: Showtime;
  screen: Screen;
  state: SeatMapState;
  myHold: SeatMapView['myHold'];
  maxSeatsPerBooking: number;
  now: Date;
}): SeatMapView {
  const { showtime, screen, state } = args;
  const statusOf = new Map(state.taken.map((seat) => [seat.seatId, seat.status]));
  const template = templateFor(showtime, screen);
  return {
    showtime: args.summary,
    version: state.version,
    categories: template.categories,
    seats: template.seats.map((seat) => ({ ...seat, status: statusOf.get(seat.id) ?? 'available' })),
    rows: template.rows,
    screen: { position: 'bottom' },
    myHold: args.myHold,
    maxSeatsPerBooking: args.maxSeatsPerBooking,
    bookable: new Date(showtime.startsAt).getTime() > args.now.getTime(),
  };
}
