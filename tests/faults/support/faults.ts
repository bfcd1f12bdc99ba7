import type { ServerResponse } from 'node:http';

import { realBody, sendJson, type Endpoint, type FaultResponder } from './faultGateway';
import { DRIFT, HEALTH, OPERATIONAL, TARGET, deployment, deploymentList, model, modelList } from './gatewayData';

/**
 * The fault classes of the matrix: how a gateway, a proxy in front of it or the network breaks.
 * Each one is a responder for the fault gateway; `timeoutSeconds` is the request timeout of the
 * cell's data source (short where the fault is about deadlines), `pagedOnly` marks faults that
 * only exist for endpoints that page.
 */
export interface FaultClass {
  name: string;
  respond: FaultResponder;
  timeoutSeconds?: number;
  pagedOnly?: boolean;
  /** Its cells run one at a time (several 50 MB bodies at once would only measure the machine). */
  heavy?: boolean;
  /** Work done before a cell on `endpoint` starts, outside any request. */
  prepare?: (endpoint: Endpoint) => void;
}

const grpc = (code: number | string, message: string) => ({ code, message, details: [] });

const status =
  (code: number, body: unknown, headers: Record<string, string> = {}): FaultResponder =>
  ({ res }) =>
    sendJson(res, code, body, headers);

function text(res: ServerResponse, code: number, contentType: string, body: string) {
  res.writeHead(code, { 'content-type': contentType });
  res.end(body);
}

const BAD_GATEWAY_HTML =
  '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>';
const GATEWAY_TIMEOUT_HTML =
  '<html><head><title>504 Gateway Time-out</title></head><body><center><h1>504 Gateway Time-out</h1></center><hr><center>nginx</center></body></html>';
const LOGIN_PAGE_HTML = '<!DOCTYPE html><html><head><title>Sign in</title></head><body><form>…</form></body></html>';

/** The first `seen` requests fail with `fault`, the later ones get the real answer. */
const firstOnly =
  (fault: FaultResponder): FaultResponder =>
  (request) =>
    request.seen === 0 ? fault(request) : 'real';

/**
 * A body of about 50 MB with the right shape: the real answer plus one huge string. Built before
 * its cell runs (prepareHuge), never while a request waits: the gateway and the data source share
 * one event loop, and a long stall there fails unrelated requests (undici's connect timeout).
 * Only one is kept at a time.
 */
let huge: { endpoint: Endpoint; body: Buffer } | undefined;
function prepareHuge(endpoint: Endpoint): void {
  if (huge?.endpoint !== endpoint) {
    huge = undefined;
    const real = realBody(endpoint, TARGET);
    huge = { endpoint, body: Buffer.from(JSON.stringify({ ...real, description: 'x'.repeat(50 * 1024 * 1024) })) };
  }
}
const sendHuge: FaultResponder = ({ endpoint, res }) => {
  prepareHuge(endpoint);
  const body = huge!.body;
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(body.length) });
  res.end(body);
};

/** Bodies with the right keys but values of the wrong JSON type. */
const WRONG_TYPES: Record<Endpoint, unknown> = {
  list: { deployment: { id: TARGET }, totalDeployments: '1', nextPageToken: '' },
  get: { deployment: [TARGET] },
  models: { model: 'target-model', nextPageToken: '' },
  health: { ...HEALTH, predictions: { bin: { xMin: 0 } } },
  operational: { ...OPERATIONAL, scoringLatency: [12, 13] },
  drift: { ...DRIFT, featureSummary: { feature: 'income' } },
};

/** Non-finite doubles as protobuf's JSON mapping sends them, where each endpoint has numbers. */
const NON_FINITE: Record<Endpoint, unknown> = {
  list: { ...deploymentList(), totalPredictions: 'Infinity' },
  get: { deployment: { ...deployment(TARGET), models: [{ ...model(TARGET), averageScoringRequests: 'NaN' }] } },
  models: { ...modelList(TARGET), model: [{ ...model(TARGET), averageScoringRequests: 'Infinity' }] },
  health: { ...HEALTH, scoringLatency: 'NaN' },
  operational: {
    ...OPERATIONAL,
    uptime: 'Infinity',
    scoringLatency: {
      ...(OPERATIONAL.scoringLatency as object),
      point: [
        { xAxis: '2026-11-22T00:05:00Z', yAxis: '-Infinity', value: '' },
        { xAxis: '2026-11-22T00:00:00Z', yAxis: '12', value: '' },
      ],
    },
  },
  drift: withDriftFeature({ drift: 'NaN', importance: 'Infinity' }),
};

/** Values no gateway could mean: negative counts, integers beyond 2^53, impossible totals. */
const IMPLAUSIBLE: Record<Endpoint, unknown> = {
  list: { ...deploymentList(), totalDeployments: '-2' },
  get: { deployment: { ...deployment(TARGET), models: [{ ...model(TARGET), averageScoringRequests: -42 }] } },
  models: { ...modelList(TARGET), model: [{ ...model(TARGET), averageScoringRequests: -1 }] },
  health: {
    ...HEALTH,
    totalPredictions: -17670,
    predictions: {
      ...(HEALTH.predictions as object),
      bin: [{ xMin: '2022-08-18T00:00:00Z', xMax: '2022-08-18T07:28:40Z', y: '9007199254740993' }],
    },
  },
  operational: { ...OPERATIONAL, uptime: -5, avgScoringLatency: -12.5 },
  drift: { ...withDriftFeature({ missingValues: '-4' }), countFeatureDrift: -13 },
};

/** The drift fixture with fields of its first feature ("income") replaced, in the summary and importance. */
function withDriftFeature(fields: Record<string, unknown>): Record<string, unknown> {
  const summary = DRIFT.featureSummary as { feature: Array<Record<string, unknown>> };
  const importance = DRIFT.featureImportance as { featureDrift: Array<{ Feature: Record<string, unknown> }> };
  return {
    ...DRIFT,
    featureSummary: { ...summary, feature: [{ ...summary.feature[0], ...fields }, ...summary.feature.slice(1)] },
    featureImportance: {
      ...importance,
      featureDrift: [
        { ...importance.featureDrift[0], Feature: { ...importance.featureDrift[0].Feature, ...fields } },
        ...importance.featureDrift.slice(1),
      ],
    },
  };
}

/** Pages that never end: every page offers a new token (the first page keeps the real items). */
const endless: FaultResponder = ({ real, pageToken, seen, res }) => {
  const next = { nextPageToken: `page-${seen + 2}` };
  sendJson(res, 200, pageToken === '' ? { ...real, ...next } : { ...emptyPage(real), ...next });
};

/** Tokens that loop: first page → "a" → "b" → "a" … */
const looping: FaultResponder = ({ real, pageToken, res }) => {
  const next = { nextPageToken: pageToken === 'a' ? 'b' : 'a' };
  sendJson(res, 200, pageToken === '' ? { ...real, ...next } : { ...emptyPage(real), ...next });
};

function emptyPage(real: Record<string, unknown>): Record<string, unknown> {
  return 'model' in real ? { model: [] } : { deployment: [], totalDeployments: real.totalDeployments };
}

export const FAULTS: FaultClass[] = [
  { name: '401', respond: status(401, grpc(16, 'Jwt is expired')) },
  { name: '403', respond: status(403, grpc(7, 'permission denied: monitoring.read')) },
  { name: '404', respond: status(404, grpc(5, 'deployment target not found')) },
  {
    name: '404 html',
    respond: ({ res }) => text(res, 404, 'text/html', '<html><body>404 page not found</body></html>'),
  },
  { name: '429', respond: status(429, grpc(8, 'quota exceeded')), timeoutSeconds: 5.5 },
  {
    name: '429 Retry-After',
    respond: status(429, grpc(8, 'quota exceeded'), { 'retry-after': '1' }),
    timeoutSeconds: 5.5,
  },
  { name: '429 once', respond: firstOnly(status(429, grpc(8, 'quota exceeded'), { 'retry-after': '1' })) },
  { name: '500', respond: status(500, grpc(13, 'internal: database connection lost')) },
  { name: '502', respond: ({ res }) => text(res, 502, 'text/html', BAD_GATEWAY_HTML) },
  { name: '503', respond: status(503, grpc(14, 'no healthy upstream')), timeoutSeconds: 5.5 },
  { name: '503 once', respond: firstOnly(status(503, grpc(14, 'no healthy upstream'))) },
  { name: '504', respond: ({ res }) => text(res, 504, 'text/html', GATEWAY_TIMEOUT_HTML) },
  { name: 'reset before body', respond: ({ res }) => void res.socket?.destroy() },
  {
    name: 'reset during body',
    respond: ({ real, res }) => {
      const body = JSON.stringify(real);
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(body.length) });
      res.write(body.slice(0, body.length / 2), () => res.socket?.destroy());
    },
  },
  { name: 'hang', respond: () => undefined, timeoutSeconds: 1 },
  {
    name: 'stall during body',
    respond: ({ real, res }) => {
      const body = JSON.stringify(real);
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(body.length) });
      res.write(body.slice(0, body.length / 2));
    },
    timeoutSeconds: 1,
  },
  { name: 'malformed JSON', respond: ({ res }) => text(res, 200, 'application/json', '{"deployment": [{"id": "x",}') },
  {
    name: 'truncated JSON',
    respond: ({ real, res }) => {
      const body = JSON.stringify(real);
      text(res, 200, 'application/json', body.slice(0, Math.floor(body.length / 2)));
    },
  },
  { name: 'HTML 200', respond: ({ res }) => text(res, 200, 'text/html', LOGIN_PAGE_HTML) },
  { name: 'empty body', respond: ({ res }) => text(res, 200, 'application/json', '') },
  { name: 'null', respond: ({ res }) => text(res, 200, 'application/json', 'null') },
  { name: '50 MB body', respond: sendHuge, heavy: true, prepare: prepareHuge },
  { name: 'JSON array', respond: ({ res }) => sendJson(res, 200, []) },
  { name: 'wrong types', respond: ({ endpoint, res }) => sendJson(res, 200, WRONG_TYPES[endpoint]) },
  { name: 'grpc on 200 (5)', respond: status(200, grpc(5, 'deployment target not found')) },
  { name: 'grpc on 200 ("PERMISSION_DENIED")', respond: status(200, grpc('PERMISSION_DENIED', 'no access')) },
  { name: 'non-finite doubles', respond: ({ endpoint, res }) => sendJson(res, 200, NON_FINITE[endpoint]) },
  { name: 'implausible values', respond: ({ endpoint, res }) => sendJson(res, 200, IMPLAUSIBLE[endpoint]) },
  { name: 'endless pages', respond: endless, pagedOnly: true },
  { name: 'looping page tokens', respond: looping, pagedOnly: true },
];
