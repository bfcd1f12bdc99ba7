import '../../support/nodeGlobals';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

import { MlopsDataSource } from '../../../src/datasource/datasource';
import { FakeTemplateSrv } from '../../../src/test/fakeTemplateSrv';
import type { MlopsDataSourceOptions } from '../../../src/datasource/types';
import { HttpBackendSrv } from '../../../devtools/httpBackendSrv';
import {
  startProxyStandIn,
  type OrgRole,
  type ProxyStandIn,
  type StandInDataSource,
} from '../../../devtools/grafanaProxy/server';
import { repoRoot, type StackInfo } from './stackInfo';
import { instanceSettings } from '../../../src/test/instanceSettings';

/**
 * What Grafana would do with provisioning/ and the plugin, reproduced in Node for the stack tests:
 * provisioned data sources (YAML + `$ENV` expansion, as Grafana's provisioning does), the data-source
 * proxy (STOOD IN by devtools/grafanaProxy/ — Grafana's server cannot run here), and the data
 * source class wired to it with a Node backendSrv.
 */

export const PLUGIN_JSON = path.join(repoRoot, 'src', 'datasource', 'plugin.json');
export const DATASOURCES_YAML = path.join(repoRoot, 'provisioning', 'datasources', 'mlops.yaml');
export const DS_TYPE = 'modelwatch-mlopsgateway-datasource';

export interface ProvisionedDataSource {
  name: string;
  type: string;
  uid: string;
  access: string;
  url?: string;
  jsonData: Record<string, unknown>;
  secureJsonData: Record<string, string>;
}

/** Grafana's provisioning expansion: `$VAR` and `${VAR}` from the environment, recursively in strings. */
function expand<T>(value: T, env: Record<string, string>): T {
  if (typeof value === 'string') {
    return value.replace(
      /\$\{(\w+)\}|\$(\w+)/g,
      (_, a: string | undefined, b: string | undefined) => env[(a ?? b)!] ?? ''
    ) as T;
  }
  if (Array.isArray(value)) {
    return value.map((v) => expand(v, env)) as T;
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, expand(v, env)])) as T;
  }
  return value;
}

/** The data sources of provisioning/datasources/mlops.yaml with the stack's environment expanded. */
export function provisionedDataSources(env: Record<string, string>): ProvisionedDataSource[] {
  const doc = parse(fs.readFileSync(DATASOURCES_YAML, 'utf8')) as {
    apiVersion: number;
    datasources: ProvisionedDataSource[];
  };
  if (doc.apiVersion !== 1 || !Array.isArray(doc.datasources)) {
    throw new Error(`${DATASOURCES_YAML}: expected apiVersion 1 and a datasources list`);
  }
  return doc.datasources.map((ds) =>
    expand({ ...ds, jsonData: ds.jsonData ?? {}, secureJsonData: ds.secureJsonData ?? {} }, env)
  );
}

/** Starts the proxy stand-in serving every provisioned data source of our type. */
export async function startGrafanaProxyStandIn(
  info: StackInfo,
  userRole: OrgRole | undefined = 'Viewer'
): Promise<ProxyStandIn> {
  const datasources: StandInDataSource[] = provisionedDataSources({ ...info.provisioningEnv })
    .filter((ds) => ds.type === DS_TYPE)
    .map((ds) => ({ uid: ds.uid, url: ds.url, jsonData: ds.jsonData, secureJsonData: ds.secureJsonData }));
  return startProxyStandIn({ pluginJsonPath: PLUGIN_JSON, datasources, userRole });
}

/** The data source class as Grafana's frontend would create it for a provisioned data source. */
export function dataSourceThroughProxy(
  proxy: ProxyStandIn,
  provisioned: ProvisionedDataSource,
  variables: Record<string, string | string[]> = {}
): { ds: MlopsDataSource; backend: HttpBackendSrv; templateSrv: FakeTemplateSrv } {
  const backend = new HttpBackendSrv((url) => `${proxy.url}${url}`);
  const templateSrv = new FakeTemplateSrv(variables);
  const ds = new MlopsDataSource(
    instanceSettings(provisioned.jsonData as MlopsDataSourceOptions, {
      uid: provisioned.uid,
      name: provisioned.name,
      replaceJsonData: true,
    }),
    { backendSrv: backend, templateSrv }
  );
  return { ds, backend, templateSrv };
}
