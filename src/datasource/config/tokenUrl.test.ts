import { TokenUrlMode } from '../types';
import { composeKeycloakTokenUrl, effectiveTokenUrl, splitKeycloakTokenUrl, tidyUrl } from './tokenUrl';

describe('composeKeycloakTokenUrl', () => {
  it('composes the token endpoint of a current Keycloak', () => {
    expect(composeKeycloakTokenUrl('https://kc.example.com', 'mlops', false)).toBe(
      'https://kc.example.com/realms/mlops/protocol/openid-connect/token'
    );
  });

  it('adds /auth for Keycloak < 17', () => {
    expect(composeKeycloakTokenUrl('https://kc.example.com', 'mlops', true)).toBe(
      'https://kc.example.com/auth/realms/mlops/protocol/openid-connect/token'
    );
  });

  it('does not double an /auth the base URL already has', () => {
    expect(composeKeycloakTokenUrl('https://kc.example.com/auth/', 'mlops', true)).toBe(
      'https://kc.example.com/auth/realms/mlops/protocol/openid-connect/token'
    );
  });

  it('treats a host named "auth" as a host, not as the /auth path', () => {
    expect(composeKeycloakTokenUrl('https://auth', 'r', true)).toBe(
      'https://auth/auth/realms/r/protocol/openid-connect/token'
    );
  });

  it('trims whitespace and trailing slashes and keeps a path prefix', () => {
    expect(composeKeycloakTokenUrl('  https://example.com/sso//  ', ' mlops ', false)).toBe(
      'https://example.com/sso/realms/mlops/protocol/openid-connect/token'
    );
  });

  it('encodes the realm', () => {
    expect(composeKeycloakTokenUrl('https://kc', 'my realm/x', false)).toBe(
      'https://kc/realms/my%20realm%2Fx/protocol/openid-connect/token'
    );
  });

  it('returns an empty string while base URL or realm is missing', () => {
    expect(composeKeycloakTokenUrl('', 'mlops', false)).toBe('');
    expect(composeKeycloakTokenUrl('https://kc', '  ', true)).toBe('');
  });
});

describe('splitKeycloakTokenUrl', () => {
  it('round-trips composed URLs', () => {
    for (const legacy of [false, true]) {
      const url = composeKeycloakTokenUrl('https://kc.example.com/base', 'my realm', legacy);
      expect(splitKeycloakTokenUrl(url)).toEqual({
        baseUrl: 'https://kc.example.com/base',
        realm: 'my realm',
        legacyAuthPath: legacy,
      });
    }
  });

  it('rejects other URLs', () => {
    expect(splitKeycloakTokenUrl('https://login.example.com/oauth2/token')).toBeUndefined();
    expect(splitKeycloakTokenUrl(undefined)).toBeUndefined();
    expect(splitKeycloakTokenUrl('https://kc/realms/%E0%A4%A/protocol/openid-connect/token')).toBeUndefined();
  });
});

describe('effectiveTokenUrl', () => {
  it('uses the entered URL in URL mode and composes in Keycloak mode', () => {
    expect(effectiveTokenUrl({ tokenUrlMode: TokenUrlMode.Url, tokenUrl: ' https://t/token ' })).toBe(
      'https://t/token'
    );
    expect(effectiveTokenUrl({})).toBe('');
    expect(
      effectiveTokenUrl({
        tokenUrlMode: TokenUrlMode.Keycloak,
        tokenUrl: 'https://stale',
        keycloakUrl: 'https://kc',
        keycloakRealm: 'r',
        keycloakLegacyAuthPath: true,
      })
    ).toBe('https://kc/auth/realms/r/protocol/openid-connect/token');
  });
});

describe('tidyUrl', () => {
  it('trims whitespace and trailing slashes', () => {
    expect(tidyUrl(' https://a.example.com/// ')).toBe('https://a.example.com');
    expect(tidyUrl(undefined)).toBe('');
  });
});
