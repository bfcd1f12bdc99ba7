import { FieldType, type FieldConfig, type FieldDTO, type QueryResultMetaNotice } from '@grafana/data';

import { LABEL, type FrameLabels } from '../../shared/frameSchema';
import { FIELD_1X, LABEL_1X, Mlops1xFrameKind, mlops1xFrameMeta } from '../../shared/frameKinds1x';
import { parseNotices } from '../frames/common';

/** Who a 1.x series belongs to: becomes the frame labels (see shared/frameKinds1x.ts). */
export interface SeriesIdentity {
  workspaceId: string;
  deploymentId: string;
  deploymentName: string;
  experimentId?: string;
  role?: string;
  column?: string;
  logicalType?: string;
  isModelOutput?: boolean;
}

/**
 * The labels of a 1.x series: the shared FrameLabels (model = the experiment id, feature = the
 * column, so legends, variables and the panel group series as for the legacy frames) and the 1.x
 * labels. Empty values are left out.
 */
export function labels1x(id: SeriesIdentity): Record<string, string> {
  const shared: FrameLabels = {
    deployment_id: id.deploymentId,
    deployment: id.deploymentName || id.deploymentId,
    model: id.experimentId ?? '',
    model_version: '',
    role: id.role,
    feature: id.column,
  };
  const all: Record<string, string | undefined> = {
    ...shared,
    [LABEL_1X.workspaceId]: id.workspaceId,
    [LABEL_1X.experimentId]: id.experimentId,
    [LABEL_1X.logicalType]: id.logicalType,
    [LABEL_1X.columnSource]: id.isModelOutput === undefined ? undefined : id.isModelOutput ? 'output' : 'input',
  };
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(all)) {
    if (value) {
      out[key] = value;
    }
  }
  return out;
}

/** "column · experiment (role)" — the series name in legends. */
export function seriesName1x(id: SeriesIdentity): string {
  const parts = [id.column, id.experimentId || id.deploymentName || id.deploymentId].filter(Boolean);
  return `${parts.join(' · ')}${id.role ? ` (${id.role})` : ''}`;
}

export function meta1x(kind: Mlops1xFrameKind, notices: string[] = [], extra: QueryResultMetaNotice[] = []) {
  const all = [...extra, ...parseNotices(notices)];
  return { custom: mlops1xFrameMeta(kind), notices: all.length > 0 ? all : undefined };
}

export function field(
  name: string,
  type: FieldType,
  values: unknown[],
  labels?: Record<string, string>,
  config: FieldConfig = {}
): FieldDTO {
  return { name, type, values, labels, config };
}

export function time1x(values: number[]): FieldDTO {
  return { name: FIELD_1X.time, type: FieldType.time, values, config: {} };
}

/** Canonical label key for the shared role label (re-exported for the runner). */
export const ROLE_LABEL = LABEL.role;
