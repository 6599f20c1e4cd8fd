/** Creates a staff account on the test server's store with the operations command (`pnpm mm user:add`). */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

const repoRoot = resolve(import.meta.dirname, '../../../..');

export function addStaffUser(dataDir: string, user: { email: string; password: string; name: string }) {
  execFileSync(
    resolve(repoRoot, 'apps/web/node_modules/.bin/tsx'),
    [
      resolve(repoRoot, 'packages/api/scripts/mm.ts'),
      'user:add',
      '--email',
      user.email,
      '--password',
      user.password,
      '--name',
      user.name,
      '--role',
      'staff',
    ],
    {
      cwd: repoRoot,
      env: { ...process.env, DATA_DIR: dataDir, STORE: 'sqlite', NODE_ENV: 'test' },
      stdio: 'pipe',
    },
  );
}
