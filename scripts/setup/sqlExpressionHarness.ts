/**
 * Builds tests/alerting/sql-expression-harness (the SQL engine of Grafana's server-side SQL
 * expressions, dolthub's go-mysql-server, loading data frames as tables the way Grafana does; see
 * its README) into the per-user cache, keyed by the engine's version and a hash of the harness
 * sources, and skipped when already built. Its modules come from the Go module proxy at the
 * versions pinned in the committed go.mod / go.sum.
 */
import fs from 'node:fs';
import path from 'node:path';

import { cacheRoot, log, repoRoot } from '../stack/paths';
import { runLogged } from '../stack/processes';
import { goSourceFiles, goSourcesHash, requireGo } from './goSources';

/** The go-mysql-server release the harness embeds (Grafana's SQL expressions run on this library). */
export const GO_MYSQL_SERVER_VERSION = 'v0.20.0';

const sources = path.join(repoRoot, 'tests', 'alerting', 'sql-expression-harness');
const BIN = 'sql-expression-harness';

/**
 * Path of the built harness binary; builds it first when missing (a few minutes cold on 2 cores,
 * seconds with Go's caches warm). Go's output goes to `<cache>/logs/`; a failure throws with its tail.
 */
export async function ensureSqlExpressionHarness(): Promise<string> {
  const files = goSourceFiles(sources);
  if (!files.includes('main.go') || !files.includes('go.mod') || !files.includes('go.sum')) {
    throw new Error(`${sources} lacks main.go, go.mod or go.sum`);
  }
  const key = `${GO_MYSQL_SERVER_VERSION}-${goSourcesHash(sources, files)}`;
  const buildDir = path.join(cacheRoot(), 'sql-expression-harness', key);
  const bin = path.join(buildDir, BIN);
  if (fs.existsSync(bin) && fs.existsSync(path.join(buildDir, '.complete'))) {
    return bin;
  }
  requireGo('the SQL expression harness');
  log('setup', `building the SQL expression harness (go-mysql-server ${GO_MYSQL_SERVER_VERSION}) into ${buildDir}`);
  const logFile = path.join(cacheRoot(), 'logs', `sql-expression-harness-${key}.log`);
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  fs.writeFileSync(logFile, '');
  // Built beside the final directory and renamed into place when complete (concurrent setups).
  const workDir = `${buildDir}.building-${process.pid}`;
  const started = Date.now();
  try {
    fs.rmSync(workDir, { recursive: true, force: true });
    fs.mkdirSync(workDir, { recursive: true });
    for (const name of files) {
      fs.copyFileSync(path.join(sources, name), path.join(workDir, name));
    }
    const options = { cwd: workDir, logFile, env: { ...process.env, GOWORK: 'off', GOFLAGS: '-mod=readonly' } };
    await runLogged('go build', 'go', ['build', '-o', path.join(workDir, BIN), '.'], options);
    fs.writeFileSync(path.join(workDir, '.complete'), `${GO_MYSQL_SERVER_VERSION}\n`);
    fs.rmSync(buildDir, { recursive: true, force: true });
    fs.renameSync(workDir, buildDir);
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
  log('setup', `SQL expression harness built in ${Math.round((Date.now() - started) / 1000)} s: ${bin}`);
  return bin;
}
