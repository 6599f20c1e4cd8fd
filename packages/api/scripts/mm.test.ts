import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSqliteStore } from '@movie-magic/db/sqlite';
import { afterAll, describe, expect, it } from 'vitest';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const dataRoot = mkdtempSync(join(tmpdir(), 'mm-cli-'));

function mm(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/mm.ts', ...args], {
    cwd: packageDir,
    // A relative DATA_DIR is resolved against INIT_CWD, the folder pnpm was started from.
    env: { PATH: process.env.PATH ?? '', INIT_CWD: dataRoot, DATA_DIR: 'data', STORE: 'sqlite', ...env },
    encoding: 'utf8',
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

afterAll(() => rmSync(dataRoot, { recursive: true, force: true }));

describe('mm user:add', () => {
  it('creates a staff user on the configured SQLite store, resolving DATA_DIR against INIT_CWD', async () => {
    const run = mm([
      'user:add',
      '--email',
      'Door.Staff@Example.test',
      '--password',
      'ushering-since-1999',
      '--name',
      'Door Staff',
      '--role',
      'staff',
    ]);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/Created staff Door\.Staff@Example\.test/);
    const store = createSqliteStore({ file: join(dataRoot, 'data', 'movie-magic.db') });
    const user = await store.getUserByEmail('door.staff@example.test');
    await store.close();
    expect(user).toMatchObject({ role: 'staff', name: 'Door Staff' });
    expect(user?.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it('refuses a duplicate e-mail (any case) and a common password with exit code 1', () => {
    const dup = mm([
      'user:add',
      '--email',
      'door.staff@example.test',
      '--password',
      'another-long-one-2',
      '--name',
      'Dup',
    ]);
    expect(dup.code).toBe(1);
    expect(dup.err).toMatch(/already exists/);
    const weak = mm([
      'user:add',
      '--email',
      'weak@example.test',
      '--password',
      'password123',
      '--name',
      'Weak',
    ]);
    expect(weak.code).toBe(1);
    expect(weak.err).toMatch(/too common/);
  });

  it('reports usage errors with exit code 2 and bad configuration with exit code 78', () => {
    const role = mm([
      'user:add',
      '--email',
      'a@example.test',
      '--password',
      'long-enough-pass',
      '--name',
      'A',
      '--role',
      'root',
    ]);
    expect(role.code).toBe(2);
    expect(role.err).toMatch(/--role must be one of customer, staff, admin/);
    expect(mm(['user:delete']).code).toBe(2);
    const config = mm(
      ['user:add', '--email', 'a@example.test', '--password', 'long-enough-pass', '--name', 'A'],
      {
        STORE: 'postgres',
      },
    );
    expect(config.code).toBe(78);
    expect(config.err).toMatch(/STORE/);
  });
});
