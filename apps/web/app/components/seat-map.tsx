/**
 * The visual seat map. Each seat is a button (WAI-ARIA APG "grid"-like roving tabindex: one Tab stop for the
 * whole map, arrow keys move, Enter/Space toggle). A seat's state is carried by its accessible name, by
 * aria-pressed / aria-disabled, and visually by fill + pattern + a mark (✓, ×), never by colour alone.
 */
import { type KeyboardEvent, useEffect, useMemo, useRef, useState } from 'react';
import { formatPrice } from '../lib/format.js';

export type SeatStatus = 'available' | 'held' | 'sold' | 'mine';

export interface MapSeat {
  id: string;
  label: string;
  row: string;
  number: number;
  category: string;
  categoryId: string;
  price: number;
  accessible: boolean;
  status: SeatStatus;
}

export interface MapRow {
  label: string;
  categoryId: string;
  cells: (string | null)[];
}

export interface SeatMapProps {
  rows: MapRow[];
  seats: MapSeat[];
  categories: { id: string; name: string; price: number }[];
  selected: ReadonlySet<string>;
  onToggle: (seat: MapSeat) => void;
}

function stateWord(seat: MapSeat, selected: boolean): string {
  if (selected) return 'selected';
  if (seat.status === 'held') return 'held by someone else';
  if (seat.status === 'sold') return 'sold';
  return 'available';
}

export function seatName(seat: MapSeat, selected: boolean): string {
  return `Row ${seat.row}, seat ${seat.number}, ${seat.category}, ${formatPrice(seat.price)}${
    seat.accessible ? ', wheelchair accessible' : ''
  }, ${stateWord(seat, selected)}`;
}

function isTaken(seat: MapSeat): boolean {
  return seat.status === 'held' || seat.status === 'sold';
}

export function SeatMap({ rows, seats, categories, selected, onToggle }: SeatMapProps) {
  const byId = useMemo(() => new Map(seats.map((s) => [s.id, s])), [seats]);
  const firstSeat = rows.flatMap((r) => r.cells).find((c): c is string => c !== null) ?? null;
  const [focusId, setFocusId] = useState<string | null>(null);
  const activeId = focusId && byId.has(focusId) ? focusId : firstSeat;
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const scroller = useRef<HTMLDivElement>(null);
  // On a phone the map is wider than the screen: start with its middle (the best seats) in view.
  useEffect(() => {
    const el = scroller.current;
    if (el && el.scrollWidth > el.clientWidth) el.scrollLeft = (el.scrollWidth - el.clientWidth) / 2;
  }, []);

  function moveTo(id: string | null | undefined) {
    if (!id) return;
    setFocusId(id);
    buttons.current.get(id)?.focus();
  }

  function neighbour(seatId: string, key: string): string | null {
    const rowIndex = rows.findIndex((r) => r.cells.includes(seatId));
    const row = rows[rowIndex];
    if (!row) return null;
    const col = row.cells.indexOf(seatId);
    if (key === 'ArrowLeft' || key === 'ArrowRight') {
      const step = key === 'ArrowLeft' ? -1 : 1;
      for (let c = col + step; c >= 0 && c < row.cells.length; c += step) {
        if (row.cells[c]) return row.cells[c] ?? null;
      }
      return null;
    }
    if (key === 'Home') return row.cells.find((c) => c !== null) ?? null;
    if (key === 'End') return row.cells.findLast((c) => c !== null) ?? null;
    const step = key === 'ArrowUp' ? -1 : 1;
    for (let r = rowIndex + step; r >= 0 && r < rows.length; r += step) {
      const cells = rows[r]?.cells ?? [];
      // The seat in the same column, else the nearest seat in that row (rows can be offset by aisles).
      let best: string | null = null;
      let bestDistance = Number.POSITIVE_INFINITY;
      cells.forEach((cell, index) => {
        const distance = Math.abs(index - col);
        if (cell && distance < bestDistance) {
          best = cell;
          bestDistance = distance;
        }
      });
      if (best) return best;
    }
    return null;
  }

  function onKeyDown(event: KeyboardEvent<HTMLButtonElement>, seatId: string) {
    if (['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End'].includes(event.key)) {
      event.preventDefault();
      moveTo(neighbour(seatId, event.key));
    }
  }

  const categoryOfRow = new Map(categories.map((c) => [c.id, c]));
  let lastCategory: string | null = null;

  return (
    <div ref={scroller} className="overflow-x-auto rounded-2xl border border-line bg-panel p-3 sm:p-6">
      {/* biome-ignore lint/a11y/useSemanticElements: a labelled group of buttons, not form fields (no fieldset/legend) */}
      <div className="mx-auto w-max min-w-full space-y-1.5" role="group" aria-label="Seats">
        {rows.map((row) => {
          const header =
            row.categoryId !== lastCategory ? (
              <p
                key={`${row.label}-cat`}
                className="pt-3 text-center text-xs uppercase tracking-widest text-muted"
              >
                {categoryOfRow.get(row.categoryId)?.name} ·{' '}
                {formatPrice(categoryOfRow.get(row.categoryId)?.price ?? 0)}
              </p>
            ) : null;
          lastCategory = row.categoryId;
          return (
            <div key={row.label}>
              {header}
              {/* biome-ignore lint/a11y/useSemanticElements: a labelled group of seat buttons, as above */}
              <div
                className="flex items-center justify-center gap-1"
                role="group"
                aria-label={`Row ${row.label}`}
              >
                <span aria-hidden="true" className="w-6 shrink-0 text-center text-xs font-bold text-muted">
                  {row.label}
                </span>
                {row.cells.map((cell, index) => {
                  const seat = cell ? byId.get(cell) : undefined;
                  if (!seat) {
                    // A gap has no identity but its position in the row, which never changes.
                    // biome-ignore lint/suspicious/noArrayIndexKey: see above
                    return <span key={`gap-${row.label}-${index}`} className="seat-gap" aria-hidden="true" />;
                  }
                  const isSelected = selected.has(seat.id);
                  const taken = isTaken(seat);
                  const look = isSelected
                    ? 'seat-selected'
                    : taken
                      ? `seat-${seat.status}`
                      : 'seat-available';
                  return (
                    <button
                      key={seat.id}
                      ref={(el) => {
                        if (el) buttons.current.set(seat.id, el);
                        else buttons.current.delete(seat.id);
                      }}
                      type="button"
                      className={`seat ${look}`}
                      tabIndex={seat.id === activeId ? 0 : -1}
                      aria-pressed={taken ? undefined : isSelected}
                      aria-disabled={taken ? true : undefined}
                      aria-label={seatName(seat, isSelected)}
                      title={seatName(seat, isSelected)}
                      onFocus={() => setFocusId(seat.id)}
                      onKeyDown={(e) => onKeyDown(e, seat.id)}
                      onClick={() => {
                        setFocusId(seat.id);
                        if (!taken) onToggle(seat);
                      }}
                    >
                      <span aria-hidden="true">
                        {isSelected
                          ? '✓'
                          : seat.status === 'sold'
                            ? '×'
                            : seat.status === 'held'
                              ? ''
                              : seat.accessible
                                ? '♿'
                                : seat.number}
                      </span>
                    </button>
                  );
                })}
                <span aria-hidden="true" className="w-6 shrink-0 text-center text-xs font-bold text-muted">
                  {row.label}
                </span>
              </div>
            </div>
          );
        })}
        <div className="pt-6" aria-hidden="true">
          <div className="screen-arc mx-auto w-3/4" />
        </div>
        <p className="text-center text-xs uppercase tracking-[0.3em] text-muted">Screen this way</p>
      </div>
    </div>
  );
}

export function SeatLegend({ categories }: { categories: { id: string; name: string; price: number }[] }) {
  return (
    <div className="flex flex-wrap gap-x-6 gap-y-3 text-sm">
      <ul className="flex flex-wrap gap-3" aria-label="Seat categories">
        {categories.map((c) => (
          <li key={c.id} className="rounded-lg border border-line px-3 py-1">
            <span className="font-semibold">{c.name}</span>{' '}
            <span className="text-muted">{formatPrice(c.price)}</span>
          </li>
        ))}
      </ul>
      <ul className="flex flex-wrap items-center gap-4" aria-label="Seat states">
        <li className="flex items-center gap-2">
          <span className="seat seat-available" aria-hidden="true">
            7
          </span>
          Available
        </li>
        <li className="flex items-center gap-2">
          <span className="seat seat-selected" aria-hidden="true">
            ✓
          </span>
          Your selection
        </li>
        <li className="flex items-center gap-2">
          <span className="seat seat-held" aria-hidden="true" />
          Held by someone
        </li>
        <li className="flex items-center gap-2">
          <span className="seat seat-sold" aria-hidden="true">
            ×
          </span>
          Sold
        </li>
        <li className="flex items-center gap-2">
          <span className="seat seat-available" aria-hidden="true">
            ♿
          </span>
          Wheelchair accessible
        </li>
      </ul>
    </div>
  );
}
