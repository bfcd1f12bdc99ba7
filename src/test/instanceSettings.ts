import type { DataSourceInstanceSettings, DataSourceSettings } from '@grafana/data';

import { AuthMode, type MlopsDataSourceOptions, type MlopsSecureJsonData } from '../datasource/types';

/**
 * The one builder of data-source settings for tests: what Grafana hands the data source class
 * (instance settings, its proxy URL derived from the uid as Grafana does) and the config editor
 * (the stored settings). Defaults describe a complete refresh-token configuration; tests override
 * what they are about.
 */

export const DS_TYPE = 'modelwatch-mlopsgateway-datasource';

/** A complete refresh-token configuration. */
export const DEFAULT_JSON_DATA: MlopsDataSourceOptions = {
  gatewayUrl: 'https://gateway.example.com',
  tokenUrl: 'https://keycloak.example.com/realms/mlops/protocol/openid-connect/token',
  clientId: 'grafana',
  authMode: AuthMode.RefreshToken,
};

/** Grafana's data-source proxy path of a data source. */
export function proxyUrl(uid: string): string {
  return `/api/datasources/proxy/uid/${uid}`;
}

/** Instance settings as Grafana passes them to the data source's constructor. */
export function instanceSettings(
  jsonData: Partial<MlopsDataSourceOptions> = {},
  { uid = 'mlops', name = 'MLOps', replaceJsonData = false } = {}
): DataSourceInstanceSettings<MlopsDataSourceOptions> {
  return {
    uid,
    type: DS_TYPE,
    name,
    url: proxyUrl(uid),
    access: 'proxy',
    readOnly: false,
    meta: {} as DataSourceInstanceSettings['meta'],
    jsonData: replaceJsonData ? (jsonData as MlopsDataSourceOptions) : { ...DEFAULT_JSON_DATA, ...jsonData },
  } as DataSourceInstanceSettings<MlopsDataSourceOptions>;
}

/** Stored settings as the config editor gets them (empty jsonData unless given). */
export function dataSourceSettings(
  overrides: Partial<DataSourceSettings<MlopsDataSourceOptions, MlopsSecureJsonData>> = {}
): DataSourceSettings<MlopsDataSourceOptions, MlopsSecureJsonData> {
  // Asserted because DataSourceSettings still requires the deprecated `database` member.
  return {
    id: 1,
    uid: 'mlops',
    orgId: 1,
    name: 'MLOps',
    typeLogoUrl: '',
    type: DS_TYPE,
    typeName: 'MLOps',
    access: 'proxy',
    url: '',
    user: '',
    basicAuth: false,
    basicAuthUser: '',
    isDefault: false,
    jsonData: {},
    secureJsonFields: {},
    readOnly: false,
    withCredentials: false,
    ...overrides,
  } as DataSourceSettings<MlopsDataSourceOptions, MlopsSecureJsonData>;
}
