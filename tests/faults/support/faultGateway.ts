import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { DRIFT, HEALTH, OPERATIONAL, TARGET, deployment, deploymentList, modelList } from './gatewayData';

/**
 * A model-monitoring gateway that breaks on request. Every matrix cell talks to it under its own
 * path prefix (`/cell/<id>/model-monitoring/…`, the cell's data source's proxy URL rewritten), and
 * the cell's fault applies only to the cell's faulted endpoint — for the deployment `target`, or the
 * deployment list — so sibling targets of the same request, and other cells running at the same
 * time, get the real answer.
 */

/** The six endpoint families of the legacy gateway contract. */
export type Endpoint = 'list' | 'get' | 'models' | 'health' | 'operational' | 'drift';

/** One request as the fault sees it. */
export interface FaultRequest {
  endpoint: Endpoint;
  /** The body the gateway would have sent. */
  real: Record<string, unknown>;
  pageToken: string;
  /** How many requests of this cell the fault has seen before, this one not counted. */
  seen: number;
  res: ServerResponse;
}

/** A way of breaking: writes the answer itself, or returns 'real' to let the real answer through. */
export type FaultResponder = (request: FaultRequest) => 'real' | void;

interface Cell {
  endpoint: Endpoint;
  respond: FaultResponder;
  faulted: number;
  requests: number;
}

export interface FaultGateway {
  url: string;
  /** Registers a cell: requests under `/cell/<id>/` to `endpoint` (for `target`) get `respond`. */
  addCell(id: string, endpoint: Endpoint, respond: FaultResponder): void;
  /** Requests the cell made, and how many of them the fault handled. */
  counts(id: string): { requests: number; faulted: number };
  close(): Promise<void>;
}

const PATH =
  /^\/cell\/([^/]+)\/model-monitoring\/v1\/deployment(?:\/([^/]+)(?:\/(models|metrics\/[^/]+\/(health|operational|drift)))?)?$/;

interface Route {
  cell: string;
  endpoint: Endpoint;
  deploymentId: string;
}

function route(pathname: string): Route | undefined {
  const match = PATH.exec(pathname);
  if (!match) {
    return undefined;
  }
  const [, cell, rawId, sub, metrics] = match;
  const deploymentId = rawId === undefined ? '' : decodeURIComponent(rawId);
  const endpoint: Endpoint =
    rawId === undefined ? 'list' : sub === undefined ? 'get' : sub === 'models' ? 'models' : (metrics as Endpoint);
  return { cell, endpoint, deploymentId };
}

/** What the gateway answers when nothing is wrong. */
export function realBody(endpoint: Endpoint, deploymentId: string): Record<string, unknown> {
  switch (endpoint) {
    case 'list':
      return deploymentList();
    case 'get':
      return { deployment: deployment(deploymentId) };
    case 'models':
      return modelList(deploymentId);
    case 'health':
      return HEALTH;
    case 'operational':
      return OPERATIONAL;
    case 'drift':
      return DRIFT;
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

/** Starts the gateway on a free local port. */
export async function startFaultGateway(): Promise<FaultGateway> {
  const cells = new Map<string, Cell>();
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://gateway');
    const target = route(url.pathname);
    const cell = target && cells.get(target.cell);
    if (!target || !cell) {
      sendJson(res, 404, { code: 5, message: `no such route ${url.pathname}`, details: [] });
      return;
    }
    cell.requests++;
    const real = realBody(target.endpoint, target.deploymentId);
    const hit = target.endpoint === cell.endpoint && (target.endpoint === 'list' || target.deploymentId === TARGET);
    if (hit) {
      const seen = cell.faulted++;
      const pageToken = url.searchParams.get('pageToken') ?? '';
      if (cell.respond({ endpoint: target.endpoint, real, pageToken, seen, res }) !== 'real') {
        return;
      }
    }
    sendJson(res, 200, real);
  };
  const server: Server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    addCell(id, endpoint, respond) {
      cells.set(id, { endpoint, respond, faulted: 0, requests: 0 });
    },
    counts(id) {
      const cell = cells.get(id);
      return { requests: cell?.requests ?? 0, faulted: cell?.faulted ?? 0 };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
