import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import type { DataFrame, DataQueryRequest } from '@grafana/data';
import { lastValueFrom, forkJoin } from 'rxjs';

import { annotationSupport } from '../src/datasource/annotations';
import type { MlopsDataSourceOptions, MlopsQuery, MlopsVariableQuery } from '../src/datasource/types';
import type { MlopsVariableSupport } from '../src/datasource/variables';
import { bundledDataSourceModule } from './bundledSource';
import { MLOPS1X_SETTINGS, benchDataSource, benchRequest, RANGE_END } from './dataSource';
import { SimulatorBackendSrv, TextBackendSrv } from './inProcess';
import { deploymentList, driftPayload, healthPayload } from './payloads';

/**
 * Gateway requests per load of each provisioned dashboard: its variables are resolved first (as
 * Grafana does), then every panel's targets and the annotations run through `query()` at once,
 * against the simulator's API in process (legacy dashboards on a legacy data source, the mlops1x-*
 * ones on a 1.x data source and the simulator's 1.x routes). "Distinct" counts different URLs; with
 * every answer shared and cached, requests = distinct. Decodes count parser runs: a metrics answer
 * is read in parts (a health answer's totals, histogram and box plots; each operational graph;
 * the drift summary, series and frequencies), and each part of an answer is decoded at most once
 * (DecodedAnswer), so decodes ≤ the parts the dashboard's queries read.
 */

export interface RequestCount {
  dashboard: string;
  requests: number;
  distinct: number;
  decodes: number;
  /** GET /v1/deployment/{id} answered from the list the dashboard loaded. */
  knownDeploymentHits: number;
  errors: number;
}

interface DashboardJson {
  title?: string;
  panels?: PanelJson[];
  templating?: { list?: VariableJson[] };
  annotations?: { list?: Array<{ target?: Partial<MlopsQuery>; datasource?: { type?: string } }> };
}
interface PanelJson {
  targets?: Array<Partial<MlopsQuery>>;
  panels?: PanelJson[];
}
interface VariableJson {
  name: string;
  type: string;
  query?: Record<string, unknown>;
  current?: { value?: string | string[] };
}

const DS_TYPE = 'modelwatch-mlopsgateway-datasource';

function panelsOf(panels: PanelJson[] = []): PanelJson[] {
  return panels.flatMap((p) => [p, ...panelsOf(p.panels)]);
}

/** Values of a variable query: the frame's `value` field. */
function valuesOf(frames: DataFrame[]): string[] {
  const field = frames[0]?.fields.find((f) => f.name === 'value');
  return (field?.values ?? []).map(String).filter((v) => v !== '');
}

export async function countDashboardLoad(
  dashboard: DashboardJson,
  name: string,
  backend: { fetch: SimulatorBackendSrv['fetch'] | TextBackendSrv['fetch']; requests: unknown },
  requestPaths: () => string[],
  jsonData: Partial<MlopsDataSourceOptions> = {}
): Promise<RequestCount> {
  const variables: Record<string, string | string[]> = { datasource: 'mlops' };
  const ds = benchDataSource(bundledDataSourceModule(), backend, variables, 30, jsonData);
  let errors = 0;
  for (const variable of dashboard.templating?.list ?? []) {
    if (variable.type !== 'query' || !variable.query) {
      continue;
    }
    const request = benchRequest([variable.query as Partial<MlopsQuery>]);
    const support = ds.variables as unknown as MlopsVariableSupport;
    const response = await lastValueFrom(support.query(request as unknown as DataQueryRequest<MlopsVariableQuery>));
    const values = valuesOf(response.data as DataFrame[]);
    const current = variable.current?.value;
    const all = Array.isArray(current) ? current.includes('$__all') : current === '$__all';
    // The dashboard's saved choice when it is offered, else (as Grafana) the first value.
    const chosen = typeof current === 'string' && values.includes(current) ? current : (values[0] ?? '');
    variables[variable.name] = all ? values : chosen;
  }
  const targetSets = panelsOf(dashboard.panels)
    .map((p) => (p.targets ?? []).filter((t) => !t.datasource || t.datasource.type === DS_TYPE))
    .filter((targets) => targets.length > 0);
  for (const annotation of dashboard.annotations?.list ?? []) {
    if (annotation.datasource?.type === DS_TYPE && annotation.target) {
      const prepared = annotationSupport.prepareAnnotation!(annotation as never);
      targetSets.push([prepared.target as Partial<MlopsQuery>]);
    }
  }
  const responses = await lastValueFrom(forkJoin(targetSets.map((targets) => ds.query(benchRequest(targets)))));
  errors += responses.filter((r) => r.errors?.length).length;
  const paths = requestPaths();
  const stats = ds.client.stats;
  return {
    dashboard: name,
    requests: paths.length,
    distinct: new Set(paths).size,
    decodes: stats.decodes,
    knownDeploymentHits: stats.knownDeploymentHits,
    errors,
  };
}

/** Every provisioned dashboard that queries the data source, loaded against the simulator. */
export async function countProvisionedDashboards(root: string): Promise<RequestCount[]> {
  const dir = join(root, 'provisioning', 'dashboards', 'mlops');
  const counts: RequestCount[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const text = readFileSync(join(dir, file), 'utf8');
    if (!text.includes(DS_TYPE)) {
      continue;
    }
    const backend = new SimulatorBackendSrv({ seed: 42, defaultPageSize: 50, now: () => RANGE_END });
    // The mlops1x-* dashboards are for a data source of the 1.x generation, on the simulator's 1.x routes.
    const settings = file.startsWith('mlops1x-') ? MLOPS1X_SETTINGS : {};
    counts.push(
      await countDashboardLoad(
        JSON.parse(text) as DashboardJson,
        file.replace(/\.json$/, ''),
        backend,
        () => backend.requests,
        settings
      )
    );
  }
  return counts;
}

/**
 * The fleet overview over `count` deployments (one list page, small metrics answers): its per-
 * deployment panels fan out over "All".
 */
export async function countFleet(root: string, count: number): Promise<RequestCount> {
  const dashboard = JSON.parse(
    readFileSync(join(root, 'provisioning', 'dashboards', 'mlops', 'fleet-overview.json'), 'utf8')
  ) as DashboardJson;
  const list = JSON.stringify(deploymentList(count, 3));
  const health = JSON.stringify(healthPayload(24));
  const drift = JSON.stringify(driftPayload(20, 30));
  const paths: string[] = [];
  const backend = new TextBackendSrv((path) => {
    paths.push(path);
    if (/\/metrics\/[^/]+\/health/.test(path)) {
      return health;
    }
    if (/\/metrics\/[^/]+\/drift/.test(path)) {
      return drift;
    }
    if (/^\/v1\/deployment(\?|$)/.test(path)) {
      return list;
    }
    const id = /^\/v1\/deployment\/([^/?]+)$/.exec(path)?.[1];
    return id
      ? JSON.stringify({ deployment: JSON.parse(list).deployment.find((d: { id: string }) => d.id === id) })
      : undefined;
  });
  return countDashboardLoad(dashboard, `fleet-overview × ${count} deployments`, backend, () => paths);
}
