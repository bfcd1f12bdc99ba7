/**
 * Builds tests/alerting/infinity-harness (Grafana Labs' Infinity data source backend run in-process,
 * see its README) into the per-user cache, keyed by Infinity's version and a hash of the harness
 * sources, and skipped when already built.
 *
 * The Go module proxy on this project's machines refuses Infinity's and infinity-libs' modules, so
 * their pinned sources are taken from the shared vendor folder (`MODELWATCH_VENDOR_DIR`, default
 * `<repo>/../shared/vendor`) with the replace directives its README gives. Without that folder the
 * build requires Infinity upstream at the commit of its v3.11.1 tag (machines with internet).
 */
import fs from 'node:fs';
import path from 'node:path';

import { cacheRoot, log, repoRoot } from '../stack/paths';
import { runLogged } from '../stack/processes';
import { goSourceFiles, goSourcesHash, requireGo } from './goSources';

/** Infinity release whose backend the harness runs. */
export const INFINITY_VERSION = '3.11.1';
/** Commit of Infinity's v3.11.1 tag (its module path has no /v3, so the tag itself cannot be required). */
export const INFINITY_COMMIT = '683f8833617ccb36fcb37ccc759b6103a09e7c68';

const INFINITY_MODULE = 'github.com/grafana/grafana-infinity-datasource';
/** The infinity-libs modules Infinity imports; the vendor folder holds each at the tag Infinity pins. */
const INFINITY_LIBS = [
  'csvframer',
  'framesql',
  'gframer',
  'jsonframer',
  'macros',
  'transformations',
  'xmlframer',
  'utils',
];

const harnessSources = path.join(repoRoot, 'tests', 'alerting', 'infinity-harness');
const HARNESS_BIN = 'infinity-harness';

/** How the harness's go.mod finds Infinity: local vendored sources, or the upstream commit. */
type InfinitySource = { kind: 'vendor'; dir: string } | { kind: 'upstream' };

/**
 * The vendor folder: `MODELWATCH_VENDOR_DIR` (which must then exist) or `<repo>/../shared/vendor`
 * when present; realpath'd, so that go.mod's replace directives hold absolute, stable paths.
 */
function findInfinitySource(): InfinitySource {
  const fromEnv = process.env.MODELWATCH_VENDOR_DIR;
  const candidate = fromEnv || path.join(repoRoot, '..', 'shared', 'vendor');
  if (!fs.existsSync(candidate)) {
    if (fromEnv) {
      throw new Error(`MODELWATCH_VENDOR_DIR=${fromEnv} does not exist`);
    }
    return { kind: 'upstream' };
  }
  const dir = fs.realpathSync(candidate);
  const infinityGoMod = path.join(dir, 'grafana-infinity-datasource', 'go.mod');
  if (!fs.existsSync(infinityGoMod)) {
    throw new Error(`vendor folder ${dir} has no ${path.relative(dir, infinityGoMod)}`);
  }
  return { kind: 'vendor', dir };
}

function describe(source: InfinitySource): string {
  return source.kind === 'vendor' ? `vendor ${source.dir}` : `upstream ${INFINITY_MODULE}@${INFINITY_COMMIT}`;
}

/** `go mod edit` steps that point the harness's go.mod at Infinity (shared/vendor/README.md). */
function goModSteps(source: InfinitySource): Array<{ name: string; args: string[] }> {
  if (source.kind === 'upstream') {
    // `go get module@commit` asks the module proxy for the commit and records the pseudo-version
    // Go derives for it (the v3.11.1 tag is not a valid version of this /v3-less module path). The
    // infinity-libs modules then come at the versions Infinity's own go.mod requires. Not exercised
    // on this project's machines, whose proxy refuses Infinity's module.
    return [{ name: 'go get infinity', args: ['get', `${INFINITY_MODULE}@${INFINITY_COMMIT}`] }];
  }
  const v = source.dir;
  return [
    {
      name: 'go mod edit -replace infinity',
      args: ['mod', 'edit', '-replace', `${INFINITY_MODULE}=${v}/grafana-infinity-datasource`],
    },
    ...INFINITY_LIBS.map((m) => ({
      name: `go mod edit -replace ${m}`,
      args: ['mod', 'edit', '-replace', `github.com/grafana/infinity-libs/lib/go/${m}=${v}/infinity-libs/lib/go/${m}`],
    })),
    { name: 'go mod edit -require infinity', args: ['mod', 'edit', '-require', `${INFINITY_MODULE}@v0.0.0`] },
  ];
}

/** Copies the harness into `workDir` and builds it there; Go's output is appended to `logFile`. */
async function buildHarness(workDir: string, files: string[], source: InfinitySource, logFile: string): Promise<void> {
  fs.rmSync(workDir, { recursive: true, force: true });
  fs.mkdirSync(workDir, { recursive: true });
  for (const name of files) {
    fs.copyFileSync(path.join(harnessSources, name), path.join(workDir, name));
  }
  // A go.work above the cache directory must not take part in this build.
  const options = { cwd: workDir, logFile, env: { ...process.env, GOWORK: 'off' } };
  for (const step of goModSteps(source)) {
    await runLogged(step.name, 'go', step.args, options);
  }
  await runLogged('go mod tidy', 'go', ['mod', 'tidy'], options);
  const bin = path.join(workDir, HARNESS_BIN);
  await runLogged('go build', 'go', ['build', '-o', bin, '.'], options);
  // Empty stdin: the harness must start and exit 0 at EOF.
  await runLogged('infinity-harness start check', bin, [], options);
}

/**
 * Path of the built harness binary; builds it first when missing (minutes cold on 2 cores, seconds
 * with Go's caches warm). Go's output goes to `<cache>/logs/`; a failure throws with its tail.
 */
export async function ensureInfinityHarness(): Promise<string> {
  const files = goSourceFiles(harnessSources);
  if (!files.includes('main.go') || !files.includes('go.mod')) {
    throw new Error(`${harnessSources} lacks main.go or go.mod`);
  }
  const key = `${INFINITY_VERSION}-${goSourcesHash(harnessSources, files)}`;
  const buildDir = path.join(cacheRoot(), 'infinity-harness', key);
  const bin = path.join(buildDir, HARNESS_BIN);
  const marker = path.join(buildDir, '.complete');
  const source = findInfinitySource();
  // The marker records where Infinity came from, so a machine that gains or loses the vendor
  // folder rebuilds instead of keeping a binary built the other way.
  if (fs.existsSync(bin) && fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') === `${describe(source)}\n`) {
    return bin;
  }
  requireGo('the Infinity harness');
  log('setup', `building the Infinity ${INFINITY_VERSION} harness (${describe(source)}) into ${buildDir}`);
  const logFile = path.join(cacheRoot(), 'logs', `infinity-harness-${key}.log`);
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  fs.writeFileSync(logFile, '');
  // Built beside the final directory and renamed into place when complete, so that a second setup
  // running at the same time (npm run setup:stack and a test run) never sees a half-built directory.
  const workDir = `${buildDir}.building-${process.pid}`;
  const started = Date.now();
  try {
    await buildHarness(workDir, files, source, logFile);
    fs.writeFileSync(path.join(workDir, '.complete'), `${describe(source)}\n`);
    fs.rmSync(buildDir, { recursive: true, force: true });
    fs.renameSync(workDir, buildDir);
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
  log('setup', `Infinity harness built in ${Math.round((Date.now() - started) / 1000)} s: ${bin}`);
  return bin;
}
