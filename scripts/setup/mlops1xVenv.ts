/**
 * The Python venv of the H2O MLOps 1.x conformance test (tests/stack/official-client-1x.test.ts):
 * the current official client `h2o-mlops==1.6.x` from PyPI, in the per-user cache beside the legacy
 * 1.3.4 venv, keyed by version. Its generated pydantic models are the authority on the 1.x JSON
 * shapes the simulator serves (docs/h2o-mlops-1x-contract.md).
 */
import fs from 'node:fs';
import path from 'node:path';

import { cacheRoot, log } from '../stack/paths';
import { runLogged } from '../stack/processes';
import { pythonCommand } from './tools';

/** The 1.x client the contract page was written from; H2O_MLOPS_1X_VERSION overrides it. */
export const H2O_MLOPS_1X_VERSION = process.env.H2O_MLOPS_1X_VERSION ?? '1.6.5';

/** The venv's directory: one per client version, so a new pin builds a new venv. */
export function mlops1xVenvDir(version = H2O_MLOPS_1X_VERSION): string {
  return path.join(cacheRoot(), `venv-h2o-mlops-${version}`);
}

/** The venv's python, or undefined when the venv is missing or was never completed. */
export function mlops1xVenvPython(version = H2O_MLOPS_1X_VERSION): string | undefined {
  const dir = mlops1xVenvDir(version);
  const python = path.join(dir, 'bin', 'python');
  return fs.existsSync(path.join(dir, '.complete')) && fs.existsSync(python) ? python : undefined;
}

/** Venv with h2o-mlops 1.x; returns its python. Marked complete only after a successful import. */
export async function ensureMlops1xVenv(version = H2O_MLOPS_1X_VERSION): Promise<string> {
  const ready = mlops1xVenvPython(version);
  if (ready) {
    return ready;
  }
  const dir = mlops1xVenvDir(version);
  const python = path.join(dir, 'bin', 'python');
  log('setup', `creating ${dir} with h2o-mlops==${version} from PyPI`);
  fs.rmSync(dir, { recursive: true, force: true });
  const logFile = path.join(cacheRoot(), 'logs', `venv-h2o-mlops-${version}.log`);
  await runLogged('python venv', pythonCommand(), ['-m', 'venv', dir], { logFile });
  await runLogged(
    'pip install',
    python,
    ['-m', 'pip', 'install', '--disable-pip-version-check', '-q', `h2o-mlops==${version}`],
    { logFile }
  );
  const probe = 'import h2o_mlops, h2o_authn, h2o_mlops._monitoring, h2o_mlops._client.models.monitoring';
  await runLogged('import h2o_mlops', python, ['-c', probe], { logFile });
  fs.writeFileSync(path.join(dir, '.complete'), `${version}\n`);
  return python;
}
