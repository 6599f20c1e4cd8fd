/**
 * Catalog items: cities and movies live in one small partition each (a list is one Query), theaters have
 * their own item plus a copy in their city's partition, a showtime's DETAILS item carries the GSI keys for
 * the two listing patterns, and its META item carries the seat-map version.
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import {
  type City,
  CitySchema,
  type Movie,
  MovieSchema,
  type Screen,
  ScreenSchema,
  type Showtime,
  ShowtimeSchema,
  type Theater,
  TheaterSchema,
} from '../domain.js';
import { type DynamoContext, type Item, queryAll, send, transact } from './client.js';
import { INDEXES, keys } from './keys.js';

/** Strips the storage attributes: zod's object parsing drops keys the schema does not know. */
const parseCity = (item: Item): City => CitySchema.parse(item);
const parseMovie = (item: Item): Movie => MovieSchema.parse(item);
const parseTheater = (item: Item): Theater => TheaterSchema.parse(item);
export const parseShowtime = (item: Item): Showtime => ShowtimeSchema.parse(item);

async function getItem(ctx: DynamoContext, key: { PK: string; SK: string }): Promise<Item | null> {
  const out = await send<{ Item?: Item }>(
    ctx,
    new GetCommand({ TableName: ctx.table, Key: key, ConsistentRead: true }),
  );
  return out.Item ?? null;
}

async function put(ctx: DynamoContext, item: Item): Promise<void> {
  await send(ctx, new PutCommand({ TableName: ctx.table, Item: item }));
}

export const catalog = {
  getItem,

  async putCity(ctx: DynamoContext, city: City) {
    await put(ctx, { ...keys.city(city.id), ...CitySchema.parse(city) });
  },
  async getCity(ctx: DynamoContext, cityId: string) {
    const item = await getItem(ctx, keys.city(cityId));
    return item ? parseCity(item) : null;
  },
  async listCities(ctx: DynamoContext) {
    const items = await queryAll(ctx, {
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': keys.citiesPartition() },
    });
    // Sort key order is id order, as the SQLite adapter returns them.
    return items.map(parseCity);
  },
  async isEmpty(ctx: DynamoContext) {
    const items = await queryAll(
      ctx,
      {
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': keys.citiesPartition() },
        Limit: 1,
      },
      1,
    );
    return items.length === 0;
  },

  async putMovie(ctx: DynamoContext, movie: Movie) {
    await put(ctx, { ...keys.movie(movie.id), ...MovieSchema.parse(movie) });
  },
  async getMovie(ctx: DynamoContext, movieId: string) {
    const item = await getItem(ctx, keys.movie(movieId));
    return item ? parseMovie(item) : null;
  },
  async listMovies(ctx: DynamoContext) {
    const items = await queryAll(ctx, {
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': keys.moviesPartition() },
    });
    return items.map(parseMovie);
  },

  /** The theater item and its copy under its city, in one transaction; a city change drops the old copy. */
  async putTheater(ctx: DynamoContext, theater: Theater) {
    const clean = TheaterSchema.parse(theater);
    const previous = await getItem(ctx, keys.theater(theater.id));
    const writes = [
      { Put: { TableName: ctx.table, Item: { ...keys.theater(theater.id), ...clean } } },
      { Put: { TableName: ctx.table, Item: { ...keys.cityTheater(theater.cityId, theater.id), ...clean } } },
    ];
    const previousCity = previous ? String(previous.cityId) : null;
    if (previousCity && previousCity !== theater.cityId) {
      writes.push({
        Delete: { TableName: ctx.table, Key: keys.cityTheater(previousCity, theater.id) },
      } as never);
    }
    await transact(ctx, writes);
  },
  async getTheater(ctx: DynamoContext, theaterId: string) {
    const item = await getItem(ctx, keys.theater(theaterId));
    return item ? parseTheater(item) : null;
  },
  async listTheaters(ctx: DynamoContext, cityId: string) {
    const items = await queryAll(ctx, {
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: {
        ':pk': keys.cityTheatersPartition(cityId),
        ':prefix': keys.theaterPrefix(),
      },
      ConsistentRead: true,
    });
    return items.map(parseTheater);
  },

  async putScreen(ctx: DynamoContext, screen: Screen) {
    await put(ctx, { ...keys.screen(screen.id), ...ScreenSchema.parse(screen) });
  },
  async getScreen(ctx: DynamoContext, screenId: string) {
    const item = await getItem(ctx, keys.screen(screenId));
    return item ? ScreenSchema.parse(item) : null;
  },

  /** DETAILS upserted, META created at version 0 only when absent (`if_not_exists` keeps a live version). */
  async putShowtime(ctx: DynamoContext, showtime: Showtime) {
    const clean = ShowtimeSchema.parse(showtime);
    await transact(ctx, [
      {
        Put: {
          TableName: ctx.table,
          Item: {
            ...keys.showtimeDetails(clean.id),
            ...clean,
            ...keys.cityStart(clean.cityId, clean.startsAt, clean.id),
            ...keys.movieCityStart(clean.movieId, clean.cityId, clean.startsAt, clean.id),
          },
        },
      },
      {
        Update: {
          TableName: ctx.table,
          Key: keys.showtimeMeta(clean.id),
          UpdateExpression: 'SET version = if_not_exists(version, :zero)',
          ExpressionAttributeValues: { ':zero': 0 },
        },
      },
    ]);
  },
  async getShowtime(ctx: DynamoContext, showtimeId: string) {
    const item = await getItem(ctx, keys.showtimeDetails(showtimeId));
    return item ? parseShowtime(item) : null;
  },
  /** GSI ByCityStart, `BETWEEN START#from AND START#to` = [from, to) (see keys.startBound). */
  async listShowtimesInCity(ctx: DynamoContext, cityId: string, fromUtc: string, toUtc: string) {
    // BETWEEN with a lower bound above the upper one is a ValidationException, not an empty result.
    if (keys.startBound(fromUtc) >= keys.startBound(toUtc)) return [];
    const index = INDEXES.ByCityStart;
    const items = await queryAll(ctx, {
      IndexName: 'ByCityStart',
      KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :from AND :to',
      ExpressionAttributeNames: { '#pk': index.pk, '#sk': index.sk },
      ExpressionAttributeValues: {
        ':pk': keys.cityPartition(cityId),
        ':from': keys.startBound(fromUtc),
        ':to': keys.startBound(toUtc),
      },
    });
    return items.map(parseShowtime);
  },
  /** GSI ByMovieCityStart, same window semantics. */
  async listShowtimesForMovie(
    ctx: DynamoContext,
    movieId: string,
    cityId: string,
    fromUtc: string,
    toUtc: string,
  ) {
    if (keys.startBound(fromUtc) >= keys.startBound(toUtc)) return [];
    const index = INDEXES.ByMovieCityStart;
    const items = await queryAll(ctx, {
      IndexName: 'ByMovieCityStart',
      KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :from AND :to',
      ExpressionAttributeNames: { '#pk': index.pk, '#sk': index.sk },
      ExpressionAttributeValues: {
        ':pk': keys.movieCityPartition(movieId, cityId),
        ':from': keys.startBound(fromUtc),
        ':to': keys.startBound(toUtc),
      },
    });
    return items.map(parseShowtime);
  },
};
