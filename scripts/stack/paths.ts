import os from 'node:os';
import path from 'node:path';

/** Repository root (scripts/stack/ is two levels below it), so scripts work from any cwd. */
export const repoRoot = path.resolve(__dirname, '..', '..');

/**
 * Root of the per-user download/build cache. Lives outside the repo so that multi-GB Go builds and
 * the Keycloak distribution survive `git clean` and are shared by every checkout on the machine.
 */
export function cacheRoot(): string {
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'modelwatch-mlops');
}

/** Progress lines go to stderr so that stdout stays usable for machine-readable output. */
export function log(component: string, message: string): void {
  process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] [${component}] ${message}\n`);
}
