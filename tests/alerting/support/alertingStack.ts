/**
 * The alerting tests' world: Infinity's real backend (the Go harness) with one instance per
 * provisioned Infinity data source — built from provisioning/datasources/infinity.yaml with the
 * stack's environment, as Grafana hands them to the plugin — the simulator validating the real
 * Keycloak's tokens, and direct gateway reads for the expected values.
 */
import path from 'node:path';

import { ensureInfinityHarness } from '../../../scripts/setup/infinity';
import type { IncidentInput } from '../../../simulator/incidents';
import { provisionedDataSources, type ProvisionedDataSource } from '../../stack/support/grafanaLike';
import { accessToken } from '../../stack/support/oidc';
import { repoRoot, stackInfo, type StackInfo } from '../../stack/support/stackInfo';
import { startInfinityHarness, type InfinityHarness, type InfinityInstanceSettings } from './infinityHarness';

export const INFINITY_YAML = path.join(repoRoot, 'provisioning', 'datasources', 'infinity.yaml');

/** The provisioned Infinity data sources with the stack's environment (and any overrides) expanded. */
export function infinityDataSources(info: StackInfo, overrides: Record<string, string> = {}): ProvisionedDataSource[] {
  return provisionedDataSources({ ...info.provisioningEnv, ...overrides }, INFINITY_YAML);
}

/** What Grafana's plugin host passes to the plugin for a provisioned data source. */
export function instanceSettings(ds: ProvisionedDataSource): InfinityInstanceSettings {
  return { uid: ds.uid, name: ds.name, url: ds.url, jsonData: ds.jsonData, decryptedSecureJsonData: ds.secureJsonData };
}

export interface AlertingStack {
  info: StackInfo;
  harness: InfinityHarness;
  /** Instance names, by data-source uid, for the provisioned data sources. */
  uids: string[];
  close(): Promise<void>;
}

/** Starts the harness with an instance per provisioned Infinity data source (named by its uid). */
export async function startAlertingStack(): Promise<AlertingStack> {
  const info = stackInfo();
  const harness = await startInfinityHarness(await ensureInfinityHarness());
  const sources = infinityDataSources(info);
  for (const ds of sources) {
    await harness.newInstance(ds.uid, instanceSettings(ds));
  }
  return { info, harness, uids: sources.map((s) => s.uid), close: () => harness.close() };
}

/** One alerting-client token per stack, reused for a minute (realm tokens live five). */
const gatewayTokens = new WeakMap<StackInfo, { token: Promise<string>; fetchedAt: number }>();
const GATEWAY_TOKEN_REUSE_MS = 60_000;

function alertingClientToken(info: StackInfo): Promise<string> {
  const cached = gatewayTokens.get(info);
  if (cached && Date.now() - cached.fetchedAt < GATEWAY_TOKEN_REUSE_MS) {
    return cached.token;
  }
  const token = accessToken(info.keycloak.tokenUrl, {
    grant_type: 'client_credentials',
    client_id: info.provisioningEnv.MLOPS_ALERTING_CLIENT_ID,
    client_secret: info.provisioningEnv.MLOPS_ALERTING_CLIENT_SECRET,
  });
  gatewayTokens.set(info, { token, fetchedAt: Date.now() });
  token.catch(() => gatewayTokens.delete(info));
  return token;
}

/** The gateway's own answer, as the alerting client sees it: the reference the rules are checked against. */
export async function gatewayJson<T>(info: StackInfo, pathAndQuery: string): Promise<T> {
  const token = await alertingClientToken(info);
  const res = await fetch(`${info.simulatorUrl}${pathAndQuery}`, { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) {
    throw new Error(`GET ${pathAndQuery}: ${res.status} ${await res.text()}`);
  }
  return (await res.json()) as T;
}

/** `startDateTime`/`endDateTime` for a window ending at `now`, as Infinity's macros render them. */
export function windowQuery(now: Date, seconds: number): string {
  const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
  const q = new URLSearchParams({
    startDateTime: iso(now.getTime() - seconds * 1000),
    endDateTime: iso(now.getTime()),
  });
  return q.toString();
}

async function admin(info: StackInfo, method: string, route: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${info.simulatorUrl}/__simulator/${route}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) {
    throw new Error(`${method} /__simulator/${route}: ${res.status} ${await res.text()}`);
  }
  return res.json();
}

/** The simulator's test controls used by the alerting tests. */
export const simulator = {
  addIncident: (info: StackInfo, incident: IncidentInput) => admin(info, 'POST', 'incidents', incident),
  clearIncidents: (info: StackInfo) => admin(info, 'DELETE', 'incidents'),
  reset: (info: StackInfo) => admin(info, 'POST', 'reset'),
  stats: (info: StackInfo) => admin(info, 'GET', 'stats') as Promise<{ distinctTokens: number; total: number }>,
};
