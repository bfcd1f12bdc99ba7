import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { downloadMavenArtifact } from './download';
import { findJavaHome } from './java';
import { freePort, waitForHttp } from './net';
import { cacheRoot, log } from './paths';
import { ManagedProcess, spawnManaged } from './processes';
import { realmFile as defaultRealmFile, loadDemoRealm } from './realm';

/**
 * Pinned Keycloak release (newest on Maven Central when this was written). docker-compose's
 * quay.io/keycloak/keycloak image uses the same version. Override with KEYCLOAK_VERSION.
 */
export const KEYCLOAK_VERSION = process.env.KEYCLOAK_VERSION ?? '26.7.3';

/** JDK majors that Keycloak 26.x supports ("Supported Configurations": OpenJDK 17, 21, 25). */
export const KEYCLOAK_JAVA_MAJORS = [25, 21, 17];

const MAVEN_CENTRAL = 'https://repo1.maven.org/maven2';

/**
 * Unpacked keycloak-quarkus-dist for `version`, downloaded from Maven Central into the cache on
 * first use (~180 MB) and verified against Maven Central's SHA-1.
 */
export async function ensureKeycloakDist(version = KEYCLOAK_VERSION): Promise<string> {
  const dir = path.join(cacheRoot(), 'keycloak', version);
  const dist = path.join(dir, `keycloak-${version}`);
  if (fs.existsSync(path.join(dist, 'bin', 'kc.sh')) && fs.existsSync(path.join(dir, '.complete'))) {
    return dist;
  }
  const name = `keycloak-quarkus-dist-${version}.zip`;
  const url = `${MAVEN_CENTRAL}/org/keycloak/keycloak-quarkus-dist/${version}/${name}`;
  log('keycloak', `fetching ${name} from Maven Central into ${dir}`);
  await downloadMavenArtifact(url, path.join(dir, name));
  fs.rmSync(dist, { recursive: true, force: true });
  execFileSync('unzip', ['-q', '-o', name], { cwd: dir, stdio: 'inherit' });
  fs.writeFileSync(path.join(dir, '.complete'), `${version}\n`);
  return dist;
}

/**
 * A per-run Keycloak home: `start-dev` rewrites lib/quarkus and writes data/, so runs must not share
 * the cached distribution. The 170 MB of jars (lib/lib, lib/app) are symlinked; kc.sh and the small
 * directories are copied (kc.sh resolves its home from its own real path).
 */
function makeRunHome(dist: string, home: string, realmFile: string): void {
  fs.mkdirSync(path.join(home, 'bin'), { recursive: true });
  fs.copyFileSync(path.join(dist, 'bin', 'kc.sh'), path.join(home, 'bin', 'kc.sh'));
  fs.chmodSync(path.join(home, 'bin', 'kc.sh'), 0o755);
  for (const d of ['conf', 'providers', 'themes', path.join('lib', 'quarkus')]) {
    fs.cpSync(path.join(dist, d), path.join(home, d), { recursive: true });
  }
  fs.copyFileSync(path.join(dist, 'lib', 'quarkus-run.jar'), path.join(home, 'lib', 'quarkus-run.jar'));
  for (const d of ['lib', 'app']) {
    fs.symlinkSync(path.join(dist, 'lib', d), path.join(home, 'lib', d));
  }
  fs.mkdirSync(path.join(home, 'data', 'import'), { recursive: true });
  fs.copyFileSync(realmFile, path.join(home, 'data', 'import', path.basename(realmFile)));
}

export interface KeycloakOptions {
  /** Directory for this run's log file and Keycloak home. */
  runDir: string;
  realmFile?: string;
  port?: number;
  /** Default 600 s: dev mode re-augments on every start (~25 s alone; 280–430 s seen at load average 20). */
  timeoutMs?: number;
}

export interface KeycloakHandle {
  process: ManagedProcess;
  /** http://127.0.0.1:PORT */
  baseUrl: string;
  realm: string;
  /** Realm issuer, the `iss` of every token (pinned with --hostname so it does not depend on the Host header). */
  issuer: string;
  tokenUrl: string;
  jwksUrl: string;
  stop(): Promise<void>;
}

/** Starts Keycloak in dev mode (in-memory H2) with the demo realm imported, and waits until ready. */
export async function startKeycloak(options: KeycloakOptions): Promise<KeycloakHandle> {
  const realmFile = options.realmFile ?? defaultRealmFile;
  const { realm } = loadDemoRealm(realmFile);
  const dist = await ensureKeycloakDist();
  const javaHome = findJavaHome(KEYCLOAK_JAVA_MAJORS);
  const home = path.join(options.runDir, 'keycloak-home');
  makeRunHome(dist, home, realmFile);

  const port = options.port ?? (await freePort());
  const managementPort = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  log('keycloak', `Keycloak ${KEYCLOAK_VERSION} on ${javaHome}, ${baseUrl}`);
  const proc = spawnManaged(
    'keycloak',
    'nice',
    [
      '-n',
      '10',
      path.join(home, 'bin', 'kc.sh'),
      'start-dev',
      '--http-host=127.0.0.1',
      `--http-port=${port}`,
      `--http-management-port=${managementPort}`,
      `--hostname=${baseUrl}`,
      '--health-enabled=true',
      '--import-realm',
      '--db=dev-mem',
    ],
    {
      logDir: options.runDir,
      env: {
        ...process.env,
        JAVA_HOME: javaHome,
        // Keep the JVM small: other test processes share the machine's 24 GB.
        JAVA_OPTS_KC_HEAP: '-Xms64m -Xmx1g',
      },
    }
  );
  const issuer = `${baseUrl}/realms/${realm}`;
  try {
    await waitForHttp(`http://127.0.0.1:${managementPort}/health/ready`, {
      timeoutMs: options.timeoutMs ?? 600000,
      exited: proc.exitReason,
      intervalMs: 1000,
    });
    await waitForHttp(`${issuer}/.well-known/openid-configuration`, { timeoutMs: 30000, exited: proc.exitReason });
  } catch (err) {
    await proc.stop();
    throw new Error(`${(err as Error).message}\n--- keycloak log tail ---\n${proc.tail()}`);
  }
  log('keycloak', `ready: ${issuer}`);
  return {
    process: proc,
    baseUrl,
    realm,
    issuer,
    tokenUrl: `${issuer}/protocol/openid-connect/token`,
    jwksUrl: `${issuer}/protocol/openid-connect/certs`,
    stop: () => proc.stop(),
  };
}
