import { Link } from '@remix-run/react';
import { formatDateTime } from '../lib/format.js';

export interface ShowtimeSummaryProps {
  id: string;
  movieId: string;
  movieTitle: string;
  certificate: string;
  language: string;
  format: string;
  theaterName: string;
  theaterAddress: string;
  screenName: string;
  startsAt: string;
  timeZone: string;
}

/** The movie / theater / time block that heads every step of the booking. */
export function ShowtimeHeading({ showtime, step }: { showtime: ShowtimeSummaryProps; step: string }) {
  return (
    <header className="space-y-1">
      <p className="text-sm uppercase tracking-widest text-gold">{step}</p>
      <h1 className="text-2xl font-extrabold sm:text-3xl">
        <Link to={`/movies/${showtime.movieId}`} className="hover:text-gold-strong">
          {showtime.movieTitle}
        </Link>{' '}
        <span className="align-middle text-sm font-bold">
          <span className="rounded border border-line px-1.5">
            <span className="sr-only">Certificate </span>
            {showtime.certificate}
          </span>
        </span>
      </h1>
      <p className="text-muted">
        {showtime.theaterName} · {showtime.screenName} ·{' '}
        {formatDateTime(showtime.startsAt, showtime.timeZone)} · {showtime.language} {showtime.format}
      </p>
    </header>
  );
}
