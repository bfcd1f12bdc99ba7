import { DataSourcePlugin } from '@grafana/data';

import type { MlopsDataSource } from './datasource';
import { GrafanaMlopsDataSource } from './grafanaDataSource';
import { LazyConfigEditor, LazyQueryEditor } from './lazyEditors';
import type { MlopsDataSourceOptions, MlopsQuery, MlopsSecureJsonData } from './types';

// The editors load on demand (lazyEditors.tsx), as does the H2O MLOps 1.x code (datasource.ts): #11.
export const plugin = new DataSourcePlugin<MlopsDataSource, MlopsQuery, MlopsDataSourceOptions, MlopsSecureJsonData>(
  GrafanaMlopsDataSource
)
  .setConfigEditor(LazyConfigEditor)
  .setQueryEditor(LazyQueryEditor);
