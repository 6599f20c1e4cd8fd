/**
 * Instants are compared as text in SQL, which is only correct when every instant has the same shape.
 * `Date#toISOString` always yields `YYYY-MM-DDTHH:mm:ss.sssZ`, so every instant is normalised before it is
 * stored or compared (a caller may pass `...:00Z` without milliseconds, which the domain schema allows).
 */
export function instant(iso: string): string {
  return new Date(iso).toISOString();
}
