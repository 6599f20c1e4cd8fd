import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { GeneralErrorBoundary } from '../components/error-boundary.js';
import { PosterImage } from '../components/poster.js';
import { api } from '../lib/api.server.js';
import { formatRuntime } from '../lib/format.js';
import { requireCity } from '../lib/root.server.js';

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Now showing in ${data.city.name} · Movie Magic` : 'Movie Magic' },
];

const FILTERS = [
  { key: 'language', label: 'Language' },
  { key: 'format', label: 'Format' },
  { key: 'genre', label: 'Genre' },
] as const;
type FilterKey = (typeof FILTERS)[number]['key'];

export async function loader(args: LoaderFunctionArgs) {
  const { city, headers } = await requireCity(args);
  const movies = await api(args).caller.catalog.movies({ cityId: city.id });
  const params = new URL(args.request.url).searchParams;
  const chosen: Record<FilterKey, string | null> = {
    language: params.get('language'),
    format: params.get('format'),
    genre: params.get('genre'),
  };
  const options: Record<FilterKey, string[]> = {
    language: [...new Set(movies.flatMap((m) => m.languages))].sort(),
    format: [...new Set(movies.flatMap((m) => m.formats))].sort(),
    genre: [...new Set(movies.flatMap((m) => m.genres))].sort(),
  };
  const shown = movies.filter(
    (m) =>
      (!chosen.language || m.languages.includes(chosen.language)) &&
      (!chosen.format || (m.formats as string[]).includes(chosen.format)) &&
      (!chosen.genre || m.genres.includes(chosen.genre)),
  );
  return data({ city, movies: shown, total: movies.length, chosen, options }, { headers });
}

function filterHref(chosen: Record<FilterKey, string | null>, key: FilterKey, value: string | null): string {
  const params = new URLSearchParams();
  for (const { key: k } of FILTERS) {
    const v = k === key ? value : chosen[k];
    if (v) params.set(k, v);
  }
  const query = params.toString();
  return query ? `/?${query}` : '/';
}

export default function Home() {
  const { city, movies, total, chosen, options } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-8">
      <section className="rounded-3xl border border-line bg-gradient-to-br from-panel-2 via-panel to-screen p-6 sm:p-10">
        <p className="text-sm uppercase tracking-widest text-gold">Now showing</p>
        <h1 className="mt-2 text-3xl font-extrabold sm:text-5xl">Movies in {city.name}</h1>
        <p className="mt-3 max-w-2xl text-muted">
          Pick a film, choose your seats, and get your ticket by e-mail in under a minute.
        </p>
      </section>

      <nav aria-label="Filter movies" className="space-y-3">
        {FILTERS.map(({ key, label }) => (
          <div key={key} className="flex flex-wrap items-center gap-2">
            <span className="w-20 text-sm font-semibold text-muted">{label}</span>
            <ul className="flex flex-wrap gap-2">
              <li>
                <Link
                  to={filterHref(chosen, key, null)}
                  className={chosen[key] ? 'chip' : 'chip-on'}
                  aria-current={chosen[key] ? undefined : 'true'}
                  preventScrollReset
                >
                  All<span className="sr-only"> {label.toLowerCase()}s</span>
                </Link>
              </li>
              {options[key].map((value) => (
                <li key={value}>
                  <Link
                    to={filterHref(chosen, key, chosen[key] === value ? null : value)}
                    className={chosen[key] === value ? 'chip-on' : 'chip'}
                    aria-current={chosen[key] === value ? 'true' : undefined}
                    preventScrollReset
                  >
                    {value}
                  </Link>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </nav>

      <section aria-labelledby="now-showing">
        <h2 id="now-showing" className="mb-4 text-xl font-bold">
          {movies.length === total ? `${total} movies` : `${movies.length} of ${total} movies`}
        </h2>
        {movies.length === 0 ? (
          <p className="card text-muted">
            Nothing matches these filters.{' '}
            <Link to="/" className="text-gold underline">
              Show all movies
            </Link>
          </p>
        ) : (
          <ul className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-4">
            {movies.map((movie, index) => (
              <li key={movie.id}>
                <Link
                  to={`/movies/${movie.id}`}
                  className="group block overflow-hidden rounded-2xl border border-line bg-panel hover:border-gold"
                >
                  <PosterImage src={movie.posterUrl} title={movie.title} eager={index < 4} />
                  <div className="space-y-1 p-3">
                    <h3 className="font-bold leading-tight text-ink group-hover:text-gold-strong">
                      {movie.title}
                    </h3>
                    <p className="text-sm text-muted">
                      <span className="mr-2 rounded border border-line px-1.5 text-xs font-bold text-ink">
                        <span className="sr-only">Certificate </span>
                        {movie.certificate}
                      </span>
                      {formatRuntime(movie.runtimeMinutes)}
                    </p>
                    <p className="text-sm text-muted">{movie.languages.join(', ')}</p>
                    <p className="text-xs text-muted">{movie.formats.join(' · ')}</p>
                  </div>
                </Link>
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
