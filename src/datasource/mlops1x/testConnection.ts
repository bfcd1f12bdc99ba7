import type { TestDataSourceResponse } from '@grafana/data';
import { lastValueFrom } from 'rxjs';

import { truncationText } from '../gateway/paging';
import { FailureCause, classifyFailure } from '../gateway/errors';
import { FAILURE_TITLES } from '../gateway/titles';
import type { MlopsDataSourceOptions } from '../types';
import type { Mlops1xClient } from './client';

/**
 * Save & test for the MLOps 1.x generation: reads the monitoring configuration (deployer, the
 * cheapest authenticated GET) and, when an authz URL is set, lists workspaces — each failure with
 * a message that names the 1.x setting to check (the legacy messages speak of the gateway URL).
 */

/** The Save & test message per cause for the 1.x services: what failed and what to check. */
export const MLOPS1X_MESSAGES: Partial<Record<FailureCause, string>> = {
  [FailureCause.Unreachable]:
    'MLOps API unreachable: check the MLOps API URL and that the Grafana server can connect to it (DNS, firewall, TLS).',
  [FailureCause.Timeout]: 'MLOps did not answer in time: raise the request timeout in the settings.',
  [FailureCause.Authentication]:
    'Authentication failed: check the token URL, client ID, client secret and refresh token (Grafana reports a refused token request this way too).',
  [FailureCause.Forbidden]:
    'Forbidden: the credentials work, but the user or service account needs read access to deployments and monitoring.',
  [FailureCause.NotFound]:
    'Not found: no MLOps deployer API at this URL. Set the MLOps API URL to the API gateway base URL (the data source appends /deployer and /monitoring).',
  [FailureCause.WrongBasePath]:
    'Wrong URL: it answered with a web page, not the MLOps API. Set the MLOps API URL to the API gateway, not the MLOps web UI.',
  [FailureCause.Malformed]:
    'The answer does not look like H2O MLOps 1.x. If this URL serves the legacy model-monitoring gateway, choose the legacy API generation.',
  [FailureCause.Unavailable]: 'MLOps is temporarily unavailable: try again shortly.',
  [FailureCause.ServerError]: "MLOps failed internally: try again; if it persists, check the deployer service's logs.",
  [FailureCause.RateLimited]: 'MLOps is rate-limiting requests: wait and try again.',
};

function missingSettings(options: MlopsDataSourceOptions): string[] {
  return [
    !options.mlopsApiUrl && 'MLOps API URL',
    !options.tokenUrl && 'token URL',
    !options.clientId && 'client ID',
  ].filter((x): x is string => Boolean(x));
}

function failureResponse(error: unknown, endpoint: string): TestDataSourceResponse {
  const failure = classifyFailure(error, endpoint);
  const message = MLOPS1X_MESSAGES[failure.failure] ?? `${FAILURE_TITLES[failure.failure]} ${failure.hint}`;
  return { status: 'error', message, details: { message: `${failure.endpoint}: ${failure.detail}` } };
}

export async function testMlops1xConnection(
  client: Mlops1xClient,
  options: MlopsDataSourceOptions
): Promise<TestDataSourceResponse> {
  const missing = missingSettings(options);
  if (missing.length > 0) {
    return { status: 'error', message: `Missing settings: ${missing.join(', ')}. Fill them in and save again.` };
  }
  let monitoringEnabled: boolean;
  try {
    monitoringEnabled = (await lastValueFrom(client.monitoringConfig())).enabled;
  } catch (error) {
    return failureResponse(error, 'GET deployer /v2/configuration/monitoring');
  }
  const connected = 'Connected to H2O MLOps';
  if (!options.authzUrl) {
    const note = 'No authz URL is set: workspaces are entered by ID.';
    return monitoringEnabled
      ? { status: 'success', message: `${connected}. ${note}` }
      : { status: 'warning', message: `${connected}, but monitoring is disabled on this installation. ${note}` };
  }
  try {
    const list = await lastValueFrom(client.listWorkspaces());
    const summary = `${connected}: ${list.items.length} workspace${list.items.length === 1 ? '' : 's'}`;
    const warnings = [
      !monitoringEnabled && 'monitoring is disabled on this installation',
      list.truncated && truncationText('workspaces', list.truncation),
    ].filter(Boolean);
    return warnings.length > 0
      ? { status: 'warning', message: `${summary}; ${warnings.join('; ')}.` }
      : { status: 'success', message: `${summary}.` };
  } catch (error) {
    const failure = classifyFailure(error, 'GET authz /v1/workspaces');
    return {
      status: 'warning',
      message: `${connected}, but workspaces could not be listed (${failure.failure}): check the authz URL, or clear it to enter workspaces by ID.`,
      details: { message: `${failure.endpoint}: ${failure.detail}` },
    };
  }
}
