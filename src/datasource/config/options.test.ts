import { AuthMode, OPTIONS_SCHEMA_VERSION, TokenUrlMode, type MlopsDataSourceOptions } from '../types';
import {
  needsNormalization,
  normalizeOptions,
  resetSecret,
  secretPresence,
  type MlopsDataSourceSettings,
} from './options';

describe('normalizeOptions', () => {
  it('fills in every key the proxy route templates read', () => {
    expect(normalizeOptions(undefined)).toEqual({
      schemaVersion: OPTIONS_SCHEMA_VERSION,
      authMode: AuthMode.RefreshToken,
      tokenUrlMode: TokenUrlMode.Url,
      gatewayUrl: '',
      clientId: '',
      scope: '',
      tokenUrl: '',
    });
  });

  it('composes the token URL in Keycloak mode and does not mutate its input', () => {
    const input: MlopsDataSourceOptions = Object.freeze({
      tokenUrlMode: TokenUrlMode.Keycloak,
      keycloakUrl: 'https://kc',
      keycloakRealm: 'mlops',
      tokenUrl: 'https://old',
      scope: 'openid',
    });
    const out = normalizeOptions(input);
    expect(out.tokenUrl).toBe('https://kc/realms/mlops/protocol/openid-connect/token');
    expect(out.keycloakLegacyAuthPath).toBe(false);
    expect(out.scope).toBe('openid');
    expect(input.tokenUrl).toBe('https://old');
  });

  it('keeps unrelated settings', () => {
    expect(normalizeOptions({ requestTimeoutSeconds: 10, cacheTtlSeconds: 0 })).toMatchObject({
      requestTimeoutSeconds: 10,
      cacheTtlSeconds: 0,
    });
  });
});

describe('needsNormalization', () => {
  it('is true for incomplete settings and false for normalized ones', () => {
    expect(needsNormalization({})).toBe(true);
    expect(needsNormalization(normalizeOptions({ gatewayUrl: 'https://gw' }))).toBe(false);
  });
});

describe('secrets', () => {
  const options = {
    jsonData: {},
    secureJsonFields: { clientSecret: true },
    secureJsonData: { refreshToken: 'typed-now' },
  } as unknown as MlopsDataSourceSettings;

  it('counts stored and freshly typed secrets as present', () => {
    expect(secretPresence(options)).toEqual({ clientSecret: true, refreshToken: true });
    expect(secretPresence({ secureJsonFields: {} })).toEqual({ clientSecret: false, refreshToken: false });
  });

  it('resets one secret without touching the other', () => {
    const reset = resetSecret(options, 'clientSecret');
    expect(reset.secureJsonFields).toEqual({ clientSecret: false });
    expect(reset.secureJsonData).toEqual({ refreshToken: 'typed-now', clientSecret: '' });
    expect(options.secureJsonFields.clientSecret).toBe(true);
  });
});
