/**
 * Facts about the built edge bundle (`build-edge/`), shared by `pnpm edge:build`, the edge tests and the
 * benchmark: its size (raw and gzip, the figure Cloudflare limits: 3 MB Free, 10 MB Paid) and whether a
 * Node-only module slipped in. Node-only code must stay out by construction (composition roots per target),
 * so this is the check that the construction holds.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const webRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
export const edgeBuildDir = join(webRoot, 'build-edge');
export const workerBundle = join(edgeBuildDir, 'server', 'index.js');
const modulesList = join(edgeBuildDir, 'server', 'modules.json');

/** Modules that need Node (native addons, sockets, the file system) and must never reach workerd. */
export const FORBIDDEN_MODULES = [
  { name: 'better-sqlite3', pattern: /[/\\]better-sqlite3[/\\@]/ },
  { name: 'drizzle-orm (SQLite adapter)', pattern: /[/\\]drizzle-orm[/\\@]/ },
  { name: 'nodemailer', pattern: /[/\\]nodemailer[/\\@]/ },
  { name: 'pdfkit', pattern: /[/\\]pdfkit[/\\@]/ },
  { name: 'satori', pattern: /[/\\]satori[/\\@]/ },
  { name: 'express', pattern: /[/\\]express[/\\@]/ },
  { name: '@movie-magic/db/sqlite', pattern: /packages[/\\]db[/\\]src[/\\]sqlite[/\\]/ },
  { name: '@movie-magic/tickets/node', pattern: /packages[/\\]tickets[/\\]src[/\\](node|mailer)\.ts$/ },
  { name: 'the Node server', pattern: /apps[/\\]web[/\\]server[/\\]/ },
];

/** Node built-ins workerd does not provide (or provides only as stubs) that Node-only code imports. */
export const FORBIDDEN_BUILTINS = [
  'fs',
  'fs/promises',
  'net',
  'tls',
  'child_process',
  'worker_threads',
  'http',
  'https',
];

/** Import specifiers left in the bundle (the externals workerd resolves). */
function importedSpecifiers(code) {
  const found = new Set();
  const specifier = /^(?:node:)?@?[a-z0-9][\w./@-]*$/i;
  for (const match of code.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)["']([^"']+)["']/g)) {
    if (specifier.test(match[1])) found.add(match[1]);
  }
  return [...found];
}

/** Inspects the built worker: sizes, bundled module ids and any forbidden module or built-in import. */
export function inspectEdgeBundle() {
  const code = readFileSync(workerBundle);
  const modules = JSON.parse(readFileSync(modulesList, 'utf8'));
  const imports = importedSpecifiers(code.toString('utf8'));
  const forbiddenModules = FORBIDDEN_MODULES.flatMap(({ name, pattern }) => {
    const hits = modules.filter((id) => pattern.test(id));
    return hits.length > 0 ? [{ name, example: hits[0] }] : [];
  });
  const forbiddenImports = imports.filter((specifier) =>
    FORBIDDEN_BUILTINS.includes(specifier.replace(/^node:/, '')),
  );
  return {
    rawBytes: statSync(workerBundle).size,
    gzipBytes: gzipSync(code, { level: 9 }).length,
    moduleCount: modules.length,
    modules,
    imports,
    forbiddenModules,
    forbiddenImports,
  };
}
