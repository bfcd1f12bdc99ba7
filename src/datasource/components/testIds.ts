/**
 * Stable test ids of the data source editors, shared by the Jest tests and the browser tests.
 * Grafana's convention: `data-testid <description>`.
 */
export const dsTestIds = {
  configEditor: {
    gatewayUrl: 'data-testid mlops-config gateway-url',
    authMode: 'data-testid mlops-config auth-mode',
    tokenUrlMode: 'data-testid mlops-config token-url-mode',
    tokenUrl: 'data-testid mlops-config token-url',
    keycloakUrl: 'data-testid mlops-config keycloak-url',
    keycloakRealm: 'data-testid mlops-config keycloak-realm',
    keycloakLegacyAuthPath: 'data-testid mlops-config keycloak-legacy-auth-path',
    tokenUrlPreview: 'data-testid mlops-config token-url-preview',
    clientId: 'data-testid mlops-config client-id',
    scope: 'data-testid mlops-config scope',
    clientSecret: 'data-testid mlops-config client-secret',
    refreshToken: 'data-testid mlops-config refresh-token',
    requestTimeout: 'data-testid mlops-config request-timeout',
    cacheTtl: 'data-testid mlops-config cache-ttl',
  },
  queryEditor: {
    container: 'data-testid mlops-query-editor',
    queryType: 'data-testid mlops-query query-type',
    monitoredOnly: 'data-testid mlops-query monitored-only',
    deployment: 'data-testid mlops-query deployment',
    model: 'data-testid mlops-query model',
    modelScope: 'data-testid mlops-query model-scope',
    role: 'data-testid mlops-query role',
    predictionsUnit: 'data-testid mlops-query predictions-unit',
    operationalMetrics: 'data-testid mlops-query operational-metrics',
    feature: 'data-testid mlops-query feature',
  },
  variableEditor: {
    container: 'data-testid mlops-variable-editor',
    kind: 'data-testid mlops-variable kind',
    monitoredOnly: 'data-testid mlops-variable monitored-only',
    deployment: 'data-testid mlops-variable deployment',
    model: 'data-testid mlops-variable model',
  },
} as const;
