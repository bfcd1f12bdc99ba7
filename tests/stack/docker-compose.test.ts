/**
 * docker-compose.yaml, checked by the real `docker compose config` (Compose v5 built by
 * scripts/setup/docker-compose.sh; no Docker engine is needed to render the configuration).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { INFINITY_TYPE, INFINITY_VERSION } from '../../scripts/alerting/infinity';
import { KEYCLOAK_VERSION } from '../../scripts/stack/keycloak';
import { NOTIFICATIONS_PATH } from '../../simulator/notifications';
import { provisionedDataSources } from './support/grafanaLike';
import { repoRoot, stackInfo } from './support/stackInfo';

interface ComposeService {
  image?: string;
  command?: string[];
  entrypoint?: string[];
  environment?: Record<string, string>;
  volumes?: Array<{ type: string; source: string; target: string; read_only?: boolean }>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: unknown;
  ports?: Array<{ target: number; published: string; host_ip?: string }>;
}

const info = stackInfo();

/** dependencies.grafanaDependency of the app's plugin.json. */
function grafanaDependency(): string {
  const app = JSON.parse(fs.readFileSync(path.join(repoRoot, 'src', 'plugin.json'), 'utf8')) as {
    dependencies: { grafanaDependency: string };
  };
  return app.dependencies.grafanaDependency;
}

const pluginIds = ['src/plugin.json', 'src/datasource/plugin.json', 'src/panel/plugin.json'].map(
  (f) => (JSON.parse(fs.readFileSync(path.join(repoRoot, f), 'utf8')) as { id: string }).id
);

function composeConfig(): { services: Record<string, ComposeService> } {
  const out = execFileSync(
    info.composeBin,
    ['-f', path.join(repoRoot, 'docker-compose.yaml'), '--project-directory', repoRoot, 'config', '--format', 'json'],
    {
      encoding: 'utf8',
      env: { PATH: process.env.PATH, HOME: process.env.HOME },
    }
  );
  return JSON.parse(out) as { services: Record<string, ComposeService> };
}

/** The $MLOPS_ variables that provisioning files (paths under provisioning/) expand, comments aside. */
function expandedVariables(files: string[]): string[] {
  const text = files
    .map((f) => fs.readFileSync(path.join(repoRoot, 'provisioning', f), 'utf8').replace(/^\s*#.*$/gm, ''))
    .join('\n');
  return [...new Set([...text.matchAll(/\$\{?(MLOPS_\w+)/g)].map((m) => m[1]))].sort();
}

/** Each variable is in Grafana's environment, except the refresh token (token-init's env file). */
function expectProvided(grafana: ComposeService, names: string[]): void {
  for (const name of names.filter((n) => n !== 'MLOPS_REFRESH_TOKEN')) {
    expect({ name, set: Boolean(grafana.environment?.[name]) }).toEqual({ name, set: true });
  }
}

it('the compose binary is the pinned Compose v5', () => {
  expect(execFileSync(info.composeBin, ['version'], { encoding: 'utf8' })).toMatch(/v5\.5\.0/);
});

it('`docker compose config` accepts docker-compose.yaml: Keycloak, simulator, token init and Grafana wired together', () => {
  const { services } = composeConfig();
  expect(Object.keys(services).sort()).toEqual(['grafana', 'keycloak', 'simulator', 'token-init']);

  const keycloak = services.keycloak;
  expect(keycloak.image).toBe(`quay.io/keycloak/keycloak:${KEYCLOAK_VERSION}`);
  expect(keycloak.command).toEqual(expect.arrayContaining(['start-dev', '--import-realm']));
  expect(keycloak.volumes).toContainEqual(
    expect.objectContaining({
      source: path.join(repoRoot, 'provisioning', 'keycloak'),
      target: '/opt/keycloak/data/import',
      read_only: true,
    })
  );

  const grafana = services.grafana;
  const [, version] = /^grafana\/grafana:(\d+\.\d+\.\d+)$/.exec(grafana.image ?? '') ?? [];
  expect(version).toMatch(/^\d+\.\d+\.\d+$/);
  // At or above the floor that src/plugin.json claims (grafanaDependency ">=X.Y.Z").
  const floor = /^>=(\d+\.\d+\.\d+)$/.exec(grafanaDependency())?.[1];
  expect(floor).toMatch(/^\d+\.\d+\.\d+$/);
  const [run, min] = [version, floor!].map((v) => v.split('.').map(Number));
  const differs = run.findIndex((n, i) => n !== min[i]);
  expect(differs < 0 || run[differs] > min[differs]).toBe(true);
  expect(grafana.environment?.GF_PLUGINS_ALLOW_LOADING_UNSIGNED_PLUGINS.split(',').sort()).toEqual(
    [...pluginIds].sort()
  );
  expect(grafana.volumes).toEqual(
    expect.arrayContaining([
      expect.objectContaining({
        source: path.join(repoRoot, 'dist'),
        target: '/var/lib/grafana/plugins/modelwatch-mlops-app',
      }),
      expect.objectContaining({ source: path.join(repoRoot, 'provisioning'), target: '/etc/grafana/provisioning' }),
    ])
  );
  expect(grafana.depends_on).toEqual({
    keycloak: expect.objectContaining({ condition: 'service_healthy' }),
    simulator: expect.objectContaining({ condition: 'service_healthy' }),
    'token-init': expect.objectContaining({ condition: 'service_completed_successfully' }),
  });

  // Every $MLOPS_ variable that provisioning/datasources/mlops.yaml expands is provided:
  // four in Grafana's environment, the refresh token through token-init's env file.
  const used = expandedVariables(['datasources/mlops.yaml']);
  expect(used).toEqual([
    'MLOPS_API_URL',
    'MLOPS_AUTHZ_URL',
    'MLOPS_CLIENT_ID',
    'MLOPS_CLIENT_SECRET',
    'MLOPS_GATEWAY_URL',
    'MLOPS_REFRESH_TOKEN',
    'MLOPS_TOKEN_URL',
  ]);
  expectProvided(grafana, used);
  expect(grafana.entrypoint?.join(' ')).toContain('/run/mlops/mlops.env');
  expect(services['token-init'].command).toEqual(
    expect.arrayContaining(['scripts/stack/writeTokenEnv.ts', '/run/mlops/mlops.env'])
  );

  // The alert engine: Infinity pinned to the version the rules are tested with, and every variable
  // that the Infinity data sources and the alerting files expand is provided too.
  expect(grafana.environment?.GF_PLUGINS_PREINSTALL_SYNC).toBe(`${INFINITY_TYPE}@${INFINITY_VERSION}`);
  // The 1.x drift rules are SQL expressions, on by default only from Grafana 13.3.
  expect(grafana.image).toMatch(/^grafana\/grafana:13\.[0-2]\./);
  expect(String(grafana.environment?.GF_FEATURE_TOGGLES_ENABLE).split(/[ ,]+/)).toContain('sqlExpressions');
  const alertingUsed = expandedVariables([
    'datasources/infinity.yaml',
    'alerting/mlops-notifications.yaml',
    'alerting/mlops-rules.yaml',
    'alerting/mlops1x-rules.yaml',
  ]);
  expect(alertingUsed).toEqual([
    'MLOPS_ALERTING_CLIENT_ID',
    'MLOPS_ALERTING_CLIENT_SECRET',
    'MLOPS_ALERT_WEBHOOK_URL',
    'MLOPS_API_URL',
    'MLOPS_CLIENT_ID',
    'MLOPS_CLIENT_SECRET',
    'MLOPS_GATEWAY_URL',
    'MLOPS_REFRESH_TOKEN',
    'MLOPS_TOKEN_URL',
  ]);
  expectProvided(grafana, alertingUsed);
  expect(grafana.environment?.MLOPS_ALERT_WEBHOOK_URL).toBe(`http://simulator:8081${NOTIFICATIONS_PATH}`);

  // The URLs Grafana gets point at the compose services, and the data sources expand with them.
  const env = grafana.environment as Record<string, string>;
  expect(env.MLOPS_GATEWAY_URL).toBe('http://simulator:8081');
  expect(env.MLOPS_TOKEN_URL).toBe('http://keycloak:8080/realms/mlops/protocol/openid-connect/token');
  const sources = provisionedDataSources({ ...env, MLOPS_REFRESH_TOKEN: 'from-token-init' });
  expect(sources.map((s) => s.jsonData.gatewayUrl)).toEqual([
    'http://simulator:8081',
    'http://simulator:8081',
    undefined,
  ]);
  // The 1.x data source: the simulator serves the MLOps API and authz routes on its one base URL.
  expect(env.MLOPS_API_URL).toBe('http://simulator:8081');
  expect(env.MLOPS_AUTHZ_URL).toBe('http://simulator:8081');
  expect(sources.map((s) => [s.jsonData.mlopsApiUrl, s.jsonData.authzUrl])[2]).toEqual([
    'http://simulator:8081',
    'http://simulator:8081',
  ]);
  // The simulator trusts the issuer Keycloak is pinned to.
  expect(services.simulator.command).toEqual(
    expect.arrayContaining(['--issuer', 'http://keycloak:8080/realms/mlops', '--audience', info.demo.audience])
  );
});

it('rejects a broken file (the check can fail)', () => {
  const broken = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'compose-')), 'docker-compose.yaml');
  fs.writeFileSync(broken, 'services:\n  grafana:\n    image: grafana/grafana:13.2.2\n    depends_on: [nope]\n');
  expect(() => execFileSync(info.composeBin, ['-f', broken, 'config'], { encoding: 'utf8', stdio: 'pipe' })).toThrow(
    /nope/
  );
});
