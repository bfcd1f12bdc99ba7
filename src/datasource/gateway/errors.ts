import { rawGatewayErrorSchema } from './rawTypes';
import { ResponseShapeError } from '../parse/scalars';

/**
 * Classification of everything that can go wrong between the browser and the gateway, each with
 * the message a Grafana user needs: what failed, why, and what to check. Grafana's proxy hides
 * token-endpoint failures (the token request's status is not checked; the upstream 401 is
 * rewritten to 400 "Authentication to data source failed"), so the hints name every setting
 * that can cause it.
 */
export enum FailureCause {
  Unreachable = 'unreachable',
  Timeout = 'timeout',
  Authentication = 'authentication',
  Forbidden = 'forbidden',
  NotFound = 'notFound',
  WrongBasePath = 'wrongBasePath',
  BadRequest = 'badRequest',
  RateLimited = 'rateLimited',
  Unavailable = 'unavailable',
  ServerError = 'serverError',
  Malformed = 'malformed',
  Cancelled = 'cancelled',
}

const HINTS: Record<FailureCause, string> = {
  [FailureCause.Unreachable]:
    'Grafana could not reach the gateway. Check the gateway URL in the data source settings and that the Grafana server can connect to it (DNS, firewall, TLS).',
  [FailureCause.Timeout]:
    'The gateway did not answer in time. Try a shorter time range, or raise the request timeout in the data source settings.',
  [FailureCause.Authentication]:
    "Authentication failed. Check the token URL, client ID and client secret; in refresh-token mode the refresh token may have expired or been revoked (issue a new offline token). Grafana must trust the identity provider's TLS certificate.",
  [FailureCause.Forbidden]:
    "The gateway refused access. The service account or user behind the token needs permission to read model monitoring for this deployment (check its roles and the token's audience/scope).",
  [FailureCause.NotFound]:
    'The gateway does not know this deployment or model. Check the deployment and model IDs (or the template variable behind them).',
  [FailureCause.WrongBasePath]:
    'The URL does not lead to the model-monitoring API. Set the gateway URL to the gateway\'s base URL, without "/model-monitoring".',
  [FailureCause.BadRequest]: 'The gateway rejected the request parameters. Check the time range and the query fields.',
  [FailureCause.RateLimited]:
    'The gateway is rate-limiting requests. Wait and refresh, or raise the cache TTL in the data source settings to send fewer requests.',
  [FailureCause.Unavailable]: 'The gateway is temporarily unavailable. Try again shortly.',
  [FailureCause.ServerError]: "The gateway failed internally. Try again; if it persists, check the gateway's logs.",
  [FailureCause.Malformed]:
    "The gateway's answer does not match the model-monitoring API this data source supports. Check that the gateway URL points at an H2O MLOps gateway (model monitoring v1).",
  [FailureCause.Cancelled]: 'The request was cancelled.',
};

/** One-line headline per cause, as Save & test shows it above the details. */
const TITLES: Record<FailureCause, string> = {
  [FailureCause.Unreachable]: 'Gateway unreachable: Grafana could not connect to the gateway URL.',
  [FailureCause.Timeout]: 'Gateway timed out.',
  [FailureCause.Authentication]: 'Authentication failed.',
  [FailureCause.Forbidden]: 'Forbidden: the credentials work but may not read model monitoring.',
  [FailureCause.NotFound]: 'Not found: the gateway answered 404 for this request.',
  [FailureCause.WrongBasePath]: 'Wrong base path: no model-monitoring API at the gateway URL.',
  [FailureCause.BadRequest]: 'The gateway rejected the request.',
  [FailureCause.RateLimited]: 'Rate limited by the gateway.',
  [FailureCause.Unavailable]: 'Gateway unavailable.',
  [FailureCause.ServerError]: 'The gateway failed internally.',
  [FailureCause.Malformed]: 'Malformed response: the gateway did not answer like an MLOps model-monitoring API.',
  [FailureCause.Cancelled]: 'The request was cancelled.',
};

/** A failed gateway call, carrying the endpoint it concerned and an actionable message. */
export class GatewayError extends Error {
  readonly hint: string;
  readonly title: string;

  constructor(
    readonly failure: FailureCause,
    readonly endpoint: string,
    readonly detail: string,
    readonly status?: number
  ) {
    super(`${endpoint}: ${detail}. ${HINTS[failure]}`);
    this.name = 'GatewayError';
    this.hint = HINTS[failure];
    this.title = TITLES[failure];
  }
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

function gatewayMessage(data: unknown): { code?: number; message?: string } {
  const parsed = rawGatewayErrorSchema.safeParse(data);
  if (!parsed.success) {
    return {};
  }
  return { code: parsed.data.code ?? undefined, message: parsed.data.message ?? undefined };
}

function isHtml(data: unknown): boolean {
  return typeof data === 'string' && /^\s*</.test(data);
}

/** Truncates text from upstream so a huge HTML page never floods the panel's error box. */
function short(text: string, max = 160): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > max ? `${oneLine.slice(0, max)}…` : oneLine;
}

/**
 * Maps anything thrown while calling the gateway to a GatewayError. `endpoint` names the call
 * (e.g. "GET /v1/deployment/{id}/metrics/{model}/health") for the message.
 */
export function classifyFailure(error: unknown, endpoint: string): GatewayError {
  if (error instanceof GatewayError) {
    return error;
  }
  if (error instanceof ResponseShapeError) {
    return new GatewayError(
      /HTML page/.test(error.message) ? FailureCause.WrongBasePath : FailureCause.Malformed,
      endpoint,
      `malformed response (${error.message})`
    );
  }
  if (isFetchFailure(error)) {
    const status = error.status ?? 0;
    const { code, message } = gatewayMessage(error.data);
    const upstream = message ? ` "${short(message)}"` : error.statusText ? ` ${error.statusText}` : '';
    const detail = `HTTP ${status}${upstream}`;
    if (error.cancelled || status === -1) {
      return new GatewayError(FailureCause.Cancelled, endpoint, 'cancelled', status);
    }
    if (status === 0 || status === 502) {
      return new GatewayError(FailureCause.Unreachable, endpoint, `gateway unreachable (${detail})`, status);
    }
    if (status === 504) {
      return new GatewayError(FailureCause.Timeout, endpoint, `gateway timed out (${detail})`, status);
    }
    // Grafana's proxy rewrites an upstream 401 to 400 "Authentication to data source failed".
    if (
      status === 401 ||
      code === 16 ||
      (status === 400 && /authentication to data source failed/i.test(message ?? ''))
    ) {
      return new GatewayError(FailureCause.Authentication, endpoint, `authentication failed (${detail})`, status);
    }
    if (status === 403) {
      return new GatewayError(FailureCause.Forbidden, endpoint, `forbidden (${detail})`, status);
    }
    if (status === 404) {
      // A grpc-gateway NOT_FOUND body means the API answered; anything else is a wrong path.
      return code === 5
        ? new GatewayError(FailureCause.NotFound, endpoint, `not found (${detail})`, status)
        : new GatewayError(
            FailureCause.WrongBasePath,
            endpoint,
            `no model-monitoring API at this URL (${isHtml(error.data) ? 'HTTP 404 HTML page' : detail})`,
            status
          );
    }
    if (status === 429) {
      return new GatewayError(FailureCause.RateLimited, endpoint, `rate limited (${detail})`, status);
    }
    if (status === 503) {
      return new GatewayError(FailureCause.Unavailable, endpoint, `unavailable (${detail})`, status);
    }
    if (status >= 500) {
      return new GatewayError(FailureCause.ServerError, endpoint, `gateway error (${detail})`, status);
    }
    if (status >= 400) {
      return new GatewayError(FailureCause.BadRequest, endpoint, `request rejected (${detail})`, status);
    }
  }
  const text = error instanceof Error ? error.message : String(error);
  return new GatewayError(FailureCause.Malformed, endpoint, `unexpected failure (${short(text)})`);
}
