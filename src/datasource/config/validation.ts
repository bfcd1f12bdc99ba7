import { ApiGeneration, AuthMode, TokenUrlMode, type MlopsDataSourceOptions } from '../types';
import type { ConfigField } from './fields';
import { effectiveTokenUrl } from './tokenUrl';

export type ConfigErrors = Partial<Record<ConfigField, string>>;

/** Whether each secret is stored already or being entered now (values are never inspected). */
export interface SecretPresence {
  clientSecret: boolean;
  refreshToken: boolean;
}

export interface SecondsBounds {
  min: number;
  max: number;
}

/** A gateway call that takes longer than 5 minutes is broken; 1 s is the smallest useful timeout. */
export const REQUEST_TIMEOUT_BOUNDS: SecondsBounds = { min: 1, max: 300 };
/** 0 disables the response cache; more than an hour would hide fresh monitoring data. */
export const CACHE_TTL_BOUNDS: SecondsBounds = { min: 0, max: 3600 };

const MODEL_MONITORING_SUFFIX = /\/model-monitoring(\/v1)?\/*$/i;

/** True for absolute `http:` / `https:` URLs with a host. */
export function isAbsoluteHttpUrl(value: string | undefined): boolean {
  const text = (value ?? '').trim();
  if (!text || /\s/.test(text)) {
    return false;
  }
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

function urlError(value: string | undefined, what: string, example: string): string | undefined {
  if (!(value ?? '').trim()) {
    return `Enter the ${what}.`;
  }
  if (!isAbsoluteHttpUrl(value)) {
    return `Enter an absolute http(s) URL, e.g. ${example}.`;
  }
  return undefined;
}

/** Message for a seconds setting, or undefined when it is valid (unset means "use the default"). */
export function secondsError(value: number | undefined, bounds: SecondsBounds): string | undefined {
  if (value === undefined) {
    return undefined;
  }
  if (!Number.isInteger(value) || value < bounds.min || value > bounds.max) {
    return `Enter a whole number of seconds from ${bounds.min} to ${bounds.max}.`;
  }
  return undefined;
}

/**
 * Validates the settings; returns a message per invalid field (empty object when all is well).
 * Secrets are checked for presence only, and only when `secrets` is given.
 */
export function validateOptions(jsonData: MlopsDataSourceOptions, secrets?: SecretPresence): ConfigErrors {
  const errors: ConfigErrors = {};

  const gatewayError = urlError(jsonData.gatewayUrl, 'gateway URL', 'https://api.mlops.example.com');
  if (jsonData.apiGeneration === ApiGeneration.Mlops1x) {
    // MLOps 1.x data sources have no gateway URL; config/apiGeneration.ts checks their URLs.
  } else if (gatewayError) {
    errors.gatewayUrl = gatewayError;
  } else {
    const gateway = (jsonData.gatewayUrl ?? '').trim();
    if (MODEL_MONITORING_SUFFIX.test(gateway)) {
      errors.gatewayUrl = 'Leave out /model-monitoring: the data source appends it to the gateway URL.';
    } else if (/[?#]/.test(gateway)) {
      errors.gatewayUrl = 'The gateway URL must not contain a query string or fragment.';
    }
  }

  if (jsonData.tokenUrlMode === TokenUrlMode.Keycloak) {
    const keycloakError = urlError(jsonData.keycloakUrl, 'Keycloak URL', 'https://keycloak.example.com');
    if (keycloakError) {
      errors.keycloakUrl = keycloakError;
    }
    if (!(jsonData.keycloakRealm ?? '').trim()) {
      errors.keycloakRealm = 'Enter the Keycloak realm.';
    }
  } else {
    const tokenError = urlError(
      effectiveTokenUrl(jsonData),
      'token URL',
      'https://keycloak.example.com/realms/mlops/protocol/openid-connect/token'
    );
    if (tokenError) {
      errors.tokenUrl = tokenError;
    }
  }

  if (!(jsonData.clientId ?? '').trim()) {
    errors.clientId = 'Enter the OIDC client id.';
  }

  if (secrets) {
    const authMode = jsonData.authMode ?? AuthMode.RefreshToken;
    if (authMode === AuthMode.ClientCredentials && !secrets.clientSecret) {
      errors.clientSecret = 'The client credentials grant needs the client secret.';
    }
    if (authMode === AuthMode.RefreshToken && !secrets.refreshToken) {
      errors.refreshToken = 'Enter a refresh token (preferably an offline token).';
    }
  }

  const timeoutError = secondsError(jsonData.requestTimeoutSeconds, REQUEST_TIMEOUT_BOUNDS);
  if (timeoutError) {
    errors.requestTimeoutSeconds = timeoutError;
  }
  const ttlError = secondsError(jsonData.cacheTtlSeconds, CACHE_TTL_BOUNDS);
  if (ttlError) {
    errors.cacheTtlSeconds = ttlError;
  }

  return errors;
}
