/**
 * Lighthouse (mobile, simulated throttling) on the home, movie and seat pages of the production build with
 * the demo data (issue 4's budget: performance >= 95, accessibility 100). A benchmark, not a test: it prints
 * the scores. Runs Debian's Chromium (or CHROMIUM_PATH); starts its own server in a temporary DATA_DIR.
 *
 *   pnpm --filter @movie-magic/web bench:lighthouse
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import { startServer } from '../e2e/support/server.js';

const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

async function json(url: string) {
  const response = await fetch(url);
  return ((await response.json()) as { result: { data: { json: unknown } } }).result.data.json;
}

async function trpc<T>(base: string, path: string, input: unknown): Promise<T> {
  return (await json(
    `${base}/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`,
  )) as T;
}

async function launchChromium(): Promise<{ port: number; stop: () => void }> {
  const port = 9300 + Math.floor(Math.random() * 500);
  const profile = mkdtempSync(join(tmpdir(), 'mm-lh-'));
  const chrome = spawn(
    process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    [...CHROME_FLAGS, `--remote-debugging-port=${port}`, `--user-data-dir=${profile}`, 'about:blank'],
    { stdio: 'ignore' },
  );
  for (let i = 0; i < 100; i++) {
    try {
      await fetch(`http://127.0.0.1:${port}/json/version`);
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    port,
    stop() {
      chrome.kill('SIGTERM');
      // Chromium may still be flushing its profile for a moment after SIGTERM.
      rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    },
  };
}

const server = await startServer();
const chrome = await launchChromium();
try {
  const cities = await trpc<{ id: string }[]>(server.url, 'catalog.cities', undefined);
  const cityId = cities[0]?.id ?? '';
  const movies = await trpc<{ id: string }[]>(server.url, 'catalog.movies', { cityId });
  const movieId = movies[0]?.id ?? '';
  const schedule = await trpc<{ days: { date: string }[] }>(server.url, 'catalog.showtimes', {
    movieId,
    cityId,
  });
  const tomorrow = schedule.days[1]?.date;
  const next = await trpc<{ theaters: { showtimes: { showtimeId: string }[] }[] }>(
    server.url,
    'catalog.showtimes',
    {
      movieId,
      cityId,
      date: tomorrow,
    },
  );
  const showtimeId = next.theaters[0]?.showtimes[0]?.showtimeId ?? '';
  const pages = { home: '/', movie: `/movies/${movieId}`, seats: `/showtimes/${showtimeId}` };
  const rows: Record<string, { performance: number; accessibility: number; lcpMs: number; tbtMs: number }> =
    {};
  for (const [name, path] of Object.entries(pages)) {
    const result = await lighthouse(`${server.url}${path}`, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility'],
    });
    const lhr = result?.lhr;
    if (!lhr) throw new Error(`no Lighthouse result for ${path}`);
    rows[name] = {
      performance: Math.round((lhr.categories.performance?.score ?? 0) * 100),
      accessibility: Math.round((lhr.categories.accessibility?.score ?? 0) * 100),
      lcpMs: Math.round(lhr.audits['largest-contentful-paint']?.numericValue ?? 0),
      tbtMs: Math.round(lhr.audits['total-blocking-time']?.numericValue ?? 0),
    };
  }
  console.log('Lighthouse 12 (mobile, simulated throttling), production build, demo data');
  console.table(rows);
} finally {
  chrome.stop();
  await server.stop();
}
