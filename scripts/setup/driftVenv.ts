/**
 * The Python venv of the drift cross-check (tests/stack/drift-crosscheck.test.ts): numpy and scipy,
 * pinned, from PyPI, in the per-user cache beside the h2o-mlops venv. The cross-check computes every
 * drift method a second time with them, so the TypeScript library is tested against an independent
 * implementation of the same documented formulas.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import { cacheRoot, log } from '../stack/paths';
import { runLogged } from '../stack/processes';

/** Pinned so that a cross-check result never changes under us; both have wheels for CPython 3.10–3.13. */
export const DRIFT_VENV_PACKAGES = ['numpy==2.2.6', 'scipy==1.15.3'] as const;

/** The venv's cache key: changes whenever the pins do, so a new pin builds a new venv. */
export function driftVenvDir(): string {
  const key = DRIFT_VENV_PACKAGES.map((p) => p.replace('==', '-')).join('_');
  return path.join(cacheRoot(), `venv-drift-${key}`);
}

/** A python3 with venv and ensurepip (the same probe as the h2o-mlops venv in tools.ts). */
function basePython(): string {
  for (const candidate of ['python3.11', 'python3']) {
    try {
      execFileSync(candidate, ['-c', 'import venv, ensurepip'], { stdio: 'ignore' });
      return candidate;
    } catch {
      // try the next one
    }
  }
  throw new Error('no python3 with the venv and ensurepip modules found (Debian: apt-get install python3-venv)');
}

/** Venv with numpy and scipy; returns its python. Marked complete only after a successful import. */
export async function ensureDriftVenv(): Promise<string> {
  const dir = driftVenvDir();
  const python = path.join(dir, 'bin', 'python');
  const marker = path.join(dir, '.complete');
  if (fs.existsSync(marker) && fs.existsSync(python)) {
    return python;
  }
  log('setup', `creating ${dir} with ${DRIFT_VENV_PACKAGES.join(' ')} from PyPI`);
  fs.rmSync(dir, { recursive: true, force: true });
  const logFile = path.join(cacheRoot(), 'logs', `${path.basename(dir)}.log`);
  await runLogged('python venv', basePython(), ['-m', 'venv', dir], { logFile });
  await runLogged(
    'pip install',
    python,
    ['-m', 'pip', 'install', '--disable-pip-version-check', '-q', '--only-binary=:all:', ...DRIFT_VENV_PACKAGES],
    { logFile }
  );
  await runLogged('import numpy, scipy', python, ['-c', 'import numpy, scipy.spatial.distance'], { logFile });
  fs.writeFileSync(marker, `${DRIFT_VENV_PACKAGES.join('\n')}\n`);
  return python;
}
