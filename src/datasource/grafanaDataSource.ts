import type { DataSourceInstanceSettings } from '@grafana/data';
import { getBackendSrv, getTemplateSrv } from '@grafana/runtime';

import { MlopsDataSource } from './datasource';
import type { MlopsDataSourceOptions } from './types';

/** The data source as Grafana constructs it: bound to Grafana's own backendSrv and templateSrv. */
export class GrafanaMlopsDataSource extends MlopsDataSource {
  constructor(instanceSettings: DataSourceInstanceSettings<MlopsDataSourceOptions>) {
    super(instanceSettings, { backendSrv: getBackendSrv(), templateSrv: getTemplateSrv() });
  }
}
