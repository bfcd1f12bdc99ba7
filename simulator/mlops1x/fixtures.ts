import fs from 'node:fs';
import path from 'node:path';

import { errorBody, GrpcError } from '../errors';
import { DEPLOYMENTS, WORKSPACES, type Deployment1x } from './catalog';
import { deploymentName } from './resources';
import { handleMlops1x, type Mlops1xOptions } from './routes';

/**
 * JSON fixtures of the 1.x API for the data source's tests (tests/fixtures/mlops1x/): exact
 * simulator answers at a pinned clock and seed, each named in manifest.json with the h2o-mlops
 * 1.6.5 model it must validate against — which tests/stack/official-client-1x.test.ts checks with
 * the client itself (strict). Regenerate with `npx tsx simulator/mlops1x/fixtures.ts`;
 * fixtures.test.ts fails when the committed files are stale.
 */

export const FIXTURE_DIR = path.resolve(__dirname, '..', '..', 'tests', 'fixtures', 'mlops1x');
/** The pinned clock: 2026-01-15T12:00:00Z (scoring segments end at the hour before). */
export const FIXTURE_NOW = Date.UTC(2026, 0, 15, 12, 0, 0);
const OPTIONS: Mlops1xOptions = { seed: 42, defaultPageSize: 50, now: () => FIXTURE_NOW };

export interface Fixture {
  /** `<module>.<class>` in h2o_mlops._client.models (monitoring, deployer, workspace). */
  model: string;
  body: unknown;
}

function get(pathAndQuery: string): unknown {
  const url = new URL(pathAndQuery, 'http://simulator.invalid');
  try {
    return handleMlops1x('GET', url, OPTIONS);
  } catch (e) {
    if (e instanceof GrpcError) {
      return errorBody(e.code, e.message);
    }
    throw e;
  }
}

const q = (params: Record<string, string>) => `?${new URLSearchParams(params).toString()}`;
const byKind = (kind: Deployment1x['kind']) => DEPLOYMENTS.find((d) => d.kind === kind)!;
const parent = (d: Deployment1x, experiment = '-') => `/monitoring/v2/${deploymentName(d)}/experiments/${experiment}`;
const windowFrom = (hour: string) =>
  `timestamp >= timestamp('2026-01-15T${hour}:00:00.000000Z') AND timestamp < timestamp('2026-01-15T12:00:00.000000Z')`;
const window6h = windowFrom('06');

/** Every fixture, by file name. */
export function buildFixtures(): Record<string, Fixture> {
  const single = byKind('single');
  const shadow = byKind('shadow');
  const split = byKind('split');
  const scoring = (d: Deployment1x, column: string, experiment = '-') =>
    get(
      `${parent(d, experiment)}/aggregates${q({ filter: `column_name = '${column}' AND (${window6h})`, orderBy: 'timestamp' })}`
    );
  const statusNames = [shadow, split].map((d) => `${deploymentName(d)}/status`);
  return {
    'workspaces-list.json': { model: 'workspace.V1ListWorkspacesResponse', body: get('/v1/workspaces') },
    'workspace-get.json': {
      model: 'workspace.V1GetWorkspaceResponse',
      body: get(`/v1/workspaces/${WORKSPACES[0].id}`),
    },
    'deployments-list.json': {
      model: 'deployer.V2ListDeploymentsResponse',
      body: get('/deployer/v2/workspaces/-/deployments?pageSize=100'),
    },
    'deployments-list-page1.json': {
      model: 'deployer.V2ListDeploymentsResponse',
      body: get('/deployer/v2/workspaces/-/deployments?pageSize=2'),
    },
    'deployments-count.json': {
      model: 'deployer.V2CountDeploymentsResponse',
      body: get('/deployer/v2/workspaces/-/deployments:count'),
    },
    'deployment-single.json': {
      model: 'deployer.V2GetDeploymentResponse',
      body: get(`/deployer/v2/${deploymentName(single)}`),
    },
    'deployment-shadow.json': {
      model: 'deployer.V2GetDeploymentResponse',
      body: get(`/deployer/v2/${deploymentName(shadow)}`),
    },
    'deployment-split.json': {
      model: 'deployer.V2GetDeploymentResponse',
      body: get(`/deployer/v2/${deploymentName(split)}`),
    },
    'deployment-status.json': {
      model: 'deployer.V2GetDeploymentStatusResponse',
      body: get(`/deployer/v2/${deploymentName(single)}/status`),
    },
    'deployment-statuses-batch.json': {
      model: 'deployer.V2BatchGetDeploymentStatusesResponse',
      body: get(
        `/deployer/v2/workspaces/-/deployments/status:batchGet?${[...statusNames, 'workspaces/-/deployments/nope/status'].map((n) => `names=${encodeURIComponent(n)}`).join('&')}`
      ),
    },
    'monitoring-config.json': {
      model: 'deployer.V2GetMonitoringConfigResponse',
      body: get('/deployer/v2/configuration/monitoring'),
    },
    'baseline-aggregates-single.json': {
      model: 'monitoring.V2ListBaselineAggregatesResponse',
      body: get(`${parent(single)}/baselineAggregates?pageSize=100`),
    },
    'baseline-aggregates-shadow.json': {
      model: 'monitoring.V2ListBaselineAggregatesResponse',
      body: get(`${parent(shadow)}/baselineAggregates?pageSize=100`),
    },
    'baseline-aggregates-split.json': {
      model: 'monitoring.V2ListBaselineAggregatesResponse',
      body: get(`${parent(split)}/baselineAggregates?pageSize=100`),
    },
    'baseline-aggregates-count.json': {
      model: 'monitoring.V2CountBaselineAggregatesResponse',
      body: get(`${parent(shadow)}/baselineAggregates:count`),
    },
    'scoring-aggregates-single-text.json': {
      model: 'monitoring.V2ListAggregatesResponse',
      body: scoring(single, 'transaction_note'),
    },
    'scoring-aggregates-single-numerical.json': {
      model: 'monitoring.V2ListAggregatesResponse',
      body: scoring(single, 'transaction_amount'),
    },
    'scoring-aggregates-shadow-missing.json': {
      model: 'monitoring.V2ListAggregatesResponse',
      body: scoring(shadow, 'annual_income'),
    },
    'scoring-aggregates-shadow-prediction.json': {
      model: 'monitoring.V2ListAggregatesResponse',
      body: scoring(shadow, 'prediction'),
    },
    'scoring-aggregates-split-categorical.json': {
      model: 'monitoring.V2ListAggregatesResponse',
      body: scoring(split, 'contract_type'),
    },
    'scoring-aggregates-shadow-page1.json': {
      model: 'monitoring.V2ListAggregatesResponse',
      body: get(
        `${parent(shadow)}/aggregates${q({ filter: windowFrom('00'), orderBy: 'timestamp desc', pageSize: '500' })}`
      ),
    },
    'scoring-aggregates-count.json': {
      model: 'monitoring.V2CountAggregatesResponse',
      body: get(`${parent(shadow)}/aggregates:count${q({ filter: window6h })}`),
    },
    'error-not-found.json': { model: 'monitoring.RpcStatus', body: get(`/deployer/v2/workspaces/-/deployments/nope`) },
    'error-invalid-filter.json': {
      model: 'monitoring.RpcStatus',
      body: get(`${parent(shadow)}/aggregates${q({ filter: 'column_name ~ 1' })}`),
    },
  };
}

/** Serialises a fixture as committed: two-space JSON and a final newline. */
export const fixtureText = (body: unknown) => `${JSON.stringify(body, null, 2)}\n`;

/** The manifest the conformance test reads: file → model. */
export function manifestOf(fixtures: Record<string, Fixture>): {
  now: string;
  seed: number;
  files: Record<string, string>;
} {
  return {
    now: new Date(FIXTURE_NOW).toISOString(),
    seed: OPTIONS.seed,
    files: Object.fromEntries(Object.entries(fixtures).map(([name, f]) => [name, f.model])),
  };
}

if (require.main === module) {
  const fixtures = buildFixtures();
  fs.mkdirSync(FIXTURE_DIR, { recursive: true });
  for (const [name, f] of Object.entries(fixtures)) {
    fs.writeFileSync(path.join(FIXTURE_DIR, name), fixtureText(f.body));
  }
  fs.writeFileSync(path.join(FIXTURE_DIR, 'manifest.json'), fixtureText(manifestOf(fixtures)));
  process.stdout.write(`wrote ${Object.keys(fixtures).length} fixtures to ${FIXTURE_DIR}\n`);
}
