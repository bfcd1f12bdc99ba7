import pluginJson from '../plugin.json';
import { MLOPS1X_ROUTES } from './client';

interface Route {
  path: string;
  method?: string;
  reqRole?: string;
  url?: string;
  tokenAuth?: { url: string; params?: Record<string, string> };
}

const routes = (pluginJson as { routes: Route[] }).routes;
const routes1x = routes.filter((r) => r.path.startsWith('mlops1x/'));

describe('plugin.json routes of the 1.x services', () => {
  it('declares one GET route per service prefix the client uses, for viewers, with tokenAuth', () => {
    expect(routes1x.map((r) => r.path)).toEqual([
      `${MLOPS1X_ROUTES.authz}/workspaces`,
      MLOPS1X_ROUTES.deployer,
      MLOPS1X_ROUTES.monitoring,
    ]);
    for (const route of routes1x) {
      expect(route).toMatchObject({ method: 'GET', reqRole: 'Viewer' });
      expect(route.tokenAuth?.url).toBe('{{ .JsonData.tokenUrl }}');
    }
  });

  it('sends each service to its base URL under the same path', () => {
    expect(routes1x.map((r) => r.url)).toEqual([
      '{{ .JsonData.authzUrl }}/v1/workspaces',
      '{{ .JsonData.mlopsApiUrl }}/deployer/v2',
      '{{ .JsonData.mlopsApiUrl }}/monitoring/v2',
    ]);
  });

  it('takes the grant from jsonData.authMode in one family (no path yields the other identity)', () => {
    for (const route of routes1x) {
      const params = route.tokenAuth?.params ?? {};
      expect(params.grant_type).toBe(
        '{{ if eq .JsonData.authMode "clientCredentials" }}client_credentials{{ else }}refresh_token{{ end }}'
      );
      expect(params.refresh_token).toBe(
        '{{ if eq .JsonData.authMode "clientCredentials" }}{{ else }}{{ .SecureJsonData.refreshToken }}{{ end }}'
      );
      expect(params).toEqual(routes1x[0].tokenAuth?.params);
    }
  });
});
