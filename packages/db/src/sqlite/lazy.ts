/**
 * Prepares a statement on first use and returns the same one afterwards. A store is created before
 * `migrate()` runs on a new file, when the tables do not exist yet and `prepare` would throw "no such
 * table"; preparing lazily keeps every statement prepared once per connection (the speed) regardless.
 */
export function lazy<T>(make: () => T): () => T {
  let made: T | undefined;
  return () => {
    made ??= make();
    return made;
  };
}
