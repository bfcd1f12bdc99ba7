import type { TestDataSourceResponse } from '@grafana/data';
import { lastValueFrom } from 'rxjs';

import { FailureCause, classifyFailure } from './gateway/errors';
import type { GatewayClient } from './gateway/GatewayClient';
import { truncationText } from './gateway/paging';
import { FAILURE_TITLES } from './gateway/titles';
import type { MlopsDataSourceOptions } from './types';

/**
 * Save & test for the legacy gateway: lists deployments through the proxy with the configured
 * credentials and explains the first thing that is wrong. Loaded with the editors' chunk (only the
 * settings page runs it), so dashboards do not download it with module.js (#11). The data source
 * clears its cache after every test, of either generation.
 */
export async function testGatewayConnection(
  settings: MlopsDataSourceOptions,
  client: GatewayClient
): Promise<TestDataSourceResponse> {
  const missing = [
    !settings.gatewayUrl && 'gateway URL',
    !settings.tokenUrl && 'token URL',
    !settings.clientId && 'client ID',
  ].filter(Boolean);
  if (missing.length > 0) {
    return { status: 'error', message: `Missing settings: ${missing.join(', ')}. Fill them in and save again.` };
  }
  try {
    const list = await lastValueFrom(client.listDeployments());
    const total = list.totalDeployments ?? list.items.length;
    const connected = `Connected: ${total} monitored deployment${total === 1 ? '' : 's'}`;
    if (list.truncated) {
      // Connected, but pickers and variables will not offer every deployment: say so here too.
      const warning = truncationText('deployments', list.truncation);
      return { status: 'warning', message: `${connected}. ${warning}`, details: { message: warning } };
    }
    return { status: 'success', message: connected };
  } catch (error) {
    // Stryker disable next-line StringLiteral: equivalent — the client's errors already name their call (transport.ts), so this name is only a fallback
    const failure = classifyFailure(error, 'GET /v1/deployment (list deployments)');
    if (failure.failure === FailureCause.Authentication) {
      // Tell "gateway down" apart from "credentials wrong": the liveness route needs no token.
      const reachable = await lastValueFrom(client.healthz()).then(
        () => true,
        // Stryker disable next-line ArrowFunction: equivalent — undefined is as false as false here
        () => false
      );
      return {
        status: 'error',
        message: failure.hint,
        details: {
          message: reachable
            ? `The gateway itself is reachable (GET /healthz answered); the credentials are the problem. ${failure.detail}`
            : failure.detail,
        },
      };
    }
    return { status: 'error', message: FAILURE_TITLES[failure.failure], details: { message: failure.message } };
  }
}
