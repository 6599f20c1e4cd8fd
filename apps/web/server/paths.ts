import { dirname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** apps/web */
export const webRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** The monorepo root: DATA_DIR and other relative paths resolve from here, whatever the cwd. */
export const repoRoot = resolve(webRoot, '../..');

export function fromRepoRoot(path: string): string {
  return isAbsolute(path) ? path : resolve(repoRoot, path);
}
