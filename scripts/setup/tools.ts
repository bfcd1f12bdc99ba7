/**
 * Installs what the real-stack tests need beyond Node, each into the per-user cache
 * (`${XDG_CACHE_HOME:-~/.cache}/modelwatch-mlops/`), keyed by version and skipped when present:
 *
 * - Keycloak (keycloak-quarkus-dist from Maven Central) and a Java it supports — scripts/stack;
 * - a Python venv with the official gateway client `h2o-mlops==1.3.4` from PyPI, and one with the
 *   current 1.x client `h2o-mlops==1.6.5` (scripts/setup/mlops1xVenv.ts);
 * - docker compose, built from the Go module proxy by scripts/setup/docker-compose.sh;
 * - the Infinity data source harness for the alerting tests — scripts/setup/infinity.ts;
 * - the SQL-expression engine harness for the 1.x alerting tests — scripts/setup/sqlExpressionHarness.ts.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import { ensureDriftVenv } from './driftVenv';
import { ensureInfinityHarness } from './infinity';
import { ensureSqlExpressionHarness } from './sqlExpressionHarness';
import { ensureMlops1xVenv } from './mlops1xVenv';
import { ensureKeycloakDist, KEYCLOAK_JAVA_MAJORS } from '../stack/keycloak';
import { findJavaHome } from '../stack/java';
import { cacheRoot, log, repoRoot } from '../stack/paths';
import { runLogged } from '../stack/processes';

/** The last h2o-mlops line with the legacy model-monitoring client (1.4 replaced it). */
export const H2O_MLOPS_VERSION = process.env.H2O_MLOPS_VERSION ?? '1.3.4';

/** A python3 with venv and ensurepip (the venvs of the stack tests and of semgrep need both). */
export function pythonCommand(): string {
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

/** Venv with h2o-mlops; returns its python. Marked complete only after a successful import. */
export async function ensureVenv(version = H2O_MLOPS_VERSION): Promise<string> {
  const dir = path.join(cacheRoot(), `venv-h2o-mlops-${version}`);
  const python = path.join(dir, 'bin', 'python');
  const marker = path.join(dir, '.complete');
  if (fs.existsSync(marker) && fs.existsSync(python)) {
    return python;
  }
  log('setup', `creating ${dir} with h2o-mlops==${version} from PyPI`);
  fs.rmSync(dir, { recursive: true, force: true });
  const logFile = path.join(cacheRoot(), 'logs', `venv-h2o-mlops-${version}.log`);
  await runLogged('python venv', pythonCommand(), ['-m', 'venv', dir], { logFile });
  await runLogged(
    'pip install',
    python,
    ['-m', 'pip', 'install', '--disable-pip-version-check', '-q', `h2o-mlops==${version}`],
    {
      logFile,
    }
  );
  await runLogged('import h2o_mlops', python, ['-c', 'import h2o_mlops, h2o_authn'], { logFile });
  fs.writeFileSync(marker, `${version}\n`);
  return python;
}

/** docker compose binary (built once per version); returns its path. */
export function ensureCompose(): string {
  const script = path.join(repoRoot, 'scripts', 'setup', 'docker-compose.sh');
  const out = execFileSync('bash', [script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const bin = out.trim().split('\n').pop() ?? '';
  if (!bin || !fs.existsSync(bin)) {
    throw new Error(`${script} did not print a compose binary (got "${out.trim()}")`);
  }
  return bin;
}

/** Everything the stack tests need; each step fails loudly with what went wrong. */
export async function ensureStackTools(): Promise<{
  keycloakDist: string;
  javaHome: string;
  venvPython: string;
  composeBin: string;
  infinityHarness: string;
  sqlExpressionHarness: string;
  driftPython: string;
  mlops1xPython: string;
}> {
  const keycloakDist = await ensureKeycloakDist();
  const javaHome = findJavaHome(KEYCLOAK_JAVA_MAJORS);
  const venvPython = await ensureVenv();
  const composeBin = ensureCompose();
  const infinityHarness = await ensureInfinityHarness();
  const sqlExpressionHarness = await ensureSqlExpressionHarness();
  const driftPython = await ensureDriftVenv();
  const mlops1xPython = await ensureMlops1xVenv();
  return {
    keycloakDist,
    javaHome,
    venvPython,
    composeBin,
    infinityHarness,
    sqlExpressionHarness,
    driftPython,
    mlops1xPython,
  };
}
