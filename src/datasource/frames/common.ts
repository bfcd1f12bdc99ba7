import {
  FieldType,
  type DataFrameType,
  type Field,
  type FieldConfig,
  type FieldDTO,
  type QueryResultMetaNotice,
} from '@grafana/data';

import {
  FIELD,
  FRAME_SCHEMA_VERSION,
  type FrameKind,
  type FrameLabels,
  type MlopsFrameMeta,
} from '../../shared/frameSchema';
import type { OperationalMetric } from '../../shared/operationalMetrics';
import type { Deployment } from '../parse/domain';

/**
 * What every frame builder shares (one module per family beside this one: deployments, health,
 * operational, drift). Builders are pure, from domain objects to frames following
 * `shared/frameSchema.ts`. Labels go on every value field; display names come from the data source
 * (displayNameFromDS) so tables get readable headers and legends read "model v3 (champion)"
 * instead of a label dump.
 */

/** The legend/series name of one model: "name vN (role)". */
export function seriesName(labels: FrameLabels): string {
  const model = labels.model || labels.deployment || labels.deployment_id;
  const version = labels.model_version ? ` v${labels.model_version}` : '';
  const role = labels.role ? ` (${labels.role})` : '';
  return `${model}${version}${role}`;
}

export function meta(
  kind: FrameKind,
  extra: {
    type?: DataFrameType;
    metric?: OperationalMetric;
    notices?: QueryResultMetaNotice[];
    /** The parser's notes (values read leniently or shown as no value): warnings on the frame. */
    parsed?: string[];
  } = {}
) {
  const custom: MlopsFrameMeta = { kind, frameSchemaVersion: FRAME_SCHEMA_VERSION };
  if (extra.metric) {
    custom.metric = extra.metric;
  }
  const notices = [...(extra.notices ?? []), ...parseNotices(extra.parsed ?? [])];
  return { type: extra.type, custom, notices: notices.length > 0 ? notices : undefined };
}

/** The parser's notes as frame warnings, each once. */
export function parseNotices(texts: string[]): QueryResultMetaNotice[] {
  return [...new Set(texts)].map((text) => ({ severity: 'warning', text }));
}

export function labelsOf(labels: FrameLabels): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(labels)) {
    if (value !== undefined && value !== '') {
      out[key] = value;
    }
  }
  return out;
}

export function valueField(
  name: string,
  type: FieldType,
  values: unknown[],
  labels: FrameLabels | undefined,
  config: FieldConfig = {}
): FieldDTO {
  return { name, type, values, labels: labels ? labelsOf(labels) : undefined, config };
}

/** The time field of a frame: a whole field, so builders that write their frames whole use it too. */
export function timeField(values: number[], config: FieldConfig = {}): Field<number> {
  return { name: FIELD.time, type: FieldType.time, values, config };
}

export function frameName(base: string, labels: FrameLabels): string {
  return `${base} – ${seriesName(labels)}`;
}

/** What people read for a deployment: its name, or its id when the gateway sends "-" (unnamed). */
export function deploymentName(deployment: Pick<Deployment, 'id' | 'name'>): string {
  return deployment.name && deployment.name !== '-' ? deployment.name : deployment.id;
}
