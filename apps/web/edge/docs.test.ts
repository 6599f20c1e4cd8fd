/** The deployment guide and the edge ADR name files that exist and commands that exist. */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
const docs = ['docs/deploy.md', 'docs/decisions/008-edge-ticket-pdf.md'];

describe('the edge documentation', () => {
  it.each(docs)('every repository path %s names exists', (doc) => {
    const text = readFileSync(resolve(root, doc), 'utf8');
    const paths = [
      ...text.matchAll(/`(?:node )?((?:apps|packages|docs|scripts)\/[A-Za-z0-9_./$[\]-]+)`/g),
    ].map((match) => match[1] as string);
    expect(paths.length).toBeGreaterThan(2);
    expect(paths.filter((path) => !existsSync(resolve(root, path)))).toEqual([]);
  });

  it('every root script the deployment guide runs exists', () => {
    const scripts = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')).scripts as Record<
      string,
      string
    >;
    const text = readFileSync(resolve(root, 'docs/deploy.md'), 'utf8');
    const commands = [...text.matchAll(/pnpm ([a-z][a-z:-]*)/g)].map((match) => match[1] as string);
    const builtIn = new Set(['install', 'exec', 'add', 'run', 'dlx']);
    expect(commands.filter((command) => !builtIn.has(command) && !(command in scripts))).toEqual([]);
    expect(commands).toContain('edge:build');
    expect(commands).toContain('edge:dev');
  });
});
