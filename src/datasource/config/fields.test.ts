import { CONFIG_FIELDS, CONFIG_TEST_IDS, configInputId, initiallyTouched } from './fields';

describe('config settings table', () => {
  it('derives the validated fields, the ids and the test ids from one table', () => {
    expect(CONFIG_FIELDS).toEqual([
      'gatewayUrl',
      'tokenUrl',
      'keycloakUrl',
      'keycloakRealm',
      'clientId',
      'clientSecret',
      'refreshToken',
      'requestTimeoutSeconds',
      'cacheTtlSeconds',
    ]);
    expect(configInputId('gatewayUrl')).toBe('mlops-config-gateway-url');
    expect(CONFIG_TEST_IDS.cacheTtlSeconds).toBe('data-testid mlops-config cache-ttl');
    expect(new Set(Object.values(CONFIG_TEST_IDS)).size).toBe(Object.keys(CONFIG_TEST_IDS).length);
  });

  it('counts stored text and seconds as touched, never secrets, scope or empty text', () => {
    const touched = initiallyTouched({
      gatewayUrl: 'https://gw',
      clientId: '  ',
      scope: 'openid',
      requestTimeoutSeconds: 0,
      clientSecret: 'x',
    });
    expect([...touched]).toEqual(['gatewayUrl', 'requestTimeoutSeconds']);
    expect(initiallyTouched(undefined).size).toBe(0);
  });
});
