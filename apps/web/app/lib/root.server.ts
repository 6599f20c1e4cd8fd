import { api, type RouteArgs } from './api.server.js';
import { chooseCity, readCityCookie } from './city.server.js';

/** The signed-in user (or null), every city, and the chosen one. Used by the root and by pages. */
export async function loadRoot(args: RouteArgs) {
  const { caller, headers } = api(args);
  const [user, cities] = await Promise.all([caller.auth.me(), caller.catalog.cities()]);
  const city = chooseCity(cities, readCityCookie(args.request), user?.homeCityId);
  return { user, cities, city, headers };
}

/** A page that needs a city: the chosen one (there is always at least one after seeding). */
export async function requireCity(args: RouteArgs) {
  const root = await loadRoot(args);
  if (!root.city) throw new Response('No cities yet', { status: 404 });
  return { ...root, city: root.city };
}
