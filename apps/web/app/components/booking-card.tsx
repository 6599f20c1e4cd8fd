import { Link } from '@remix-run/react';
import type { ReactNode } from 'react';
import { formatDateTime, formatMoney } from '../lib/format.js';
import type { ShowtimeSummaryProps } from './showtime-heading.js';

export interface BookingSummary {
  id: string;
  code: string;
  status: 'confirmed' | 'cancelled';
  seats: { id: string; label: string; category: string; price: number }[];
  amounts: { tickets: number; fee: number; tax: number; total: number };
  showtime: Omit<ShowtimeSummaryProps, 'id'>;
  cancellable: boolean;
  cancellableUntil: string;
  ticketUrl: string;
  checkedInAt: string | null;
}

/** One booking with its details; `actions` renders the links that fit the page. */
export function BookingCard({ booking, actions }: { booking: BookingSummary; actions?: ReactNode }) {
  const s = booking.showtime;
  return (
    <article className="card space-y-3" aria-labelledby={`booking-${booking.id}`}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 id={`booking-${booking.id}`} className="text-lg font-bold">
          {s.movieTitle} <span className="text-sm font-normal text-muted">({s.certificate})</span>
        </h3>
        <p className="font-mono text-sm">
          <span className="sr-only">Booking code </span>
          {booking.code}
        </p>
      </div>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-muted">When</dt>
        <dd>{formatDateTime(s.startsAt, s.timeZone)}</dd>
        <dt className="text-muted">Where</dt>
        <dd>
          {s.theaterName}, {s.screenName} · <span className="text-muted">{s.theaterAddress}</span>
        </dd>
        <dt className="text-muted">Seats</dt>
        <dd>{booking.seats.map((seat) => `${seat.label} (${seat.category})`).join(', ')}</dd>
        <dt className="text-muted">Paid</dt>
        <dd>{formatMoney(booking.amounts.total)}</dd>
        <dt className="text-muted">Status</dt>
        <dd className={booking.status === 'cancelled' ? 'font-semibold text-rose' : 'font-semibold text-ok'}>
          {booking.status === 'cancelled' ? 'Cancelled' : booking.checkedInAt ? 'Checked in' : 'Confirmed'}
        </dd>
      </dl>
      {actions ? <div className="flex flex-wrap gap-3 pt-1">{actions}</div> : null}
    </article>
  );
}

export function TicketLink({ booking }: { booking: BookingSummary }) {
  return (
    <a href={booking.ticketUrl} className="btn-primary" download={`MovieMagic-${booking.code}.pdf`}>
      Download ticket <span className="sr-only">for booking {booking.code}</span>
    </a>
  );
}

export function CancelLink({ booking }: { booking: BookingSummary }) {
  return (
    <Link to={`/bookings/${booking.id}/cancel`} className="btn-ghost">
      Cancel booking <span className="sr-only">{booking.code}</span>
    </Link>
  );
}
