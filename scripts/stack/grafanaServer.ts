import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort, waitForHttp } from './net';
import { cacheRoot, log, repoRoot } from './paths';
import { ManagedProcess, runLogged, spawnManaged } from './processes';

const execFileAsync = promisify(execFile);

export const GRAFANA_MODULE = 'github.com/grafana/grafana';

/**
 * Grafana release to build. Grafana's tags (v12/v13) do not match its module path, so the Go command
 * refuses `@v13.x.y`; we ask for a revision (release branch or commit) and check the module's own
 * package.json `version` against `version`. 13.2.2 matches the project's @grafana/* 13.2.2 packages.
 * UNVERIFIED: the module proxy reachable from this workplace answered 403 for every revision of
 * github.com/grafana/grafana, so this pin has never been resolved here. Override both with
 * GRAFANA_VERSION / GRAFANA_REVISION.
 */
export const GRAFANA_PIN = {
  version: process.env.GRAFANA_VERSION ?? '13.2.2',
  revision: process.env.GRAFANA_REVISION ?? 'release-13.2.2',
};

/** The plugin ids of this project; all must be allowed unsigned for a local, unsigned build. */
export const PLUGIN_IDS = ['modelwatch-mlops-app', 'modelwatch-mlopsgateway-datasource', 'modelwatch-champion-panel'];

export interface GrafanaInstall {
  binary: string;
  /** Directory holding conf/defaults.ini (and the few public/ files the server reads). */
  homeTemplate: string;
  version: string;
}

function cacheDir(version: string): string {
  return path.join(cacheRoot(), 'grafana', version);
}

async function goJson(args: string[], cwd?: string): Promise<Record<string, string>> {
  try {
    const { stdout } = await execFileAsync('go', args, { cwd, maxBuffer: 64 * 1024 * 1024 });
    return JSON.parse(stdout);
  } catch (err) {
    const e = err as { stderr?: string; message: string };
    throw new Error(`go ${args.join(' ')} failed: ${(e.stderr || e.message).trim()}`);
  }
}

/** Commit hash at the end of a pseudo-version (v0.0.0-20250101000000-abcdef123456). */
function commitOf(pseudoVersion: string): string {
  const m = /-([0-9a-f]{12})$/.exec(pseudoVersion);
  if (!m) {
    throw new Error(`${pseudoVersion} is not a pseudo-version`);
  }
  return m[1];
}

/**
 * Grafana server binary for the pinned release, built once and cached outside the repo at
 * ${XDG_CACHE_HOME:-~/.cache}/modelwatch-mlops/grafana/<version>/bin/grafana (a stamp records the
 * revision). GRAFANA_BIN (+ GRAFANA_HOME_TEMPLATE, a dir with conf/defaults.ini) uses a binary
 * obtained some other way instead.
 */
export async function ensureGrafana(pin = GRAFANA_PIN): Promise<GrafanaInstall> {
  if (process.env.GRAFANA_BIN) {
    const homeTemplate = process.env.GRAFANA_HOME_TEMPLATE ?? '';
    if (!fs.existsSync(path.join(homeTemplate, 'conf', 'defaults.ini'))) {
      throw new Error('GRAFANA_BIN is set: also set GRAFANA_HOME_TEMPLATE to a directory containing conf/defaults.ini');
    }
    return { binary: process.env.GRAFANA_BIN, homeTemplate, version: 'external' };
  }
  const dir = cacheDir(pin.version);
  const binary = path.join(dir, 'bin', 'grafana');
  const stamp = path.join(dir, 'build-info.json');
  const install = { binary, homeTemplate: path.join(dir, 'home'), version: pin.version };
  if (fs.existsSync(binary) && fs.existsSync(stamp)) {
    const info = JSON.parse(fs.readFileSync(stamp, 'utf8'));
    if (info.revision === pin.revision) {
      return install;
    }
  }
  await buildGrafana(pin, dir);
  return install;
}

async function buildGrafana(pin: { version: string; revision: string }, dir: string): Promise<void> {
  const buildLog = path.join(dir, 'build.log');
  fs.mkdirSync(dir, { recursive: true });
  const started = Date.now();
  log('grafana', `resolving ${GRAFANA_MODULE}@${pin.revision} on the Go module proxy`);
  const resolved = await goJson(['list', '-m', '-json', `${GRAFANA_MODULE}@${pin.revision}`]);
  const commit = commitOf(resolved.Version);
  log('grafana', `downloading ${GRAFANA_MODULE}@${resolved.Version} (several hundred MB)`);
  const downloaded = await goJson(['mod', 'download', '-json', `${GRAFANA_MODULE}@${resolved.Version}`]);
  const moduleDir = downloaded.Dir;
  const releaseVersion = JSON.parse(fs.readFileSync(path.join(moduleDir, 'package.json'), 'utf8')).version;
  if (releaseVersion !== pin.version) {
    throw new Error(`${GRAFANA_MODULE}@${pin.revision} is Grafana ${releaseVersion}, not ${pin.version}`);
  }

  // The module cache is read-only; build in a writable copy.
  const src = path.join(dir, 'src');
  fs.rmSync(src, { recursive: true, force: true });
  fs.cpSync(moduleDir, src, { recursive: true });
  await runLogged('chmod', 'chmod', ['-R', 'u+w', src], { logFile: buildLog });

  // Grafana's go.mod pins its nested modules, and in releases those pins have lagged the source
  // (grafana/grafana issue 92894). Grafana itself builds with a workspace; we replace each nested
  // module by its version at the same commit, which is what the workspace amounts to.
  const goMod = fs.readFileSync(path.join(src, 'go.mod'), 'utf8');
  const nested = [
    ...new Set(
      [...goMod.matchAll(/^\s*(?:require\s+)?(github\.com\/grafana\/grafana\/\S+)\s+v\S+/gm)].map((m) => m[1])
    ),
  ];
  const env = { ...process.env, GOFLAGS: '-mod=mod -buildvcs=false', GOMAXPROCS: '2', CGO_ENABLED: '1' };
  for (const mod of nested) {
    try {
      const v = await goJson(['list', '-m', '-json', `${mod}@${commit}`], src);
      await runLogged('go mod edit', 'go', ['mod', 'edit', `-replace=${mod}=${mod}@${v.Version}`], {
        cwd: src,
        env,
        logFile: buildLog,
      });
      log('grafana', `replace ${mod} => ${v.Version}`);
    } catch (err) {
      log('grafana', `keeping go.mod's pin of ${mod}: ${(err as Error).message.split('\n')[0]}`);
    }
  }
  log('grafana', 'go mod tidy');
  await runLogged('go mod tidy', 'nice', ['-n', '19', 'go', 'mod', 'tidy'], { cwd: src, env, logFile: buildLog });

  log('grafana', `go build ./pkg/cmd/grafana (cold builds take tens of minutes on 2 cores; log: ${buildLog})`);
  const ticker = setInterval(() => {
    log('grafana', `still building, ${Math.round((Date.now() - started) / 60000)} min so far`);
  }, 60000);
  try {
    await runLogged(
      'go build',
      'nice',
      ['-n', '19', 'go', 'build', '-p', '1', '-o', path.join(dir, 'bin', 'grafana'), './pkg/cmd/grafana'],
      { cwd: src, env, logFile: buildLog }
    );
  } finally {
    clearInterval(ticker);
  }

  // The server reads conf/defaults.ini from its homepath; keep that (and the core plugins'
  // plugin.json files, views and email templates, which exist in the source tree) next to the binary.
  const home = path.join(dir, 'home');
  fs.rmSync(home, { recursive: true, force: true });
  fs.cpSync(path.join(src, 'conf'), path.join(home, 'conf'), { recursive: true });
  for (const sub of ['views', 'emails', path.join('app', 'plugins')]) {
    const from = path.join(src, 'public', sub);
    if (fs.existsSync(from)) {
      fs.cpSync(from, path.join(home, 'public', sub), {
        recursive: true,
        filter: (p) =>
          sub !== path.join('app', 'plugins') || fs.statSync(p).isDirectory() || /plugin\.json$|\.svg$|\.png$/.test(p),
      });
    }
  }
  const seconds = Math.round((Date.now() - started) / 1000);
  fs.writeFileSync(
    path.join(dir, 'build-info.json'),
    JSON.stringify(
      { ...pin, pseudoVersion: resolved.Version, commit, goVersion: process.env.GOVERSION, buildSeconds: seconds },
      null,
      2
    )
  );
  fs.rmSync(src, { recursive: true, force: true });
  log('grafana', `built Grafana ${pin.version} in ${seconds} s`);
}

export interface GrafanaOptions {
  runDir: string;
  install: GrafanaInstall;
  /**
   * Grafana's plugins directory. Default: a fresh directory with `modelwatch-mlops-app` symlinked to
   * the repo's dist/ (the layout docker-compose mounts), or empty when dist/ has no plugin.json.
   */
  pluginsDir?: string;
  /** Default: the repo's provisioning/. */
  provisioningDir?: string;
  /** Extra environment, e.g. the MLOPS_* variables the provisioning files expand. */
  env?: Record<string, string>;
  adminUser?: string;
  adminPassword?: string;
  port?: number;
  timeoutMs?: number;
}

export interface GrafanaHandle {
  process: ManagedProcess;
  url: string;
  adminUser: string;
  /** Basic-auth header for the admin user, for API calls in tests. */
  authHeader: string;
  stop(): Promise<void>;
}

/** Default plugins directory for a run; see GrafanaOptions.pluginsDir. */
export function defaultPluginsDir(runDir: string): string {
  const dir = path.join(runDir, 'grafana-plugins');
  fs.mkdirSync(dir, { recursive: true });
  const dist = path.join(repoRoot, 'dist');
  if (fs.existsSync(path.join(dist, 'plugin.json'))) {
    fs.symlinkSync(dist, path.join(dir, PLUGIN_IDS[0]));
  } else {
    log('grafana', `no ${dist}/plugin.json yet: starting with an empty plugins directory`);
  }
  return dir;
}

/** Starts a Grafana server (sqlite, loopback, temporary data dir) and waits for /api/health. */
export async function startGrafana(options: GrafanaOptions): Promise<GrafanaHandle> {
  const home = path.join(options.runDir, 'grafana-home');
  fs.cpSync(options.install.homeTemplate, home, { recursive: true });
  const data = path.join(options.runDir, 'grafana-data');
  fs.mkdirSync(data, { recursive: true });
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const adminUser = options.adminUser ?? 'admin';
  const adminPassword = options.adminPassword ?? 'admin';
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...options.env,
    GF_PATHS_HOME: home,
    GF_PATHS_DATA: data,
    GF_PATHS_LOGS: path.join(data, 'log'),
    GF_PATHS_PLUGINS: options.pluginsDir ?? defaultPluginsDir(options.runDir),
    GF_PATHS_PROVISIONING: options.provisioningDir ?? path.join(repoRoot, 'provisioning'),
    GF_PLUGINS_ALLOW_LOADING_UNSIGNED_PLUGINS: PLUGIN_IDS.join(','),
    GF_SERVER_HTTP_ADDR: '127.0.0.1',
    GF_SERVER_HTTP_PORT: String(port),
    GF_SERVER_ROOT_URL: `${url}/`,
    GF_DATABASE_TYPE: 'sqlite3',
    GF_SECURITY_ADMIN_USER: adminUser,
    GF_SECURITY_ADMIN_PASSWORD: adminPassword,
    GF_LOG_MODE: 'console',
    GF_DATAPROXY_LOGGING: 'true',
    // Nothing outside the loopback is reachable: do not phone home.
    GF_ANALYTICS_REPORTING_ENABLED: 'false',
    GF_ANALYTICS_CHECK_FOR_UPDATES: 'false',
    GF_ANALYTICS_CHECK_FOR_PLUGIN_UPDATES: 'false',
    GF_PLUGINS_PUBLIC_KEY_RETRIEVAL_DISABLED: 'true',
    GF_NEWS_NEWS_FEED_ENABLED: 'false',
  };
  const proc = spawnManaged('grafana', options.install.binary, ['server', '--homepath', home], {
    cwd: home,
    env,
    logDir: options.runDir,
  });
  const authHeader = `Basic ${Buffer.from(`${adminUser}:${adminPassword}`).toString('base64')}`;
  try {
    await waitForHttp(`${url}/api/health`, {
      timeoutMs: options.timeoutMs ?? 120000,
      exited: proc.exitReason,
      isReady: (status, body) => status === 200 && /"database"\s*:\s*"ok"/.test(body),
    });
  } catch (err) {
    await proc.stop();
    throw new Error(`${(err as Error).message}\n--- grafana log tail ---\n${proc.tail()}`);
  }
  log('grafana', `ready: ${url}`);
  return { process: proc, url, adminUser, authHeader, stop: () => proc.stop() };
}
