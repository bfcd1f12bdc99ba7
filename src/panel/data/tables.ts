import { FieldType, type DataFrame, type Field, type Labels } from '@grafana/data';

import { FIELD, FrameKind } from '../../shared/frameSchema';
import { fallbackNameOf, makeIdentity, partsFromLabels } from './identity';
import {
  Reducer,
  SIGNAL_SPECS,
  Signal,
  kindSource,
  lookupName,
  type MatchedMapping,
  type NameMapping,
} from './mapping';
import { setFeature, setScalar } from './samples';
import { IdentityKind, SampleRank, type ModelData, type ModelIdentity } from './types';
import { negativeNotice, plausibleValue, toNumber, toText } from './values';

/**
 * Tables read row by row: one row per model (our models table, or any table with model/version
 * columns) or one row per feature (our feature-drift table, or any table with a feature column).
 */

/** Where the table readers put what they find. */
export interface ModelSink {
  readonly aliases: Record<string, NameMapping>;
  /** The collected data of a model, created on first sight. */
  bucket(identity: ModelIdentity): ModelData;
  /** Adds a notice for the panel (once per text). */
  notice(text: string): void;
}

interface Columns {
  model?: Field;
  version?: Field;
  role?: Field;
  deploymentId?: Field;
  deployment?: Field;
  feature?: Field;
  driftStatus?: Field;
  accuracyStatus?: Field;
  /** Prometheus table format: the metric name of each row. */
  name?: Field;
}

/**
 * The identity and status columns, by name: a text column first, then any other but a time column.
 * Only the version may be a number column (SQL tables often keep it as an integer); other number
 * columns are values, never names.
 */
function columns(frame: DataFrame): Columns {
  const find = (names: readonly string[], numberAllowed = false) =>
    frame.fields.find((f) => f.type === FieldType.string && names.includes(f.name.toLowerCase())) ??
    frame.fields.find(
      (f) =>
        (numberAllowed || f.type !== FieldType.number) &&
        f.type !== FieldType.time &&
        names.includes(f.name.toLowerCase())
    );
  return {
    model: find(['model', 'model_name', 'modelname']),
    version: find(['model_version', 'version', 'modelversion'], true),
    role: find(['role']),
    deploymentId: find(['deployment_id']),
    deployment: find(['deployment']),
    feature: find(['feature']),
    driftStatus: find([FIELD.driftStatus]),
    accuracyStatus: find([FIELD.accuracyStatus]),
    name: find(['__name__']),
  };
}

export function isModelTable(frame: DataFrame): boolean {
  const cols = columns(frame);
  return !cols.feature && (cols.model !== undefined || cols.version !== undefined);
}

export function isFeatureTable(frame: DataFrame): boolean {
  return columns(frame).feature !== undefined;
}

/** The number columns that hold values: all but a number version column (see columns()). */
function valueColumns(frame: DataFrame, cols: Columns): Field[] {
  return frame.fields.filter((f) => f.type === FieldType.number && f !== cols.version);
}

/**
 * The model each row names: its columns first, the frame's labels for what they leave out. A table
 * without identity columns (our feature-drift table: one frame per model, named by its labels)
 * names the same model on every row, so that identity is made once, not once per feature.
 */
function rowIdentities(frame: DataFrame, cols: Columns, labels: Labels | undefined): (row: number) => ModelIdentity {
  const fromLabels = partsFromLabels(labels);
  const fallbackName = fallbackNameOf(frame);
  const identityAt = (i: number) =>
    makeIdentity(
      {
        model: toText(cols.model?.values[i]) || fromLabels.model,
        version: toText(cols.version?.values[i]) || fromLabels.version,
        role: toText(cols.role?.values[i]) || fromLabels.role,
        deploymentId: toText(cols.deploymentId?.values[i]) || fromLabels.deploymentId,
        deployment: toText(cols.deployment?.values[i]) || fromLabels.deployment,
      },
      fallbackName
    );
  // Stryker disable next-line ConditionalExpression: → true makes the same identity for every row again (speed only)
  if (cols.model || cols.version || cols.role || cols.deploymentId || cols.deployment) {
    return identityAt;
  }
  const identity = identityAt(0);
  return () => identity;
}

/** The signal of a table cell: by the row's metric name, the column, or (generic columns) the frame. */
function rowMapping(
  frame: DataFrame,
  field: Field,
  rowName: string,
  aliases: Record<string, NameMapping>
): MatchedMapping | undefined {
  // The frame's name and refId name the values only of a generic "Value" column.
  const generic = field.name === 'Value' || field.name === 'value';
  const names = [
    rowName,
    field.name,
    field.config?.displayNameFromDS,
    generic ? frame.name : undefined,
    generic ? frame.refId : undefined,
  ]
    // An empty name (no metric-name column) is looked up harmlessly: no metric or alias is named ''.
    .filter((n): n is string => typeof n === 'string' && n !== 'Value' && n !== 'value')
    .map((n) => n.trim().toLowerCase());
  return lookupName(names, aliases);
}

/** One row per model: statuses and per-model numbers. True when a row named a model. */
export function readModelTable(frame: DataFrame, kind: FrameKind | undefined, sink: ModelSink): boolean {
  const cols = columns(frame);
  const labels = frame.fields.find((f) => f.labels)?.labels;
  const rows = frame.length ?? frame.fields[0]?.values.length ?? 0;
  const numeric = valueColumns(frame, cols);
  const identityAt = rowIdentities(frame, cols, labels);
  let used = false;
  for (let i = 0; i < rows; i++) {
    const identity = identityAt(i);
    if (identity.kind === IdentityKind.Query || identity.kind === IdentityKind.Deployment) {
      continue; // a row that names no model
    }
    const data = sink.bucket(identity);
    used = true;
    data.driftStatus = data.driftStatus || toText(cols.driftStatus?.values[i]);
    data.accuracyStatus = data.accuracyStatus || toText(cols.accuracyStatus?.values[i]);
    const rowName = toText(cols.name?.values[i]);
    for (const field of numeric) {
      const mapping = rowMapping(frame, field, rowName, sink.aliases);
      if (!mapping || SIGNAL_SPECS[mapping.signal].perFeature) {
        continue;
      }
      setScalar(data, mapping.signal, {
        value: cellValue(field.values[i], mapping.signal, mapping.source, sink),
        rank: SampleRank.Direct,
        field,
        rowIndex: i,
        unit: mapping.unit,
        source: kindSource(kind, mapping.source),
      });
    }
  }
  return used;
}

/** Our feature-drift table's columns, by name. */
function gatewayFeatureMapping(field: Field): MatchedMapping | undefined {
  if (field.name === FIELD.drift) {
    return { signal: Signal.DriftScore, reducer: Reducer.Last, source: 'Feature drift' };
  }
  if (field.name === FIELD.importance) {
    return { signal: Signal.FeatureImportance, reducer: Reducer.Last, source: 'Feature drift' };
  }
  return undefined;
}

/** One row per feature: drift and importance. True when a row had either. */
export function readFeatureTable(frame: DataFrame, kind: FrameKind | undefined, sink: ModelSink): boolean {
  const cols = columns(frame);
  const feature = cols.feature;
  if (!feature) {
    return false;
  }
  const numeric = valueColumns(frame, cols);
  const labels = numeric.find((f) => f.labels)?.labels ?? frame.fields.find((f) => f.labels)?.labels;
  let used = false;
  const mappingOf = (field: Field, rowName: string) =>
    kind === FrameKind.FeatureDrift ? gatewayFeatureMapping(field) : rowMapping(frame, field, rowName, sink.aliases);
  // Without a metric-name column a column's signal is the same on every row: looked up once.
  // Stryker disable next-line StringLiteral: '' is what a row without that column reads; only an alias named like Stryker's text could tell them apart
  const fixedMappings = cols.name ? undefined : numeric.map((field) => mappingOf(field, ''));
  const identityAt = rowIdentities(frame, cols, labels);
  // Consecutive rows of one model share its bucket.
  let last: { identity: ModelIdentity; data: ModelData } | undefined;
  feature.values.forEach((cell, i) => {
    const name = toText(cell);
    if (name === '') {
      return;
    }
    const identity = identityAt(i);
    let data: ModelData | undefined;
    for (let k = 0; k < numeric.length; k++) {
      const field = numeric[k];
      // Stryker disable next-line OptionalChaining: without fixed mappings there is a name column
      const mapping = fixedMappings ? fixedMappings[k] : mappingOf(field, toText(cols.name?.values[i]));
      if (!mapping || (mapping.signal !== Signal.DriftScore && mapping.signal !== Signal.FeatureImportance)) {
        continue;
      }
      // Stryker disable next-line ConditionalExpression: asking the sink again gives the same bucket (speed only)
      if (!data) {
        // Stryker disable next-line ConditionalExpression: → false asks the sink every row, for the same bucket (speed only)
        last = last?.identity === identity ? last : { identity, data: sink.bucket(identity) };
        data = last.data;
      }
      const value = cellValue(field.values[i], mapping.signal, mapping.source, sink);
      setFeature(data.features, name, mapping.signal, value, SampleRank.Direct, field);
      used = true;
    }
  });
  return used;
}

/** A table cell as a number the panel may show (see {@link plausibleValue}); a negative one is noted. */
function cellValue(cell: unknown, signal: Signal, source: string, sink: ModelSink): number | null {
  const value = toNumber(cell);
  const shown = plausibleValue(value, signal);
  if (shown !== value) {
    sink.notice(negativeNotice(source));
  }
  return shown;
}
