import { dateTime, type DataQueryRequest, type DataSourceInstanceSettings } from '@grafana/data';
import type { BackendSrv, TemplateSrv } from '@grafana/runtime';

import { StaticTemplateSrv } from '../devtools/templateSrv';
import type { DataSourceModule } from './bundledSource';
import type { MlopsDataSource } from '../src/datasource/datasource';
import {
  ApiGeneration,
  AuthMode,
  QUERY_SCHEMA_VERSION,
  type MlopsDataSourceOptions,
  type MlopsQuery,
} from '../src/datasource/types';

/**
 * The data source class of `module` as Grafana constructs it, over an in-process backendSrv:
 * `module` is a bundle of it (bundledSource.ts; ab.ts compares two revisions) or, in Chromium, the
 * built plugin (browser/).
 */
export function benchDataSource(
  module: DataSourceModule,
  backendSrv: Pick<BackendSrv, 'fetch'>,
  variables: Record<string, string | string[]> = {},
  cacheTtlSeconds = 30,
  jsonData: Partial<MlopsDataSourceOptions> = {}
): MlopsDataSource {
  const settings = {
    id: 1,
    uid: 'mlops',
    type: 'modelwatch-mlopsgateway-datasource',
    name: 'MLOps',
    url: '/api/datasources/proxy/uid/mlops',
    access: 'proxy',
    readOnly: false,
    meta: {},
    jsonData: {
      gatewayUrl: 'https://gateway.example.com',
      tokenUrl: 'https://keycloak.example.com/token',
      clientId: 'grafana',
      authMode: AuthMode.RefreshToken,
      cacheTtlSeconds,
      ...jsonData,
    },
  } as unknown as DataSourceInstanceSettings<MlopsDataSourceOptions>;
  const templateSrv = new StaticTemplateSrv(variables) as unknown as Pick<TemplateSrv, 'replace' | 'getVariables'>;
  return new module.MlopsDataSource(settings, { backendSrv, templateSrv });
}

export const RANGE_END = Date.UTC(2026, 0, 8);
export const RANGE_START = RANGE_END - 7 * 24 * 3600_000;

/** A query request over the benchmark's fixed week. */
export function benchRequest(targets: Array<Partial<MlopsQuery>>): DataQueryRequest<MlopsQuery> {
  return {
    requestId: 'bench',
    interval: '1m',
    intervalMs: 60_000,
    range: {
      from: dateTime(RANGE_START),
      to: dateTime(RANGE_END),
      raw: { from: 'now-7d', to: 'now' },
    },
    scopedVars: {},
    timezone: 'utc',
    app: 'dashboard',
    startTime: 0,
    targets: targets.map((t, i) => ({ refId: `Q${i}`, schemaVersion: QUERY_SCHEMA_VERSION, ...t })),
  } as unknown as DataQueryRequest<MlopsQuery>;
}

/** The settings of an H2O MLOps 1.x data source (as provisioning/datasources writes them). */
export const MLOPS1X_SETTINGS: Partial<MlopsDataSourceOptions> = {
  apiGeneration: ApiGeneration.Mlops1x,
  mlopsApiUrl: 'https://mlops.example.com',
  authzUrl: 'https://authz.example.com',
};
