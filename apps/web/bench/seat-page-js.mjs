#!/usr/bin/env node
/**
 * Page-weight benchmark (not a test): the JavaScript and CSS each key page downloads, raw and gzip, read
 * from the production build's Remix manifest (build/client/assets/manifest-*.js), so it needs
 * `pnpm --filter @movie-magic/web build` first. Budget from issue 4: the seat page at most 150 KB gzip.
 *
 *   node apps/web/bench/seat-page-js.mjs            # table
 *   node apps/web/bench/seat-page-js.mjs --json     # machine-readable
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const client = resolve(dirname(fileURLToPath(import.meta.url)), '../build/client');
const BUDGET_KB = 150;
const PAGES = {
  home: 'routes/_index',
  movie: 'routes/movies.$movieId',
  seats: 'routes/showtimes.$showtimeId._index',
  review: 'routes/showtimes.$showtimeId.review',
  payment: 'routes/showtimes.$showtimeId.pay',
};

function loadManifest() {
  const assets = join(client, 'assets');
  const file = readdirSync(assets).find((name) => /^manifest-[\w-]+\.js$/.test(name));
  if (!file) throw new Error(`No Remix manifest in ${assets}: build the web app first.`);
  const source = readFileSync(join(assets, file), 'utf8');
  return {
    file: `/assets/${file}`,
    manifest: JSON.parse(source.replace(/^window\.__remixManifest=/, '').replace(/;\s*$/, '')),
  };
}

function sizeOf(url) {
  const bytes = readFileSync(join(client, url));
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

const { file, manifest } = loadManifest();
const cssFiles = readdirSync(join(client, 'assets')).filter((name) => name.endsWith('.css'));
const results = {};
for (const [page, routeId] of Object.entries(PAGES)) {
  const route = manifest.routes[routeId];
  const root = manifest.routes.root;
  if (!route) throw new Error(`route ${routeId} is not in the manifest`);
  const js = new Set([
    file,
    manifest.entry.module,
    ...manifest.entry.imports,
    root.module,
    ...(root.imports ?? []),
  ]);
  js.add(route.module);
  for (const url of route.imports ?? []) js.add(url);
  const total = { raw: 0, gzip: 0 };
  for (const url of js) {
    const size = sizeOf(url);
    total.raw += size.raw;
    total.gzip += size.gzip;
  }
  const css = cssFiles.reduce((sum, name) => sum + sizeOf(`/assets/${name}`).gzip, 0);
  results[page] = {
    files: js.size,
    jsRawKB: +(total.raw / 1024).toFixed(1),
    jsGzipKB: +(total.gzip / 1024).toFixed(1),
    cssGzipKB: +(css / 1024).toFixed(1),
  };
}

if (process.argv.includes('--json')) {
  console.log(JSON.stringify({ budgetKB: BUDGET_KB, pages: results }, null, 2));
} else {
  console.log('Page JavaScript from the production build (gzip level 9)');
  console.table(results);
  const seats = results.seats.jsGzipKB;
  console.log(
    `Seat page JS: ${seats} KB gzip (budget ${BUDGET_KB} KB): ${seats <= BUDGET_KB ? 'within budget' : 'OVER BUDGET'}`,
  );
}
