import { DataSourcePlugin } from '@grafana/data';

import { ConfigEditor } from './components/ConfigEditor';
import { QueryEditor } from './components/QueryEditor';
import { MlopsDataSource } from './datasource';
import type { MlopsDataSourceOptions, MlopsQuery, MlopsSecureJsonData } from './types';

export const plugin = new DataSourcePlugin<MlopsDataSource, MlopsQuery, MlopsDataSourceOptions, MlopsSecureJsonData>(MlopsDataSource)
  .setConfigEditor(ConfigEditor)
  .setQueryEditor(QueryEditor);
