import type {
  RawDeployment,
  RawGetMonitoredDeployment,
  RawGetMonitoredModels,
  RawListMonitoredDeployments,
  RawModel,
} from '../src/datasource/gateway/rawTypes';
import { Grpc, GrpcError, quote } from './errors';
import type { Incident } from './incidents';
import { driftMetrics, healthMetrics, operationalSummary, totalPredictions, type TimeRange } from './generators';
import { deploymentView, modelView, resolveModel, SCENARIOS, type ScenarioSpec } from './scenarios';
import { DAY, HOUR, parseRfc3339 } from './time';

/**
 * The model-monitoring API proper: routes a GET under `/model-monitoring` to a generator and
 * returns the JSON body, or throws a GrpcError. No HTTP, auth or faults here, so it stays a pure
 * function of (seed, options, URL, clock).
 */

export const BASE_PATH = '/model-monitoring';
export const MAX_PAGE_SIZE = 1000;
/** Ranges longer than this are refused, which bounds the work one request can cause. */
export const MAX_RANGE = 3660 * DAY;

export interface ApiOptions {
  seed: number;
  /** Page size used when a request sends pageSize 0 or none. */
  defaultPageSize: number;
  /** Epoch milliseconds; only used for the default time range and the brand-new deployment. */
  now: () => number;
  /** The incidents in force (test control); none = every scenario as specified. */
  incidents?: () => readonly Incident[];
}

export interface ApiResult {
  status: number;
  body: unknown;
}

/** Handles one API request; `pathname` starts with BASE_PATH. */
export function handleApi(method: string, url: URL, options: ApiOptions): ApiResult {
  const route = matchRoute(url.pathname);
  if (!route) {
    throw new GrpcError(Grpc.NOT_FOUND, 'Not Found');
  }
  if (method !== 'GET') {
    throw new GrpcError(Grpc.UNIMPLEMENTED, 'Method Not Allowed');
  }
  const q = url.searchParams;
  switch (route.kind) {
    case 'list':
      return ok(listDeployments(q, options));
    case 'get':
      return ok(getDeployment(route.deploymentId, options));
    case 'models':
      return ok(listModels(route.deploymentId, q, options));
    case 'metrics':
      return ok(metrics(route.deploymentId, route.modelId, route.metric, q, options));
  }
}

const ok = (body: unknown): ApiResult => ({ status: 200, body });

type Route =
  | { kind: 'list' }
  | { kind: 'get'; deploymentId: string }
  | { kind: 'models'; deploymentId: string }
  | { kind: 'metrics'; deploymentId: string; modelId: string; metric: 'health' | 'drift' | 'operational' };

function matchRoute(pathname: string): Route | undefined {
  if (!pathname.startsWith(`${BASE_PATH}/`)) {
    return undefined;
  }
  let parts: string[];
  try {
    parts = pathname
      .slice(BASE_PATH.length + 1)
      .split('/')
      .map(decodeURIComponent);
  } catch {
    throw new GrpcError(Grpc.INVALID_ARGUMENT, 'malformed percent-encoding in the path');
  }
  if (parts[0] !== 'v1' || parts[1] !== 'deployment' || parts.slice(2).some((p) => p === '')) {
    return undefined;
  }
  const [, , deploymentId, sub, modelId, metric] = parts;
  if (parts.length === 2) {
    return { kind: 'list' };
  }
  if (parts.length === 3) {
    return { kind: 'get', deploymentId };
  }
  if (parts.length === 4 && sub === 'models') {
    return { kind: 'models', deploymentId };
  }
  if (
    parts.length === 6 &&
    sub === 'metrics' &&
    (metric === 'health' || metric === 'drift' || metric === 'operational')
  ) {
    return { kind: 'metrics', deploymentId, modelId, metric };
  }
  return undefined;
}

function listDeployments(q: URLSearchParams, options: ApiOptions): RawListMonitoredDeployments {
  const range = parseRange(q, options.now);
  const ctx = { seed: options.seed, range, incidents: options.incidents?.() };
  const order = parseOrderBy(q.get('orderBy'), DEPLOYMENT_ORDER_FIELDS);
  const sorted = sortBy(SCENARIOS, order, DEPLOYMENT_ORDER_FIELDS);
  const page = paginate(sorted, q, options, `deployments|${order.key}`);
  let predictions = 0;
  for (const s of SCENARIOS) {
    for (const m of s.models) {
      predictions += totalPredictions(ctx, s, m);
    }
  }
  return {
    deployment: page.items.map((s): RawDeployment => deploymentView(options.seed, s, range.end)),
    totalDeployments: String(SCENARIOS.length),
    totalPredictions: String(predictions),
    nextPageToken: page.next,
  };
}

function getDeployment(id: string, options: ApiOptions): RawGetMonitoredDeployment {
  return { deployment: deploymentView(options.seed, scenarioOrThrow(id), options.now()) };
}

function listModels(id: string, q: URLSearchParams, options: ApiOptions): RawGetMonitoredModels {
  const scenario = scenarioOrThrow(id);
  const order = parseOrderBy(q.get('orderBy'), MODEL_ORDER_FIELDS);
  const models = scenario.models.map((m) => modelView(scenario, m));
  const page = paginate(sortBy(models, order, MODEL_ORDER_FIELDS), q, options, `models|${id}|${order.key}`);
  return { model: page.items, nextPageToken: page.next };
}

function metrics(
  deploymentId: string,
  modelId: string,
  metric: 'health' | 'drift' | 'operational',
  q: URLSearchParams,
  options: ApiOptions
) {
  const scenario = scenarioOrThrow(deploymentId);
  const model = resolveModel(scenario, modelId);
  if (!model) {
    throw new GrpcError(Grpc.NOT_FOUND, `model ${quote(modelId)} not found in deployment ${quote(deploymentId)}`);
  }
  const ctx = { seed: options.seed, range: parseRange(q, options.now), incidents: options.incidents?.() };
  if (metric === 'health') {
    return healthMetrics(ctx, scenario, model);
  }
  if (metric === 'operational') {
    return operationalSummary(ctx, scenario, model);
  }
  const importanceFeature = featureParam(scenario, q, 'featureImportanceSelectedFeature');
  const frequencyFeature = featureParam(scenario, q, 'featureFrequencySelectedFeature');
  return driftMetrics(ctx, scenario, model, { importanceFeature, frequencyFeature });
}

function scenarioOrThrow(id: string): ScenarioSpec {
  const scenario = SCENARIOS.find((s) => s.id === id);
  if (!scenario) {
    throw new GrpcError(Grpc.NOT_FOUND, `deployment ${quote(id)} not found`);
  }
  return scenario;
}

function featureParam(scenario: ScenarioSpec, q: URLSearchParams, name: string): string | undefined {
  const value = q.get(name);
  if (!value) {
    return undefined;
  }
  if (!scenario.features.some((f) => f.name === value)) {
    throw new GrpcError(Grpc.INVALID_ARGUMENT, `${name}: feature ${quote(value)} not found`);
  }
  return value;
}

/**
 * startDateTime/endDateTime: RFC 3339 with an offset. Missing end = now, missing start = one hour
 * before the end (the product's default "past hour").
 */
export function parseRange(q: URLSearchParams, now: () => number): TimeRange {
  const parse = (name: string): number | undefined => {
    const text = q.get(name);
    if (text === null || text === '') {
      return undefined;
    }
    const ms = parseRfc3339(text);
    if (ms === undefined) {
      throw new GrpcError(
        Grpc.INVALID_ARGUMENT,
        `invalid ${name} ${quote(text)}: expected an RFC 3339 date-time such as 2024-01-31T12:00:00Z`
      );
    }
    return ms;
  };
  const endParam = parse('endDateTime');
  const startParam = parse('startDateTime');
  const end = endParam ?? now();
  const start = startParam ?? end - HOUR;
  if (start >= end) {
    throw new GrpcError(Grpc.INVALID_ARGUMENT, 'startDateTime must be before endDateTime');
  }
  if (end - start > MAX_RANGE) {
    throw new GrpcError(Grpc.INVALID_ARGUMENT, 'the time range must not exceed 3660 days');
  }
  return { start, end };
}

type OrderFields<T> = Record<string, (item: T) => string>;

const DEPLOYMENT_ORDER_FIELDS: OrderFields<ScenarioSpec> = {
  name: (s) => s.name,
  modelName: (s) => s.models[0]?.registeredModelName ?? '',
  env: (s) => s.environment,
};

const MODEL_ORDER_FIELDS: OrderFields<RawModel> = {
  modelName: (m) => m.registeredModelName ?? '',
};

interface OrderBy {
  terms: Array<{ field: string; desc: boolean }>;
  /** Normalised form, bound into page tokens so a token cannot be replayed with another order. */
  key: string;
}

/** Parses `orderBy`: comma-separated fields, each optionally followed by ` asc` or ` desc`. */
export function parseOrderBy<T>(text: string | null, fields: OrderFields<T>): OrderBy {
  const terms: OrderBy['terms'] = [];
  for (const raw of (text ?? '').split(',')) {
    const term = raw.trim();
    if (term === '') {
      continue;
    }
    const m = /^(\w+)(?:\s+(asc|desc))?$/i.exec(term);
    if (!m || !Object.prototype.hasOwnProperty.call(fields, m[1])) {
      throw new GrpcError(
        Grpc.INVALID_ARGUMENT,
        `invalid orderBy term ${quote(term)}: use ${Object.keys(fields).join(', ')}, each optionally followed by " desc"`
      );
    }
    terms.push({ field: m[1], desc: (m[2] ?? '').toLowerCase() === 'desc' });
  }
  return { terms, key: terms.map((t) => `${t.field}${t.desc ? ' desc' : ''}`).join(',') };
}

/** Stable sort by the order terms; ties keep catalogue order. */
function sortBy<T>(items: readonly T[], order: OrderBy, fields: OrderFields<T>): T[] {
  const indexed = items.map((item, index) => ({ item, index }));
  indexed.sort((a, b) => {
    for (const { field, desc } of order.terms) {
      const x = fields[field](a.item);
      const y = fields[field](b.item);
      if (x !== y) {
        return (x < y ? -1 : 1) * (desc ? -1 : 1);
      }
    }
    return a.index - b.index;
  });
  return indexed.map((x) => x.item);
}

/**
 * Offset pagination behind an opaque token (base64url JSON of offset and scope). The scope binds
 * the token to its endpoint and order, so a stale or foreign token is refused, not misread.
 */
function paginate<T>(items: readonly T[], q: URLSearchParams, options: ApiOptions, scope: string) {
  const sizeText = q.get('pageSize') ?? '';
  if (sizeText !== '' && !/^\d+$/.test(sizeText)) {
    throw new GrpcError(Grpc.INVALID_ARGUMENT, `invalid pageSize ${quote(sizeText)}: expected a non-negative integer`);
  }
  const requested = sizeText === '' ? 0 : Number(sizeText);
  const size = Math.min(requested === 0 ? options.defaultPageSize : requested, MAX_PAGE_SIZE);
  const offset = decodePageToken(q.get('pageToken') ?? '', scope);
  const end = offset + size;
  return {
    items: items.slice(offset, end),
    next: end < items.length ? encodePageToken(end, scope) : '',
  };
}

function encodePageToken(offset: number, scope: string): string {
  return Buffer.from(JSON.stringify({ o: offset, s: scope })).toString('base64url');
}

function decodePageToken(token: string, scope: string): number {
  if (token === '') {
    return 0;
  }
  try {
    const parsed: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (typeof parsed === 'object' && parsed !== null) {
      const { o, s } = parsed as { o?: unknown; s?: unknown };
      if (typeof o === 'number' && Number.isInteger(o) && o >= 0 && s === scope) {
        return o;
      }
    }
  } catch {
    // fall through to the error below
  }
  throw new GrpcError(Grpc.INVALID_ARGUMENT, 'invalid pageToken: it does not belong to this request');
}
