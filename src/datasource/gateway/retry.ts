import { grpcCode, httpStatusOfGrpcCode } from './grpcStatus';

/**
 * When a failed GET is sent again. Only 429 and 503 (also as a grpc-gateway body with
 * RESOURCE_EXHAUSTED / UNAVAILABLE) are retried — every other 4xx would fail the same way again —
 * and only within the call's deadline.
 *
 * Grafana's backendSrv drops response headers from the error it throws for a non-2xx answer
 * (FetchError is `{status, statusText, data, config}`), so in a browser `Retry-After` is usually
 * not visible; it is honoured whenever the error carries `headers`, and grpc-gateway's
 * `google.rpc.RetryInfo` detail (`retryDelay: "1.5s"`) is read from the body. Without either, a
 * short default backoff is used.
 */

/** Retries after the first attempt. */
export const MAX_RETRIES = 2;
/** A server asking to wait longer than this is not retried (its error is shown instead). */
export const MAX_RETRY_WAIT_MS = 10_000;
/** The wait before retry n (1-based) when the server gives no hint: 1 s, then 2 s. */
export const DEFAULT_RETRY_WAIT_MS = 1_000;

const RETRYABLE_STATUS: ReadonlySet<number | undefined> = new Set([429, 503]);

interface FailureLike {
  status?: number;
  data?: unknown;
  headers?: unknown;
}

/** Seconds (`"120"`) or an HTTP date; the wait in ms from `now`, or undefined when unusable. */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (!value) {
    return undefined;
  }
  const text = value.trim();
  if (/^\d+$/.test(text)) {
    return Number(text) * 1000;
  }
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function headerOf(headers: unknown, name: string): string | undefined {
  if (typeof headers !== 'object' || headers === null) {
    return undefined;
  }
  if ('get' in headers && typeof headers.get === 'function') {
    const value: unknown = headers.get(name);
    return typeof value === 'string' ? value : undefined;
  }
  const entry = Object.entries(headers).find(([key]) => key.toLowerCase() === name);
  return typeof entry?.[1] === 'string' ? entry[1] : undefined;
}

/** google.rpc.RetryInfo's retryDelay (a protobuf Duration in JSON: "1.5s"), in ms. */
function retryInfoDelay(data: unknown): number | undefined {
  const details = typeof data === 'object' && data !== null ? (data as { details?: unknown }).details : undefined;
  if (!Array.isArray(details)) {
    return undefined;
  }
  for (const detail of details) {
    const delay =
      typeof detail === 'object' && detail !== null ? (detail as { retryDelay?: unknown }).retryDelay : undefined;
    const match = typeof delay === 'string' ? /^(\d+(?:\.\d+)?)s$/.exec(delay.trim()) : null;
    if (match) {
      return Math.round(Number(match[1]) * 1000);
    }
  }
  return undefined;
}

/** The HTTP status a failure stands for; a grpc-gateway body's code counts for a 200. */
function statusOf(failure: FailureLike): number | undefined {
  if (failure.status !== undefined && failure.status !== 200) {
    return failure.status;
  }
  const code = grpcCode((failure.data as { code?: unknown } | undefined)?.code);
  // Stryker disable next-line ConditionalExpression: without a code the status is 200/undefined, mapped 500 — none is retried
  return code === undefined ? failure.status : httpStatusOfGrpcCode(code);
}

/**
 * How long to wait before retry `attempt` (1-based) of a GET that failed with `error`, or
 * undefined when it must not be retried: not 429/503, the server's wait above MAX_RETRY_WAIT_MS,
 * or the wait would end after `remainingMs` (the call's deadline).
 */
export function retryDelayMs(error: unknown, attempt: number, now: number, remainingMs: number): number | undefined {
  if (typeof error !== 'object' || error === null) {
    return undefined;
  }
  const failure = error as FailureLike;
  const status = statusOf(failure);
  if (!RETRYABLE_STATUS.has(status)) {
    return undefined;
  }
  const asked = parseRetryAfter(headerOf(failure.headers, 'retry-after'), now) ?? retryInfoDelay(failure.data);
  const wait = asked ?? DEFAULT_RETRY_WAIT_MS * attempt;
  if (wait > MAX_RETRY_WAIT_MS || wait >= remainingMs) {
    return undefined;
  }
  return wait;
}
