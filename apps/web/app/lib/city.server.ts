/**
 * The chosen city: remembered in a cookie for everyone, and in the profile for signed-in users.
 * Not a secret, so unsigned; a value that names no known city is ignored.
 */
const COOKIE = 'mm_city';
const ONE_YEAR = 60 * 60 * 24 * 365;

export function readCityCookie(request: Request): string | null {
  const header = request.headers.get('Cookie') ?? '';
  for (const part of header.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === COOKIE) {
      const value = decodeURIComponent(rest.join('='));
      return /^[a-z0-9-]{1,64}$/.test(value) ? value : null;
    }
  }
  return null;
}

export function cityCookie(cityId: string, secure: boolean): string {
  return `${COOKIE}=${encodeURIComponent(cityId)}; Path=/; Max-Age=${ONE_YEAR}; SameSite=Lax; HttpOnly${secure ? '; Secure' : ''}`;
}

/** Picks the city: the cookie, then the profile's home city, then the first city (they are sorted). */
export function chooseCity<C extends { id: string }>(
  cities: C[],
  cookieCityId: string | null,
  homeCityId: string | null | undefined,
): C | null {
  return (
    cities.find((c) => c.id === cookieCityId) ?? cities.find((c) => c.id === homeCityId) ?? cities[0] ?? null
  );
}
