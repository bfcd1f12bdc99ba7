/**
 * Official-client conformance for H2O MLOps 1.x: H2O's current Python client (h2o-mlops 1.6.5, its
 * own services, pydantic models and h2o_authn.TokenProvider with a Keycloak refresh token) against
 * the simulator's 1.x routes, strictly validating every answer and the shared JSON fixtures
 * (tests/fixtures/mlops1x). The script is tests/stack/official_client_1x_conformance.py. It hands
 * back each call's raw body with the client's parsed model; our parsers read the same bodies and
 * every value must be equal (support/officialClient1xCompare.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { mlops1xVenvPython } from '../../scripts/setup/mlops1xVenv';
import { DEPLOYMENTS, WORKSPACES } from '../../simulator/mlops1x/catalog';
import { type ClientCall, Comparison, compareCall } from './support/officialClient1xCompare';
import { runCaptured } from './support/runCaptured';
import { stackInfo } from './support/stackInfo';

const info = stackInfo();
const SCRIPT = path.join(__dirname, 'official_client_1x_conformance.py');
const FIXTURES = path.join(__dirname, '..', 'fixtures', 'mlops1x');
const WINDOW_HOURS = 24;

interface Summary {
  segments: number;
  rows: number;
  missing: number[];
  means: Array<number | null>;
  oov: number[];
}
interface Result {
  deployments: Array<{
    name: string;
    kind: string;
    experiments: string[];
    baselines: Array<{
      column: string;
      isModelOutput: boolean;
      experimentIds: string[];
      rows: number;
      mean: number | null;
    }>;
    scoring: Record<string, Record<string, Summary>>;
    highLevel?: { filter: string; orderBy: string; pageSize: string | null; rows: number };
  }>;
  fixtures: number;
  calls: ClientCall[];
}

const catalogue = () => ({
  windowHours: WINDOW_HOURS,
  workspaces: WORKSPACES.map((w) => ({ id: w.id, displayName: w.displayName })),
  deployments: DEPLOYMENTS.map((d) => ({
    id: d.id,
    workspaceId: d.workspaceId,
    name: d.scenario.name,
    kind: d.kind,
    monitoringEnabled: d.scenario.monitoringEnabled,
    experiments: d.experiments.map((e) => e.id),
    columns: d.columns.map((c) => ({
      column: c.spec.name,
      logicalType: c.logicalType,
      isModelOutput: c.isModelOutput,
    })),
  })),
});

const mean = (xs: Array<number | null>) => xs.reduce<number>((a, b) => a + (b ?? 0), 0) / xs.length;

describe('h2o-mlops 1.6.5 against the simulator 1.x routes', () => {
  let result: Result;

  beforeAll(async () => {
    const python = mlops1xVenvPython();
    if (!python) {
      throw new Error('the h2o-mlops 1.x venv is missing: run `npm run setup:stack`');
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlops1x-conformance-'));
    try {
      const expectedFile = path.join(dir, 'expected.json');
      const resultFile = path.join(dir, 'result.json');
      fs.writeFileSync(expectedFile, JSON.stringify(catalogue()));
      const env = {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        ...info.provisioningEnv,
        PYTHONDONTWRITEBYTECODE: '1',
      };
      const out = await runCaptured(python, [SCRIPT, expectedFile, resultFile, FIXTURES], env);
      const output = `${out.stdout}\n${out.stderr}`;
      for (const secret of [info.provisioningEnv.MLOPS_CLIENT_SECRET, info.provisioningEnv.MLOPS_REFRESH_TOKEN]) {
        expect(output).not.toContain(secret);
      }
      expect({
        code: out.code,
        failures: out.stdout.split('\n').filter((l) => l.startsWith('FAIL')),
        stderr: out.stderr.slice(-3000),
      }).toEqual({
        code: 0,
        failures: [],
        stderr: expect.any(String),
      });
      expect(out.stdout).toMatch(/CONFORMANCE-1X OK \d+ checks, \d+ calls/);
      result = JSON.parse(fs.readFileSync(resultFile, 'utf8')) as Result;
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('validates every shared fixture strictly against the client models', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'manifest.json'), 'utf8')) as { files: object };
    expect(result.fixtures).toBe(Object.keys(manifest.files).length);
    expect(result.fixtures).toBeGreaterThan(10);
  });

  it('lists the catalogue topologies with their experiments in role order', () => {
    expect(result.deployments.map((d) => [d.kind, d.experiments.length])).toEqual(
      DEPLOYMENTS.map((d) => [d.kind, d.experiments.length])
    );
  });

  it('serves aggregates for monitored deployments only, for every experiment and column', () => {
    for (const [i, d] of DEPLOYMENTS.entries()) {
      const got = result.deployments[i];
      if (!d.scenario.monitoringEnabled) {
        expect([got.baselines.length, Object.keys(got.scoring).length]).toEqual([0, 0]);
        continue;
      }
      expect(Object.keys(got.scoring).sort()).toEqual(d.columns.map((c) => c.spec.name).sort());
      for (const perExperiment of Object.values(got.scoring)) {
        expect(Object.keys(perExperiment).sort()).toEqual(d.experiments.map((e) => e.id).sort());
        for (const s of Object.values(perExperiment)) {
          expect(s.segments).toBe(WINDOW_HOURS);
          expect(s.rows).toBeGreaterThan(0);
        }
      }
    }
  });

  it('drifts on purpose: a drifting column moves away from its baseline, a stable one does not', () => {
    const shift = (deploymentIndex: number, column: string) => {
      const d = result.deployments[deploymentIndex];
      const base = d.baselines.find((b) => b.column === column)!;
      const sd = DEPLOYMENTS[deploymentIndex].columns.find((c) => c.spec.name === column)!.spec;
      const scale = 'sd' in sd && sd.sd ? sd.sd : 'sdLength' in sd ? sd.sdLength : 1;
      const scoring = Object.values(d.scoring[column])[0];
      return Math.abs(mean(scoring.means) - (base.mean ?? 0)) / scale;
    };
    expect(shift(0, 'transaction_amount')).toBeGreaterThan(0.4);
    expect(shift(0, 'transaction_note')).toBeGreaterThan(0.3);
    expect(shift(2, 'credit_score')).toBeLessThan(0.15);
    const note = Object.values(result.deployments[0].scoring.transaction_note)[0];
    expect(mean(note.oov)).toBeGreaterThan(10);
  });

  it('our parsers read exactly the numbers the client parsed, from the same raw bodies', () => {
    const c = new Comparison();
    const compared = result.calls.filter((call) => compareCall(c, call));
    const models = new Set(compared.map((call) => call.model));
    console.log(
      `1.x client vs our parsers: ${compared.length} of ${result.calls.length} calls, ${JSON.stringify(c.counts)}`
    );
    expect(c.mismatches.slice(0, 20)).toEqual([]);
    expect([...models].sort()).toEqual([
      'V1GetWorkspaceResponse',
      'V1ListWorkspacesResponse',
      'V2GetDeploymentResponse',
      'V2GetDeploymentStatusResponse',
      'V2GetMonitoringConfigResponse',
      'V2ListAggregatesResponse',
      'V2ListBaselineAggregatesResponse',
      'V2ListDeploymentsResponse',
    ]);
    // Every topology and every logical type went through both parsers.
    expect([...(c.seen.topology ?? [])].sort()).toEqual(['shadow', 'single', 'split']);
    for (const list of ['baseline', 'scoring']) {
      expect([...(c.seen[list] ?? [])].sort()).toEqual(['CATEGORICAL', 'NUMERICAL', 'TEXT']);
    }
    // Every page of every list was compared, later pages included.
    expect(compared.filter((call) => / page [1-9]\d*$/.test(call.where)).length).toBeGreaterThan(5);
    const kinds = ['binEdge', 'binCount', 'valueCount', 'topWord', 'missingRows', 'mean', 'sd', 'min', 'max', 'sum'];
    kinds.push('oovRate', 'startTime', 'segmentDuration', 'topology', 'experimentId', 'weight', 'time', 'count');
    expect(kinds.filter((k) => !((c.counts[k] ?? 0) > 0))).toEqual([]);
  });

  it('the comparison fails on a one-unit difference (it is not vacuous)', () => {
    type Agg = Record<string, any>;
    const page = result.calls.find((call) => call.model === 'V2ListAggregatesResponse' && call.client.aggregates)!;
    const client = structuredClone(page.client) as { aggregates: Agg[] };
    const numerical = client.aggregates.findIndex((a) => a.numerical_aggregate?.bin_count?.length);
    client.aggregates[numerical].numerical_aggregate.bin_count[1] += 1;
    client.aggregates[numerical].segment_duration = '3601s';
    const c = new Comparison();
    compareCall(c, { ...page, client });
    expect(c.mismatches.map((m) => m.replace(/^.*\]\./, '').replace(/ \(.*$/, ''))).toEqual([
      'numerical.binCount[1]',
      'numerical.count',
      'durationSeconds',
    ]);
    const split = result.calls.find(
      (call) => call.model === 'V2GetDeploymentResponse' && (call.client.deployment as Agg).split
    )!;
    const deployment = structuredClone(split.client) as { deployment: Agg };
    deployment.deployment.split.split_elements.reverse().forEach((e: Agg, i: number) => (e.weight = i === 0 ? 70 : 30));
    const d = new Comparison();
    compareCall(d, { ...split, client: deployment });
    expect(d.mismatches.length).toBeGreaterThan(0);
  });

  it('sends the filter and orderBy the contract documents from the high-level API', () => {
    const hl = result.deployments[0].highLevel!;
    expect(hl.orderBy).toBe('timestamp desc');
    expect(hl.filter).toMatch(
      /^column_name = '[^']+' AND experiment_ids:'[^']+' AND \(timestamp >= timestamp\('\d{4}-\d\d-\d\dT\d\d:00:00\.000000Z'\) AND timestamp < timestamp\('[^']+'\)\)$/
    );
    // The high-level Table sends no pageSize: the server's default page size applies.
    expect(hl.pageSize).toBeNull();
    expect(hl.rows).toBe(6);
  });
});
