/**
 * What a Grafana user reads for each kind of failure: a hint saying what to check (Save & test's
 * one-line titles are in titles.ts, loaded only with Save & test). Grafana's proxy hides
 * token-endpoint failures (the token request's status is not checked; the upstream 401 is
 * rewritten to 400 "Authentication to data source failed"), so the authentication hint names
 * every setting that can cause it.
 */
export enum FailureCause {
  Unreachable = 'unreachable',
  Timeout = 'timeout',
  Authentication = 'authentication',
  Forbidden = 'forbidden',
  NotFound = 'notFound',
  WrongBasePath = 'wrongBasePath',
  BadRequest = 'badRequest',
  InvalidId = 'invalidId',
  RateLimited = 'rateLimited',
  Unavailable = 'unavailable',
  ServerError = 'serverError',
  Malformed = 'malformed',
  TooLarge = 'tooLarge',
  Cancelled = 'cancelled',
}

/** What the failed call was, so hints fit it (a time range to shorten, a list or one item). */
export interface GatewayCall {
  /** e.g. "GET /v1/deployment/{id}/metrics/{model}/health", shown first in every message. */
  endpoint: string;
  /** The call sends startDateTime/endDateTime. */
  ranged?: boolean;
  /** The call lists a collection (deployments) rather than reading one deployment or model. */
  list?: boolean;
}

const HINTS: Record<FailureCause, string> = {
  [FailureCause.Unreachable]:
    'Grafana could not reach the gateway. Check the gateway URL in the data source settings and that the Grafana server can connect to it (DNS, firewall, TLS).',
  [FailureCause.Timeout]: 'The gateway did not answer in time. Raise the request timeout in the data source settings.',
  [FailureCause.Authentication]:
    "Authentication failed. Check the token URL, client ID and client secret; in refresh-token mode the refresh token may have expired or been revoked (issue a new offline token). Grafana must trust the identity provider's TLS certificate.",
  [FailureCause.Forbidden]:
    "The gateway refused access. The service account or user behind the token needs permission to read model monitoring for this deployment (check its roles and the token's audience/scope).",
  [FailureCause.NotFound]:
    'The gateway does not know this deployment or model. Check the deployment and model IDs (or the template variable behind them).',
  [FailureCause.WrongBasePath]:
    'The URL does not lead to the model-monitoring API. Set the gateway URL to the gateway\'s base URL, without "/model-monitoring".',
  [FailureCause.BadRequest]: 'The gateway rejected the request parameters. Check the time range and the query fields.',
  [FailureCause.InvalidId]:
    'IDs may not be, or contain as a path segment, "." or ".." (even percent-encoded), nor contain control characters. Check the deployment and model IDs (or the template variable behind them).',
  [FailureCause.RateLimited]:
    'The gateway is rate-limiting requests. Wait and refresh, or raise the cache TTL in the data source settings to send fewer requests.',
  [FailureCause.Unavailable]: 'The gateway is temporarily unavailable. Try again shortly.',
  [FailureCause.ServerError]: "The gateway failed internally. Try again; if it persists, check the gateway's logs.",
  [FailureCause.Malformed]:
    "The gateway's answer does not match the model-monitoring API this data source supports. Check that the gateway URL points at an H2O MLOps gateway (model monitoring v1).",
  [FailureCause.TooLarge]: 'Narrow the query: a shorter time range, fewer deployments or models, or one feature.',
  [FailureCause.Cancelled]: 'The request was cancelled.',
};

const TIMEOUT_HINT_RANGED =
  'The gateway did not answer in time. Try a shorter time range, or raise the request timeout in the data source settings.';
const NOT_FOUND_HINT_LIST =
  'The gateway found no deployment list at this URL. Check that the gateway URL is the MLOps gateway\'s base URL (without "/model-monitoring") and that the account may list monitored deployments.';

/** The hint for `cause` as it applies to `call`. */
export function hintFor(cause: FailureCause, call: GatewayCall): string {
  if (cause === FailureCause.Timeout && call.ranged) {
    return TIMEOUT_HINT_RANGED;
  }
  if (cause === FailureCause.NotFound && call.list) {
    return NOT_FOUND_HINT_LIST;
  }
  return HINTS[cause];
}
