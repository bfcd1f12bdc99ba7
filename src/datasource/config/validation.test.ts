import { AuthMode, TokenUrlMode, type MlopsDataSourceOptions } from '../types';
import {
  isAbsoluteHttpUrl,
  secondsError,
  validateOptions,
  REQUEST_TIMEOUT_BOUNDS,
  CACHE_TTL_BOUNDS,
} from './validation';

const valid: MlopsDataSourceOptions = {
  gatewayUrl: 'https://api.mlops.example.com',
  authMode: AuthMode.RefreshToken,
  tokenUrlMode: TokenUrlMode.Url,
  tokenUrl: 'https://kc.example.com/realms/mlops/protocol/openid-connect/token',
  clientId: 'mlops-client',
  scope: '',
};

describe('isAbsoluteHttpUrl', () => {
  it.each([
    ['https://a.example.com', true],
    ['http://localhost:8080/x', true],
    ['ftp://a.example.com', false],
    ['a.example.com', false],
    ['/relative', false],
    ['https://', false],
    ['https://a b.com', false],
    ['', false],
  ])('%s → %s', (value, expected) => {
    expect(isAbsoluteHttpUrl(value)).toBe(expected);
  });
});

describe('validateOptions', () => {
  it('accepts a complete configuration', () => {
    expect(validateOptions(valid, { clientSecret: false, refreshToken: true })).toEqual({});
  });

  it('requires an absolute http(s) gateway URL', () => {
    expect(validateOptions({ ...valid, gatewayUrl: '' }).gatewayUrl).toMatch(/enter the gateway url/i);
    expect(validateOptions({ ...valid, gatewayUrl: 'api.example.com' }).gatewayUrl).toMatch(/absolute http\(s\) url/i);
  });

  it.each(['https://gw/model-monitoring', 'https://gw/model-monitoring/', 'https://gw/Model-Monitoring/v1'])(
    'rejects a gateway URL ending with /model-monitoring: %s',
    (gatewayUrl) => {
      expect(validateOptions({ ...valid, gatewayUrl }).gatewayUrl).toMatch(/leave out \/model-monitoring/i);
    }
  );

  it('rejects query strings in the gateway URL', () => {
    expect(validateOptions({ ...valid, gatewayUrl: 'https://gw/?a=1' }).gatewayUrl).toMatch(/query string/);
  });

  it('checks the token URL in URL mode', () => {
    expect(validateOptions({ ...valid, tokenUrl: '' }).tokenUrl).toMatch(/enter the token url/i);
    expect(validateOptions({ ...valid, tokenUrl: 'kc/token' }).tokenUrl).toMatch(/absolute/i);
  });

  it('checks Keycloak URL and realm in Keycloak mode and ignores the stored token URL', () => {
    const errors = validateOptions({
      ...valid,
      tokenUrlMode: TokenUrlMode.Keycloak,
      keycloakUrl: 'kc',
      keycloakRealm: ' ',
    });
    expect(errors.keycloakUrl).toMatch(/absolute/i);
    expect(errors.keycloakRealm).toMatch(/realm/i);
    expect(errors.tokenUrl).toBeUndefined();
    expect(
      validateOptions({
        ...valid,
        tokenUrl: '',
        tokenUrlMode: TokenUrlMode.Keycloak,
        keycloakUrl: 'https://kc',
        keycloakRealm: 'r',
      })
    ).toEqual({});
  });

  it('requires a client id', () => {
    expect(validateOptions({ ...valid, clientId: '  ' }).clientId).toMatch(/client id/i);
  });

  it('requires the secret each grant needs', () => {
    expect(validateOptions(valid, { clientSecret: true, refreshToken: false }).refreshToken).toMatch(/refresh token/i);
    const cc = { ...valid, authMode: AuthMode.ClientCredentials };
    expect(validateOptions(cc, { clientSecret: false, refreshToken: true }).clientSecret).toMatch(/client secret/i);
    expect(validateOptions(cc, { clientSecret: true, refreshToken: false })).toEqual({});
  });

  it('checks timeout and cache TTL bounds', () => {
    const timeout = 'Enter a whole number of seconds from 1 to 300.';
    expect(validateOptions({ ...valid, requestTimeoutSeconds: 0 })).toEqual({ requestTimeoutSeconds: timeout });
    expect(validateOptions({ ...valid, requestTimeoutSeconds: 1.5 })).toEqual({ requestTimeoutSeconds: timeout });
    expect(validateOptions({ ...valid, requestTimeoutSeconds: 301 })).toEqual({ requestTimeoutSeconds: timeout });
    expect(validateOptions({ ...valid, requestTimeoutSeconds: 1 })).toEqual({});
    expect(validateOptions({ ...valid, requestTimeoutSeconds: 300 })).toEqual({});
    expect(validateOptions({ ...valid, requestTimeoutSeconds: 30, cacheTtlSeconds: 0 })).toEqual({});
    const ttl = 'Enter a whole number of seconds from 0 to 3600.';
    expect(validateOptions({ ...valid, cacheTtlSeconds: -1 })).toEqual({ cacheTtlSeconds: ttl });
    expect(validateOptions({ ...valid, cacheTtlSeconds: 3601 })).toEqual({ cacheTtlSeconds: ttl });
    expect(validateOptions({ ...valid, cacheTtlSeconds: 3600 })).toEqual({});
  });
});

describe('secondsError', () => {
  it('accepts unset values and bounds inclusive', () => {
    expect(secondsError(undefined, REQUEST_TIMEOUT_BOUNDS)).toBeUndefined();
    expect(secondsError(REQUEST_TIMEOUT_BOUNDS.min, REQUEST_TIMEOUT_BOUNDS)).toBeUndefined();
    expect(secondsError(CACHE_TTL_BOUNDS.max, CACHE_TTL_BOUNDS)).toBeUndefined();
    expect(secondsError(Number.NaN, CACHE_TTL_BOUNDS)).toMatch(/whole number/);
  });
});
