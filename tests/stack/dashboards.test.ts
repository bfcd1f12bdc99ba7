/**
 * Every panel of every provisioned dashboard, queried the way Grafana would run it: template
 * variables resolved through the data source's own variable support, targets run through the data
 * source's query() via Grafana's data-source proxy — STOOD IN by devtools/grafanaProxy/
 * (Grafana's server cannot run here) — against Keycloak + the gateway simulator.
 */
import {
  createTheme,
  dateTime,
  type DataFrame,
  type DataQueryRequest,
  type Field,
  type TimeRange,
} from '@grafana/data';
import fs from 'node:fs';
import path from 'node:path';
import { lastValueFrom } from 'rxjs';
import { parse } from 'yaml';

import { SCENARIO_IDS } from '../../simulator/scenarios';
import type { MlopsDataSource } from '../../src/datasource/datasource';
import { QueryType, type MlopsQuery, type MlopsVariableQuery } from '../../src/datasource/types';
import type { MlopsVariableSupport } from '../../src/datasource/variables';
import { buildPanelView } from '../../src/panel/data/panelModel';
import { migrateOptions } from '../../src/panel/migrations';
import { FIELD, FrameKind } from '../../src/shared/frameSchema';
import type { ProxyStandIn } from '../../devtools/grafanaProxy/server';
import {
  DS_TYPE,
  dataSourceThroughProxy,
  provisionedDataSources,
  startGrafanaProxyStandIn,
} from './support/grafanaLike';
import { repoRoot, stackInfo } from './support/stackInfo';

const info = stackInfo();
const DASHBOARD_DIR = path.join(repoRoot, 'provisioning', 'dashboards', 'mlops');
const PROVIDERS_YAML = path.join(repoRoot, 'provisioning', 'dashboards', 'dashboards.yaml');
const PANEL_ID = 'modelwatch-champion-panel';
const CORE_PANELS = new Set([
  'stat',
  'table',
  'timeseries',
  'bargauge',
  'candlestick',
  'histogram',
  'barchart',
  'text',
  'gauge',
  'row',
]);

interface Target extends MlopsQuery {
  datasource: { type: string; uid: string };
}
interface Panel {
  id: number;
  type: string;
  title: string;
  gridPos: { h: number; w: number; x: number; y: number };
  datasource: { type: string; uid: string };
  targets: Target[];
  options: Record<string, unknown>;
  fieldConfig: { defaults: Record<string, unknown>; overrides: unknown[] };
}
interface Variable {
  name: string;
  type: string;
  datasource?: { type: string; uid: string };
  /** A query variable's query; the plugin id for the data-source variable. */
  query: MlopsVariableQuery | string;
  multi: boolean;
  includeAll: boolean;
  current: { value?: string | string[] };
}
interface Annotation {
  name: string;
  enable: boolean;
  iconColor: string;
  builtIn?: number;
  datasource: { type: string; uid: string };
  target?: MlopsQuery;
}
interface Dashboard {
  uid: string;
  annotations: { list: Annotation[] };
  title: string;
  schemaVersion: number;
  tags: string[];
  time: { from: string; to: string };
  links: Array<{ type: string; tags: string[] }>;
  templating: { list: Variable[] };
  panels: Panel[];
}

const files = fs
  .readdirSync(DASHBOARD_DIR)
  .filter((f) => f.endsWith('.json'))
  .sort();
const dashboards = files.map((f) => ({
  file: f,
  dashboard: JSON.parse(fs.readFileSync(path.join(DASHBOARD_DIR, f), 'utf8')) as Dashboard,
}));
const provisioned = provisionedDataSources({ ...info.provisioningEnv });
const uids = new Set(dashboards.map((d) => d.dashboard.uid));
/** Panels, targets and query variables use the dashboard's data-source variable (see README, "Dashboards"). */
const DS_REF = { type: DS_TYPE, uid: '${datasource}' };
const variable = (dashboard: Dashboard, name: string) => dashboard.templating.list.find((v) => v.name === name)!;

let proxy: ProxyStandIn;
beforeAll(async () => {
  proxy = await startGrafanaProxyStandIn(info);
});
afterAll(() => proxy.close());

function rangeOf(time: Dashboard['time']): TimeRange {
  const m = /^now-(\d+)([hd])$/.exec(time.from);
  if (!m || time.to !== 'now') {
    throw new Error(`unsupported dashboard time range ${JSON.stringify(time)}`);
  }
  const to = Date.now();
  const from = to - Number(m[1]) * (m[2] === 'h' ? 3600_000 : 86_400_000);
  return { from: dateTime(from), to: dateTime(to), raw: { from: time.from, to: time.to } };
}

function request<T extends MlopsQuery | MlopsVariableQuery>(targets: T[], range: TimeRange): DataQueryRequest<T> {
  return {
    requestId: 'dashboard',
    interval: '1m',
    intervalMs: 60_000,
    range,
    scopedVars: {},
    timezone: 'browser',
    app: 'dashboard',
    startTime: Date.now(),
    targets,
  };
}

/** Resolves the dashboard's variables in order, as Grafana does on load (current value, All, or first option). */
async function resolveVariables(
  dashboard: Dashboard,
  ds: MlopsDataSource,
  values: Record<string, string | string[]>,
  range: TimeRange
) {
  for (const v of dashboard.templating.list) {
    if (v.type === 'datasource') {
      // Grafana offers every data source of the type; the default is the provisioned one.
      expect(v.query).toBe(DS_TYPE);
      expect(provisioned.map((p) => p.uid)).toContain(v.current.value);
      values[v.name] = v.current.value as string;
      continue;
    }
    expect(v.type).toBe('query');
    expect(v.datasource).toEqual(DS_REF);
    const support = ds.variables as unknown as MlopsVariableSupport;
    const response = await lastValueFrom(support.query(request([v.query as MlopsVariableQuery], range)));
    const frame = response.data[0] as DataFrame;
    const options = frame.fields.find((f) => f.name === 'value')!.values as string[];
    expect({ variable: v.name, options: options.length > 0 }).toEqual({ variable: v.name, options: true });
    const current = v.current?.value;
    if (v.includeAll && (current === '$__all' || (Array.isArray(current) && current.includes('$__all')))) {
      values[v.name] = options;
    } else if (typeof current === 'string' && current !== '') {
      expect(options).toContain(current);
      values[v.name] = current;
    } else {
      values[v.name] = options[0];
    }
  }
}

describe.each(dashboards)('$file annotations', ({ dashboard }) => {
  const ours = dashboard.annotations.list.filter((a) => a.datasource.type === DS_TYPE);

  it('marks deployments on the time series: one annotation query of our data source', () => {
    expect(dashboard.panels.some((p) => p.type === 'timeseries')).toBe(true);
    expect(ours).toEqual([
      expect.objectContaining({
        enable: true,
        datasource: DS_REF,
        target: expect.objectContaining({ queryType: QueryType.DeploymentEvents }),
      }),
    ]);
  });

  it('returns an event for each deployment the dashboard shows (through the Grafana proxy stand-in)', async () => {
    const variables: Record<string, string | string[]> = {};
    const { ds, templateSrv } = dataSourceThroughProxy(
      proxy,
      provisioned.find((p) => p.uid === 'mlops-gateway')!,
      variables
    );
    const range = rangeOf(dashboard.time);
    await resolveVariables(dashboard, ds, variables, range);
    const simulatorIds = new Set<string>(Object.values(SCENARIO_IDS));
    for (const anno of ours) {
      // As Grafana runs it: prepareAnnotation, prepareQuery, then query() with the dashboard's variables.
      const support = ds.annotations!;
      const target = support.prepareQuery!(support.prepareAnnotation!(anno as never))!;
      const response = await lastValueFrom(ds.query(request([target], range)));
      expect({ anno: anno.name, errors: response.errors }).toEqual({ anno: anno.name, errors: undefined });
      const frame = response.data[0] as DataFrame;
      const column = (name: string) => frame.fields.find((f: Field) => f.name === name)!.values;
      const ids = column(FIELD.id) as string[];
      const expected = templateSrv.replace(target.deploymentId ?? '', {}, (v: string | string[]) =>
        Array.isArray(v) ? v.join(',') : v
      );
      expect(ids.length).toBeGreaterThan(0);
      expect(ids.every((id) => simulatorIds.has(id) && expected.split(',').includes(id))).toBe(true);
      expect((column(FIELD.time) as number[]).every((t) => Number.isFinite(t))).toBe(true);
      expect((column(FIELD.title) as string[]).every((t) => t.startsWith('Deployed '))).toBe(true);
    }
  });
});

it('the dashboard provider points at the folder with these dashboards', () => {
  const doc = parse(fs.readFileSync(PROVIDERS_YAML, 'utf8')) as {
    apiVersion: number;
    providers: Array<{ type: string; options: { path: string } }>;
  };
  expect(doc.apiVersion).toBe(1);
  expect(doc.providers).toHaveLength(1);
  expect(doc.providers[0].type).toBe('file');
  // docker-compose mounts ./provisioning at /etc/grafana/provisioning.
  expect(doc.providers[0].options.path.replace('/etc/grafana/provisioning', path.join(repoRoot, 'provisioning'))).toBe(
    DASHBOARD_DIR
  );
  expect(files).toEqual([
    'alert-runbook.json',
    'champion-vs-challenger.json',
    'deployment-detail.json',
    'drift.json',
    'fleet-overview.json',
  ]);
});

// The alert runbook (generated by scripts/alerting, checked by its tests) holds text panels only.
const RUNBOOK = 'alert-runbook.json';

it('the alert runbook is a text-only dashboard linked with the others', () => {
  const { dashboard } = dashboards.find((d) => d.file === RUNBOOK)!;
  expect(dashboard.uid).toBe('mlops-alert-runbook');
  expect(dashboard.tags).toContain('mlops');
  expect(dashboard.links).toEqual([expect.objectContaining({ type: 'dashboards', tags: ['mlops'] })]);
  expect(dashboard.panels.map((p) => p.type).every((t) => t === 'text')).toBe(true);
});

describe.each(dashboards.filter((d) => d.file !== RUNBOOK))('$file', ({ dashboard }) => {
  it('is valid dashboard JSON: uid, schemaVersion, gridPos, our data source, known panel types, links to known dashboards', () => {
    expect(dashboard.uid).toMatch(/^mlops-[a-z-]+$/);
    expect(dashboard.schemaVersion).toBeGreaterThanOrEqual(39);
    expect(dashboard.tags).toContain('mlops');
    expect(dashboard.links).toEqual([expect.objectContaining({ type: 'dashboards', tags: ['mlops'] })]);
    const ids = dashboard.panels.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const panel of dashboard.panels) {
      const where = `${dashboard.uid} panel "${panel.title}"`;
      const { h, w, x, y } = panel.gridPos;
      expect({
        where,
        ok: [h, w, x, y].every(Number.isInteger) && w > 0 && h > 0 && x >= 0 && x + w <= 24 && y >= 0,
      }).toEqual({ where, ok: true });
      expect({ where, type: CORE_PANELS.has(panel.type) || panel.type === PANEL_ID }).toEqual({ where, type: true });
      expect(panel.datasource).toEqual(DS_REF);
      expect(panel.targets.length).toBeGreaterThan(0);
      const refIds = panel.targets.map((t) => t.refId);
      expect(new Set(refIds).size).toBe(refIds.length);
      for (const t of panel.targets) {
        expect(t.datasource).toEqual(panel.datasource);
        expect(t.schemaVersion).toBe(1);
        expect(Object.values(QueryType)).toContain(t.queryType);
        for (const field of [t.deploymentId, t.modelId, t.feature]) {
          for (const [, name] of (field ?? '').matchAll(/\$(\w+)/g)) {
            expect({ where, variable: name, defined: dashboard.templating.list.some((v) => v.name === name) }).toEqual({
              where,
              variable: name,
              defined: true,
            });
          }
        }
      }
      for (const [, uid] of JSON.stringify(panel).matchAll(/\/d\/([a-z0-9-]+)\//g)) {
        expect({ where, link: uid, known: uids.has(uid) }).toEqual({ where, link: uid, known: true });
      }
    }
    expect(variable(dashboard, 'datasource')).toMatchObject({
      type: 'datasource',
      query: DS_TYPE,
      current: { value: 'mlops-gateway' },
    });
    expect(provisioned.some((ds) => ds.uid === 'mlops-gateway')).toBe(true);
  });

  it('every panel’s queries return frames without errors (through the Grafana proxy stand-in)', async () => {
    const variables: Record<string, string | string[]> = {};
    const { ds } = dataSourceThroughProxy(
      proxy,
      provisioned.find((p) => p.uid === 'mlops-gateway')!,
      variables
    );
    const range = rangeOf(dashboard.time);
    await resolveVariables(dashboard, ds, variables, range);
    for (const panel of dashboard.panels) {
      const response = await lastValueFrom(ds.query(request(panel.targets, range)));
      const where = `${dashboard.uid} panel "${panel.title}"`;
      expect({ where, errors: response.errors }).toEqual({ where, errors: undefined });
      for (const t of panel.targets) {
        expect({ where, refId: t.refId, frames: response.data.some((f) => f.refId === t.refId) }).toEqual({
          where,
          refId: t.refId,
          frames: true,
        });
      }
      if (panel.type === PANEL_ID) {
        const view = buildPanelView({ series: response.data }, migrateOptions(panel.options), createTheme());
        expect({ where, view: view.kind }).toEqual({ where, view: 'ready' });
        if (view.kind === 'ready') {
          expect(view.comparison.models.map((m) => m.role)).toEqual(['champion', 'challenger']);
          expect(view.drift.models.length).toBe(2);
        }
      }
    }
  });
});

it('default variables pick real data: the detail dashboard shows traffic, the drift dashboard a drifting feature', async () => {
  const detail = dashboards.find((d) => d.dashboard.uid === 'mlops-deployment-detail')!.dashboard;
  const drift = dashboards.find((d) => d.dashboard.uid === 'mlops-drift')!.dashboard;
  const champion = dashboards.find((d) => d.dashboard.uid === 'mlops-champion-challenger')!.dashboard;
  expect(variable(detail, 'deployment').current.value).toBe(SCENARIO_IDS.healthy);
  expect(variable(drift, 'deployment').current.value).toBe(SCENARIO_IDS.drifting);
  expect(variable(champion, 'deployment').current.value).toBe(SCENARIO_IDS.shadow);

  const variables: Record<string, string | string[]> = {};
  const { ds } = dataSourceThroughProxy(
    proxy,
    provisioned.find((p) => p.uid === 'mlops-gateway')!,
    variables
  );
  await resolveVariables(detail, ds, variables, rangeOf(detail.time));
  expect(variables.model).toBe(SCENARIO_IDS.healthy); // the primary model's id is the deployment id
  const total = detail.panels.find((p) => p.title === 'Total predictions')!;
  const res = await lastValueFrom(ds.query(request(total.targets, rangeOf(detail.time))));
  expect(
    (res.data[0] as DataFrame).fields.find((f: Field) => f.name === FIELD.totalPredictions)!.values[0]
  ).toBeGreaterThan(0);

  await resolveVariables(drift, ds, variables, rangeOf(drift.time));
  expect(variables.feature).toBe('transaction_amount');
  const table = drift.panels.find((p) => p.title === 'Feature drift')!;
  const driftRes = await lastValueFrom(ds.query(request(table.targets, rangeOf(drift.time))));
  const frame = (driftRes.data as DataFrame[]).find((f) => f.meta?.custom?.kind === FrameKind.FeatureDrift)!;
  expect(frame.fields.find((f: Field) => f.name === FIELD.driftStatusDerived)!.values).toContain('drifting, important');
});
