import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';

import { AuthMode, OPTIONS_SCHEMA_VERSION, TokenUrlMode } from '../src/datasource/types';
import { assertBuilt, ensureHostBuilt } from '../devtools/preview/stack';
import { startPreviewServer } from '../devtools/preview/server';
import { PREVIEW_DS_UID, previewPath } from '../devtools/preview/shared';
import { proxyStandInUpstream, type PreviewDataSource } from '../devtools/preview/upstream';
import { startStack } from './stack/stack';

/**
 * `npm run demo` (its `predemo` step installs and builds). With a Docker engine: `docker compose
 * up` — real Grafana, Keycloak, the simulator and the provisioning. Without one (these project
 * machines), Grafana cannot run, so the demo starts the real Keycloak and the simulator, puts the
 * demo user's offline refresh token into a stand-in for Grafana's data-source proxy, and serves the
 * preview page that loads the built plugins. Ctrl-C stops everything.
 */

const ROOT = path.resolve(__dirname, '..');
const PREVIEW_PORT = Number(process.env.DEMO_PORT ?? 3300);

function dockerEngineAvailable(): boolean {
  if (process.env.DEMO_NO_DOCKER) {
    return false;
  }
  const info = spawnSync('docker', ['info', '--format', '{{.ServerVersion}}'], { encoding: 'utf8', timeout: 15_000 });
  return info.status === 0 && info.stdout.trim() !== '';
}

function runCompose(): void {
  console.log('Docker engine found: starting Grafana, Keycloak and the simulator with docker compose.');
  console.log('Grafana: http://localhost:3000 (admin / admin); Ctrl-C stops everything.');
  const compose = spawn('docker', ['compose', 'up', '--abort-on-container-exit'], { cwd: ROOT, stdio: 'inherit' });
  compose.on('exit', (code) => process.exit(code ?? 0));
}

async function runPreview(): Promise<void> {
  assertBuilt();
  await ensureHostBuilt();
  console.log(
    'No Docker engine: starting Keycloak and the gateway simulator as local processes (a cold first run downloads Keycloak).'
  );
  const stack = await startStack({ grafana: false, handleSignals: false });
  const env = stack.provisioningEnv;
  const datasource: PreviewDataSource = {
    uid: PREVIEW_DS_UID,
    name: 'MLOps Gateway',
    jsonData: {
      schemaVersion: OPTIONS_SCHEMA_VERSION,
      gatewayUrl: env.MLOPS_GATEWAY_URL,
      authMode: AuthMode.RefreshToken,
      tokenUrlMode: TokenUrlMode.Url,
      tokenUrl: env.MLOPS_TOKEN_URL,
      clientId: env.MLOPS_CLIENT_ID,
      scope: '',
      requestTimeoutSeconds: 30,
      cacheTtlSeconds: 15,
    },
    // Held by the proxy stand-in on this side only, as Grafana holds secureJsonData.
    secureJsonData: { clientSecret: env.MLOPS_CLIENT_SECRET, refreshToken: env.MLOPS_REFRESH_TOKEN },
  };
  const upstream = await proxyStandInUpstream([datasource]);
  const server = await startPreviewServer({ upstream, datasource, port: PREVIEW_PORT });

  const views = [
    [
      'Champion vs challenger (shadow) and drift',
      previewPath({ view: 'panel', deployments: ['shadow', 'drifting'], size: 'large' }),
    ],
    [
      'Split (A/B) deployment, dark theme',
      previewPath({ view: 'panel', deployments: ['split'], theme: 'dark', size: 'large' }),
    ],
    ['Query editor', previewPath({ view: 'query', deployments: ['shadow'] })],
    ['Variable editor', previewPath({ view: 'variable', deployments: ['shadow'] })],
    ['Config editor (Save & test)', previewPath({ view: 'config' })],
  ];
  console.log('\nThe demo is up. Open the preview of the built plugins:');
  for (const [title, p] of views) {
    console.log(`  ${title.padEnd(44)} ${server.url}${p}`);
  }
  console.log(
    `\nKeycloak: ${stack.keycloak.baseUrl} (realm mlops; demo user mlops-demo, see provisioning/keycloak/mlops-realm.json)`
  );
  console.log(`Gateway simulator: ${env.MLOPS_GATEWAY_URL}`);
  console.log('The full UI is Grafana itself: run this demo where a Docker engine exists (docker compose).');
  console.log('Ctrl-C stops everything.');

  let stopping = false;
  const stop = async () => {
    if (stopping) {
      return;
    }
    stopping = true;
    await server.close();
    await upstream.close();
    await stack.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

if (dockerEngineAvailable()) {
  runCompose();
} else {
  runPreview().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
