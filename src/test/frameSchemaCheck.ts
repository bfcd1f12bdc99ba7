import { FieldType, type DataFrame } from '@grafana/data';

import { FRAME_SCHEMA_VERSION, FrameKind, LABEL, type MlopsFrameMeta } from '../shared/frameSchema';

/**
 * What `shared/frameSchema.ts` promises of every frame, as a list of violations (empty when the
 * frame keeps the contract): the kind and schema version in `meta.custom`, equal field lengths,
 * only finite numbers or null in number and time fields, the deployment labels on value fields.
 * Property-based tests run it on frames built from arbitrary gateway responses.
 */
export function frameViolations(frame: DataFrame): string[] {
  const out: string[] = [];
  const custom = frame.meta?.custom as Partial<MlopsFrameMeta> | undefined;
  if (!custom || !Object.values(FrameKind).includes(custom.kind as FrameKind)) {
    out.push(`meta.custom.kind is ${JSON.stringify(custom?.kind)}`);
  }
  if (custom?.frameSchemaVersion !== FRAME_SCHEMA_VERSION) {
    out.push(`meta.custom.frameSchemaVersion is ${JSON.stringify(custom?.frameSchemaVersion)}`);
  }
  for (const field of frame.fields) {
    if (field.values.length !== frame.length) {
      out.push(`${field.name} has ${field.values.length} values in a frame of ${frame.length} rows`);
    }
    if (field.type === FieldType.number || field.type === FieldType.time) {
      const bad = field.values.find((v) => v !== null && (typeof v !== 'number' || !Number.isFinite(v)));
      if (bad !== undefined) {
        out.push(`${field.name} holds ${String(bad)}`);
      }
    }
    if (field.labels && !(LABEL.deploymentId in field.labels)) {
      out.push(`${field.name} has labels without ${LABEL.deploymentId}`);
    }
  }
  for (const notice of frame.meta?.notices ?? []) {
    if (typeof notice.text !== 'string' || notice.text === '') {
      out.push('a notice without text');
    }
  }
  return out;
}
