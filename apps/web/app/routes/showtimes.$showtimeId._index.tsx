import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData, useLocation, useNavigate } from '@remix-run/react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { TRPCClientError } from '@trpc/client';
import { useEffect, useMemo, useRef, useState } from 'react';
import { GeneralErrorBoundary } from '../components/error-boundary.js';
import { type MapSeat, SeatLegend, SeatMap } from '../components/seat-map.js';
import { ShowtimeHeading } from '../components/showtime-heading.js';
import { api, attempt, notFoundUnless } from '../lib/api.server.js';
import { formatMoney } from '../lib/format.js';
import { ApiProvider, useTRPC } from '../lib/trpc.js';

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Choose seats · ${data.map.showtime.movieTitle} · Movie Magic` : 'Movie Magic' },
];

export async function loader(args: LoaderFunctionArgs) {
  const showtimeId = args.params.showtimeId ?? '';
  const { caller, headers } = api(args);
  const [map, user] = await Promise.all([
    attempt(() => caller.booking.seatMap({ showtimeId })),
    caller.auth.me(),
  ]);
  if (!map.ok) notFoundUnless(map.failure, 'Showtime');
  const reason = new URL(args.request.url).searchParams.get('reason');
  return data({ map: map.value, signedIn: user !== null, reason }, { headers });
}

type SeatMapData = ReturnType<typeof useLoaderData<typeof loader>>['map'];

const REASONS: Record<string, string> = {
  expired: 'Your hold on the seats ran out, so they were released. Please choose your seats again.',
  'hold-missing': 'Those seats are no longer held for you. Please choose your seats again.',
};

function failureMessage(error: unknown): { text: string; taken: string[]; signIn: boolean } {
  if (error instanceof TRPCClientError) {
    const data = (error.data ?? {}) as { domainCode?: string; unavailableSeatIds?: string[]; code?: string };
    if (data.code === 'UNAUTHORIZED')
      return { text: 'Please sign in to hold seats.', taken: [], signIn: true };
    if (data.domainCode === 'SEAT_UNAVAILABLE') {
      const taken = data.unavailableSeatIds ?? [];
      return {
        text: `Sorry, ${taken.map((s) => s.replace('-', '')).join(', ') || 'a seat'} was just taken by someone else. Please pick again.`,
        taken,
        signIn: false,
      };
    }
    return { text: error.message, taken: [], signIn: false };
  }
  return {
    text: 'Could not reach Movie Magic. Check your connection and try again.',
    taken: [],
    signIn: false,
  };
}

/** The typed API client is only needed here (live seat map, hold), so only this page loads it. */
export default function SeatsRoute() {
  return (
    <ApiProvider>
      <SeatsPage />
    </ApiProvider>
  );
}

function SeatsPage() {
  const loaderData = useLoaderData<typeof loader>();
  const { signedIn, reason } = loaderData;
  const showtimeId = loaderData.map.showtime.id;
  const trpc = useTRPC();
  const navigate = useNavigate();
  const location = useLocation();

  const mapQuery = useQuery({
    ...trpc.booking.seatMap.queryOptions({ showtimeId }),
    initialData: loaderData.map as SeatMapData,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const map = mapQuery.data ?? loaderData.map;
  // Cheap polling (one counter read); the full map is fetched only when the version moved.
  const version = useQuery({
    ...trpc.booking.seatMapVersion.queryOptions({ showtimeId }),
    refetchInterval: 2_000,
    refetchIntervalInBackground: false,
  });
  const { refetch } = mapQuery;
  useEffect(() => {
    if (version.data && version.data.version !== map.version) void refetch();
  }, [version.data, map.version, refetch]);

  const [selected, setSelected] = useState<Set<string>>(() => new Set(loaderData.map.myHold?.seatIds ?? []));
  const [notice, setNotice] = useState<string | null>(reason ? (REASONS[reason] ?? null) : null);
  const seatsById = useMemo(() => new Map(map.seats.map((s) => [s.id, s])), [map.seats]);

  // Someone else took a seat I had selected: drop it and say so.
  const lastVersion = useRef(map.version);
  useEffect(() => {
    if (lastVersion.current === map.version) return;
    lastVersion.current = map.version;
    const lost = [...selected].filter((id) => {
      const s = seatsById.get(id);
      return !s || s.status === 'held' || s.status === 'sold';
    });
    if (lost.length > 0) {
      setSelected((prev) => new Set([...prev].filter((id) => !lost.includes(id))));
      setNotice(`${lost.map((id) => id.replace('-', '')).join(', ')} was just taken by someone else.`);
    }
  }, [map.version, seatsById, selected]);

  const hold = useMutation(
    trpc.booking.hold.mutationOptions({
      onSuccess: () => navigate(`/showtimes/${showtimeId}/review`),
      onError: (error) => {
        const failure = failureMessage(error);
        if (failure.signIn) {
          navigate(`/login?redirectTo=${encodeURIComponent(location.pathname)}`);
          return;
        }
        setNotice(failure.text);
        if (failure.taken.length > 0) {
          setSelected((prev) => new Set([...prev].filter((id) => !failure.taken.includes(id))));
          void refetch();
        }
      },
    }),
  );

  function toggle(seat: MapSeat) {
    setSelected((prev) => {
      const next = new Set(prev);
      if (next.has(seat.id)) {
        next.delete(seat.id);
        setNotice(null);
      } else if (next.size >= map.maxSeatsPerBooking) {
        setNotice(
          `You can book at most ${map.maxSeatsPerBooking} seats at a time. Deselect a seat to choose another.`,
        );
        return prev;
      } else {
        next.add(seat.id);
        setNotice(null);
      }
      return next;
    });
  }

  const soldOut = map.seats.every((s) => s.status === 'sold');
  const chosen = [...selected].map((id) => seatsById.get(id)).filter((s): s is MapSeat => Boolean(s));
  const total = chosen.reduce((sum, s) => sum + s.price, 0);

  return (
    <div className="space-y-6">
      <ShowtimeHeading showtime={map.showtime} step="Choose your seats" />
      <SeatLegend categories={map.categories} />
      <p aria-live="polite" role="status" className={notice ? 'card border-gold text-ink' : 'sr-only'}>
        {notice ?? ''}
      </p>
      {soldOut ? (
        <p className="card border-rose">
          This show is sold out.{' '}
          <Link to={`/movies/${map.showtime.movieId}`} className="text-gold underline">
            See other showtimes
          </Link>
        </p>
      ) : null}
      {map.bookable ? (
        <SeatMap
          rows={map.rows}
          seats={map.seats}
          categories={map.categories}
          selected={selected}
          onToggle={toggle}
        />
      ) : (
        <p className="card">This show has started, so its seats can no longer be booked.</p>
      )}
      <div className="sticky bottom-0 z-10 -mx-4 border-t border-line bg-screen/95 px-4 py-3 backdrop-blur">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3">
          <p aria-live="polite">
            {chosen.length === 0 ? (
              <span className="text-muted">Select up to {map.maxSeatsPerBooking} seats.</span>
            ) : (
              <>
                <span className="font-semibold">
                  {chosen.length} {chosen.length === 1 ? 'seat' : 'seats'}:{' '}
                  {chosen.map((s) => s.label).join(', ')}
                </span>{' '}
                <span className="text-muted">·</span>{' '}
                <span className="font-bold text-gold-strong">{formatMoney(total)}</span>{' '}
                <span className="text-xs text-muted">+ fees at review</span>
              </>
            )}
          </p>
          {signedIn ? (
            <button
              type="button"
              className="btn-primary"
              disabled={chosen.length === 0 || hold.isPending || !map.bookable}
              onClick={() => hold.mutate({ showtimeId, seatIds: chosen.map((s) => s.id) })}
            >
              {hold.isPending ? 'Holding seats…' : 'Hold seats and review'}
            </button>
          ) : (
            <Link className="btn-primary" to={`/login?redirectTo=${encodeURIComponent(location.pathname)}`}>
              Sign in to book
            </Link>
          )}
        </div>
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
