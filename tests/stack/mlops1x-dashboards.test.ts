/**
 * The H2O MLOps 1.x dashboards (provisioning/dashboards/mlops/mlops1x-*.json): every panel queried
 * the way Grafana would run it — variables resolved through the data source's own variable
 * support, targets through query() — with the provisioned 1.x data source (uid mlops-1x), via
 * Grafana's data-source proxy — STOOD IN by devtools/grafanaProxy/ (Grafana's server cannot run
 * here) — against Keycloak + the simulator's 1.x routes.
 */
import { createTheme, type DataFrame, type TimeRange } from '@grafana/data';
import { lastValueFrom } from 'rxjs';

import { DEPLOYMENTS } from '../../simulator/mlops1x/catalog';
import type { MlopsDataSource } from '../../src/datasource/datasource';
import { migrateMlops1xQuery } from '../../src/datasource/mlops1x/queryModel';
import { migrateMlops1xVariableQuery } from '../../src/datasource/mlops1x/variableModel';
import { ApiGeneration, type MlopsQuery, type MlopsVariableQuery } from '../../src/datasource/types';
import { buildPanelView } from '../../src/panel/data/panelModel';
import { migrateOptions } from '../../src/panel/migrations';
import { Mlops1xFrameKind } from '../../src/shared/frameKinds1x';
import type { ProxyStandIn } from '../../devtools/grafanaProxy/server';
import {
  DS_TYPE,
  dataSourceThroughProxy,
  provisionedDataSources,
  startGrafanaProxyStandIn,
} from './support/grafanaLike';
import {
  PANEL_ID,
  loadDashboards,
  rangeOf,
  resolvedOnLoad,
  type DashboardJson,
  type PanelJson,
} from './support/dashboards';
import { queryRequest } from '../../src/test/queryRequest';
import { stackInfo } from './support/stackInfo';

const info = stackInfo();
const PANEL_TYPES = new Set(['table', 'timeseries', 'barchart', 'stat', PANEL_ID]);
const DS_REF = { type: DS_TYPE, uid: '${datasource}' };

const dashboards = loadDashboards((file) => file.startsWith('mlops1x-'));
const provisioned = provisionedDataSources({ ...info.provisioningEnv });
const source1x = provisioned.find((ds) => ds.uid === 'mlops-1x')!;
const byUid = (uid: string) => dashboards.find((d) => d.dashboard.uid === uid)!.dashboard;

let proxy: ProxyStandIn;
beforeAll(async () => {
  proxy = await startGrafanaProxyStandIn(info);
});
afterAll(() => proxy.close());

/** A request of the 1.x dashboards (their panels ask for 5-minute steps). */
const request = <T extends MlopsQuery | MlopsVariableQuery>(targets: T[], range: TimeRange) =>
  queryRequest(targets, range, { requestId: 'dashboard-1x', intervalMs: 300_000 });

/** Resolves the variables in order as Grafana does on load (current value, All, or the first option). */
async function resolveVariables(
  dashboard: DashboardJson,
  ds: MlopsDataSource,
  values: Record<string, string | string[]>
) {
  const range = rangeOf(dashboard.time);
  for (const v of dashboard.templating.list) {
    if (v.type === 'datasource') {
      expect(v.query).toBe(DS_TYPE);
      // The regex keeps the picker to 1.x data sources (Grafana matches it against their names).
      const regex = new RegExp(v.regex!.replace(/^\/|\/$/g, ''));
      expect(provisioned.filter((p) => regex.test(p.name)).map((p) => p.uid)).toEqual(['mlops-1x']);
      expect(v.current.value).toBe('mlops-1x');
      values[v.name] = 'mlops-1x';
      continue;
    }
    expect(v.type).toBe('query');
    expect(v.datasource).toEqual(DS_REF);
    const query = v.query as MlopsVariableQuery;
    // Stored 1.x variable queries are already at their current schema.
    expect(migrateMlops1xVariableQuery(query.mlops1x)).toEqual(query.mlops1x);
    values[v.name] = await resolvedOnLoad(ds, v, range, 'dashboard-1x');
  }
}

async function runPanel(dashboard: DashboardJson, panel: PanelJson, values: Record<string, string | string[]>) {
  const { ds } = dataSourceThroughProxy(proxy, source1x, values);
  return lastValueFrom(ds.query(request(panel.targets, rangeOf(dashboard.time))));
}

it('the provisioned 1.x data source is on the 1.x generation and passes Save & test', async () => {
  expect(source1x.jsonData).toMatchObject({
    apiGeneration: ApiGeneration.Mlops1x,
    mlopsApiUrl: info.simulatorUrl,
    authzUrl: info.simulatorUrl,
  });
  const { ds } = dataSourceThroughProxy(proxy, source1x);
  await expect(ds.testDatasource()).resolves.toMatchObject({ status: 'success' });
});

it('three 1.x dashboards: fleet, deployment detail, drift', () => {
  expect(dashboards.map((d) => d.dashboard.uid).sort()).toEqual([
    'mlops-1x-deployment',
    'mlops-1x-drift',
    'mlops-1x-fleet',
  ]);
});

describe.each(dashboards)('$file', ({ dashboard }) => {
  it('is valid dashboard JSON: uid, tags, gridPos, the $datasource variable, 1.x targets with known variables', () => {
    expect(dashboard.schemaVersion).toBeGreaterThanOrEqual(39);
    expect(dashboard.tags).toEqual(expect.arrayContaining(['mlops', 'mlops-1x']));
    const names = dashboard.templating.list.map((v) => v.name);
    expect(names.slice(0, 3)).toEqual(['datasource', 'workspace', 'deployment']);
    const ids = dashboard.panels.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const panel of dashboard.panels) {
      const where = `${dashboard.uid} panel "${panel.title}"`;
      const { h, w, x, y } = panel.gridPos;
      expect({ where, ok: [h, w, x, y].every(Number.isInteger) && w > 0 && h > 0 && x + w <= 24 }).toEqual({
        where,
        ok: true,
      });
      expect({ where, type: PANEL_TYPES.has(panel.type) }).toEqual({ where, type: true });
      expect(panel.datasource).toEqual(DS_REF);
      for (const t of panel.targets) {
        expect(t.datasource).toEqual(DS_REF);
        expect(migrateMlops1xQuery(t.mlops1x)).toEqual(t.mlops1x);
        const text = JSON.stringify(t.mlops1x) + panel.title;
        for (const [, name] of text.matchAll(/\$(\w+)/g)) {
          expect({ where, variable: name, defined: names.includes(name) }).toEqual({
            where,
            variable: name,
            defined: true,
          });
        }
      }
    }
  });

  it('every panel’s queries return frames of their 1.x kind without errors (through the Grafana proxy stand-in)', async () => {
    const values: Record<string, string | string[]> = {};
    const { ds } = dataSourceThroughProxy(proxy, source1x, values);
    await resolveVariables(dashboard, ds, values);
    for (const panel of dashboard.panels) {
      const where = `${dashboard.uid} panel "${panel.title}"`;
      const response = await runPanel(dashboard, panel, values);
      expect({ where, errors: response.errors }).toEqual({ where, errors: undefined });
      for (const t of panel.targets) {
        const frames = (response.data as DataFrame[]).filter((f) => f.refId === t.refId);
        const rows = frames.reduce((n, f) => n + f.length, 0);
        expect({ where, refId: t.refId, frames: frames.length > 0, rows: rows > 0 }).toEqual({
          where,
          refId: t.refId,
          frames: true,
          rows: true,
        });
        expect({ where, kinds: [...new Set(frames.map((f) => f.meta?.custom?.kind))] }).toEqual({
          where,
          kinds: [t.mlops1x!.queryType],
        });
      }
    }
  });
});

it('default variables pick real data: a shadow deployment in the detail, a drifting column in the drift dashboard', async () => {
  const shadow = DEPLOYMENTS.find((d) => d.kind === 'shadow')!;
  const single = DEPLOYMENTS.find((d) => d.kind === 'single' && d.scenario.monitoringEnabled)!;
  const detail = byUid('mlops-1x-deployment');
  const drift = byUid('mlops-1x-drift');
  expect(detail.templating.list.find((v) => v.name === 'deployment')!.current.value).toBe(shadow.id);
  expect(drift.templating.list.find((v) => v.name === 'deployment')!.current.value).toBe(single.id);

  const values: Record<string, string | string[]> = {};
  const { ds } = dataSourceThroughProxy(proxy, source1x, values);
  await resolveVariables(drift, ds, values);
  const table = drift.panels.find((p) => p.title === 'Drift per column')!;
  const [frame] = (await runPanel(drift, table, values)).data as DataFrame[];
  expect(frame.meta?.custom?.kind).toBe(Mlops1xFrameKind.Drift);
  const statuses = frame.fields.find((f) => f.name === 'status')!.values as string[];
  expect(statuses).toContain('drift');
});

it('the champion panel compares champion and challenger of the 1.x shadow deployment from role labels', async () => {
  const detail = byUid('mlops-1x-deployment');
  const shadow = DEPLOYMENTS.find((d) => d.kind === 'shadow')!;
  const values: Record<string, string | string[]> = {};
  const { ds } = dataSourceThroughProxy(proxy, source1x, values);
  await resolveVariables(detail, ds, values);
  const panel = detail.panels.find((p) => p.type === PANEL_ID)!;
  const response = await runPanel(detail, panel, values);
  expect(response.errors).toBeUndefined();
  const view = buildPanelView({ series: response.data }, migrateOptions(panel.options), createTheme());
  expect(view.kind).toBe('ready');
  if (view.kind !== 'ready') {
    return;
  }
  // Roles come from the frames' role labels (not the panel's first-is-champion fallback).
  expect(view.comparison.models.map((m) => [m.identity.model, m.role, m.roleSource])).toEqual([
    [shadow.experiments[0].id, 'champion', 'label'],
    [shadow.experiments[1].id, 'challenger', 'label'],
  ]);
  // Predictions: each experiment's scored rows over the range, as its volume frame sums them.
  const rowsOf = (experimentId: string) =>
    (response.data as DataFrame[])
      .filter((f) => f.meta?.custom?.kind === Mlops1xFrameKind.Volume)
      .flatMap((f) => f.fields.filter((x) => x.name === 'rows' && x.labels?.experiment_id === experimentId))
      .flatMap((x) => x.values as number[])
      .reduce((a, b) => a + b, 0);
  const predictions = view.comparison.rows.find((r) => r.id === 'predictions')!;
  expect(predictions.cells.map((c) => c.value)).toEqual(shadow.experiments.map((e) => rowsOf(e.id)));
  expect(predictions.cells.every((c) => (c.value ?? 0) > 0)).toBe(true);
  // Input drift per column for both experiments.
  expect(view.drift.models.length).toBe(2);
  // Prediction distribution: the mean of the output column over the range, a neutral row per column.
  const output = values.output as string;
  const meanOf = (experimentId: string) => {
    const means = (response.data as DataFrame[])
      .filter((f) => f.meta?.custom?.kind === Mlops1xFrameKind.PredictionsOverTime)
      .flatMap((f) => f.fields.filter((x) => x.name === 'mean' && x.labels?.experiment_id === experimentId))
      .flatMap((x) => x.values as Array<number | null>)
      .filter((v): v is number => v !== null);
    return means.reduce((a, b) => a + b, 0) / means.length;
  };
  const predictionMean = view.comparison.rows.find((r) => r.id === `predictionMean:${output}`)!;
  expect(predictionMean).toMatchObject({ label: `Prediction mean (${output})`, direction: 'neutral' });
  predictionMean.cells.forEach((c, i) => expect(c.value).toBeCloseTo(meanOf(shadow.experiments[i].id), 9));
  expect(predictionMean.deltas[1]?.outcome).toBe('neutral');
  // The categorical output (predicted_label): neutral class-share rows, at most five, as fractions.
  const shares = view.comparison.rows.filter((r) => String(r.id).startsWith('predictionShare:predicted_label:'));
  expect(shares.length).toBeGreaterThan(0);
  expect(shares.length).toBeLessThanOrEqual(5);
  for (const row of shares) {
    expect(row).toMatchObject({
      direction: 'neutral',
      label: expect.stringMatching(/^Share of .+ \(predicted_label\)$/),
    });
    expect(row.cells.every((c) => c.value !== null && c.value >= 0 && c.value <= 1)).toBe(true);
  }
});
