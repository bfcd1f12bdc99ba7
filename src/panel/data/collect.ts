import { FieldType, type DataFrame, type Field } from '@grafana/data';

import { FRAME_KINDS, FrameShape, PanelUse } from '../../shared/frameKinds';
import { FRAME_SCHEMA_VERSION, type FrameKind } from '../../shared/frameSchema';
import { FIELD_1X } from '../../shared/frameKinds1x';
import { fallbackNameOf, fillIdentity, identityFromLabels } from './identity';
import {
  MODEL_LABELS,
  Reducer,
  SIGNAL_SPECS,
  Signal,
  classifyField,
  frameKind,
  pickLabel,
  type MatchedMapping,
  type NameMapping,
} from './mapping';
import { mergeOrphans, setFeature, setOutput, setScalar } from './samples';
import { isFeatureTable, isModelTable, readFeatureTable, readModelTable, type ModelSink } from './tables';
import { SampleRank, outputShareKey, type ModelData, type ModelIdentity } from './types';
import { lastIndexWithValue, negativeNotice, numbers, plausibleValue, reduceValues } from './values';
import { parseAliases } from './aliases';

export { counterIncreases, reduceValues, toNumber } from './values';
export { identityFromLabels, makeIdentity } from './identity';

/**
 * Frames → one {@link ModelData} per model: pure, order-preserving, tolerant of partial and mixed
 * input (our data source's frames next to Prometheus series or SQL tables). Unknown frames and
 * fields are skipped; nothing here throws on odd data. Value reduction is in `values.ts`, series
 * identity in `identity.ts`, tables in `tables.ts`, keeping the best value in `samples.ts`.
 */

interface CollectResult {
  models: ModelData[];
  notices: string[];
  /** Frames that carried something for the panel. */
  recognisedFrames: number;
}

class Collector implements ModelSink {
  private readonly byKey = new Map<string, ModelData>();
  private order = 0;
  readonly notices: string[] = [];
  recognisedFrames = 0;

  constructor(readonly aliases: Record<string, NameMapping>) {}

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
    // In insertion order; resolveRoles orders them by `order` (a merged model keeps the earlier one).
    return [...this.byKey.values()];
  }

  frame(frame: DataFrame) {
    this.checkSchemaVersion(frame);
    const kind = frameKind(frame);
    const use = kind && FRAME_KINDS[kind].panelUse;
    // Frames the panel does not read (deployments, prediction values, …), as FRAME_KINDS declares.
    // Stryker disable next-line ConditionalExpression,BlockStatement: their fields map to no signal either (mapping.test.ts); the skip saves reading them
    if (use === PanelUse.Ignored) {
      return;
    }
    let used: boolean;
    if (use === PanelUse.ModelRows || (kind === undefined && isModelTable(frame))) {
      used = readModelTable(frame, kind, this);
    } else if (use === PanelUse.FeatureRows || (kind === undefined && isFeatureTable(frame))) {
      used = readFeatureTable(frame, kind, this);
    } else {
      used = this.fields(frame, kind);
    }
    if (used) {
      this.recognisedFrames++;
    }
  }

  /** Says so when a frame follows a newer frame schema than this panel was built for. */
  private checkSchemaVersion(frame: DataFrame) {
    const version = (frame.meta?.custom as { frameSchemaVersion?: unknown } | undefined)?.frameSchemaVersion;
    if (typeof version === 'number' && version > FRAME_SCHEMA_VERSION) {
      this.notice(
        `The data follows frame schema ${version}, newer than this panel understands (${FRAME_SCHEMA_VERSION}); ` +
          'update the plugin. Values the panel does not recognise are left out.'
      );
    }
  }

  /** Frames with one value field per series (time series, one-row summaries). */
  private fields(frame: DataFrame, kind: FrameKind | undefined): boolean {
    const time = frame.fields.find((f) => f.type === FieldType.time);
    let used = false;
    for (const field of frame.fields) {
      const mapping = field.type === FieldType.number ? classifyField(frame, field, this.aliases) : undefined;
      if (mapping && this.field(frame, field, mapping, time, kind)) {
        used = true;
      }
    }
    return used;
  }

  /** An output column's value (the column is the feature label; a class share also by its category label), reduced when a series. */
  private outputColumn(
    identity: ModelIdentity,
    field: Field,
    mapping: MatchedMapping,
    values: Array<number | null>,
    isSeries: boolean
  ): boolean {
    const column = pickLabel(field.labels, MODEL_LABELS.feature);
    if (column === '') {
      this.notice(`"${mapping.source}" has no feature label; output column values need one.`);
      return false;
    }
    let key = column;
    if (mapping.signal === Signal.PredictionShare) {
      const category = pickLabel(field.labels, [FIELD_1X.category]);
      if (category === '') {
        this.notice(`"${mapping.source}" has no category label; class shares need one.`);
        return false;
      }
      key = outputShareKey(column, category);
    }
    setOutput(this.bucket(identity), key, {
      value: reduceValues(values, isSeries ? mapping.reducer : Reducer.Last),
      rank: isSeries ? SampleRank.ReducedSeries : SampleRank.Direct,
      field,
      unit: mapping.unit,
      source: mapping.source,
    });
    return true;
  }

  /** One value field: a per-feature value, or a model's series (and its reduced value) or single value. */
  private field(
    frame: DataFrame,
    field: Field,
    mapping: MatchedMapping,
    time: Field | undefined,
    kind: FrameKind | undefined
  ): boolean {
    const identity = identityFromLabels(field.labels, fallbackNameOf(frame));
    const raw = numbers(field);
    const values = raw.map((v) => plausibleValue(v, mapping.signal));
    if (values.some((v, i) => v !== raw[i])) {
      this.notice(negativeNotice(mapping.source));
    }
    // Our time-series kinds are series even with one point; others need two (an instant query has one).
    const isSeries =
      time !== undefined &&
      (values.length > 1 || (kind !== undefined && FRAME_KINDS[kind].shape === FrameShape.TimeSeries));
    if (SIGNAL_SPECS[mapping.signal].perOutputColumn) {
      return this.outputColumn(identity, field, mapping, values, isSeries);
    }
    if (SIGNAL_SPECS[mapping.signal].perFeature) {
      const feature = pickLabel(field.labels, MODEL_LABELS.feature);
      if (feature === '') {
        this.notice(`"${mapping.source}" has no feature label; per-feature values need one.`);
        return false;
      }
      const value = reduceValues(values, isSeries ? mapping.reducer : Reducer.Last);
      const rank = isSeries ? SampleRank.ReducedSeries : SampleRank.Direct;
      setFeature(this.bucket(identity).features, feature, mapping.signal, value, rank, field);
      return true;
    }
    const data = this.bucket(identity);
    if (isSeries) {
      data.series[mapping.signal] ??= {
        times: numbers(time).map((t) => t ?? NaN),
        values,
        field,
        reducer: mapping.reducer,
        source: mapping.source,
      };
      setScalar(data, mapping.signal, {
        value: reduceValues(values, mapping.reducer),
        rank: SampleRank.ReducedSeries,
        field,
        unit: mapping.unit,
        source: mapping.source,
      });
    } else {
      const rowIndex = lastIndexWithValue(values);
      setScalar(data, mapping.signal, {
        value: rowIndex >= 0 ? values[rowIndex] : null,
        rank: SampleRank.Direct,
        field,
        rowIndex: rowIndex >= 0 ? rowIndex : undefined,
        unit: mapping.unit,
        source: mapping.source,
      });
    }
    return true;
  }

  notice(text: string) {
    if (!this.notices.includes(text)) {
      this.notices.push(text);
    }
  }
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
    // A series always comes with its reduced value in `scalars`.
    Object.keys(data.scalars).length > 0 ||
    data.features.size > 0 ||
    data.driftStatus !== '' ||
    data.accuracyStatus !== '' ||
    data.identity.model !== '' ||
    data.identity.role !== ''
  );
}
