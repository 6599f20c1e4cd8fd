/**
 * The docs are checked: `.env.example` and the README's configuration table must name exactly the variables
 * the schema understands, and every repository path the README mentions in backticks must exist.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENV_VARIABLES, parseConfig } from './index.js';

const root = resolve(import.meta.dirname, '../../..');
const read = (file: string) => readFileSync(resolve(root, file), 'utf8');

describe('documentation', () => {
  it('.env.example documents every variable, and only those', () => {
    const documented = [...read('.env.example').matchAll(/^([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]);
    expect([...documented].sort()).toEqual([...ENV_VARIABLES].sort());
  });

  it('.env.example is itself a valid configuration', () => {
    const values = Object.fromEntries(
      [...read('.env.example').matchAll(/^([A-Z][A-Z0-9_]+)=(.*)$/gm)].map((m) => [m[1], m[2]]),
    );
    expect(() => parseConfig(values)).not.toThrow();
  });

  it("the README's configuration table lists every variable", () => {
    const readme = read('README.md');
    const table = readme.slice(readme.indexOf('## Configuration'));
    const rows = [...table.matchAll(/^\| `([A-Z][A-Z0-9_]+)` \|/gm)].map((m) => m[1]);
    expect([...rows].sort()).toEqual([...ENV_VARIABLES].sort());
  });

  it('every path the README names exists', () => {
    const readme = read('README.md');
    const paths = [
      ...readme.matchAll(/`((?:apps|packages|docs|scripts|tooling|\.ci)\/[A-Za-z0-9_./$-]+)`/g),
    ].map((m) => m[1] as string);
    expect(paths.length).toBeGreaterThan(5);
    const missing = paths.filter((p) => !existsSync(resolve(root, p)));
    expect(missing).toEqual([]);
  });

  it('every root script the README tells people to run exists', () => {
    const scripts = JSON.parse(read('package.json')).scripts as Record<string, string>;
    const commands = [...read('README.md').matchAll(/pnpm ([a-z][a-z:-]*)/g)].map((m) => m[1] as string);
    const builtIn = new Set(['install', 'exec', 'add', 'run', 'dlx', 'rebuild']);
    const unknown = commands.filter((c) => !builtIn.has(c) && !(c in scripts));
    expect(unknown).toEqual([]);
  });
});
