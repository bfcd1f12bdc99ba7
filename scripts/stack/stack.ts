/**
 * The real stack for integration tests and the demo, without Docker:
 * Keycloak (demo realm) -> MLOps gateway simulator (validates Keycloak tokens). Grafana is not part
 * of it: its server is AGPL-licensed and is never built or fetched here; users run it with
 * docker-compose.yaml.
 *
 * Library: `const stack = await startStack(); ...; await stack.stop();`
 * CLI:     `npx tsx scripts/stack/stack.ts [--no-simulator]` (Ctrl-C stops everything).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { KeycloakHandle, startKeycloak } from './keycloak';
import { offlineRefreshToken } from './oidc';
import { log } from './paths';
import { installCleanupHandlers, ManagedProcess, stopAll } from './processes';
import { loadDemoRealm } from './realm';
import { SimulatorHandle, simulatorAvailable, startSimulator } from './simulator';
import { NOTIFICATIONS_PATH } from '../../simulator/notifications';

export interface StackOptions {
  /** Start the simulator (default: when simulator/main.ts exists). */
  simulator?: boolean;
  /** Gateway URL for the data source when the simulator is not started (e.g. a test's own server). */
  gatewayUrl?: string;
  /** Where logs and per-run homes go; default a fresh temp dir. */
  runDir?: string;
  /** Keep runDir after stop() (default: keep only if it was given). */
  keepRunDir?: boolean;
  /** Install SIGINT/SIGTERM handlers that stop the stack (default true). */
  handleSignals?: boolean;
}

/**
 * Environment that provisioning/ expands ($MLOPS_...) for the gateway data source. Contains the
 * demo client secret and a live offline refresh token: pass it to processes, never print it.
 */
export interface ProvisioningEnv {
  MLOPS_GATEWAY_URL: string;
  MLOPS_TOKEN_URL: string;
  MLOPS_CLIENT_ID: string;
  MLOPS_CLIENT_SECRET: string;
  MLOPS_REFRESH_TOKEN: string;
  /** H2O MLOps 1.x data source: the MLOps API base URL (deployer, monitoring) and the authz URL. */
  MLOPS_API_URL: string;
  MLOPS_AUTHZ_URL: string;
  /** Service-account client of the Infinity data source that evaluates the alert rules. */
  MLOPS_ALERTING_CLIENT_ID: string;
  MLOPS_ALERTING_CLIENT_SECRET: string;
  /** Where the alerting contact point posts notifications (the simulator's notification sink). */
  MLOPS_ALERT_WEBHOOK_URL: string;
}

export interface Stack {
  runDir: string;
  keycloak: KeycloakHandle;
  simulator?: SimulatorHandle;
  provisioningEnv: ProvisioningEnv;
  stop(): Promise<void>;
}

function printTails(processes: ManagedProcess[]): void {
  for (const p of processes) {
    process.stderr.write(`\n--- ${p.name}: last lines of ${p.logFile} ---\n${p.tail()}\n`);
  }
}

/** Starts Keycloak, then the simulator; on any failure stops what was started. */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  installCleanupHandlers({ signals: options.handleSignals ?? true });
  const runDir = options.runDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'mlops-stack-'));
  fs.mkdirSync(runDir, { recursive: true });
  const keepRunDir = options.keepRunDir ?? Boolean(options.runDir);
  const started: ManagedProcess[] = [];
  const stopStarted = async () => {
    for (const p of [...started].reverse()) {
      await p.stop();
    }
  };
  log('stack', `logs in ${runDir}`);
  try {
    const keycloak = await startKeycloak({ runDir });
    started.push(keycloak.process);
    const demo = loadDemoRealm();
    const client = { tokenUrl: keycloak.tokenUrl, clientId: demo.clientId, clientSecret: demo.clientSecret };

    let simulator: SimulatorHandle | undefined;
    if (options.simulator ?? simulatorAvailable()) {
      simulator = await startSimulator({
        runDir,
        jwksUrl: keycloak.jwksUrl,
        issuer: keycloak.issuer,
        audience: demo.audience,
      });
      started.push(simulator.process);
    } else {
      log('stack', 'simulator not started');
    }

    const provisioningEnv: ProvisioningEnv = {
      MLOPS_GATEWAY_URL: simulator?.url ?? options.gatewayUrl ?? '',
      MLOPS_TOKEN_URL: keycloak.tokenUrl,
      MLOPS_CLIENT_ID: demo.clientId,
      MLOPS_CLIENT_SECRET: demo.clientSecret,
      MLOPS_REFRESH_TOKEN: await offlineRefreshToken(client, demo.username, demo.password),
      // The simulator serves the 1.x routes on the same base URL (simulator/mlops1x/routes.ts).
      MLOPS_API_URL: simulator?.url ?? options.gatewayUrl ?? '',
      MLOPS_AUTHZ_URL: simulator?.url ?? options.gatewayUrl ?? '',
      MLOPS_ALERTING_CLIENT_ID: demo.alertingClient.clientId,
      MLOPS_ALERTING_CLIENT_SECRET: demo.alertingClient.clientSecret,
      MLOPS_ALERT_WEBHOOK_URL: simulator ? `${simulator.url}${NOTIFICATIONS_PATH}` : '',
    };
    log('stack', `offline refresh token obtained for ${demo.username}`);

    return {
      runDir,
      keycloak,
      simulator,
      provisioningEnv,
      stop: async () => {
        await stopStarted();
        if (!keepRunDir) {
          fs.rmSync(runDir, { recursive: true, force: true });
        }
      },
    };
  } catch (err) {
    printTails(started);
    await stopStarted();
    log('stack', `failed; logs kept in ${runDir}`);
    throw err;
  }
}

async function cli(): Promise<void> {
  const args = process.argv.slice(2);
  const stack = await startStack({
    simulator: args.includes('--no-simulator') ? false : undefined,
    runDir: fs.mkdtempSync(path.join(os.tmpdir(), 'mlops-stack-')),
    keepRunDir: true,
  });
  const lines = [
    '',
    'MLOps stack is up (Ctrl-C stops it):',
    `  Keycloak   ${stack.keycloak.baseUrl}  realm ${stack.keycloak.realm}, issuer ${stack.keycloak.issuer}`,
    `  Simulator  ${stack.simulator?.url ?? '(not started)'}`,
    '  Grafana    not part of this stack (docker compose runs it)',
    `  Logs       ${stack.runDir}`,
    '',
  ];
  console.log(lines.join('\n'));
  // Stay up until a signal; the handlers installed by startStack stop the children.
  await new Promise<never>(() => setInterval(() => undefined, 1 << 30));
}

if (require.main === module) {
  cli().catch(async (err) => {
    console.error(err instanceof Error ? err.message : err);
    await stopAll();
    process.exit(1);
  });
}
