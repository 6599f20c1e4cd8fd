/**
 * The hold's countdown. It counts from the time left as the server saw it (not the device clock, which may
 * be wrong), announces the last minute to screen readers, and when it runs out tells the user and sends
 * them back to the seat map.
 */
import { Link, useNavigate } from '@remix-run/react';
import { useEffect, useState } from 'react';

export function HoldCountdown({ remainingMs, showtimeId }: { remainingMs: number; showtimeId: string }) {
  const [left, setLeft] = useState(Math.max(0, remainingMs));
  const navigate = useNavigate();
  useEffect(() => {
    const started = performance.now();
    const timer = setInterval(() => {
      setLeft(Math.max(0, remainingMs - (performance.now() - started)));
    }, 250);
    return () => clearInterval(timer);
  }, [remainingMs]);
  const expired = left <= 0;
  useEffect(() => {
    if (!expired) return;
    const timer = setTimeout(() => navigate(`/showtimes/${showtimeId}?reason=expired`), 4_000);
    return () => clearTimeout(timer);
  }, [expired, navigate, showtimeId]);

  const seconds = Math.ceil(left / 1000);
  const mm = String(Math.floor(seconds / 60)).padStart(1, '0');
  const ss = String(seconds % 60).padStart(2, '0');
  if (expired) {
    return (
      <div role="alert" className="card border-rose">
        <p className="font-semibold">Your hold has expired and the seats were released.</p>
        <p className="mt-1 text-muted">Taking you back to the seat map…</p>
        <Link to={`/showtimes/${showtimeId}?reason=expired`} className="btn-primary mt-3">
          Choose seats again
        </Link>
      </div>
    );
  }
  return (
    <div className="card flex items-center justify-between gap-4 border-gold">
      <p>
        Seats held for you for{' '}
        <span
          role="timer"
          aria-label={`${mm} minutes ${ss} seconds left`}
          className="font-mono text-xl font-bold text-gold-strong"
        >
          {mm}:{ss}
        </span>
      </p>
      <p aria-live="polite" className="text-sm text-muted">
        {seconds <= 60 ? 'Less than a minute left' : ''}
      </p>
    </div>
  );
}
