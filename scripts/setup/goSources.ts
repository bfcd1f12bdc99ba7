/**
 * What the Go test tools built into the cache (the Infinity harness, the SQL expression harness)
 * share: which files of a Go source folder make a build, a short hash of them that keys the build
 * directory (a changed harness gets a new build), and the check that Go is installed.
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** The folder's Go sources, go.mod and go.sum (if committed), sorted by name. */
export function goSourceFiles(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.go') || name === 'go.mod' || name === 'go.sum')
    .sort();
}

/** Short sha256 over the files' names and contents. */
export function goSourcesHash(dir: string, files: string[]): string {
  const hash = createHash('sha256');
  for (const name of files) {
    hash.update(`${name}\0`);
    hash.update(fs.readFileSync(path.join(dir, name)));
    hash.update('\0');
  }
  return hash.digest('hex').slice(0, 12);
}

/** Throws a clear error when no Go toolchain is on PATH; `what` names the tool being built. */
export function requireGo(what: string): void {
  try {
    execFileSync('go', ['version'], { stdio: 'ignore' });
  } catch {
    throw new Error(`Go (1.26 or newer) is required to build ${what}, and none is on PATH`);
  }
}
