import { Grpc, GrpcError, quote } from '../errors';
import { DAY } from '../time';
import { baselineAggregates, SEGMENT, segmentAggregates } from './aggregates';
import { DEPLOYMENTS, findDeployment, WORKSPACES, type Deployment1x } from './catalog';
import {
  applyFilter,
  applyOrder,
  paginate,
  parseFilterParam,
  pinnedValue,
  readPageToken,
  timeBounds,
  type FieldMap,
  type ListRequest,
} from './listing';
import {
  deploymentFields,
  deploymentView,
  statusView,
  WORKSPACE_FIELDS,
  workspaceView,
  createTimeOf,
} from './resources';

/**
 * The H2O MLOps 1.x GET routes, on the simulator's one base URL so that it is both the "MLOps API
 * gateway URL" (services under `/deployer` and `/monitoring`, as h2o-mlops' Client joins them) and
 * the "authz gateway URL" (`/v1/…`):
 *
 *   /v1/workspaces, /v1/workspaces/{id}
 *   /deployer/v2/configuration/monitoring
 *   /deployer/v2/workspaces/{ws|-}/deployments[:count], …/deployments/status:batchGet,
 *   /deployer/v2/workspaces/{ws}/deployments/{id}[/status]
 *   /monitoring/v2/workspaces/{ws}/deployments/{id}/experiments/{exp|-}/{baselineAggregates|aggregates}[:count]
 *
 * Pure function of (seed, clock, URL); throws GrpcError for the server to turn into an RpcStatus.
 */

export const MLOPS1X_PREFIXES = ['/v1/', '/deployer/', '/monitoring/'] as const;
/** Scoring aggregates are kept this long (hourly segments up to the last completed hour). */
export const RETENTION = 14 * DAY;

export interface Mlops1xOptions {
  seed: number;
  defaultPageSize: number;
  now: () => number;
}

type Json = Record<string, unknown>;

/** Whether a path belongs to the 1.x routes. */
export function isMlops1xPath(pathname: string): boolean {
  return MLOPS1X_PREFIXES.some((p) => pathname.startsWith(p));
}

const UUIDISH = '([A-Za-z0-9][A-Za-z0-9_-]*)';
const SEG = '([^/]+)';
const ROUTES: Array<{ re: RegExp; run: (m: string[], url: URL, o: Mlops1xOptions) => Json }> = [
  { re: /^\/v1\/workspaces$/, run: (_m, url, o) => listWorkspaces(url, o) },
  { re: new RegExp(`^/v1/workspaces/${UUIDISH}$`), run: (m) => ({ workspace: workspaceView(workspace(m[1])) }) },
  {
    re: /^\/deployer\/v2\/configuration\/monitoring$/,
    run: () => ({ monitoringConfig: { enabled: true, frontendUri: '', maxAllowedFeatures: 100 } }),
  },
  {
    re: new RegExp(`^/deployer/v2/workspaces/${SEG}/deployments(:count)?$`),
    run: (m, url, o) => deployments(m, url, o),
  },
  {
    re: new RegExp(`^/deployer/v2/workspaces/${SEG}/deployments/status:batchGet$`),
    run: (m, url, o) => batchStatuses(m[1], url, o),
  },
  {
    re: new RegExp(`^/deployer/v2/workspaces/${SEG}/deployments/${UUIDISH}(/status)?$`),
    run: (m, _url, o) => {
      const d = deployment(m[1], m[2]);
      const now = o.now();
      return m[3] ? { deploymentStatus: statusView(o.seed, d, now) } : { deployment: deploymentView(o.seed, d, now) };
    },
  },
  {
    re: new RegExp(
      `^/monitoring/v2/workspaces/${SEG}/deployments/${SEG}/experiments/${SEG}/(baselineAggregates|aggregates)(:count)?$`
    ),
    run: (m, url, o) => aggregates(m, url, o),
  },
];

/** Handles one GET under a 1.x prefix; throws GrpcError (NOT_FOUND for unknown paths). */
export function handleMlops1x(method: string, url: URL, options: Mlops1xOptions): Json {
  const route = ROUTES.map((r) => ({ r, m: r.re.exec(url.pathname) })).find((x) => x.m);
  if (!route?.m) {
    throw new GrpcError(Grpc.NOT_FOUND, 'Not Found');
  }
  if (method !== 'GET') {
    throw new GrpcError(Grpc.UNIMPLEMENTED, 'Method Not Allowed');
  }
  return route.r.run(
    [...route.m].map((s) => (s === undefined ? '' : decodeURIComponent(s))),
    url,
    options
  );
}

function workspace(id: string) {
  const w = WORKSPACES.find((x) => x.id === id);
  if (!w) {
    throw new GrpcError(Grpc.NOT_FOUND, `workspace ${quote(`workspaces/${id}`)} not found`);
  }
  return w;
}

function deployment(workspaceId: string, deploymentId: string): Deployment1x {
  if (workspaceId !== '-') {
    workspace(workspaceId);
  }
  const d = findDeployment(workspaceId, deploymentId);
  if (!d) {
    throw new GrpcError(
      Grpc.NOT_FOUND,
      `deployment ${quote(`workspaces/${workspaceId}/deployments/${deploymentId}`)} not found`
    );
  }
  return d;
}

function listRequest(scope: string, url: URL, o: Mlops1xOptions): ListRequest {
  return { scope, params: url.searchParams, defaultPageSize: o.defaultPageSize };
}

/** Filter, order and paginate `records`; `key` names the response's list field. */
function listOf<T>(
  records: readonly T[],
  key: string,
  fields: FieldMap<T>,
  req: ListRequest,
  now: number,
  view: (r: T) => Json
) {
  const filter = parseFilterParam(req.params.get('filter'), fields);
  const ordered = applyOrder(applyFilter(records, filter, fields), req.params.get('orderBy'), fields);
  const page = paginate(ordered, req, readPageToken(req, now));
  return { [key]: page.items.map(view), ...(page.next ? { nextPageToken: page.next } : {}) };
}

function listWorkspaces(url: URL, o: Mlops1xOptions): Json {
  return listOf(WORKSPACES, 'workspaces', WORKSPACE_FIELDS, listRequest('workspaces', url, o), o.now(), workspaceView);
}

function deployments(m: string[], url: URL, o: Mlops1xOptions): Json {
  const ws = m[1];
  if (ws !== '-') {
    workspace(ws);
  }
  const now = o.now();
  const fields = deploymentFields(o.seed, now);
  const inScope = DEPLOYMENTS.filter((d) => ws === '-' || d.workspaceId === ws);
  if (m[2]) {
    const filter = parseFilterParam(url.searchParams.get('filter'), fields);
    return { count: String(applyFilter(inScope, filter, fields).length) };
  }
  const req = listRequest(`deployments|${ws}`, url, o);
  return listOf(inScope, 'deployments', fields, req, now, (d) => deploymentView(o.seed, d, now));
}

function batchStatuses(ws: string, url: URL, o: Mlops1xOptions): Json {
  const statuses: Json[] = [];
  const errors: Record<string, Json> = {};
  for (const name of url.searchParams.getAll('names')) {
    const m = /^workspaces\/([^/]+)\/deployments\/([^/]+)\/status$/.exec(name);
    const d = m && (ws === '-' || m[1] === ws) ? findDeployment(m[1], m[2]) : undefined;
    if (d) {
      statuses.push(statusView(o.seed, d, o.now()));
    } else {
      errors[name] = { code: Grpc.NOT_FOUND, message: `${quote(name)} not found`, details: [] };
    }
  }
  return { deploymentStatuses: statuses, ...(Object.keys(errors).length ? { errors } : {}) };
}

const AGGREGATE_FIELDS: FieldMap<Json> = {
  id: (a) => a.id as string,
  column_name: (a) => a.column as string,
  logical_type: (a) => a.logicalType as string,
  experiment_ids: (a) => a.experimentIds as string[],
  is_model_output: (a) => a.isModelOutput as boolean,
  deployment_id: (a) => a.deploymentId as string,
};
const SCORING_FIELDS: FieldMap<Json> = { ...AGGREGATE_FIELDS, timestamp: (a) => a.startTime as string };

function aggregates(m: string[], url: URL, o: Mlops1xOptions): Json {
  const d = deployment(m[1], m[2]);
  const experiments = m[3] === '-' ? d.experiments : d.experiments.filter((e) => e.id === m[3]);
  if (experiments.length === 0) {
    throw new GrpcError(Grpc.NOT_FOUND, `experiment ${quote(m[3])} not found in deployment ${quote(d.id)}`);
  }
  const baseline = m[4] === 'baselineAggregates';
  const fields = baseline ? AGGREGATE_FIELDS : SCORING_FIELDS;
  const filter = parseFilterParam(url.searchParams.get('filter'), fields);
  const req = listRequest(`${m[4]}|${d.id}|${m[3]}`, url, o);
  const token = readPageToken(req, o.now());
  let records: Json[] = [];
  if (d.scenario.monitoringEnabled && baseline) {
    const ids = new Set(experiments.map((e) => e.id));
    records = baselineAggregates(o.seed, d).filter((a) => (a.experimentIds as string[]).some((id) => ids.has(id)));
  } else if (d.scenario.monitoringEnabled) {
    const bounds = timeBounds(filter, 'timestamp');
    const column = pinnedValue(filter, 'column_name');
    const last = Math.floor(token.asOf / SEGMENT) * SEGMENT;
    const first = Math.max(last - RETENTION, Math.ceil(createTimeOf(o.seed, d, token.asOf) / SEGMENT) * SEGMENT);
    const from = Math.max(first, Math.ceil((bounds.from ?? -Infinity) / SEGMENT) * SEGMENT);
    const to = Math.min(last, bounds.to ?? Infinity);
    for (let t = from; t < to; t += SEGMENT) {
      for (const e of experiments) {
        records.push(...segmentAggregates(o.seed, d, e, t, column));
      }
    }
  }
  const matching = applyFilter(records, filter, fields);
  if (m[5]) {
    return { count: String(matching.length) };
  }
  const page = paginate(applyOrder(matching, url.searchParams.get('orderBy'), fields), req, token);
  const key = baseline ? 'baselineAggregates' : 'aggregates';
  return { [key]: page.items, ...(page.next ? { nextPageToken: page.next } : {}) };
}
