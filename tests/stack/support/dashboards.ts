/**
 * The provisioned dashboards as the stack suites read them (tests/stack/dashboards.test.ts for the
 * legacy gateway's, mlops1x-dashboards.test.ts for the H2O MLOps 1.x ones): their JSON, their time
 * range, and a query variable resolved the way Grafana resolves it on load. Their requests are
 * src/test/queryRequest.ts's.
 */
import { dateTime, type DataFrame, type TimeRange } from '@grafana/data';
import fs from 'node:fs';
import path from 'node:path';
import { lastValueFrom } from 'rxjs';

import type { MlopsDataSource } from '../../../src/datasource/datasource';
import type { MlopsQuery, MlopsVariableQuery } from '../../../src/datasource/types';
import type { MlopsVariableSupport } from '../../../src/datasource/variables';
import { queryRequest } from '../../../src/test/queryRequest';
import { repoRoot } from './stackInfo';

export const DASHBOARD_DIR = path.join(repoRoot, 'provisioning', 'dashboards', 'mlops');
export const PANEL_ID = 'modelwatch-champion-panel';

export interface TargetJson extends MlopsQuery {
  datasource: { type: string; uid: string };
}

export interface PanelJson {
  id: number;
  type: string;
  title: string;
  gridPos: { h: number; w: number; x: number; y: number };
  datasource: { type: string; uid: string };
  targets: TargetJson[];
  options: Record<string, unknown>;
  fieldConfig?: { defaults: Record<string, unknown>; overrides: unknown[] };
}

export interface VariableJson {
  name: string;
  type: string;
  datasource?: { type: string; uid: string };
  /** A query variable's query; the plugin id for the data-source variable. */
  query: MlopsVariableQuery | string;
  regex?: string;
  multi: boolean;
  includeAll: boolean;
  current: { text?: string | string[]; value?: string | string[] };
}

export interface AnnotationJson {
  name: string;
  enable: boolean;
  iconColor: string;
  builtIn?: number;
  datasource: { type: string; uid: string };
  target?: MlopsQuery;
}

export interface DashboardJson {
  uid: string;
  title: string;
  schemaVersion: number;
  tags: string[];
  time: { from: string; to: string };
  annotations?: { list: AnnotationJson[] };
  links?: Array<{ type: string; tags: string[] }>;
  templating: { list: VariableJson[] };
  panels: PanelJson[];
}

/** The dashboards whose file names `keep` accepts, in file-name order. */
export function loadDashboards(keep: (file: string) => boolean): Array<{ file: string; dashboard: DashboardJson }> {
  return fs
    .readdirSync(DASHBOARD_DIR)
    .filter((file) => file.endsWith('.json') && keep(file))
    .sort()
    .map((file) => ({
      file,
      dashboard: JSON.parse(fs.readFileSync(path.join(DASHBOARD_DIR, file), 'utf8')) as DashboardJson,
    }));
}

/** The dashboard's relative range (`now-6h` … `now`, `now-7d` … `now`) as of now. */
export function rangeOf(time: DashboardJson['time']): TimeRange {
  const m = /^now-(\d+)([hd])$/.exec(time.from);
  if (!m || time.to !== 'now') {
    throw new Error(`unsupported dashboard time range ${JSON.stringify(time)}`);
  }
  const to = Date.now();
  const from = to - Number(m[1]) * (m[2] === 'h' ? 3600_000 : 86_400_000);
  return { from: dateTime(from), to: dateTime(to), raw: { from: time.from, to: time.to } };
}

/**
 * A query variable's value as a dashboard load resolves it (valueOnLoad), failing the test, with the
 * variable's name, when it offers no options or when its saved value is not among them.
 */
export async function resolvedOnLoad(
  ds: MlopsDataSource,
  variable: VariableJson,
  range: TimeRange,
  requestId?: string
): Promise<string | string[]> {
  const options = await variableOptions(ds, variable.query as MlopsVariableQuery, range, requestId);
  expect({ variable: variable.name, options: options.length > 0 }).toEqual({ variable: variable.name, options: true });
  const value = valueOnLoad(variable, options);
  expect({ variable: variable.name, current: variable.current.value, offered: value !== undefined }).toEqual({
    variable: variable.name,
    current: variable.current.value,
    offered: true,
  });
  return value!;
}

/** The options a query variable offers: its query run through the data source's variable support. */
async function variableOptions(
  ds: MlopsDataSource,
  query: MlopsVariableQuery,
  range: TimeRange,
  requestId?: string
): Promise<string[]> {
  const support = ds.variables as unknown as MlopsVariableSupport;
  const response = await lastValueFrom(support.query(queryRequest([query], range, { requestId })));
  const frame = response.data[0] as DataFrame;
  return frame.fields.find((f) => f.name === 'value')!.values as string[];
}

/**
 * A query variable's value on load, as Grafana picks it: every option for "All", the saved current
 * value (which must be one of the options), or the first option. Undefined when the saved value is
 * not offered, for the caller to report.
 */
function valueOnLoad(variable: VariableJson, options: string[]): string | string[] | undefined {
  const current = variable.current?.value;
  const all = current === '$__all' || (Array.isArray(current) && current.includes('$__all'));
  if (variable.includeAll && all) {
    return options;
  }
  if (typeof current === 'string' && current !== '') {
    return options.includes(current) ? current : undefined;
  }
  return options[0];
}
