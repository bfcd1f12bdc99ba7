import type { DataSourceSettings } from '@grafana/data';

import {
  AuthMode,
  OPTIONS_SCHEMA_VERSION,
  TokenUrlMode,
  type MlopsDataSourceOptions,
  type MlopsSecureJsonData,
} from '../types';
import { mlops1xKeys } from './apiGeneration';
import { effectiveTokenUrl } from './tokenUrl';
import type { SecretPresence } from './validation';

export type MlopsDataSourceSettings = DataSourceSettings<MlopsDataSourceOptions, MlopsSecureJsonData>;

export type SecretKey = keyof MlopsSecureJsonData & keyof SecretPresence;

/**
 * Settings as they are written on every change: current schema version, explicit modes, and
 * every key the proxy route templates read present as a string (a missing key would render as
 * `<no value>`), with `tokenUrl` composed in Keycloak mode. Never mutates its input.
 */
export function normalizeOptions(jsonData: MlopsDataSourceOptions | undefined): MlopsDataSourceOptions {
  const source: MlopsDataSourceOptions = jsonData ?? {};
  const normalized: MlopsDataSourceOptions = {
    ...source,
    schemaVersion: OPTIONS_SCHEMA_VERSION,
    authMode: source.authMode ?? AuthMode.RefreshToken,
    tokenUrlMode: source.tokenUrlMode ?? TokenUrlMode.Url,
    gatewayUrl: source.gatewayUrl ?? '',
    clientId: source.clientId ?? '',
    scope: source.scope ?? '',
    ...mlops1xKeys(source),
  };
  normalized.tokenUrl = effectiveTokenUrl(normalized);
  if (normalized.tokenUrlMode === TokenUrlMode.Keycloak) {
    normalized.keycloakLegacyAuthPath = source.keycloakLegacyAuthPath ?? false;
  }
  return normalized;
}

/** True when `normalizeOptions` would change a stored key (so the editor should write it back). */
export function needsNormalization(jsonData: MlopsDataSourceOptions | undefined): boolean {
  const current: Record<string, unknown> = { ...(jsonData ?? {}) };
  const normalized: Record<string, unknown> = { ...normalizeOptions(jsonData) };
  return Object.keys(normalized).some((key) => normalized[key] !== current[key]);
}

/** Whether a secret is stored (secureJsonFields) or typed in this session (secureJsonData). */
export function secretPresence(
  options: Pick<MlopsDataSourceSettings, 'secureJsonFields' | 'secureJsonData'>
): SecretPresence {
  const present = (key: SecretKey) =>
    Boolean(options.secureJsonFields?.[key]) || Boolean(options.secureJsonData?.[key]);
  return { clientSecret: present('clientSecret'), refreshToken: present('refreshToken') };
}

/** The settings with one secret cleared: on save Grafana replaces the stored value with an empty one. */
export function resetSecret(options: MlopsDataSourceSettings, key: SecretKey): MlopsDataSourceSettings {
  return {
    ...options,
    secureJsonFields: { ...options.secureJsonFields, [key]: false },
    secureJsonData: { ...options.secureJsonData, [key]: '' },
  };
}
