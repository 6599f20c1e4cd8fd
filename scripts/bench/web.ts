/** Issue 4's performance budget: page JavaScript weight and Lighthouse (mobile) on a production build. */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { heading } from './stats.js';

export async function benchWeb(): Promise<void> {
  heading('The web app: JavaScript budget and Lighthouse (issue 4)');
  const root = resolve(import.meta.dirname, '../..');
  const run = (args: string[]) => {
    const result = spawnSync('pnpm', ['--filter', '@movie-magic/web', '--silent', ...args], {
      cwd: root,
      stdio: 'inherit',
    });
    if (result.status !== 0) console.log(`  ${args.join(' ')} exited with ${result.status}`);
  };
  run(['build']);
  run(['bench']);
  run(['bench:lighthouse']);
}
