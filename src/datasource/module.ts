import { DataSourcePlugin } from '@grafana/data';

import { ConfigEditor } from './components/ConfigEditor';
import { QueryEditor } from './components/QueryEditor';
import type { MlopsDataSource } from './datasource';
import { GrafanaMlopsDataSource } from './grafanaDataSource';
import type { MlopsDataSourceOptions, MlopsQuery, MlopsSecureJsonData } from './types';

export const plugin = new DataSourcePlugin<MlopsDataSource, MlopsQuery, MlopsDataSourceOptions, MlopsSecureJsonData>(
  GrafanaMlopsDataSource
)
  .setConfigEditor(ConfigEditor)
  .setQueryEditor(QueryEditor);
