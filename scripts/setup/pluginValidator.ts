/**
 * Installs Grafana's plugin validator (`plugincheck2`) and `semgrep` (which the validator's
 * `code-rules` analyzer runs, and silently skips when it is not on PATH) into the per-user cache,
 * keyed by version and skipped when present:
 *
 * - plugincheck2 0.45.6 is built with Go from the pinned source in the shared vendor folder
 *   (`$MODELWATCH_VENDOR_DIR`, default `<repo>/../shared/vendor`; see its README). The Go module proxy
 *   of these machines does not serve the validator, so there is no other way here. Without that folder
 *   (a machine with internet), `go install` builds the same tag from upstream instead.
 * - semgrep from PyPI, in its own venv.
 */
import fs from 'node:fs';
import path from 'node:path';

import { cacheRoot, log, repoRoot } from '../stack/paths';
import { runLogged } from '../stack/processes';
import { pythonCommand } from './tools';

export const PLUGIN_VALIDATOR_VERSION = '0.45.6';
export const SEMGREP_VERSION = process.env.SEMGREP_VERSION ?? '1.185.0';

/** The shared vendor folder (realpath'd), or undefined when this machine has none. */
export function vendorDir(): string | undefined {
  const dir = process.env.MODELWATCH_VENDOR_DIR || path.join(repoRoot, '..', 'shared', 'vendor');
  return fs.existsSync(dir) ? fs.realpathSync(dir) : undefined;
}

/** The vendored validator source, checked to be the pinned version; undefined when not vendored. */
export function vendoredValidatorSource(): string | undefined {
  const vendor = vendorDir();
  const dir = vendor && path.join(vendor, 'plugin-validator');
  if (!dir || !fs.existsSync(path.join(dir, 'go.mod'))) {
    return undefined;
  }
  const { version } = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version?: string };
  if (version !== PLUGIN_VALIDATOR_VERSION) {
    throw new Error(`${dir} holds plugin-validator ${version}, expected ${PLUGIN_VALIDATOR_VERSION}`);
  }
  return dir;
}

/**
 * Builds plugincheck2 once per version; returns its path. The binary is written under a temporary
 * name and renamed, so a concurrent or interrupted build never leaves a half-written binary behind.
 */
export async function ensurePluginValidator(version = PLUGIN_VALIDATOR_VERSION): Promise<string> {
  const dir = path.join(cacheRoot(), 'plugin-validator', version);
  const binary = path.join(dir, 'plugincheck2');
  if (fs.existsSync(binary)) {
    return binary;
  }
  fs.mkdirSync(dir, { recursive: true });
  const logFile = path.join(cacheRoot(), 'logs', `plugin-validator-${version}.log`);
  const partial = path.join(dir, `plugincheck2.${process.pid}.partial`);
  const source = vendoredValidatorSource();
  if (source) {
    log('setup', `building plugin-validator ${version} from ${source} (a cold build takes a few minutes)`);
    // Built in place: readonly modules and no VCS stamping, so the (read-only) vendor folder is not written.
    await runLogged('go build plugincheck2', 'go', ['build', '-o', partial, './pkg/cmd/plugincheck2'], {
      cwd: source,
      logFile,
      env: { ...process.env, GOFLAGS: '-mod=readonly -buildvcs=false' },
    });
  } else {
    // Not runnable here (the module proxy refuses the validator); the documented fallback elsewhere.
    log('setup', `no vendored plugin-validator: go install github.com/grafana/plugin-validator@v${version}`);
    const gobin = fs.mkdtempSync(path.join(dir, 'gobin-'));
    await runLogged(
      'go install plugincheck2',
      'go',
      ['install', `github.com/grafana/plugin-validator/pkg/cmd/plugincheck2@v${version}`],
      { logFile, env: { ...process.env, GOBIN: gobin } }
    );
    fs.renameSync(path.join(gobin, 'plugincheck2'), partial);
    fs.rmSync(gobin, { recursive: true, force: true });
  }
  fs.renameSync(partial, binary);
  return binary;
}

/** Venv with semgrep; returns the venv's bin directory (to put first on PATH). */
export async function ensureSemgrep(version = SEMGREP_VERSION): Promise<string> {
  const dir = path.join(cacheRoot(), `venv-semgrep-${version}`);
  const bin = path.join(dir, 'bin');
  const marker = path.join(dir, '.complete');
  if (fs.existsSync(marker) && fs.existsSync(path.join(bin, 'semgrep'))) {
    return bin;
  }
  log('setup', `creating ${dir} with semgrep==${version} from PyPI`);
  fs.rmSync(dir, { recursive: true, force: true });
  const logFile = path.join(cacheRoot(), 'logs', `venv-semgrep-${version}.log`);
  await runLogged('python venv', pythonCommand(), ['-m', 'venv', dir], { logFile });
  const pip = ['-m', 'pip', 'install', '--disable-pip-version-check', '-q', `semgrep==${version}`];
  await runLogged('pip install semgrep', path.join(bin, 'python'), pip, { logFile });
  await runLogged('semgrep --version', path.join(bin, 'semgrep'), ['--version'], { logFile });
  fs.writeFileSync(marker, `${version}\n`);
  return bin;
}
