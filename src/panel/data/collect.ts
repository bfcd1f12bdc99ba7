import { FieldType, type DataFrame, type Field, type Labels } from '@grafana/data';

import { FIELD, FrameKind } from '../../shared/frameSchema';
import {
  MODEL_LABELS,
  Reducer,
  SIGNAL_SPECS,
  Signal,
  classifyField,
  frameKind,
  isIgnoredKind,
  kindSource,
  lookupName,
  parseAliases,
  pickLabel,
  type MatchedMapping,
  type NameMapping,
} from './mapping';
import type { FeatureData, ModelData, ModelIdentity, Sample, SeriesSample } from './types';
import { FRAME_KINDS, FrameShape, PanelUse } from '../../shared/frameKinds';

/**
 * Frames → one {@link ModelData} per model: pure, order-preserving, tolerant of partial and mixed
 * input (our data source's frames next to Prometheus series or SQL tables). Unknown frames and
 * fields are skipped; nothing here throws on odd data.
 */

interface CollectResult {
  models: ModelData[];
  notices: string[];
  /** Frames that carried something for the panel. */
  recognisedFrames: number;
}

// ---------------------------------------------------------------------------------------------
// Small value helpers

export function toNumber(value: unknown): number | null {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? value : null;
  }
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value);
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

function toText(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}

/** Reduces a series to one value; null when it has no values. */
export function reduceValues(values: ReadonlyArray<number | null>, reducer: Reducer): number | null {
  let count = 0;
  let sum = 0;
  let last: number | null = null;
  let increase = 0;
  let previous: number | null = null;
  for (const v of values) {
    if (v === null || !Number.isFinite(v)) {
      continue;
    }
    count++;
    sum += v;
    last = v;
    if (previous !== null) {
      // A counter that went down was reset: everything since the reset counts.
      increase += v >= previous ? v - previous : v;
    }
    previous = v;
  }
  if (count === 0) {
    return null;
  }
  switch (reducer) {
    case Reducer.Sum:
      return sum;
    case Reducer.Mean:
      return sum / count;
    case Reducer.Increase:
      // A single point is already an increase (e.g. PromQL increase(...[$__range]) as an instant query).
      return count === 1 ? last : increase;
    default:
      return last;
  }
}

/** A counter series as increases per interval (the first point has none), tolerating resets. */
export function counterIncreases(values: ReadonlyArray<number | null>): Array<number | null> {
  const out: Array<number | null> = [];
  let previous: number | null = null;
  for (const v of values) {
    if (v === null || !Number.isFinite(v)) {
      out.push(null);
      continue;
    }
    out.push(previous === null ? null : v >= previous ? v - previous : v);
    previous = v;
  }
  return out;
}

function numbers(field: Field): Array<number | null> {
  const out = new Array<number | null>(field.values.length);
  for (let i = 0; i < field.values.length; i++) {
    out[i] = toNumber(field.values[i]);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Identity

interface IdentityParts {
  model?: string;
  version?: string;
  role?: string;
  deploymentId?: string;
  deployment?: string;
}

export function makeIdentity(parts: IdentityParts, fallbackName: string): ModelIdentity {
  const model = (parts.model ?? '').trim();
  const version = (parts.version ?? '').trim();
  const role = (parts.role ?? '').trim();
  const deploymentId = (parts.deploymentId ?? '').trim();
  const deployment = (parts.deployment ?? '').trim();
  let key: string;
  if (model !== '' || version !== '') {
    key = `m|${deploymentId || deployment}|${model}|${version}`;
  } else if (role !== '') {
    key = `r|${role.toLowerCase()}`;
  } else {
    key = `q|${fallbackName}`;
  }
  return { key, model, version, role, deploymentId, deployment, fallbackName };
}

export function identityFromLabels(labels: Labels | undefined, fallbackName: string): ModelIdentity {
  return makeIdentity(
    {
      model: pickLabel(labels, MODEL_LABELS.model),
      version: pickLabel(labels, MODEL_LABELS.version),
      role: pickLabel(labels, MODEL_LABELS.role),
      deploymentId: pickLabel(labels, MODEL_LABELS.deploymentId),
      deployment: pickLabel(labels, MODEL_LABELS.deployment),
    },
    fallbackName
  );
}

function fallbackNameOf(frame: DataFrame): string {
  return frame.refId || frame.name || '';
}

// ---------------------------------------------------------------------------------------------
// Collector

class Collector {
  private readonly byKey = new Map<string, ModelData>();
  private order = 0;
  readonly notices: string[] = [];
  recognisedFrames = 0;

  constructor(private readonly aliases: Record<string, NameMapping>) {}

  bucket(identity: ModelIdentity): ModelData {
    let data = this.byKey.get(identity.key);
    if (!data) {
      data = {
        identity: { ...identity },
        order: this.order++,
        scalars: {},
        series: {},
        features: new Map(),
        driftStatus: '',
        accuracyStatus: '',
      };
      this.byKey.set(identity.key, data);
    } else {
      fillIdentity(data.identity, identity);
    }
    return data;
  }

  models(): ModelData[] {
    mergeOrphans(this.byKey);
    return [...this.byKey.values()].sort((a, b) => a.order - b.order);
  }

  frame(frame: DataFrame) {
    const kind = frameKind(frame);
    if (isIgnoredKind(kind)) {
      return;
    }
    let used: boolean;
    const use = kind && FRAME_KINDS[kind].panelUse;
    if (use === PanelUse.ModelRows || (kind === undefined && isModelTable(frame))) {
      used = this.modelTable(frame, kind);
    } else if (use === PanelUse.FeatureRows || (kind === undefined && isFeatureTable(frame))) {
      used = this.featureTable(frame, kind);
    } else {
      used = this.fields(frame);
    }
    if (used) {
      this.recognisedFrames++;
    }
  }

  /** Frames with one value field per series (time series, one-row summaries). */
  private fields(frame: DataFrame): boolean {
    const kind = frameKind(frame);
    const time = frame.fields.find((f) => f.type === FieldType.time);
    let used = false;
    for (const field of frame.fields) {
      if (field.type !== FieldType.number) {
        continue;
      }
      const mapping = classifyField(frame, field, this.aliases);
      if (!mapping) {
        continue;
      }
      const identity = identityFromLabels(field.labels, fallbackNameOf(frame));
      const values = numbers(field);
      // Our time-series kinds are series even with one point; others need two (an instant query has one).
      const isSeries =
        time !== undefined &&
        (values.length > 1 || (kind !== undefined && FRAME_KINDS[kind].shape === FrameShape.TimeSeries));
      const spec = SIGNAL_SPECS[mapping.signal];
      if (spec.perFeature) {
        const feature = pickLabel(field.labels, MODEL_LABELS.feature);
        if (feature === '') {
          this.notice(`"${mapping.source}" has no feature label; per-feature values need one.`);
          continue;
        }
        const value = isSeries ? reduceValues(values, mapping.reducer) : reduceValues(values, Reducer.Last);
        setFeature(this.bucket(identity).features, feature, mapping.signal, value, isSeries ? 2 : 3, field);
        used = true;
        continue;
      }
      const data = this.bucket(identity);
      if (isSeries) {
        if (!data.series[mapping.signal]) {
          data.series[mapping.signal] = {
            times: numbers(time).map((t) => t ?? NaN),
            values,
            field,
            reducer: mapping.reducer,
            source: mapping.source,
          } satisfies SeriesSample;
        }
        setScalar(data, mapping.signal, {
          value: reduceValues(values, mapping.reducer),
          rank: 2,
          field,
          unit: mapping.unit,
          source: mapping.source,
        });
      } else {
        const rowIndex = lastIndexWithValue(values);
        setScalar(data, mapping.signal, {
          value: rowIndex >= 0 ? values[rowIndex] : null,
          rank: 3,
          field,
          rowIndex: rowIndex >= 0 ? rowIndex : undefined,
          unit: mapping.unit,
          source: mapping.source,
        });
      }
      used = true;
    }
    return used;
  }

  /** One row per model (our models table, or any table with model/version columns). */
  private modelTable(frame: DataFrame, kind: FrameKind | undefined): boolean {
    const cols = columns(frame);
    const labels = frame.fields.find((f) => f.labels)?.labels;
    const rows = frame.length ?? frame.fields[0]?.values.length ?? 0;
    const identityCols = new Set(
      [
        cols.model,
        cols.version,
        cols.role,
        cols.deploymentId,
        cols.deployment,
        cols.driftStatus,
        cols.accuracyStatus,
        cols.name,
      ].filter(Boolean)
    );
    const numeric = frame.fields.filter((f) => f.type === FieldType.number && !identityCols.has(f));
    let used = false;
    for (let i = 0; i < rows; i++) {
      const identity = makeIdentity(
        {
          model: toText(cols.model?.values[i]) || pickLabel(labels, MODEL_LABELS.model),
          version: toText(cols.version?.values[i]) || pickLabel(labels, MODEL_LABELS.version),
          role: toText(cols.role?.values[i]) || pickLabel(labels, MODEL_LABELS.role),
          deploymentId: toText(cols.deploymentId?.values[i]) || pickLabel(labels, MODEL_LABELS.deploymentId),
          deployment: toText(cols.deployment?.values[i]) || pickLabel(labels, MODEL_LABELS.deployment),
        },
        fallbackNameOf(frame)
      );
      if (!identity.key.startsWith('m|') && !identity.key.startsWith('r|')) {
        continue; // a row that names no model
      }
      const data = this.bucket(identity);
      used = true;
      const drift = toText(cols.driftStatus?.values[i]);
      const accuracy = toText(cols.accuracyStatus?.values[i]);
      if (drift && !data.driftStatus) {
        data.driftStatus = drift;
      }
      if (accuracy && !data.accuracyStatus) {
        data.accuracyStatus = accuracy;
      }
      const rowName = toText(cols.name?.values[i]).toLowerCase();
      for (const field of numeric) {
        const mapping = this.rowMapping(frame, field, rowName);
        if (!mapping || SIGNAL_SPECS[mapping.signal].perFeature) {
          continue;
        }
        setScalar(data, mapping.signal, {
          value: toNumber(field.values[i]),
          rank: 3,
          field,
          rowIndex: i,
          unit: mapping.unit,
          source: kindSource(kind, mapping.source),
        });
      }
    }
    return used;
  }

  /** One row per feature (our feature-drift table, or any table with a feature column). */
  private featureTable(frame: DataFrame, kind: FrameKind | undefined): boolean {
    const cols = columns(frame);
    const feature = cols.feature;
    if (!feature) {
      return false;
    }
    const numeric = frame.fields.filter((f) => f.type === FieldType.number);
    const labels = numeric.find((f) => f.labels)?.labels ?? frame.fields.find((f) => f.labels)?.labels;
    const rows = feature.values.length;
    let used = false;
    for (let i = 0; i < rows; i++) {
      const name = toText(feature.values[i]);
      if (name === '') {
        continue;
      }
      const rowName = toText(cols.name?.values[i]).toLowerCase();
      const identity = makeIdentity(
        {
          model: toText(cols.model?.values[i]) || pickLabel(labels, MODEL_LABELS.model),
          version: toText(cols.version?.values[i]) || pickLabel(labels, MODEL_LABELS.version),
          role: toText(cols.role?.values[i]) || pickLabel(labels, MODEL_LABELS.role),
          deploymentId: toText(cols.deploymentId?.values[i]) || pickLabel(labels, MODEL_LABELS.deploymentId),
          deployment: toText(cols.deployment?.values[i]) || pickLabel(labels, MODEL_LABELS.deployment),
        },
        fallbackNameOf(frame)
      );
      let data: ModelData | undefined;
      for (const field of numeric) {
        const mapping =
          kind === FrameKind.FeatureDrift ? gatewayFeatureMapping(field) : this.rowMapping(frame, field, rowName);
        if (!mapping || (mapping.signal !== Signal.DriftScore && mapping.signal !== Signal.FeatureImportance)) {
          continue;
        }
        data = data ?? this.bucket(identity);
        setFeature(data.features, name, mapping.signal, toNumber(field.values[i]), 3, field);
        used = true;
      }
    }
    return used;
  }

  private rowMapping(frame: DataFrame, field: Field, rowName: string): MatchedMapping | undefined {
    // The frame's name and refId name the values only of a generic "Value" column.
    const generic = field.name === 'Value' || field.name === 'value';
    const names = [
      rowName,
      field.name,
      field.config?.displayNameFromDS,
      generic ? frame.name : undefined,
      generic ? frame.refId : undefined,
    ]
      .filter((n): n is string => typeof n === 'string' && n !== '' && n !== 'Value' && n !== 'value')
      .map((n) => n.trim().toLowerCase());
    return lookupName(names, this.aliases);
  }

  private notice(text: string) {
    if (!this.notices.includes(text)) {
      this.notices.push(text);
    }
  }
}

function gatewayFeatureMapping(field: Field): MatchedMapping | undefined {
  if (field.name === FIELD.drift) {
    return { signal: Signal.DriftScore, reducer: Reducer.Last, source: 'Feature drift' };
  }
  if (field.name === FIELD.importance) {
    return { signal: Signal.FeatureImportance, reducer: Reducer.Last, source: 'Feature drift' };
  }
  return undefined;
}

function lastIndexWithValue(values: Array<number | null>): number {
  for (let i = values.length - 1; i >= 0; i--) {
    if (values[i] !== null) {
      return i;
    }
  }
  return values.length > 0 ? values.length - 1 : -1;
}

function fillIdentity(target: ModelIdentity, from: ModelIdentity) {
  if (!target.role && from.role) {
    target.role = from.role;
  }
  if (!target.deployment && from.deployment) {
    target.deployment = from.deployment;
  }
  if (!target.deploymentId && from.deploymentId) {
    target.deploymentId = from.deploymentId;
  }
  if (!target.fallbackName && from.fallbackName) {
    target.fallbackName = from.fallbackName;
  }
}

/** Keeps the best sample: higher rank wins, a value beats no value; ties keep the first. */
function setScalar(data: ModelData, signal: Signal, sample: Sample) {
  const existing = data.scalars[signal];
  if (
    !existing ||
    (existing.value === null && sample.value !== null) ||
    (sample.value !== null && sample.rank > existing.rank)
  ) {
    data.scalars[signal] = sample;
  }
}

function setFeature(
  features: Map<string, FeatureData>,
  name: string,
  signal: Signal,
  value: number | null,
  rank: number,
  field?: Field
) {
  let feature = features.get(name);
  if (!feature) {
    feature = { name, drift: null, importance: null, rank: 0 };
    features.set(name, feature);
  }
  if (signal === Signal.DriftScore) {
    if (feature.drift === null || (value !== null && rank > feature.rank)) {
      feature.drift = value;
      feature.rank = Math.max(feature.rank, rank);
      feature.driftField = field;
    }
  } else if (signal === Signal.FeatureImportance) {
    if (feature.importance === null) {
      feature.importance = value;
      feature.importanceField = field;
    }
  }
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

function columns(frame: DataFrame): Columns {
  const find = (names: readonly string[]) =>
    frame.fields.find((f) => f.type === FieldType.string && names.includes(f.name.toLowerCase())) ??
    frame.fields.find(
      (f) => f.type !== FieldType.number && f.type !== FieldType.time && names.includes(f.name.toLowerCase())
    );
  return {
    model: find(['model', 'model_name', 'modelname']),
    version: find(['model_version', 'version', 'modelversion']),
    role: find(['role']),
    deploymentId: find(['deployment_id']),
    deployment: find(['deployment']),
    feature: find(['feature']),
    driftStatus: find([FIELD.driftStatus]),
    accuracyStatus: find([FIELD.accuracyStatus]),
    name: find(['__name__']),
  };
}

function isModelTable(frame: DataFrame): boolean {
  const cols = columns(frame);
  return !cols.feature && (cols.model !== undefined || cols.version !== undefined);
}

function isFeatureTable(frame: DataFrame): boolean {
  return columns(frame).feature !== undefined;
}

/**
 * Folds partial identities into full ones: a series labelled only by model and version joins the
 * single deployment-qualified model with that name and version; one labelled only by role joins
 * the single model with that role.
 */
function mergeOrphans(byKey: Map<string, ModelData>) {
  const all = [...byKey.values()];
  for (const orphan of all) {
    const id = orphan.identity;
    let targets: ModelData[] = [];
    if (id.key.startsWith('m|') && !id.deploymentId && !id.deployment) {
      targets = all.filter(
        (d) =>
          d !== orphan &&
          byKey.has(d.identity.key) &&
          (d.identity.deploymentId || d.identity.deployment) &&
          d.identity.model === id.model &&
          d.identity.version === id.version
      );
    } else if (id.key.startsWith('r|')) {
      targets = all.filter(
        (d) =>
          d !== orphan &&
          byKey.has(d.identity.key) &&
          d.identity.key.startsWith('m|') &&
          d.identity.role.toLowerCase() === id.role.toLowerCase()
      );
    }
    if (targets.length === 1) {
      mergeInto(targets[0], orphan);
      byKey.delete(id.key);
    }
  }
}

function mergeInto(target: ModelData, source: ModelData) {
  for (const [signal, sample] of Object.entries(source.scalars) as Array<[Signal, Sample]>) {
    setScalar(target, signal, sample);
  }
  for (const [signal, series] of Object.entries(source.series) as Array<[Signal, SeriesSample]>) {
    target.series[signal] = target.series[signal] ?? series;
  }
  for (const feature of source.features.values()) {
    if (feature.driftField || feature.drift !== null) {
      setFeature(target.features, feature.name, Signal.DriftScore, feature.drift, feature.rank, feature.driftField);
    }
    if (feature.importance !== null && feature.importanceField) {
      setFeature(
        target.features,
        feature.name,
        Signal.FeatureImportance,
        feature.importance,
        feature.rank,
        feature.importanceField
      );
    }
  }
  target.driftStatus = target.driftStatus || source.driftStatus;
  target.accuracyStatus = target.accuracyStatus || source.accuracyStatus;
  fillIdentity(target.identity, source.identity);
  target.order = Math.min(target.order, source.order);
}

/** Collects the models of a panel's frames. `aliasText` is the "metric aliases" option. */
export function collectModels(frames: readonly DataFrame[], aliasText = ''): CollectResult {
  const { aliases, errors } = parseAliases(aliasText);
  const collector = new Collector(aliases);
  for (const frame of frames) {
    collector.frame(frame);
  }
  const models = collector.models().filter(hasContent);
  return { models, notices: [...errors, ...collector.notices], recognisedFrames: collector.recognisedFrames };
}

function hasContent(data: ModelData): boolean {
  return (
    Object.keys(data.scalars).length > 0 ||
    Object.keys(data.series).length > 0 ||
    data.features.size > 0 ||
    data.driftStatus !== '' ||
    data.accuracyStatus !== '' ||
    data.identity.model !== '' ||
    data.identity.role !== ''
  );
}
