/** Small ports injected everywhere time or randomness matters, so tests control both. */

/** The source of "now". Tests use a manual clock to expire holds without sleeping. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that only moves when told to (tests). */
export class ManualClock implements Clock {
  #ms: number;
  constructor(start: Date | string = '2026-12-01T06:30:00.000Z') {
    this.#ms = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.#ms);
  }
  set(instant: Date | string): void {
    this.#ms = new Date(instant).getTime();
  }
  advance(ms: number): void {
    this.#ms += ms;
  }
}

/** Generates identifiers. `id(prefix)` returns a unique, URL-safe id such as `bk_...`. */
export interface IdGenerator {
  id(prefix: string): string;
}

/** Random ids from Web Crypto (works on Node and workerd): prefix + 20 chars of base32 (100 bits). */
export const randomIds: IdGenerator = {
  id(prefix: string): string {
    const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
    const bytes = crypto.getRandomValues(new Uint8Array(20));
    let out = '';
    for (const byte of bytes) out += alphabet[byte & 31];
    return `${prefix}_${out}`;
  },
};

/** Deterministic ids for tests: `prefix_000001`, `prefix_000002`, ... */
export function sequentialIds(): IdGenerator {
  let n = 0;
  return { id: (prefix) => `${prefix}_${String(++n).padStart(6, '0')}` };
}
