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

const fixture = (model: string, pathAndQuery: string): Fixture => ({ model, body: get(pathAndQuery) });
const single = byKind('single');
const shadow = byKind('shadow');
const split = byKind('split');

/** Authz and deployer answers. */
function deployerFixtures(): Record<string, Fixture> {
  const names = [shadow, split]
    .map((d) => `${deploymentName(d)}/status`)
    .concat('workspaces/-/deployments/nope/status');
  const batch = names.map((n) => `names=${encodeURIComponent(n)}`).join('&');
  const list = '/deployer/v2/workspaces/-/deployments';
  return {
    'workspaces-list.json': fixture('workspace.V1ListWorkspacesResponse', '/v1/workspaces'),
    'workspace-get.json': fixture('workspace.V1GetWorkspaceResponse', `/v1/workspaces/${WORKSPACES[0].id}`),
    'deployments-list.json': fixture('deployer.V2ListDeploymentsResponse', `${list}?pageSize=100`),
    'deployments-list-page1.json': fixture('deployer.V2ListDeploymentsResponse', `${list}?pageSize=2`),
    'deployments-count.json': fixture('deployer.V2CountDeploymentsResponse', `${list}:count`),
    'deployment-single.json': fixture('deployer.V2GetDeploymentResponse', `/deployer/v2/${deploymentName(single)}`),
    'deployment-shadow.json': fixture('deployer.V2GetDeploymentResponse', `/deployer/v2/${deploymentName(shadow)}`),
    'deployment-split.json': fixture('deployer.V2GetDeploymentResponse', `/deployer/v2/${deploymentName(split)}`),
    'deployment-status.json': fixture(
      'deployer.V2GetDeploymentStatusResponse',
      `/deployer/v2/${deploymentName(single)}/status`
    ),
    'deployment-statuses-batch.json': fixture(
      'deployer.V2BatchGetDeploymentStatusesResponse',
      `${list}/status:batchGet?${batch}`
    ),
    'monitoring-config.json': fixture(
      'deployer.V2GetMonitoringConfigResponse',
      '/deployer/v2/configuration/monitoring'
    ),
    'error-not-found.json': fixture('monitoring.RpcStatus', `${list}/nope`),
  };
}

/** Monitoring answers: baselines per topology, scoring windows per logical type, a capped page. */
function monitoringFixtures(): Record<string, Fixture> {
  const list = 'monitoring.V2ListAggregatesResponse';
  const baselines = 'monitoring.V2ListBaselineAggregatesResponse';
  const scoring = (d: Deployment1x, column: string) =>
    fixture(
      list,
      `${parent(d)}/aggregates${q({ filter: `column_name = '${column}' AND (${window6h})`, orderBy: 'timestamp' })}`
    );
  return {
    'baseline-aggregates-single.json': fixture(baselines, `${parent(single)}/baselineAggregates?pageSize=100`),
    'baseline-aggregates-shadow.json': fixture(baselines, `${parent(shadow)}/baselineAggregates?pageSize=100`),
    'baseline-aggregates-split.json': fixture(baselines, `${parent(split)}/baselineAggregates?pageSize=100`),
    'baseline-aggregates-count.json': fixture(
      'monitoring.V2CountBaselineAggregatesResponse',
      `${parent(shadow)}/baselineAggregates:count`
    ),
    'scoring-aggregates-single-text.json': scoring(single, 'transaction_note'),
    'scoring-aggregates-single-numerical.json': scoring(single, 'transaction_amount'),
    'scoring-aggregates-shadow-missing.json': scoring(shadow, 'annual_income'),
    'scoring-aggregates-shadow-prediction.json': scoring(shadow, 'prediction'),
    'scoring-aggregates-split-categorical.json': scoring(split, 'contract_type'),
    'scoring-aggregates-shadow-page1.json': fixture(
      list,
      `${parent(shadow)}/aggregates${q({ filter: windowFrom('00'), orderBy: 'timestamp desc', pageSize: '500' })}`
    ),
    'scoring-aggregates-count.json': fixture(
      'monitoring.V2CountAggregatesResponse',
      `${parent(shadow)}/aggregates:count${q({ filter: window6h })}`
    ),
    'error-invalid-filter.json': fixture(
      'monitoring.RpcStatus',
      `${parent(shadow)}/aggregates${q({ filter: 'column_name ~ 1' })}`
    ),
  };
}

/** Every fixture, by file name. */
export function buildFixtures(): Record<string, Fixture> {
  return { ...deployerFixtures(), ...monitoringFixtures() };
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
