/** The public catalog: cities, movies now showing in a city, a movie, and its showtimes by day. */
import { CERTIFICATES, FORMATS, MovieSchema } from '@movie-magic/db';
import { z } from 'zod';
import { DAYS_AHEAD, localDayRange, upcomingDays } from '../catalog/days.js';
import { fail } from '../errors.js';
import { dateInput, idInput } from '../inputs.js';
import { createTRPCRouter, publicProcedure } from '../trpc.js';

const CityView = z.object({ id: z.string(), name: z.string(), state: z.string(), timeZone: z.string() });

const MovieSummary = z.object({
  id: z.string(),
  title: z.string(),
  certificate: z.enum(CERTIFICATES),
  runtimeMinutes: z.number().int(),
  languages: z.array(z.string()),
  formats: z.array(z.enum(FORMATS)),
  genres: z.array(z.string()),
  posterUrl: z.string(),
});

const DayView = z.object({ date: z.string(), label: z.string() });

const ShowtimeView = z.object({
  showtimeId: z.string(),
  startsAt: z.string(),
  language: z.string(),
  format: z.enum(FORMATS),
  screenName: z.string(),
  prices: z.array(z.object({ categoryId: z.string(), category: z.string(), price: z.number().int() })),
  seatsAvailable: z.number().int().nonnegative(),
  seatsTotal: z.number().int().positive(),
});

const ShowtimesView = z.object({
  date: z.string(),
  timeZone: z.string(),
  days: z.array(DayView).length(DAYS_AHEAD),
  theaters: z.array(
    z.object({
      theaterId: z.string(),
      name: z.string(),
      address: z.string(),
      showtimes: z.array(ShowtimeView),
    }),
  ),
});

export const catalogRouter = createTRPCRouter({
  cities: publicProcedure.output(z.array(CityView)).query(async ({ ctx }) => {
    const cities = await ctx.store.listCities();
    return cities
      .map(({ id, name, state, timeZone }) => ({ id, name, state, timeZone }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }),

  movies: publicProcedure
    .input(z.object({ cityId: idInput }))
    .output(z.array(MovieSummary))
    .query(async ({ ctx, input }) => {
      const city = await ctx.store.getCity(input.cityId);
      if (!city) fail('NOT_FOUND', `No city "${input.cityId}".`);
      const now = ctx.clock.now();
      const lastDay = upcomingDays(now, city.timeZone).at(-1)?.date ?? '';
      const { end } = localDayRange(lastDay, city.timeZone);
      const showtimes = await ctx.store.listShowtimesInCity(city.id, now.toISOString(), end.toISOString());
      const showing = new Set(showtimes.map((s) => s.movieId));
      const movies = await ctx.store.listMovies();
      return movies
        .filter((movie) => showing.has(movie.id))
        .sort((a, b) => a.title.localeCompare(b.title))
        .map(({ id, title, certificate, runtimeMinutes, languages, formats, genres, posterUrl }) => ({
          id,
          title,
          certificate,
          runtimeMinutes,
          languages,
          formats,
          genres,
          posterUrl,
        }));
    }),

  movie: publicProcedure
    .input(z.object({ movieId: idInput }))
    .output(MovieSchema)
    .query(async ({ ctx, input }) => {
      const movie = await ctx.store.getMovie(input.movieId);
      if (!movie) fail('NOT_FOUND', `No movie "${input.movieId}".`);
      return movie;
    }),

  showtimes: publicProcedure
    .input(z.object({ movieId: idInput, cityId: idInput, date: dateInput.optional() }))
    .output(ShowtimesView)
    .query(async ({ ctx, input }) => {
      const [city, movie] = await Promise.all([
        ctx.store.getCity(input.cityId),
        ctx.store.getMovie(input.movieId),
      ]);
      if (!city) fail('NOT_FOUND', `No city "${input.cityId}".`);
      if (!movie) fail('NOT_FOUND', `No movie "${input.movieId}".`);
      const now = ctx.clock.now();
      const days = upcomingDays(now, city.timeZone);
      const date = input.date ?? days[0]?.date ?? '';
      if (!days.some((day) => day.date === date)) {
        fail('DATE_OUT_OF_RANGE', `Showtimes are listed from ${days[0]?.date} to ${days.at(-1)?.date}.`);
      }
      const range = localDayRange(date, city.timeZone);
      // Shows that already started are not bookable, so today's list starts now.
      const from = new Date(Math.max(range.start.getTime(), now.getTime()));
      const showtimes = await ctx.store.listShowtimesForMovie(
        movie.id,
        city.id,
        from.toISOString(),
        range.end.toISOString(),
      );
      const taken = await ctx.store.countTakenSeats(
        showtimes.map((s) => s.id),
        now.toISOString(),
      );
      const lookup = ctx.catalog;
      const byTheater = new Map<string, z.infer<typeof ShowtimesView>['theaters'][number]>();
      for (const showtime of showtimes) {
        const [theater, screen] = await Promise.all([
          lookup.theater(showtime.theaterId),
          lookup.screen(showtime.screenId),
        ]);
        if (!theater || !screen) continue;
        let group = byTheater.get(theater.id);
        if (!group) {
          group = { theaterId: theater.id, name: theater.name, address: theater.address, showtimes: [] };
          byTheater.set(theater.id, group);
        }
        group.showtimes.push({
          showtimeId: showtime.id,
          startsAt: showtime.startsAt,
          language: showtime.language,
          format: showtime.format,
          screenName: screen.name,
          prices: screen.categories.map((category) => ({
            categoryId: category.id,
            category: category.name,
            price: showtime.prices[category.id] ?? category.defaultPrice,
          })),
          seatsAvailable: Math.max(0, showtime.seatsTotal - (taken.get(showtime.id) ?? 0)),
          seatsTotal: showtime.seatsTotal,
        });
      }
      const theaters = [...byTheater.values()].sort((a, b) => a.name.localeCompare(b.name));
      return { date, timeZone: city.timeZone, days, theaters };
    }),
});
