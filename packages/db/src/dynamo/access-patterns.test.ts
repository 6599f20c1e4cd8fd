import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { INDEXES, keys } from './keys.js';
import { createDynamoStore } from './store.js';

const doc = readFileSync(new URL('../../ACCESS_PATTERNS.md', import.meta.url), 'utf8');

/** Rows of the markdown table that follows `heading`, as arrays of cell text. */
function tableAfter(heading: string): string[][] {
  const start = doc.indexOf(heading);
  if (start < 0) throw new Error(`ACCESS_PATTERNS.md has no "${heading}" section`);
  const lines = doc.slice(start).split('\n');
  const first = lines.findIndex((line) => line.startsWith('|'));
  const rows: string[][] = [];
  for (const line of lines.slice(first + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(
      line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim()),
    );
  }
  return rows;
}

/** `SHOW#`, `SEAT#`, ... (two or more capitals before `#`, so `SEAT#F#07` yields only `SEAT#`). */
const prefixesIn = (text: string) => new Set(text.match(/\b[A-Z]{2,}#/g) ?? []);

const T = '2026-12-01T10:00:00.000Z';
/** Sample arguments for every builder: the `Record` makes a new builder in keys.ts fail to compile here. */
const SAMPLE_ARGS: Record<keyof typeof keys, string[]> = {
  city: ['c1'],
  citiesPartition: [],
  movie: ['m1'],
  moviesPartition: [],
  theater: ['t1'],
  cityTheater: ['c1', 't1'],
  cityTheatersPartition: ['c1'],
  theaterPrefix: [],
  screen: ['sc1'],
  showtimePartition: ['st1'],
  showtimeDetails: ['st1'],
  showtimeMeta: ['st1'],
  seatMapFrom: [],
  seatPrefix: [],
  seat: ['st1', 'F-7'],
  cityStart: ['c1', T, 'st1'],
  movieCityStart: ['m1', 'c1', T, 'st1'],
  startBound: [T],
  cityPartition: ['c1'],
  movieCityPartition: ['m1', 'c1'],
  hold: ['h1'],
  userShowtimeHold: ['u1', 'st1'],
  booking: ['b1'],
  bookingCode: ['mm1'],
  userBooking: ['u1', T, 'b1'],
  userBookingPrefix: [],
  idempotency: ['u1', 'k1'],
  user: ['u1'],
  userPartition: ['u1'],
  email: ['a@b.c'],
  session: ['s1'],
  userSession: ['u1', 's1'],
  userSessionPrefix: [],
  sessionExpiry: [T, 's1'],
  sessionsExpiryPartition: [],
  sessionsExpiredBefore: [T],
  resetToken: ['h1'],
  rateLimit: ['login:ip', T],
  ticketJob: ['j1'],
  jobState: ['pending', T, 'j1'],
  jobStatePartition: ['pending'],
  jobsDueBefore: [T],
};

/** Every prefix keys.ts produces, found by calling each builder with its sample arguments. */
function producedPrefixes(): Set<string> {
  const out = new Set<string>();
  for (const [name, builder] of Object.entries(keys)) {
    const value = (builder as (...a: string[]) => unknown)(...SAMPLE_ARGS[name as keyof typeof keys]);
    const text = typeof value === 'string' ? value : Object.values(value as object).join(' ');
    for (const prefix of prefixesIn(text)) out.add(prefix);
  }
  return out;
}

describe('ACCESS_PATTERNS.md', () => {
  const patterns = tableAfter('## Access patterns');
  const store = createDynamoStore({
    table: 'docs-check',
    region: 'ap-south-1',
    endpoint: 'http://127.0.0.1:9',
  });

  it('lists access patterns, each naming an index and at least one function', () => {
    expect(patterns.length).toBeGreaterThan(20);
    for (const [pattern, index, condition, functions] of patterns) {
      expect(pattern, 'pattern').toBeTruthy();
      expect(index, `index of "${pattern}"`).toBeTruthy();
      expect(condition, `key condition of "${pattern}"`).toBeTruthy();
      expect(functions?.match(/`\w+`/g)?.length ?? 0, `functions of "${pattern}"`).toBeGreaterThan(0);
    }
  });

  it('names only functions the DynamoDB adapter has, and documents every one of them', () => {
    const named = new Set(
      patterns.flatMap((row) => (row[3]?.match(/`(\w+)`/g) ?? []).map((f) => f.slice(1, -1))),
    );
    const methods = store as unknown as Record<string, unknown>;
    for (const fn of named) expect(typeof methods[fn], `${fn} on the adapter`).toBe('function');
    const undocumented = Object.keys(store).filter(
      (name) =>
        typeof methods[name] === 'function' && !['migrate', 'close'].includes(name) && !named.has(name),
    );
    expect(undocumented).toEqual([]);
  });

  it('names only indexes that keys.ts defines, and documents every index', () => {
    const used = new Set(patterns.map((row) => (row[1] ?? '').replaceAll('`', '')));
    for (const index of used) expect(['table', ...Object.keys(INDEXES)]).toContain(index);
    const documented = new Set(
      tableAfter('## Global secondary indexes').map((row) => (row[0] ?? '').replaceAll('`', '')),
    );
    expect([...documented].sort()).toEqual(Object.keys(INDEXES).sort());
    for (const [name, attributes] of Object.entries(INDEXES)) {
      const row = tableAfter('## Global secondary indexes').find((r) => r[0] === `\`${name}\``);
      expect(row?.[1]).toContain(attributes.pk);
      expect(row?.[2]).toContain(attributes.sk);
    }
  });

  it('names exactly the key prefixes that keys.ts produces', () => {
    const tables = [...tableAfter('## Items'), ...tableAfter('## Global secondary indexes'), ...patterns].map(
      (row) => row.join(' '),
    );
    const documented = prefixesIn(tables.join('\n'));
    expect([...documented].sort()).toEqual([...producedPrefixes()].sort());
  });
});
