import { FailureCause } from './messages';

/**
 * One-line headline per cause, as Save & test shows it above the details. Only Save & test shows
 * them, so they live apart from the hints every query may need: the editors' and the 1.x chunks
 * load them, and dashboards do not download them with module.js (#11's bundle budget).
 */
export const FAILURE_TITLES: Record<FailureCause, string> = {
  [FailureCause.Unreachable]: 'Gateway unreachable: Grafana could not connect to the gateway URL.',
  [FailureCause.Timeout]: 'Gateway timed out.',
  [FailureCause.Authentication]: 'Authentication failed.',
  [FailureCause.Forbidden]: 'Forbidden: the credentials work but may not read model monitoring.',
  [FailureCause.NotFound]: 'Not found: the gateway answered "not found" for this request.',
  [FailureCause.WrongBasePath]: 'Wrong base path: no model-monitoring API at the gateway URL.',
  [FailureCause.BadRequest]: 'The gateway rejected the request.',
  [FailureCause.InvalidId]: 'Invalid ID: not sent to the gateway.',
  [FailureCause.RateLimited]: 'Rate limited by the gateway.',
  [FailureCause.Unavailable]: 'Gateway unavailable.',
  [FailureCause.ServerError]: 'The gateway failed internally.',
  [FailureCause.Malformed]: 'Malformed response: the gateway did not answer like an MLOps model-monitoring API.',
  [FailureCause.TooLarge]: 'Answer too large.',
  [FailureCause.Cancelled]: 'The request was cancelled.',
};
