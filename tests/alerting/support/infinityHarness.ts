/**
 * Client for tests/alerting/infinity-harness: Grafana Labs' Infinity data source backend (3.11.1) run
 * in-process by a Go binary (built by scripts/setup/infinity.ts), spoken to over JSON lines. Queries
 * go through Infinity's real settings decoding, OAuth2 client, macros and parsers, shaped the way
 * Grafana's alert evaluator sends them; the frames come back decoded into @grafana/data DataFrames.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import readline from 'node:readline';

import { dataFrameFromJSON, type DataFrame, type DataFrameJSON } from '@grafana/data';

/** A data source as Grafana hands it to the plugin (provisioning's fields, secrets decrypted). */
export interface InfinityInstanceSettings {
  uid: string;
  name: string;
  id?: number;
  url?: string;
  basicAuth?: boolean;
  basicAuthUser?: string;
  jsonData?: Record<string, unknown>;
  decryptedSecureJsonData?: Record<string, string>;
  /** RFC 3339; defaults to the time the instance is created. */
  updated?: string;
}

/** One entry of an alert rule's `data` (provisioning / Grafana API shape), for an Infinity data source. */
export interface AlertQuery {
  refId: string;
  queryType?: string;
  /** Seconds before the evaluation time, as in alert rules: from > to. */
  relativeTimeRange: { from: number; to: number };
  /** Infinity's query model as stored in the rule. */
  model: Record<string, unknown>;
}

export interface AlertQueryOptions {
  /** Evaluation time; defaults to the harness's clock. */
  now?: Date;
}

/** One refId's result, as Grafana receives it from the plugin. */
export interface InfinityQueryResult {
  frames: DataFrame[];
  /** The frames as the plugin sent them (the SDK's JSON), for server-side consumers such as SQL expressions. */
  json: DataFrameJSON[];
  status?: number;
  error?: string;
  errorSource?: string;
}

export interface InfinityHealth {
  status: 'OK' | 'ERROR' | 'UNKNOWN';
  message: string;
  details?: Record<string, unknown>;
}

export interface InfinityHarness {
  /** Creates (or replaces) a named instance; it keeps its HTTP client and OAuth2 token across queries. */
  newInstance(name: string, settings: InfinityInstanceSettings): Promise<void>;
  /** Runs queries the way an alert rule evaluation does; rejects only if QueryData itself fails. */
  query(
    instance: string,
    queries: AlertQuery[],
    options?: AlertQueryOptions
  ): Promise<Record<string, InfinityQueryResult>>;
  checkHealth(instance: string): Promise<InfinityHealth>;
  dispose(instance: string): Promise<void>;
  /** Closes stdin and waits for the harness to exit (SIGKILL after 5 s). */
  close(): Promise<void>;
  /** The harness's recent stderr (Infinity's logs), for failure messages. */
  stderrTail(): string;
}

interface WireResponse {
  id: string;
  error?: string;
  ok?: boolean;
  response?: { results?: Record<string, WireDataResponse> };
  status?: InfinityHealth['status'];
  message?: string;
  details?: Record<string, unknown>;
}

interface WireDataResponse {
  frames?: DataFrameJSON[];
  status?: number;
  error?: string;
  errorSource?: string;
}

const STDERR_KEEP = 64 * 1024;

/** Starts the harness binary; resolves once it is running. */
export async function startInfinityHarness(binPath: string): Promise<InfinityHarness> {
  const child = spawn(binPath, [], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-STDERR_KEEP);
  });
  const tail = () => stderr.split('\n').slice(-20).join('\n');

  const pending = new Map<string, { resolve: (r: WireResponse) => void; reject: (e: Error) => void }>();
  let exitReason: string | undefined;
  const exited = new Promise<void>((resolve) => {
    const fail = (reason: string) => {
      exitReason ??= reason;
      for (const p of pending.values()) {
        p.reject(new Error(`infinity-harness ${exitReason}\n--- stderr ---\n${tail()}`));
      }
      pending.clear();
      resolve();
    };
    child.on('exit', (code, signal) => fail(signal ? `was killed by ${signal}` : `exited with code ${code}`));
    child.on('error', (err) => fail(`failed: ${err.message}`));
  });

  // A write after the harness died fails with EPIPE; the exit handler above already reports why.
  child.stdin.on('error', () => undefined);
  readline.createInterface({ input: child.stdout }).on('line', (line) => {
    let msg: WireResponse;
    try {
      msg = JSON.parse(line) as WireResponse;
    } catch {
      stderr = `${stderr}[not a protocol line on stdout] ${line}\n`.slice(-STDERR_KEEP);
      return;
    }
    const waiter = pending.get(msg.id);
    if (waiter) {
      pending.delete(msg.id);
      waiter.resolve(msg);
    }
  });

  let nextId = 0;
  const call = (op: string, body: Record<string, unknown>): Promise<WireResponse> => {
    if (exitReason) {
      return Promise.reject(new Error(`infinity-harness ${exitReason}\n--- stderr ---\n${tail()}`));
    }
    const id = String(++nextId);
    return new Promise<WireResponse>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      child.stdin.write(`${JSON.stringify({ id, op, ...body })}\n`);
    }).then((msg) => {
      if (msg.error !== undefined) {
        throw new Error(`infinity-harness ${op}: ${msg.error}`);
      }
      return msg;
    });
  };

  await new Promise<void>((resolve, reject) => {
    child.once('spawn', resolve);
    child.once('error', reject);
  });

  return {
    async newInstance(name, settings) {
      await call('newInstance', { instance: name, settings });
    },
    async query(instance, queries, options = {}) {
      const msg = await call('query', { instance, queries, now: options.now?.toISOString() });
      return decodeResults(msg.response?.results ?? {});
    },
    async checkHealth(instance) {
      const msg = await call('checkHealth', { instance });
      return { status: msg.status ?? 'UNKNOWN', message: msg.message ?? '', details: msg.details };
    },
    async dispose(instance) {
      await call('dispose', { instance });
    },
    close: () => closeChild(child, exited),
    stderrTail: tail,
  };
}

/** Grafana's frontend does the same per refId (toDataQueryResponse): frames from JSON, refId filled in. */
function decodeResults(results: Record<string, WireDataResponse>): Record<string, InfinityQueryResult> {
  const out: Record<string, InfinityQueryResult> = {};
  for (const [refId, r] of Object.entries(results)) {
    const frames = (r.frames ?? []).map((json) => {
      const frame = dataFrameFromJSON(json);
      frame.refId ??= refId;
      return frame;
    });
    out[refId] = { frames, json: r.frames ?? [], status: r.status, error: r.error, errorSource: r.errorSource };
  }
  return out;
}

async function closeChild(child: ChildProcessWithoutNullStreams, exited: Promise<void>): Promise<void> {
  child.stdin.end();
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}
