import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { GeneralErrorBoundary } from '../components/error-boundary.js';
import { PosterImage } from '../components/poster.js';
import { api, attempt, notFoundUnless } from '../lib/api.server.js';
import { formatPrice, formatRuntime, formatTime } from '../lib/format.js';
import { requireCity } from '../lib/root.server.js';

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.movie.title} · showtimes in ${data.city.name} · Movie Magic` : 'Movie Magic' },
  ...(data ? [{ name: 'description', content: data.movie.synopsis.slice(0, 160) }] : []),
];

export async function loader(args: LoaderFunctionArgs) {
  const movieId = args.params.movieId ?? '';
  const { city, headers } = await requireCity(args);
  const { caller } = api(args);
  const movie = await attempt(() => caller.catalog.movie({ movieId }));
  if (!movie.ok) notFoundUnless(movie.failure, 'Movie');
  const date = new URL(args.request.url).searchParams.get('date') ?? undefined;
  let showtimes = await attempt(() => caller.catalog.showtimes({ movieId, cityId: city.id, date }));
  // A stale or mistyped ?date (yesterday's link) falls back to today instead of failing.
  if (!showtimes.ok && date)
    showtimes = await attempt(() => caller.catalog.showtimes({ movieId, cityId: city.id }));
  if (!showtimes.ok) notFoundUnless(showtimes.failure, 'Showtimes');
  return data({ city, movie: movie.value, schedule: showtimes.value }, { headers });
}

type Showtime = ReturnType<
  typeof useLoaderData<typeof loader>
>['schedule']['theaters'][number]['showtimes'][number];

function availability(s: Showtime): { text: string; tone: string } | null {
  if (s.seatsAvailable === 0) return { text: 'Sold out', tone: 'text-rose' };
  if (s.seatsAvailable / s.seatsTotal <= 0.2) return { text: 'Filling fast', tone: 'text-gold' };
  return null;
}

function priceRange(showtimes: Showtime[]): string {
  const prices = showtimes.flatMap((s) => s.prices.map((p) => p.price));
  if (prices.length === 0) return '';
  const min = Math.min(...prices);
  const max = Math.max(...prices);
  return min === max ? formatPrice(min) : `${formatPrice(min)} – ${formatPrice(max)}`;
}

export default function MoviePage() {
  const { city, movie, schedule } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-8">
      <section className="grid gap-6 sm:grid-cols-[220px_1fr]">
        <div className="mx-auto w-40 overflow-hidden rounded-2xl border border-line sm:w-full">
          <PosterImage src={movie.posterUrl} title={movie.title} eager />
        </div>
        <div className="space-y-3">
          <h1 className="text-3xl font-extrabold sm:text-4xl">{movie.title}</h1>
          <p className="flex flex-wrap gap-2 text-sm">
            <span className="rounded border border-line px-2 py-0.5 font-bold">
              <span className="sr-only">Certificate </span>
              {movie.certificate}
            </span>
            <span className="text-muted">{formatRuntime(movie.runtimeMinutes)}</span>
            <span className="text-muted">·</span>
            <span className="text-muted">{movie.genres.join(', ')}</span>
          </p>
          <p className="max-w-3xl text-ink/90">{movie.synopsis}</p>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="text-muted">Languages</dt>
            <dd>{movie.languages.join(', ')}</dd>
            <dt className="text-muted">Formats</dt>
            <dd>{movie.formats.join(', ')}</dd>
            {movie.cast.length > 0 ? (
              <>
                <dt className="text-muted">Cast</dt>
                <dd>{movie.cast.join(', ')}</dd>
              </>
            ) : null}
          </dl>
        </div>
      </section>

      <section aria-labelledby="showtimes-heading" className="space-y-4">
        <h2 id="showtimes-heading" className="text-2xl font-bold">
          Showtimes in {city.name}
        </h2>
        <nav aria-label="Choose a day">
          <ul className="flex gap-2 overflow-x-auto pb-2">
            {schedule.days.map((day) => {
              const current = day.date === schedule.date;
              return (
                <li key={day.date} className="shrink-0">
                  <Link
                    to={`?date=${day.date}`}
                    aria-current={current ? 'page' : undefined}
                    preventScrollReset
                    className={`block rounded-xl border px-4 py-2 text-center text-sm ${
                      current ? 'border-gold bg-gold text-screen' : 'border-line text-ink hover:border-gold'
                    }`}
                  >
                    <span className="block font-semibold">{day.label}</span>
                    <span className={`block text-xs ${current ? 'text-screen' : 'text-muted'}`}>
                      {day.date.slice(8, 10)}/{day.date.slice(5, 7)}
                    </span>
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>

        {schedule.theaters.length === 0 ? (
          <p className="card text-muted">No more shows of {movie.title} on this day. Try another day.</p>
        ) : (
          <ul className="space-y-4">
            {schedule.theaters.map((theater) => (
              <li key={theater.theaterId} className="card">
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <h3 className="text-lg font-bold">{theater.name}</h3>
                  <p className="text-sm text-muted">{priceRange(theater.showtimes)}</p>
                </div>
                <p className="text-sm text-muted">{theater.address}</p>
                <ul className="mt-4 flex flex-wrap gap-3">
                  {theater.showtimes.map((s) => {
                    const hint = availability(s);
                    const time = formatTime(s.startsAt, schedule.timeZone);
                    const detail = `${s.language} ${s.format}, ${s.screenName}`;
                    return (
                      <li key={s.showtimeId}>
                        {s.seatsAvailable === 0 ? (
                          <span className="block rounded-lg border border-line px-3 py-2 text-center text-muted line-through decoration-rose">
                            <span className="block font-semibold">{time}</span>
                            <span className="block text-xs no-underline">{detail}</span>
                            <span className="block text-xs font-semibold text-rose">Sold out</span>
                          </span>
                        ) : (
                          <Link
                            to={`/showtimes/${s.showtimeId}`}
                            className="block rounded-lg border border-ok/60 px-3 py-2 text-center hover:border-gold hover:bg-panel-2"
                          >
                            <span className="block font-semibold text-ink">{time}</span>
                            <span className="sr-only">, </span>
                            <span className="block text-xs text-muted">{detail}</span>
                            {hint ? (
                              <>
                                <span className="sr-only">, </span>
                                <span className={`block text-xs font-semibold ${hint.tone}`}>
                                  {hint.text}
                                </span>
                              </>
                            ) : null}
                          </Link>
                        )}
                      </li>
                    );
                  })}
                </ul>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
