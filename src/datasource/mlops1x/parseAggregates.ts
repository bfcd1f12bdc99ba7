import {
  parseSegmentDuration,
  validateHistogram,
  type ColumnAggregate,
  type NumericSummary,
  type OpenHistogram,
} from '../../shared/drift';
import { ParseNotes } from '../parse/notes';
import { requireTime } from '../parse/dateTime';
import { ResponseShapeError } from '../parse/scalars';
import type { BaselineAggregation, ColumnAggregation, Page, ScoringAggregation } from './domain';
import {
  arrayField,
  boolField,
  countField,
  doubleField,
  logicalTypeField,
  parsePage,
  requireObject,
  requireString,
  stringField,
} from './parseCommon';

/**
 * Parsers of the monitoring service's aggregates (V2BaselineAggregation, V2ScoringAggregation)
 * into the drift library's ColumnAggregate. A histogram whose counts do not match its edges
 * (H2O: `binCount.length == binEdges.length + 1`) or whose edges are not ascending is refused:
 * drift from it would be a wrong number.
 */

function histogram(raw: Record<string, unknown>, path: string, notes: ParseNotes): OpenHistogram {
  // Edges must be true numbers: a NaN edge read as 0 would move every count silently.
  const edges = arrayField(raw.binEdges, `${path}.binEdges`).map((e, i) => {
    const edge = typeof e === 'string' ? Number(e) : e;
    if (typeof edge !== 'number' || !Number.isFinite(edge)) {
      throw new ResponseShapeError(`expected a finite bin edge, got ${JSON.stringify(e)}`, `${path}.binEdges[${i}]`);
    }
    return edge;
  });
  const counts = arrayField(raw.binCount, `${path}.binCount`).map((c, i) =>
    countField(c, `${path}.binCount[${i}]`, notes)
  );
  // An aggregate without any bins (no rows yet) is an empty histogram: one bin of 0.
  const h: OpenHistogram = counts.length === 0 && edges.length === 0 ? { edges: [], counts: [0] } : { edges, counts };
  try {
    validateHistogram(h, 'histogram');
  } catch (error) {
    throw new ResponseShapeError(error instanceof Error ? error.message : String(error), path);
  }
  return h;
}

function summary(raw: Record<string, unknown>, count: number, path: string, notes: ParseNotes): NumericSummary | null {
  if (count === 0) {
    return null;
  }
  const mean = doubleField(raw.mean, `${path}.mean`, notes);
  return {
    count,
    mean,
    standardDeviation: doubleField(raw.standardDeviation, `${path}.standardDeviation`, notes),
    min: doubleField(raw.min, `${path}.min`, notes),
    max: doubleField(raw.max, `${path}.max`, notes),
    // An absent sum is 0 in protobuf JSON only when it is 0; derive it when the mean says otherwise.
    sum: raw.sum === undefined ? mean * count : doubleField(raw.sum, `${path}.sum`, notes),
  };
}

function valueCounts(raw: unknown, path: string, notes: ParseNotes): Record<string, number> {
  if (raw === undefined || raw === null) {
    return {};
  }
  const object = requireObject(raw, path, 'value counts');
  const out: Record<string, number> = {};
  for (const [value, count] of Object.entries(object)) {
    out[value] = countField(count, `${path}[${JSON.stringify(value)}]`, notes);
  }
  return out;
}

const sumOf = (counts: readonly number[]) => counts.reduce((a, b) => a + b, 0);

function aggregateOf(a: Record<string, unknown>, path: string, notes: ParseNotes): ColumnAggregate {
  const result: {
    numerical?: ColumnAggregate['numerical'];
    categorical?: ColumnAggregate['categorical'];
    text?: ColumnAggregate['text'];
    missingRows?: number;
  } = {};
  if (a.numericalAggregate !== undefined && a.numericalAggregate !== null) {
    const at = `${path}.numericalAggregate`;
    const raw = requireObject(a.numericalAggregate, at, 'a numerical aggregate');
    const h = histogram(raw, at, notes);
    result.numerical = { histogram: h, summary: summary(raw, sumOf(h.counts), at, notes) };
  }
  if (a.categoricalAggregate !== undefined && a.categoricalAggregate !== null) {
    const at = `${path}.categoricalAggregate`;
    const raw = requireObject(a.categoricalAggregate, at, 'a categorical aggregate');
    result.categorical = { valueCounts: valueCounts(raw.valueCounts, `${at}.valueCounts`, notes) };
  }
  if (a.textAggregate !== undefined && a.textAggregate !== null) {
    const at = `${path}.textAggregate`;
    const raw = requireObject(a.textAggregate, at, 'a text aggregate');
    const h = histogram(raw, at, notes);
    result.text = {
      lengthHistogram: h,
      lengthSummary: summary(raw, sumOf(h.counts), at, notes),
      topWords: valueCounts(raw.topWords, `${at}.topWords`, notes),
    };
  }
  if (a.missingValues !== undefined && a.missingValues !== null) {
    const raw = requireObject(a.missingValues, `${path}.missingValues`, 'missing values');
    result.missingRows = countField(raw.rowCount, `${path}.missingValues.rowCount`, notes);
  }
  return result;
}

function columnAggregation(raw: unknown, path: string, notes: ParseNotes, typeRequired: boolean): ColumnAggregation {
  const a = requireObject(raw, path, 'an aggregate');
  if (typeRequired && (a.logicalType === undefined || a.logicalType === null || a.logicalType === '')) {
    throw new ResponseShapeError('missing required logical type', `${path}.logicalType`);
  }
  const text = a.textAggregate;
  const oov = text && typeof text === 'object' ? (text as Record<string, unknown>).oovRate : undefined;
  return {
    id: stringField(a.id, `${path}.id`),
    column: requireString(a.column, `${path}.column`),
    logicalType: logicalTypeField(a.logicalType, `${path}.logicalType`, notes),
    isModelOutput: boolField(a.isModelOutput, `${path}.isModelOutput`) ?? false,
    experimentIds: arrayField(a.experimentIds, `${path}.experimentIds`).map((e, i) =>
      requireString(e, `${path}.experimentIds[${i}]`)
    ),
    aggregate: aggregateOf(a, path, notes),
    oovRate: oov === undefined ? null : doubleField(oov, `${path}.textAggregate.oovRate`, notes),
  };
}

export function parseBaselineAggregation(raw: unknown, path: string, notes: ParseNotes): BaselineAggregation {
  return columnAggregation(raw, path, notes, true);
}

export function parseScoringAggregation(raw: unknown, path: string, notes: ParseNotes): ScoringAggregation {
  const base = columnAggregation(raw, path, notes, false);
  const a = raw as Record<string, unknown>;
  const startMs = requireTime(stringField(a.startTime, `${path}.startTime`), `${path}.startTime`, notes);
  const durationText = requireString(a.segmentDuration, `${path}.segmentDuration`);
  let durationMs: number;
  try {
    durationMs = parseSegmentDuration(durationText);
  } catch (error) {
    throw new ResponseShapeError(error instanceof Error ? error.message : String(error), `${path}.segmentDuration`);
  }
  return { ...base, startMs, durationMs };
}

/** V2ListBaselineAggregatesResponse. */
export function parseBaselinePage(body: unknown): Page<BaselineAggregation> {
  return parsePage(body, 'baselineAggregates', 'a baseline aggregate list', parseBaselineAggregation);
}

/** V2ListAggregatesResponse. */
export function parseScoringPage(body: unknown): Page<ScoringAggregation> {
  return parsePage(body, 'aggregates', 'a scoring aggregate list', parseScoringAggregation);
}
