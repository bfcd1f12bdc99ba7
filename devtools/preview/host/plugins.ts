import {
  AppPlugin,
  type DataSourceApi,
  type DataSourceInstanceSettings,
  type DataSourcePlugin,
  type DataSourcePluginMeta,
  type DataSourceSettings,
  type PanelPlugin,
  type PanelPluginMeta,
} from '@grafana/data';

import type { EditorDataSource } from '../../../src/datasource/editorApi';
import type { MlopsDataSourceOptions, MlopsQuery, MlopsSecureJsonData } from '../../../src/datasource/types';
import type { PanelOptions } from '../../../src/panel/types';
import {
  DATASOURCE_ID,
  PANEL_ID,
  PLUGIN_BASE,
  PREVIEW_DS_1X_UID,
  PREVIEW_DS_UID,
  PROXY_PREFIX,
  APP_ID,
} from '../shared';
import { loadAmdModule } from './amd';

/**
 * Loads the BUILT plugins (dist/) as Grafana does: fetch plugin.json, load module.js through the
 * AMD loader, take its `plugin` export, attach the meta, and construct the data source from its
 * instance settings.
 */

export type MlopsDataSourceInstance = DataSourceApi<MlopsQuery, MlopsDataSourceOptions> & EditorDataSource;
export type MlopsDataSourcePlugin = DataSourcePlugin<
  MlopsDataSourceInstance,
  MlopsQuery,
  MlopsDataSourceOptions,
  MlopsSecureJsonData
>;
export type MlopsSettings = DataSourceSettings<MlopsDataSourceOptions, MlopsSecureJsonData>;

export interface LoadedPlugins {
  dsPlugin: MlopsDataSourcePlugin;
  panelPlugin: PanelPlugin<PanelOptions>;
  /** The data source's saved settings, as `GET /api/datasources/uid/:uid` returns them (no secrets). */
  settings: MlopsSettings;
  /** The H2O MLOps 1.x data source's saved settings. */
  settings1x: MlopsSettings;
  /** Constructs a data source instance from settings, as Grafana does after loading or saving them. */
  createDataSource(settings: MlopsSettings): MlopsDataSourceInstance;
}

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { headers: { Accept: 'application/json' } });
  if (!response.ok) {
    throw new Error(`GET ${url}: ${response.status} ${response.statusText}`);
  }
  return (await response.json()) as T;
}

/** Nested plugins of the app are served from their sub-folder of the app's dist/. */
const pluginUrl = (folder: string, file: string) => `${PLUGIN_BASE}${APP_ID}/${folder ? `${folder}/` : ''}${file}`;
/**
 * Grafana loads a nested plugin's module.js by the nested plugin's own id
 * (public/plugins/<data source id>/module.js, the same files): the data source loads that way, so
 * its lazily loaded chunks (editors, H2O MLOps 1.x) resolve against the URL Grafana uses.
 */
const dataSourceUrl = (file: string) => `${PLUGIN_BASE}${DATASOURCE_ID}/${file}`;

export async function loadPlugins(): Promise<LoadedPlugins> {
  const [dsMeta, panelMeta, settings, settings1x, dsModule, panelModule, appModule] = await Promise.all([
    getJson<DataSourcePluginMeta<MlopsDataSourceOptions>>(pluginUrl('datasource', 'plugin.json')),
    getJson<PanelPluginMeta>(pluginUrl('panel', 'plugin.json')),
    getJson<MlopsSettings>(`/api/datasources/uid/${PREVIEW_DS_UID}`),
    getJson<MlopsSettings>(`/api/datasources/uid/${PREVIEW_DS_1X_UID}`),
    loadAmdModule<{ plugin?: MlopsDataSourcePlugin }>(dataSourceUrl('module.js')),
    loadAmdModule<{ plugin?: PanelPlugin<PanelOptions> }>(pluginUrl('panel', 'module.js')),
    // The app itself: only loaded, to prove its module resolves against the shared modules too.
    loadAmdModule<{ plugin?: AppPlugin }>(pluginUrl('', 'module.js')),
  ]);
  if (!(appModule.plugin instanceof AppPlugin)) {
    throw new Error('dist/module.js does not export an AppPlugin as `plugin`');
  }
  if (dsMeta.id !== DATASOURCE_ID || panelMeta.id !== PANEL_ID) {
    throw new Error(`unexpected plugin ids ${dsMeta.id}, ${panelMeta.id}`);
  }
  const dsPlugin = dsModule.plugin;
  const panelPlugin = panelModule.plugin;
  if (!dsPlugin?.DataSourceClass || !panelPlugin?.panel) {
    throw new Error('dist modules do not export a `plugin` with a DataSourceClass / panel');
  }
  dsPlugin.meta = { ...dsMeta, baseUrl: dataSourceUrl(''), module: dataSourceUrl('module.js') };
  panelPlugin.meta = { ...panelMeta, baseUrl: pluginUrl('panel', ''), module: pluginUrl('panel', 'module.js') };

  const createDataSource = (current: MlopsSettings): MlopsDataSourceInstance => {
    const instanceSettings: DataSourceInstanceSettings<MlopsDataSourceOptions> = {
      id: current.id,
      uid: current.uid,
      type: current.type,
      name: current.name,
      meta: dsPlugin.meta,
      // Grafana hands proxy-mode data sources the proxy URL, never the upstream one.
      url: `${PROXY_PREFIX}${current.uid}`,
      access: 'proxy',
      readOnly: current.readOnly,
      jsonData: current.jsonData,
    };
    const DataSourceClass = dsPlugin.DataSourceClass as unknown as new (
      settings: DataSourceInstanceSettings<MlopsDataSourceOptions>
    ) => MlopsDataSourceInstance;
    return new DataSourceClass(instanceSettings);
  };
  return { dsPlugin, panelPlugin, settings, settings1x, createDataSource };
}
