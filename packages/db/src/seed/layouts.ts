/**
 * Seat layouts for the demo screens, built from a few parameters so they look like real Indian multiplex
 * halls: recliners at the back (top of the drawing), prime in the middle, classic at the front, aisles as
 * `null` cells, a couple of wheelchair spaces on the front row's ends.
 */
import type { SeatCategory, SeatRow } from '../domain.js';
import { seatId } from '../domain.js';

export interface LayoutSpec {
  reclinerRows: number;
  reclinerSeats: number;
  primeRows: number;
  classicRows: number;
  /** Seats per prime/classic row. */
  seatsPerRow: number;
}

export const LAYOUTS = {
  compact: { reclinerRows: 2, reclinerSeats: 8, primeRows: 5, classicRows: 4, seatsPerRow: 14 },
  standard: { reclinerRows: 2, reclinerSeats: 10, primeRows: 6, classicRows: 5, seatsPerRow: 18 },
  large: { reclinerRows: 2, reclinerSeats: 12, primeRows: 7, classicRows: 5, seatsPerRow: 20 },
} satisfies Record<string, LayoutSpec>;

export type LayoutName = keyof typeof LAYOUTS;

/** Category prices in paise per city tier (metro cinemas charge more than a tier-2 town). */
export function categoriesFor(tier: 'metro' | 'tier2'): SeatCategory[] {
  const [recliner, prime, classic] = tier === 'metro' ? [45000, 25000, 15000] : [35000, 20000, 12000];
  return [
    { id: 'recliner', name: 'Recliner', defaultPrice: recliner },
    { id: 'prime', name: 'Prime', defaultPrice: prime },
    { id: 'classic', name: 'Classic', defaultPrice: classic },
  ];
}

/** `[1..n]` split into blocks by aisles, e.g. 18 seats -> 4 | 10 | 4. */
function rowCells(seats: number): (number | null)[] {
  const side = Math.floor(seats / 4);
  const numbers = Array.from({ length: seats }, (_, i) => i + 1);
  return [
    ...numbers.slice(0, side),
    null,
    ...numbers.slice(side, seats - side),
    null,
    ...numbers.slice(seats - side),
  ];
}

/** Recliners are wider: pairs separated by gaps, centred under the wider rows. */
function reclinerCells(seats: number, width: number): (number | null)[] {
  const cells: (number | null)[] = [];
  for (let n = 1; n <= seats; n++) {
    cells.push(n);
    if (n % 2 === 0 && n < seats) cells.push(null);
  }
  const pad = Math.max(0, Math.floor((width - cells.length) / 2));
  return [...Array<null>(pad).fill(null), ...cells];
}

const LABELS = 'ABCDEFGHJKLMNOPQRSTUVWXYZ'; // no "I": it reads like "1" on a ticket

export function buildLayout(name: LayoutName): { rows: SeatRow[]; accessibleSeatIds: string[] } {
  const spec = LAYOUTS[name];
  const width = spec.seatsPerRow + 2;
  const rows: SeatRow[] = [];
  const label = () => LABELS[rows.length] as string;
  for (let i = 0; i < spec.reclinerRows; i++) {
    rows.push({ label: label(), categoryId: 'recliner', cells: reclinerCells(spec.reclinerSeats, width) });
  }
  for (let i = 0; i < spec.primeRows; i++)
    rows.push({ label: label(), categoryId: 'prime', cells: rowCells(spec.seatsPerRow) });
  for (let i = 0; i < spec.classicRows; i++) {
    rows.push({ label: label(), categoryId: 'classic', cells: rowCells(spec.seatsPerRow) });
  }
  const front = rows[rows.length - 1] as SeatRow;
  return { rows, accessibleSeatIds: [seatId(front.label, 1), seatId(front.label, spec.seatsPerRow)] };
}
