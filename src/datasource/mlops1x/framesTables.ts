import { FieldType, createDataFrame, type DataFrame } from '@grafana/data';

import { defaultDriftChoice, type DriftResult } from '../../shared/drift';
import { FIELD_1X, Mlops1xFrameKind } from '../../shared/frameKinds1x';
import type { Deployment, DeploymentStatus, MonitoredColumn, Workspace } from './domain';
import { field, labels1x, meta1x, seriesName1x, type SeriesIdentity } from './frameCommon';

/** Table frames of the 1.x query types: workspaces, deployments, columns, drift per column. */

export function workspacesFrame(workspaces: Workspace[], notices: string[] = []): DataFrame {
  return createDataFrame({
    name: 'Workspaces',
    meta: meta1x(Mlops1xFrameKind.Workspaces, notices),
    fields: [
      field(
        FIELD_1X.id,
        FieldType.string,
        workspaces.map((w) => w.id),
        undefined,
        { displayNameFromDS: 'ID' }
      ),
      field(
        FIELD_1X.name,
        FieldType.string,
        workspaces.map((w) => w.displayName || w.id),
        undefined,
        { displayNameFromDS: 'Name' }
      ),
      field(
        FIELD_1X.description,
        FieldType.string,
        workspaces.map((w) => w.description),
        undefined,
        { displayNameFromDS: 'Description' }
      ),
      field(
        FIELD_1X.createTime,
        FieldType.time,
        workspaces.map((w) => w.createTime),
        undefined,
        { displayNameFromDS: 'Created' }
      ),
    ],
  });
}

/** One row per deployment; `statuses` by deployment id (absent: the state is unknown). */
export function deploymentsFrame1x(
  deployments: Deployment[],
  statuses: ReadonlyMap<string, DeploymentStatus>,
  notices: string[] = []
): DataFrame {
  const col = <T>(pick: (d: Deployment) => T) => deployments.map(pick);
  const ofRole = (d: Deployment, role: string) =>
    d.experiments.filter((e) => e.role === role).map((e) => e.experimentId);
  return createDataFrame({
    name: 'Deployments',
    meta: meta1x(Mlops1xFrameKind.Deployments, notices),
    fields: [
      field(
        FIELD_1X.workspaceId,
        FieldType.string,
        col((d) => d.workspaceId),
        undefined,
        { displayNameFromDS: 'Workspace' }
      ),
      field(
        FIELD_1X.id,
        FieldType.string,
        col((d) => d.id),
        undefined,
        { displayNameFromDS: 'ID' }
      ),
      field(
        FIELD_1X.name,
        FieldType.string,
        col((d) => d.displayName || d.id),
        undefined,
        { displayNameFromDS: 'Name' }
      ),
      field(
        FIELD_1X.state,
        FieldType.string,
        col((d) => statuses.get(d.id)?.state ?? ''),
        undefined,
        { displayNameFromDS: 'State' }
      ),
      field(
        FIELD_1X.mode,
        FieldType.string,
        col((d) => d.mode),
        undefined,
        { displayNameFromDS: 'Mode' }
      ),
      field(
        FIELD_1X.champion,
        FieldType.string,
        col((d) => ofRole(d, 'champion').join(', ')),
        undefined,
        { displayNameFromDS: 'Champion' }
      ),
      field(
        FIELD_1X.challengers,
        FieldType.string,
        col((d) => ofRole(d, 'challenger').join(', ')),
        undefined,
        { displayNameFromDS: 'Challengers' }
      ),
      field(
        FIELD_1X.monitoringEnabled,
        FieldType.boolean,
        col((d) => d.monitoringEnabled),
        undefined,
        { displayNameFromDS: 'Monitoring' }
      ),
      field(
        FIELD_1X.monitoredColumns,
        FieldType.number,
        col((d) => d.monitoredColumns.length),
        undefined,
        { displayNameFromDS: 'Columns', decimals: 0 }
      ),
      field(
        FIELD_1X.createTime,
        FieldType.time,
        col((d) => d.createTime),
        undefined,
        { displayNameFromDS: 'Created' }
      ),
    ],
  });
}

/** One row per monitored column: logical type, input or model output, the default drift method. */
export function columnsFrame(columns: MonitoredColumn[], id: SeriesIdentity, notices: string[] = []): DataFrame {
  const labels = labels1x(id);
  return createDataFrame({
    name: `Monitored columns – ${seriesName1x(id)}`,
    meta: meta1x(Mlops1xFrameKind.Columns, notices),
    fields: [
      field(
        FIELD_1X.column,
        FieldType.string,
        columns.map((c) => c.column),
        labels,
        { displayNameFromDS: 'Column' }
      ),
      field(
        FIELD_1X.logicalType,
        FieldType.string,
        columns.map((c) => c.logicalType),
        labels,
        { displayNameFromDS: 'Logical type' }
      ),
      field(
        FIELD_1X.columnSource,
        FieldType.string,
        columns.map((c) => (c.isModelOutput ? 'output' : 'input')),
        labels,
        { displayNameFromDS: 'Source' }
      ),
      field(
        FIELD_1X.defaultMethod,
        FieldType.string,
        columns.map((c) => defaultDriftChoice(c.logicalType)?.method ?? ''),
        labels,
        { displayNameFromDS: 'Default drift method' }
      ),
    ],
  });
}

/** One row of the drift table. */
export interface ColumnDriftRow {
  column: string;
  logicalType: string;
  isModelOutput: boolean;
  result: DriftResult;
  oovRate: number | null;
}

/** Drift of each column over the time range, for one experiment (labels name it and its role). */
export function driftTableFrame(rows: ColumnDriftRow[], id: SeriesIdentity, notices: string[] = []): DataFrame {
  const labels = labels1x(id);
  const col = <T>(pick: (r: ColumnDriftRow) => T) => rows.map(pick);
  return createDataFrame({
    name: `Drift per column – ${seriesName1x(id)}`,
    meta: meta1x(Mlops1xFrameKind.Drift, notices),
    fields: [
      field(
        FIELD_1X.column,
        FieldType.string,
        col((r) => r.column),
        labels,
        { displayNameFromDS: 'Column' }
      ),
      field(
        FIELD_1X.logicalType,
        FieldType.string,
        col((r) => r.logicalType),
        labels,
        { displayNameFromDS: 'Logical type' }
      ),
      field(
        FIELD_1X.columnSource,
        FieldType.string,
        col((r) => (r.isModelOutput ? 'output' : 'input')),
        labels,
        { displayNameFromDS: 'Source' }
      ),
      field(
        FIELD_1X.method,
        FieldType.string,
        col((r) => r.result.method),
        labels,
        { displayNameFromDS: 'Method' }
      ),
      field(
        FIELD_1X.drift,
        FieldType.number,
        col((r) => r.result.value),
        labels,
        { displayNameFromDS: 'Drift' }
      ),
      field(
        FIELD_1X.status,
        FieldType.string,
        col((r) => r.result.status),
        labels,
        { displayNameFromDS: 'Status' }
      ),
      field(
        FIELD_1X.reason,
        FieldType.string,
        col((r) => (r.result.value === null ? r.result.reason : '')),
        labels,
        { displayNameFromDS: 'Why no value' }
      ),
      field(
        FIELD_1X.rebinned,
        FieldType.boolean,
        col((r) => (r.result.value === null ? false : r.result.rebinned)),
        labels,
        { displayNameFromDS: 'Re-binned' }
      ),
      field(
        FIELD_1X.oovRate,
        FieldType.number,
        col((r) => r.oovRate),
        labels,
        { displayNameFromDS: 'Out-of-vocabulary %' }
      ),
    ],
  });
}
