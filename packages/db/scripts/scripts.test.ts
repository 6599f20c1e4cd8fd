import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const script = (name: string) => fileURLToPath(new URL(`./${name}.ts`, import.meta.url));

/** Runs a script the way `pnpm db:*` does: its own process, cwd = packages/db, INIT_CWD = where pnpm ran. */
async function runScript(name: string, env: Record<string, string>) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', tsx, script(name)], {
      cwd: fileURLToPath(new URL('..', import.meta.url)),
      env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mm-scripts-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('db scripts', () => {
  it('migrate creates the SQLite file under a DATA_DIR relative to where pnpm was run', async () => {
    const result = await runScript('migrate', { DATA_DIR: 'data', INIT_CWD: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Migrated the sqlite store (${join(dir, 'data', 'movie-magic.db')})`);
    expect(existsSync(join(dir, 'data', 'movie-magic.db'))).toBe(true);
  });

  it('seed writes the demo catalog and reports the same counts when run again', async () => {
    const first = await runScript('seed', { DATA_DIR: join(dir, 'seeded') });
    expect(first.code).toBe(0);
    const counts = first.stdout.match(
      /: (4 cities, 12 theaters, \d+ screens, \d+ movies, \d+ showtimes)\./,
    )?.[1];
    expect(counts).toBeDefined();
    const second = await runScript('seed', { DATA_DIR: join(dir, 'seeded') });
    expect(second.stdout).toContain(counts);
  });

  it('stops with exit code 1 and names the variable when the configuration is invalid', async () => {
    const result = await runScript('migrate', { STORE: 'postgres', DATA_DIR: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('STORE');
    expect(result.stderr).not.toContain('    at ');
  });
});
