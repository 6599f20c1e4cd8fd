/** Contract tests: the public catalog (cities, movies, showtimes by day) and its input checks. */
import { expect, it } from 'vitest';
import { expectApiError, newBrowser, type SuiteEnv } from './kit.js';

export function catalogContract(env: SuiteEnv): void {
  it('showtimes list seven days labelled Today, Tomorrow and weekday names, and reject dates outside them', async () => {
    const api = newBrowser(env).api;
    const [city] = await api.catalog.cities.query();
    const [movie] = await api.catalog.movies.query({ cityId: city?.id ?? '' });
    const listing = await api.catalog.showtimes.query({ movieId: movie?.id ?? '', cityId: city?.id ?? '' });
    expect(listing.days).toHaveLength(7);
    expect(listing.days.slice(0, 2).map((d) => d.label)).toEqual(['Today', 'Tomorrow']);
    expect(listing.days.slice(2).every((d) => /^[A-Z][a-z]+day$/.test(d.label))).toBe(true);
    const full = await api.catalog.movie.query({ movieId: movie?.id ?? '' });
    expect(full.title).toBe(movie?.title);
    await expectApiError(
      api.catalog.showtimes.query({ movieId: movie?.id ?? '', cityId: city?.id ?? '', date: '1999-01-01' }),
      'BAD_REQUEST',
      'DATE_OUT_OF_RANGE',
    );
    const invalid = await expectApiError(
      api.catalog.showtimes.query({ movieId: movie?.id ?? '', cityId: city?.id ?? '', date: '2026-02-30' }),
      'BAD_REQUEST',
      'INVALID_INPUT',
    );
    expect(invalid.zodError).toMatchObject({ fieldErrors: { date: expect.any(Array) } });
    await expectApiError(api.catalog.movies.query({ cityId: 'atlantis' }), 'NOT_FOUND', 'NOT_FOUND');
  });
}
