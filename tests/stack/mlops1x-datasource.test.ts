/**
 * The data source's own query() on the H2O MLOps 1.x API generation, end to end: real Keycloak,
 * the simulator's 1.x routes (one base URL is both the MLOps API URL and the authz URL), and
 * Grafana's data-source proxy — STOOD IN by devtools/grafanaProxy/ (Grafana's server cannot run
 * here) with the real plugin.json routes. Expected numbers are computed here from the raw JSON the
 * simulator serves (fetched through the same proxy routes), not by the data source's parsers:
 * rows, missing rates and statistics by hand, drift with src/shared/drift.
 */
import { dateTime, type DataFrame, type Field } from '@grafana/data';
import { lastValueFrom } from 'rxjs';

import { DEPLOYMENTS, WORKSPACES, type Deployment1x } from '../../simulator/mlops1x/catalog';
import { startProxyStandIn, type ProxyStandIn } from '../../devtools/grafanaProxy/server';
import {
  computeColumnDrift,
  mergeColumnAggregates,
  type ColumnAggregate,
  type LogicalType,
} from '../../src/shared/drift';
import { Mlops1xFrameKind } from '../../src/shared/frameKinds1x';
import type { Mlops1xQuery } from '../../src/datasource/mlops1x/queryModel';
import { ApiGeneration } from '../../src/datasource/types';
import { mlops1xTargets, queryRequest } from '../../src/test/queryRequest';
import { dataSourceThroughProxy, DS_TYPE, PLUGIN_JSON, type ProvisionedDataSource } from './support/grafanaLike';
import { stackInfo } from './support/stackInfo';

const info = stackInfo();
const env = info.provisioningEnv;
const HOUR = 3600_000;

function dataSource1x(uid: string, authMode: 'refreshToken' | 'clientCredentials'): ProvisionedDataSource {
  return {
    name: uid,
    type: DS_TYPE,
    uid,
    access: 'proxy',
    jsonData: {
      schemaVersion: 1,
      apiGeneration: ApiGeneration.Mlops1x,
      mlopsApiUrl: info.simulatorUrl,
      authzUrl: info.simulatorUrl,
      authMode,
      tokenUrlMode: 'url',
      tokenUrl: env.MLOPS_TOKEN_URL,
      clientId: env.MLOPS_CLIENT_ID,
      scope: 'openid',
      requestTimeoutSeconds: 30,
    },
    secureJsonData:
      authMode === 'refreshToken'
        ? { clientSecret: env.MLOPS_CLIENT_SECRET, refreshToken: env.MLOPS_REFRESH_TOKEN }
        : { clientSecret: env.MLOPS_CLIENT_SECRET },
  };
}
const REFRESH = dataSource1x('mlops-1x-test', 'refreshToken');
const CC = dataSource1x('mlops-1x-test-cc', 'clientCredentials');

let proxy: ProxyStandIn;
beforeAll(async () => {
  proxy = await startProxyStandIn({
    pluginJsonPath: PLUGIN_JSON,
    datasources: [REFRESH, CC].map((ds) => ({ uid: ds.uid, jsonData: ds.jsonData, secureJsonData: ds.secureJsonData })),
    userRole: 'Viewer',
  });
});
afterAll(() => proxy.close());

// A range of whole hourly segments, so that the raw listing and the data source see the same ones.
const TO = Math.floor(Date.now() / HOUR) * HOUR;
const FROM = TO - 24 * HOUR;

const request = (targets: Array<Partial<Mlops1xQuery>>) =>
  queryRequest(
    mlops1xTargets(targets.map((t) => ({ windowSeconds: 3600, ...t }))),
    { from: dateTime(FROM), to: dateTime(TO), raw: { from: 'now-24h', to: 'now' } },
    { requestId: 'stack-1x', intervalMs: HOUR }
  );

async function run(targets: Array<Partial<Mlops1xQuery>>, ds = REFRESH, vars: Record<string, string | string[]> = {}) {
  const { ds: source } = dataSourceThroughProxy(proxy, ds, vars);
  const response = await lastValueFrom(source.query(request(targets)));
  expect(response.errors).toBeUndefined();
  return response.data as DataFrame[];
}

const fieldOf = (frame: DataFrame, name: string): Field | undefined => frame.fields.find((f) => f.name === name);
const valuesOf = (frame: DataFrame, name: string): unknown[] => [...(fieldOf(frame, name)?.values ?? [])];
const labelsOf = (frame: DataFrame) => frame.fields.find((f) => f.labels)?.labels ?? {};
const timesOf = (frame: DataFrame) => valuesOf(frame, 'time') as number[];

// ---- Raw JSON, read through the proxy's 1.x routes, turned into numbers by hand ----

type Raw = Record<string, any>;

async function rawList(path: string, key: string, filter?: string): Promise<Raw[]> {
  const items: Raw[] = [];
  let token = '';
  do {
    const q = new URLSearchParams({
      pageSize: '500',
      ...(filter ? { filter } : {}),
      ...(token ? { pageToken: token } : {}),
    });
    const res = await fetch(`${proxy.proxyUrl(REFRESH.uid)}/${path}?${q}`);
    expect({ path, status: res.status }).toEqual({ path, status: 200 });
    const body = (await res.json()) as Raw;
    items.push(...((body[key] as Raw[]) ?? []));
    token = (body.nextPageToken as string) ?? '';
  } while (token);
  return items;
}

const aggregatesPath = (d: Deployment1x, kind: 'aggregates' | 'baselineAggregates') =>
  `mlops1x/monitoring/v2/workspaces/${d.workspaceId}/deployments/${d.id}/experiments/-/${kind}`;

interface RawData {
  baselines: Raw[];
  /** Segments in [FROM, TO), by start time. */
  segments: Raw[];
}
const rawCache = new Map<string, Promise<RawData>>();
function rawData(d: Deployment1x): Promise<RawData> {
  if (!rawCache.has(d.id)) {
    rawCache.set(
      d.id,
      (async () => ({
        baselines: await rawList(aggregatesPath(d, 'baselineAggregates'), 'baselineAggregates'),
        // Only the column filter is pushed down; the time range is applied here.
        segments: (
          await Promise.all(
            d.columns.map((c) =>
              rawList(aggregatesPath(d, 'aggregates'), 'aggregates', `column_name = '${c.spec.name}'`)
            )
          )
        )
          .flat()
          .filter((s) => Date.parse(s.startTime) >= FROM && Date.parse(s.startTime) < TO),
      }))()
    );
  }
  return rawCache.get(d.id)!;
}

const nums = (list: unknown[] | undefined) => (list ?? []).map(Number);
const sum = (list: number[]) => list.reduce((a, b) => a + b, 0);

function presentRows(a: Raw): number {
  if (a.numericalAggregate) {
    return sum(nums(a.numericalAggregate.binCount));
  }
  if (a.categoricalAggregate) {
    return sum(Object.values(a.categoricalAggregate.valueCounts ?? {}).map(Number));
  }
  return sum(nums(a.textAggregate?.binCount));
}
const missingRows = (a: Raw) => Number(a.missingValues?.rowCount ?? 0);

/** One raw aggregate as src/shared/drift's input, mapped by hand from the JSON field names. */
function columnAggregate(a: Raw): ColumnAggregate {
  const summary = (s: Raw) => ({
    count: sum(nums(s.binCount)),
    mean: Number(s.mean),
    standardDeviation: Number(s.standardDeviation),
    min: Number(s.min),
    max: Number(s.max),
    sum: Number(s.sum),
  });
  const histogram = (s: Raw) => ({ edges: nums(s.binEdges), counts: nums(s.binCount) });
  const counts = (o: Raw | undefined) => Object.fromEntries(Object.entries(o ?? {}).map(([k, v]) => [k, Number(v)]));
  return {
    numerical: a.numericalAggregate
      ? { histogram: histogram(a.numericalAggregate), summary: summary(a.numericalAggregate) }
      : undefined,
    categorical: a.categoricalAggregate ? { valueCounts: counts(a.categoricalAggregate.valueCounts) } : undefined,
    text: a.textAggregate
      ? {
          lengthHistogram: histogram(a.textAggregate),
          lengthSummary: summary(a.textAggregate),
          topWords: counts(a.textAggregate.topWords),
        }
      : undefined,
    missingRows: a.missingValues ? missingRows(a) : undefined,
  };
}

const ofExperiment = (list: Raw[], experimentId: string, column: string) =>
  list.filter((a) => a.column === column && (a.experimentIds as string[]).includes(experimentId));

function expectedDriftResult(raw: RawData, experimentId: string, column: string, segments?: Raw[], request = {}) {
  const [baseline] = ofExperiment(raw.baselines, experimentId, column);
  const base = columnAggregate(baseline);
  const parts = (segments ?? ofExperiment(raw.segments, experimentId, column)).map(columnAggregate);
  const merged = mergeColumnAggregates(parts, {
    numerical: base.numerical?.histogram.edges,
    textLength: base.text?.lengthHistogram.edges,
  });
  return computeColumnDrift(baseline.logicalType as LogicalType, base, merged, request);
}

function expectedDrift(raw: RawData, experimentId: string, column: string, segments?: Raw[]): number | null {
  return expectedDriftResult(raw, experimentId, column, segments).value;
}

/** The frame of one experiment (and column) of a deployment, by labels; its role label checked. */
function frameFor(frames: DataFrame[], d: Deployment1x, experimentIndex: number, column?: string): DataFrame {
  const experimentId = d.experiments[experimentIndex].id;
  const found = frames.filter((f) => {
    const l = labelsOf(f);
    return (
      l.deployment_id === d.id && l.experiment_id === experimentId && (column === undefined || l.feature === column)
    );
  });
  expect({ experimentId, column, frames: found.length }).toEqual({ experimentId, column, frames: 1 });
  expect(labelsOf(found[0]).role).toBe(experimentIndex === 0 ? 'champion' : 'challenger');
  return found[0];
}

const byKind = (kind: string) => DEPLOYMENTS.find((d) => d.kind === kind && d.scenario.monitoringEnabled)!;
const CASES = [
  ['single', byKind('single')],
  ['shadow', byKind('shadow')],
  ['split', byKind('split')],
] as const;

// ---- Tests ----

it.each([
  ['refresh token', REFRESH],
  ['client credentials', CC],
])('Save & test succeeds on 1.x (%s)', async (_mode, ds) => {
  const { ds: source } = dataSourceThroughProxy(proxy, ds);
  const result = await source.testDatasource();
  expect(result).toMatchObject({ status: 'success' });
});

it('workspaces and deployments: ids, modes and experiments as the simulator lists them', async () => {
  const rawWorkspaces = await rawList('mlops1x/authz/v1/workspaces', 'workspaces');
  const [workspaces] = await run([{ queryType: Mlops1xFrameKind.Workspaces }]);
  expect((valuesOf(workspaces, 'id') as string[]).sort()).toEqual(
    rawWorkspaces.map((w) => String(w.name).replace(/^workspaces\//, '')).sort()
  );
  for (const w of WORKSPACES) {
    const [frame] = await run([{ queryType: Mlops1xFrameKind.Deployments, workspaceId: w.id }]);
    const expected = DEPLOYMENTS.filter((d) => d.workspaceId === w.id);
    expect(valuesOf(frame, 'id')).toEqual(expected.map((d) => d.id));
    expect(valuesOf(frame, 'mode')).toEqual(expected.map((d) => d.kind));
  }
});

describe.each(CASES)('%s deployment: every aggregate query type equals the raw aggregates', (_kind, d) => {
  const ws = d.workspaceId;
  const numeric = d.columns.find((c) => c.logicalType === 'NUMERICAL' && !c.isModelOutput)!.spec.name;
  const categorical = d.columns.find((c) => c.logicalType === 'CATEGORICAL' && !c.isModelOutput)!.spec.name;
  const experiments = d.experiments.map((_e, i) => i);

  it('has segments in the range for every experiment', async () => {
    const raw = await rawData(d);
    for (const e of d.experiments) {
      expect(ofExperiment(raw.segments, e.id, 'prediction').length).toBeGreaterThan(0);
    }
  });

  it('volume: rows per segment, per experiment with its role', async () => {
    const raw = await rawData(d);
    const frames = await run([
      { queryType: Mlops1xFrameKind.Volume, workspaceId: ws, deploymentId: d.id, column: 'prediction' },
    ]);
    expect(frames).toHaveLength(d.experiments.length);
    for (const i of experiments) {
      const frame = frameFor(frames, d, i);
      const segs = ofExperiment(raw.segments, d.experiments[i].id, 'prediction');
      const expected = new Map(segs.map((s) => [Date.parse(s.startTime), presentRows(s) + missingRows(s)]));
      const got = new Map(timesOf(frame).map((t, k) => [t, valuesOf(frame, 'rows')[k]]));
      expect(got).toEqual(expected);
    }
  });

  it('missing values over time: missing / (missing + present) per segment, every column', async () => {
    const raw = await rawData(d);
    const frames = await run([{ queryType: Mlops1xFrameKind.MissingOverTime, workspaceId: ws, deploymentId: d.id }]);
    expect(frames).toHaveLength(d.experiments.length * d.columns.length);
    for (const i of experiments) {
      for (const c of d.columns) {
        const frame = frameFor(frames, d, i, c.spec.name);
        const segs = ofExperiment(raw.segments, d.experiments[i].id, c.spec.name);
        const got = timesOf(frame).map((t, k) => [t, valuesOf(frame, 'missing_rate')[k]]);
        const expected = segs
          .map((s) => [Date.parse(s.startTime), missingRows(s) / (missingRows(s) + presentRows(s))])
          .sort((a, b) => a[0] - b[0]);
        expect(got.length).toBe(expected.length);
        got.forEach(([t, v], k) => {
          expect(t).toBe(expected[k][0]);
          expect(v as number).toBeCloseTo(expected[k][1], 12);
        });
      }
    }
  });

  it.each([
    ['statistics over time', Mlops1xFrameKind.StatsOverTime, () => numeric],
    ['prediction distribution over time', Mlops1xFrameKind.PredictionsOverTime, () => 'prediction'],
  ])('%s: mean, std, min and max per segment', async (_what, queryType, column) => {
    const raw = await rawData(d);
    const frames = await run([{ queryType, workspaceId: ws, deploymentId: d.id, column: column() }]);
    for (const i of experiments) {
      const frame = frameFor(frames, d, i, column());
      const segs = ofExperiment(raw.segments, d.experiments[i].id, column()).sort(
        (a, b) => Date.parse(a.startTime) - Date.parse(b.startTime)
      );
      expect(timesOf(frame)).toEqual(segs.map((s) => Date.parse(s.startTime)));
      for (const [field, key] of [
        ['mean', 'mean'],
        ['std', 'standardDeviation'],
        ['min', 'min'],
        ['max', 'max'],
      ]) {
        const got = valuesOf(frame, field) as number[];
        segs.forEach((s, k) => {
          const a = s.numericalAggregate;
          // The contract: a window's mean is Σ sum / Σ count (count = Σ binCount), even of one segment.
          const expected = key === 'mean' ? Number(a.sum) / sum(nums(a.binCount)) : Number(a[key]);
          expect(got[k]).toBeCloseTo(expected, 9);
        });
      }
    }
  });

  it('prediction distribution over time: category shares of the categorical output per segment', async () => {
    const raw = await rawData(d);
    const frames = await run([
      {
        queryType: Mlops1xFrameKind.PredictionsOverTime,
        workspaceId: ws,
        deploymentId: d.id,
        column: 'predicted_label',
      },
    ]);
    for (const i of experiments) {
      const frame = frameFor(frames, d, i, 'predicted_label');
      const segs = ofExperiment(raw.segments, d.experiments[i].id, 'predicted_label').sort(
        (a, b) => Date.parse(a.startTime) - Date.parse(b.startTime)
      );
      for (const f of frame.fields.filter((x) => x.name === 'share')) {
        const category = f.labels!.category;
        segs.forEach((s, k) => {
          const counts = Object.fromEntries(
            Object.entries(s.categoricalAggregate.valueCounts as Raw).map(([c, n]) => [c, Number(n)])
          );
          expect(f.values[k]).toBeCloseTo((counts[category] ?? 0) / sum(Object.values(counts)), 12);
        });
      }
    }
  });

  it('column distribution: baseline counts and the range’s summed scoring counts', async () => {
    const raw = await rawData(d);
    const frames = await run([
      { queryType: Mlops1xFrameKind.Distribution, workspaceId: ws, deploymentId: d.id, column: categorical },
    ]);
    for (const i of experiments) {
      const frame = frameFor(frames, d, i, categorical);
      const [baseline] = ofExperiment(raw.baselines, d.experiments[i].id, categorical);
      const scoring: Record<string, number> = {};
      for (const s of ofExperiment(raw.segments, d.experiments[i].id, categorical)) {
        for (const [c, n] of Object.entries(s.categoricalAggregate.valueCounts as Raw)) {
          scoring[c] = (scoring[c] ?? 0) + Number(n);
        }
      }
      const categories = valuesOf(frame, 'category') as string[];
      const counts = (name: string) => new Map(categories.map((c, k) => [c, Number(valuesOf(frame, name)[k] ?? 0)]));
      for (const [c, n] of Object.entries(baseline.categoricalAggregate.valueCounts as Raw)) {
        expect({ c, n: counts('baseline_count').get(c) }).toEqual({ c, n: Number(n) });
      }
      for (const [c, n] of Object.entries(scoring)) {
        expect({ c, n: counts('scoring_count').get(c) }).toEqual({ c, n });
      }
    }
  });

  it('drift per column over the range: every column, per experiment, equals src/shared/drift on the raw JSON', async () => {
    const raw = await rawData(d);
    const frames = await run([{ queryType: Mlops1xFrameKind.Drift, workspaceId: ws, deploymentId: d.id }]);
    expect(frames).toHaveLength(d.experiments.length);
    for (const i of experiments) {
      const frame = frames.find((f) => labelsOf(f).experiment_id === d.experiments[i].id)!;
      expect(labelsOf(frame).role).toBe(i === 0 ? 'champion' : 'challenger');
      const columns = valuesOf(frame, 'column') as string[];
      expect([...columns].sort()).toEqual(d.columns.map((c) => c.spec.name).sort());
      columns.forEach((column, k) => {
        const expected = expectedDrift(raw, d.experiments[i].id, column);
        const got = valuesOf(frame, 'drift')[k] as number | null;
        expect({ column, defined: got !== null }).toEqual({ column, defined: expected !== null });
        if (expected !== null) {
          expect(got as number).toBeCloseTo(expected, 9);
        }
      });
    }
  });

  it('drift over time per segment (default method of a categorical and a numerical column)', async () => {
    const raw = await rawData(d);
    for (const column of [categorical, numeric]) {
      const frames = await run([
        { queryType: Mlops1xFrameKind.DriftOverTime, workspaceId: ws, deploymentId: d.id, column },
      ]);
      for (const i of experiments) {
        const frame = frameFor(frames, d, i, column);
        const segs = ofExperiment(raw.segments, d.experiments[i].id, column).sort(
          (a, b) => Date.parse(a.startTime) - Date.parse(b.startTime)
        );
        expect(timesOf(frame)).toEqual(segs.map((s) => Date.parse(s.startTime)));
        const got = valuesOf(frame, 'drift') as number[];
        segs.forEach((s, k) => expect(got[k]).toBeCloseTo(expectedDrift(raw, d.experiments[i].id, column, [s])!, 9));
      }
    }
  });
});

it.each(['tvd', 'psi', 'hellinger', 'zscore'] as const)(
  'drift per column with method %s and custom thresholds: values and statuses equal src/shared/drift on the raw JSON',
  async (method) => {
    const d = byKind('shadow');
    const raw = await rawData(d);
    const thresholds = { warning: 0.01, critical: 0.05 };
    const frames = await run([
      {
        queryType: Mlops1xFrameKind.Drift,
        workspaceId: d.workspaceId,
        deploymentId: d.id,
        method,
        warningThreshold: thresholds.warning,
        criticalThreshold: thresholds.critical,
      },
    ]);
    const statuses = new Set<string>();
    d.experiments.forEach((e, i) => {
      const frame = frames.find((f) => labelsOf(f).experiment_id === e.id)!;
      expect(labelsOf(frame).role).toBe(i === 0 ? 'champion' : 'challenger');
      (valuesOf(frame, 'column') as string[]).forEach((column, k) => {
        const expected = expectedDriftResult(raw, e.id, column, undefined, { method, thresholds });
        const got = { column, method: valuesOf(frame, 'method')[k], status: valuesOf(frame, 'status')[k] };
        expect(got).toEqual({ column, method, status: expected.status });
        statuses.add(expected.status);
        if (expected.value !== null) {
          expect(valuesOf(frame, 'drift')[k] as number).toBeCloseTo(expected.value, 9);
        } else {
          expect(valuesOf(frame, 'drift')[k]).toBeNull();
        }
      });
    });
    // The thresholds are low enough that something is flagged for every method.
    expect([...statuses].some((s) => s === 'warning' || s === 'drift')).toBe(true);
  }
);

it('a multi-value deployment variable fans out: volume frames of each deployment', async () => {
  const [first, second] = DEPLOYMENTS.filter((d) => d.workspaceId === WORKSPACES[0].id && d.scenario.monitoringEnabled);
  const frames = await run(
    [{ queryType: Mlops1xFrameKind.Volume, workspaceId: WORKSPACES[0].id, deploymentId: '$dep', column: 'prediction' }],
    REFRESH,
    { dep: [first.id, second.id] }
  );
  const deployments = frames.map((f) => labelsOf(f).deployment_id);
  expect([...new Set(deployments)].sort()).toEqual([first.id, second.id].sort());
  expect(frames).toHaveLength(first.experiments.length + second.experiments.length);
  for (const d of [first, second]) {
    const raw = await rawData(d);
    const frame = frameFor(frames, d, 0);
    const total = sum(valuesOf(frame, 'rows') as number[]);
    const segs = ofExperiment(raw.segments, d.experiments[0].id, 'prediction');
    expect(total).toBe(sum(segs.map((s) => presentRows(s) + missingRows(s))));
  }
});

it('client-credentials mode gives the same drift table as refresh-token mode', async () => {
  const d = byKind('shadow');
  const target = { queryType: Mlops1xFrameKind.Drift, workspaceId: d.workspaceId, deploymentId: d.id };
  const viaRefresh = await run([target], REFRESH);
  const viaCc = await run([target], CC);
  expect(viaCc.map((f) => valuesOf(f, 'drift'))).toEqual(viaRefresh.map((f) => valuesOf(f, 'drift')));
  expect(proxy.tokenForms().some((f) => f.uid === CC.uid && f.params.grant_type === 'client_credentials')).toBe(true);
});
