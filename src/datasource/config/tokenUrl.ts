import { TokenUrlMode, type MlopsDataSourceOptions } from '../types';

/** Path of Keycloak's OIDC token endpoint below a realm. */
const TOKEN_PATH = '/protocol/openid-connect/token';
/** Keycloak before 17 (WildFly) serves everything under this prefix. */
const LEGACY_AUTH_PATH = '/auth';

/** Whether the URL's path (not its host) ends with `/auth`. */
function pathEndsWithAuth(url: string): boolean {
  const path = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '');
  return path.toLowerCase().endsWith(LEGACY_AUTH_PATH);
}

/** Trims whitespace and trailing slashes: `https://kc.example.com/ ` → `https://kc.example.com`. */
export function tidyUrl(value: string | undefined): string {
  return (value ?? '').trim().replace(/\/+$/, '');
}

/**
 * The token endpoint of a Keycloak realm:
 * `<base>[/auth]/realms/<realm>/protocol/openid-connect/token`.
 *
 * `legacyAuthPath` adds the `/auth` prefix of Keycloak < 17 unless the base URL already ends
 * with it. Returns '' while the base URL or realm is empty, so callers can always store the
 * result (a stored '' renders as '' in the proxy route, a missing key as `<no value>`).
 */
export function composeKeycloakTokenUrl(baseUrl: string, realm: string, legacyAuthPath: boolean): string {
  let base = tidyUrl(baseUrl);
  const realmName = realm.trim();
  if (!base || !realmName) {
    return '';
  }
  if (legacyAuthPath && !pathEndsWithAuth(base)) {
    base += LEGACY_AUTH_PATH;
  }
  return `${base}/realms/${encodeURIComponent(realmName)}${TOKEN_PATH}`;
}

interface KeycloakTokenUrlParts {
  baseUrl: string;
  realm: string;
  legacyAuthPath: boolean;
}

/**
 * The inverse of {@link composeKeycloakTokenUrl}, used to prefill the Keycloak fields when a
 * user switches from a full token URL. Returns undefined for URLs of any other shape.
 */
export function splitKeycloakTokenUrl(tokenUrl: string | undefined): KeycloakTokenUrlParts | undefined {
  const match = /^(https?:\/\/[^?#]+?)\/realms\/([^/?#]+)\/protocol\/openid-connect\/token\/?$/i.exec(
    (tokenUrl ?? '').trim()
  );
  if (!match) {
    return undefined;
  }
  const [, rawBase, rawRealm] = match;
  let realm: string;
  try {
    realm = decodeURIComponent(rawRealm);
  } catch {
    return undefined;
  }
  const legacyAuthPath = pathEndsWithAuth(rawBase);
  const baseUrl = legacyAuthPath ? rawBase.slice(0, -LEGACY_AUTH_PATH.length) : rawBase;
  return { baseUrl, realm, legacyAuthPath };
}

/** The token URL the proxy routes use: composed in Keycloak mode, as entered otherwise. */
export function effectiveTokenUrl(jsonData: MlopsDataSourceOptions): string {
  if (jsonData.tokenUrlMode === TokenUrlMode.Keycloak) {
    return composeKeycloakTokenUrl(
      jsonData.keycloakUrl ?? '',
      jsonData.keycloakRealm ?? '',
      jsonData.keycloakLegacyAuthPath ?? false
    );
  }
  return (jsonData.tokenUrl ?? '').trim();
}
