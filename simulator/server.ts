import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleApi, BASE_PATH } from './api';
import { createAuthenticator, type AuthOptions } from './auth';
import { errorBody, Grpc, type GrpcCode, GrpcError, httpStatusFor } from './errors';
import { applyFault, FaultTable, faultRuleSchema, type ActiveFault, type FaultRule, type SimResponse } from './faults';
import { incidentSchema, toIncident, type Incident, type IncidentInput } from './incidents';
import { handleMlops1x, isMlops1xPath } from './mlops1x/routes';
import { describeNotification, NotificationSink, type ReceivedNotification } from './notifications';

/**
 * The simulator's HTTP server: the gateway's model-monitoring API and the H2O MLOps 1.x routes
 * (mlops1x/routes.ts: `/v1/…`, `/deployer/…`, `/monitoring/…`) behind bearer-token auth, a
 * `/healthz` probe, and test controls under `/__simulator/` (faults, stats, reset). The admin
 * endpoints need no token; the server binds loopback unless told otherwise.
 */

export interface SimulatorOptions extends AuthOptions {
  /** TCP port; 0 picks a free one (read it back from `url`). */
  port?: number;
  /** Interface to bind; 127.0.0.1 by default so the admin endpoints stay local. */
  host?: string;
  /** Seed of every generated number; same seed and request → same bytes. */
  seed?: number;
  /** Page size when a list request sends pageSize 0 or none (default 50). */
  defaultPageSize?: number;
  /** Clock in epoch ms, for the default time range only; injectable so tests can pin "now". */
  now?: () => number;
}

export interface SimulatorStats {
  /** All non-admin requests. */
  total: number;
  /** Responses with status 401. */
  unauthorized: number;
  /** Request counts keyed by `METHOD path?query`, exactly as received. */
  requests: Record<string, number>;
  /** Response counts keyed by HTTP status. */
  statuses: Record<string, number>;
  /**
   * How many different bearer tokens the API was called with (only a hash of each is kept), so
   * tests can check that a client reuses one access token for its lifetime.
   */
  distinctTokens: number;
}

export interface Simulator {
  server: http.Server;
  /** Base URL, e.g. `http://127.0.0.1:41234` (the API is under `${url}/model-monitoring`). */
  url: string;
  close(): Promise<void>;
  /** A snapshot of the request counters. */
  readonly stats: SimulatorStats;
  faults: {
    add(rule: FaultRule): string;
    clear(): number;
    list(): ActiveFault[];
  };
  incidents: {
    add(incident: IncidentInput): string;
    clear(): number;
    list(): Array<Incident & { id: string }>;
  };
  /** Notifications received by the webhook sink (oldest first). */
  notifications(): ReceivedNotification[];
  /** Clears faults, incidents, notifications and stats. */
  reset(): void;
}

const JSON_HEADERS = { 'content-type': 'application/json', 'cache-control': 'no-store' };
const ADMIN_PREFIX = '/__simulator/';
/** Grafana's webhook payloads carry every alert of a group, so allow more than a fault rule needs. */
const MAX_ADMIN_BODY = 1024 * 1024;

/** Starts a simulator and resolves once it listens. */
export async function createSimulator(options: SimulatorOptions): Promise<Simulator> {
  const authenticate = createAuthenticator(options);
  const apiOptions = {
    seed: options.seed ?? 42,
    defaultPageSize: options.defaultPageSize ?? 50,
    now: options.now ?? (() => Date.now()),
    incidents: () => [...incidents.values()],
  };
  if (!Number.isInteger(apiOptions.defaultPageSize) || apiOptions.defaultPageSize < 1) {
    throw new Error('defaultPageSize must be a positive integer');
  }
  if (!Number.isSafeInteger(apiOptions.seed)) {
    throw new Error('seed must be an integer');
  }
  const faults = new FaultTable();
  const incidents = new Map<string, Incident>();
  let nextIncident = 1;
  const notifications = new NotificationSink();
  let stats = emptyStats();
  let tokenHashes = new Set<string>();
  const addIncident = (input: IncidentInput): string => {
    const id = `incident-${nextIncident++}`;
    incidents.set(id, toIncident(incidentSchema.parse(input)));
    return id;
  };
  const listIncidents = () => [...incidents].map(([id, incident]) => ({ id, ...incident }));
  const resetAll = () => {
    faults.clear();
    incidents.clear();
    notifications.clear();
    stats = emptyStats();
    tokenHashes = new Set();
  };
  const timers = new Set<NodeJS.Timeout>();

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  /** The gateway itself: health probe, then auth, then the API. */
  async function serve(req: http.IncomingMessage, url: URL): Promise<SimResponse> {
    const method = req.method ?? 'GET';
    if (url.pathname === '/healthz') {
      return method === 'GET' ? json(200, { status: 'SERVING' }) : methodNotAllowed();
    }
    const mlops1x = isMlops1xPath(url.pathname);
    if (!mlops1x && url.pathname !== BASE_PATH && !url.pathname.startsWith(`${BASE_PATH}/`)) {
      return grpc(Grpc.NOT_FOUND, 'Not Found');
    }
    const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (bearer) {
      tokenHashes.add(createHash('sha256').update(bearer).digest('hex'));
      stats.distinctTokens = tokenHashes.size;
    }
    const auth = await authenticate(req.headers.authorization);
    if (!auth.ok) {
      const response = grpc(auth.code, auth.message);
      if (auth.code === Grpc.UNAUTHENTICATED) {
        response.headers['www-authenticate'] = 'Bearer error="invalid_token"';
      }
      return response;
    }
    try {
      if (mlops1x) {
        return json(200, handleMlops1x(method, url, apiOptions));
      }
      const result = handleApi(method, url, apiOptions);
      return json(result.status, result.body);
    } catch (e) {
      if (e instanceof GrpcError) {
        return e.code === Grpc.UNIMPLEMENTED ? methodNotAllowed() : grpc(e.code, e.message);
      }
      return grpc(Grpc.INTERNAL, 'internal error');
    }
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const target = req.url ?? '/';
    const url = new URL(target, 'http://simulator.invalid');
    if (url.pathname.startsWith(ADMIN_PREFIX)) {
      write(res, await admin(req, url));
      return;
    }
    req.resume(); // the API takes no request bodies
    const key = `${req.method ?? 'GET'} ${target}`;
    stats.total++;
    stats.requests[key] = (stats.requests[key] ?? 0) + 1;
    const fault = faults.take(target);
    if (fault?.latencyMs) {
      await sleep(fault.latencyMs);
    }
    const response = fault ? await applyFault(fault, () => serve(req, url)) : await serve(req, url);
    stats.statuses[response.status] = (stats.statuses[response.status] ?? 0) + 1;
    if (response.status === 401) {
      stats.unauthorized++;
    }
    write(res, response);
  }

  async function admin(req: http.IncomingMessage, url: URL): Promise<SimResponse> {
    const method = req.method ?? 'GET';
    const route = url.pathname.slice(ADMIN_PREFIX.length);
    if (method === 'POST' && (route === 'faults' || route === 'incidents' || route === 'notifications')) {
      const body = await readJsonBody(req);
      if (!body.ok) {
        return body.response;
      }
      if (route === 'notifications') {
        process.stdout.write(`${describeNotification(body.value)}\n`);
        notifications.add(body.value);
        return json(200, {});
      }
      const schema = route === 'faults' ? faultRuleSchema : incidentSchema;
      const parsed = schema.safeParse(body.value);
      if (!parsed.success) {
        return grpc(Grpc.INVALID_ARGUMENT, `invalid ${route.slice(0, -1)}: ${parsed.error.message}`);
      }
      const id = route === 'faults' ? faults.add(parsed.data as FaultRule) : addIncident(parsed.data as IncidentInput);
      return json(201, { id });
    }
    req.resume();
    if (route === 'incidents' && method === 'GET') {
      return json(200, { incidents: listIncidents() });
    }
    if (route === 'incidents' && method === 'DELETE') {
      const cleared = incidents.size;
      incidents.clear();
      return json(200, { cleared });
    }
    if (route === 'notifications' && method === 'GET') {
      return json(200, { notifications: notifications.list() });
    }
    if (route === 'faults' && method === 'DELETE') {
      return json(200, { cleared: faults.clear() });
    }
    if (route === 'faults' && method === 'GET') {
      return json(200, { faults: faults.list() });
    }
    if (route === 'stats' && method === 'GET') {
      return json(200, stats);
    }
    if (route === 'reset' && method === 'POST') {
      resetAll();
      return json(200, {});
    }
    if (['faults', 'incidents', 'notifications', 'stats', 'reset'].includes(route)) {
      return grpc(Grpc.UNIMPLEMENTED, 'Method Not Allowed');
    }
    return grpc(Grpc.NOT_FOUND, 'Not Found');
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) {
        write(res, grpc(Grpc.INTERNAL, 'internal error'));
      } else {
        res.destroy();
      }
    });
  });

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  return {
    server,
    url,
    get stats() {
      return JSON.parse(JSON.stringify(stats)) as SimulatorStats;
    },
    faults: {
      add: (rule) => faults.add(rule),
      clear: () => faults.clear(),
      list: () => faults.list(),
    },
    incidents: {
      add: addIncident,
      clear: () => {
        const n = incidents.size;
        incidents.clear();
        return n;
      },
      list: listIncidents,
    },
    notifications: () => notifications.list(),
    reset: resetAll,
    close() {
      for (const timer of timers) {
        clearTimeout(timer);
      }
      timers.clear();
      return new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}

function emptyStats(): SimulatorStats {
  return { total: 0, unauthorized: 0, requests: {}, statuses: {}, distinctTokens: 0 };
}

type JsonBody = { ok: true; value: unknown } | { ok: false; response: SimResponse };

/** Reads an admin request's JSON body; anything but application/json is refused. */
async function readJsonBody(req: http.IncomingMessage): Promise<JsonBody> {
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
    req.resume();
    // Also keeps browsers on other origins from posting without a CORS preflight.
    return { ok: false, response: grpc(Grpc.INVALID_ARGUMENT, 'send the body as application/json') };
  }
  try {
    return { ok: true, value: JSON.parse(await readBody(req)) as unknown };
  } catch (e) {
    const message = `invalid JSON body: ${e instanceof Error ? e.message : String(e)}`;
    return { ok: false, response: grpc(Grpc.INVALID_ARGUMENT, message) };
  }
}

function json(status: number, body: unknown): SimResponse {
  return { status, headers: { ...JSON_HEADERS }, body: JSON.stringify(body) };
}

function grpc(code: GrpcCode, message: string): SimResponse {
  return json(httpStatusFor(code), errorBody(code, message));
}

function methodNotAllowed(): SimResponse {
  const response = grpc(Grpc.UNIMPLEMENTED, 'Method Not Allowed');
  response.headers.allow = 'GET';
  return response;
}

function write(res: http.ServerResponse, response: SimResponse): void {
  if (res.destroyed) {
    return;
  }
  res.writeHead(response.status, { ...response.headers, 'content-length': Buffer.byteLength(response.body) });
  res.end(response.body);
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_ADMIN_BODY) {
        reject(new Error('body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
