import { ResponseShapeError } from '../parse/scalars';
import { grpcCode, grpcErrorOf, httpStatusOfGrpcCode } from './grpcStatus';
import { FailureCause, hintFor, type GatewayCall } from './messages';
import { redactSecrets } from './redact';

export { FailureCause, type GatewayCall } from './messages';

/**
 * Classification of everything that can go wrong between the browser and the gateway, each with
 * the message a Grafana user needs: what failed, why, and what to check (see messages.ts).
 */

/** A failed gateway call, carrying the endpoint it concerned and an actionable message. */
export class GatewayError extends Error {
  readonly hint: string;
  readonly endpoint: string;
  /** What went wrong, with upstream text quoted — already redacted (tokens, JWTs, known secrets). */
  readonly detail: string;

  constructor(
    readonly failure: FailureCause,
    call: string | GatewayCall,
    detail: string,
    readonly status?: number,
    knownSecrets: readonly string[] = []
  ) {
    const described = typeof call === 'string' ? { endpoint: call } : call;
    const clean = withoutRepeatedPrefixes(redactSecrets(detail, knownSecrets));
    const hint = hintFor(failure, described);
    super(`${described.endpoint}: ${clean}. ${hint}`);
    this.name = 'GatewayError';
    this.endpoint = described.endpoint;
    this.detail = clean;
    this.hint = hint;
  }
}

/** "deployment: deployment: bad id" → "deployment: bad id" (nested parsers each add their context). */
export function withoutRepeatedPrefixes(text: string): string {
  return text.replace(/(^|[\s(])([^\s:()"]+: )(?:\2)+/g, '$1$2');
}

/** What Grafana's backendSrv throws for a non-2xx answer (FetchError) — only the parts we read. */
interface FetchFailure {
  status?: number;
  statusText?: string;
  data?: unknown;
  cancelled?: boolean;
}

function isFetchFailure(error: unknown): error is FetchFailure {
  return typeof error === 'object' && error !== null && ('status' in error || 'data' in error);
}

/** A grpc-gateway error body that arrived with HTTP 200 (thrown by GatewayClient before parsing). */
export class ErrorBodyOn200 {
  constructor(readonly data: unknown) {}
}

/** The body's gRPC code and message; an empty message when it has none. */
function gatewayMessage(data: unknown): { code?: number; message: string } {
  if (typeof data !== 'object' || data === null) {
    // Stryker disable next-line ObjectLiteral: callers only test the message's truth and match a regex, where a missing one reads as ''
    return { message: '' };
  }
  const record = data as Record<string, unknown>;
  return {
    code: grpcCode(record.code),
    message: typeof record.message === 'string' ? record.message : '',
  };
}

function isHtml(data: unknown): boolean {
  return typeof data === 'string' && /^\s*</.test(data);
}

/**
 * Upstream text as quoted in a message: secrets redacted first (a token cut in half by truncation
 * would no longer look like one), then truncated so a huge HTML page never floods the error box.
 */
function short(text: string, max: number, knownSecrets: readonly string[]): string {
  const oneLine = redactSecrets(text, knownSecrets).replace(/\s+/g, ' ').trim();
  return oneLine.length > max ? `${oneLine.slice(0, max)}…` : oneLine;
}

/**
 * An upstream message as quoted: an HTML error page (a proxy's 502, a login page) by its title —
 * its markup would only fill the error box — anything else verbatim in quotes.
 */
function quoteUpstream(message: string, quote: (text: string) => string): string {
  if (!isHtml(message)) {
    return `"${quote(message)}"`;
  }
  const title = /<title[^>]*>([^<]*)<\/title>/i.exec(message)?.[1].trim();
  return title ? `HTML page "${quote(title)}"` : 'HTML page';
}

/** fetch() rejects with a TypeError when the connection fails (browser and Node wordings). */
const NETWORK_FAILURE =
  /failed to fetch|networkerror|network request failed|load failed|fetch failed|ECONNREFUSED|ECONNRESET|ENOTFOUND|socket hang up/i;

function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

/**
 * Maps anything thrown while calling the gateway to a GatewayError. `call` names the call (e.g.
 * "GET /v1/deployment/{id}/metrics/{model}/health") for the message; `knownSecrets` are redacted
 * from quoted upstream text besides bearer tokens and JWT-shaped strings.
 */
export function classifyFailure(
  error: unknown,
  call: string | GatewayCall,
  knownSecrets: readonly string[] = []
): GatewayError {
  const make = (cause: FailureCause, detail: string, status?: number) =>
    new GatewayError(cause, call, detail, status, knownSecrets);
  const quote = (text: string, max = 160) => short(text, max, knownSecrets);
  if (error instanceof GatewayError) {
    return error;
  }
  if (error instanceof ResponseShapeError) {
    const cause = /HTML page/.test(error.message) ? FailureCause.WrongBasePath : FailureCause.Malformed;
    return make(cause, `malformed response (${quote(error.message, 300)})`);
  }
  if (error instanceof ErrorBodyOn200) {
    const { code, message } = gatewayMessage(error.data);
    return classifyStatus(
      { status: httpStatusOfGrpcCode(code ?? 2), data: error.data },
      `HTTP 200 with gateway error code ${code}${message ? ` "${quote(message)}"` : ''}`,
      make
    );
  }
  if (isAbort(error)) {
    return make(FailureCause.Cancelled, 'cancelled');
  }
  if (isFetchFailure(error)) {
    const { message } = gatewayMessage(error.data);
    const upstream = message
      ? ` ${quoteUpstream(message, quote)}`
      : error.statusText
        ? ` ${quote(error.statusText)}`
        : '';
    if (error.cancelled || error.status === -1) {
      return make(FailureCause.Cancelled, 'cancelled', error.status);
    }
    return classifyStatus(error, `HTTP ${error.status ?? 0}${upstream}`, make);
  }
  const text = error instanceof Error ? error.message : String(error);
  if (error instanceof TypeError && NETWORK_FAILURE.test(text)) {
    return make(FailureCause.Unreachable, `gateway unreachable (network error: ${quote(text)})`, 0);
  }
  return make(FailureCause.Malformed, `unexpected failure (${quote(text)})`);
}

type Make = (cause: FailureCause, detail: string, status?: number) => GatewayError;

/** Classifies by HTTP status and the gRPC code of a grpc-gateway body. */
function classifyStatus(error: FetchFailure, detail: string, make: Make): GatewayError {
  const status = error.status ?? 0;
  const { code, message } = gatewayMessage(error.data);
  if (status === 0 || status === 502) {
    return make(FailureCause.Unreachable, `gateway unreachable (${detail})`, status);
  }
  if (status === 504) {
    return make(FailureCause.Timeout, `gateway timed out (${detail})`, status);
  }
  // Grafana's proxy rewrites an upstream 401 to 400 "Authentication to data source failed".
  if (status === 401 || code === 16 || (status === 400 && /authentication to data source failed/i.test(message))) {
    return make(FailureCause.Authentication, `authentication failed (${detail})`, status);
  }
  if (status === 403) {
    return make(FailureCause.Forbidden, `forbidden (${detail})`, status);
  }
  if (status === 404) {
    // A grpc-gateway NOT_FOUND body means the API answered; anything else is a wrong path.
    return code === 5
      ? make(FailureCause.NotFound, `not found (${detail})`, status)
      : make(
          FailureCause.WrongBasePath,
          `no model-monitoring API at this URL (${isHtml(error.data) ? 'HTTP 404 HTML page' : detail})`,
          status
        );
  }
  if (status === 429) {
    return make(FailureCause.RateLimited, `rate limited (${detail})`, status);
  }
  if (status === 503) {
    return make(FailureCause.Unavailable, `unavailable (${detail})`, status);
  }
  if (status === 499) {
    return make(FailureCause.Cancelled, `cancelled by the gateway (${detail})`, status);
  }
  if (status >= 500) {
    return make(FailureCause.ServerError, `gateway error (${detail})`, status);
  }
  return make(FailureCause.BadRequest, `request rejected (${detail})`, status);
}

export { grpcErrorOf };
