import {
  rawHealthMetricsSchema,
  rawHealthPredictionValuesSchema,
  rawHealthPredictionsSchema,
  rawHealthSummarySchema,
  type RawHealthMetrics,
} from '../gateway/rawTypes';
import { decode, valueOrShapeError } from './decode';
import type {
  BoxPlot,
  HealthMetrics,
  HealthPredictionValues,
  HealthPredictions,
  HealthSummary,
  TimeHistogram,
} from './domain';
import { parseBoxPlot, parseTimeHistogram } from './graphs';
import { NOTE, ParseNotes } from './notes';
import { ResponseShapeError, nonNegative, parseCount, parseDouble } from './scalars';

/**
 * The health answer (`GET …/metrics/{model}/health`) in three parts, each checked and converted only
 * when a query shows it: the totals, the prediction histogram, the box plots. A part's notices are
 * those of what it read — a NaN bin is noted on the predictions frame, not on the summary.
 */

const WHAT = 'health metrics';
const TOTAL = 'totalPredictions';

function readTotals(raw: RawHealthMetrics, notes: ParseNotes): Omit<HealthSummary, 'notices'> {
  return {
    totalPredictions: parseCount(raw.totalPredictions, TOTAL, notes),
    scoringLatencyMs: nonNegative(parseDouble(raw.scoringLatency, 'scoringLatency', notes), 'scoringLatency', notes),
  };
}

/** The histogram, with a notice when its bins add up to more than `total` (one of them is wrong). */
function readPredictions(raw: RawHealthMetrics, total: number | null, notes: ParseNotes): TimeHistogram | null {
  const predictions = parseTimeHistogram(raw.predictions, 'predictions', notes);
  if (predictions !== null && total !== null) {
    const binTotal = predictions.counts.reduce(addCount, 0);
    if (binTotal > total) {
      notes.add(`${NOTE.binsPastTotal}: ${binTotal} > ${total}`, 'predictions');
    }
  }
  return predictions;
}

/** A module function, not a callback made per answer: V8 keeps a closure's optimised code only while it lives. */
function addCount(sum: number, count: number | null): number {
  return sum + (count ?? 0);
}

function readPredictionValues(raw: RawHealthMetrics, notes: ParseNotes): BoxPlot | null {
  return parseBoxPlot(raw.predictionValues, 'predictionValues', notes);
}

export function parseHealthSummary(body: unknown): HealthSummary {
  const raw = decode(rawHealthSummarySchema, body, WHAT);
  const notes = new ParseNotes();
  return { ...readTotals(raw, notes), notices: notes.list() };
}

export function parseHealthPredictions(body: unknown): HealthPredictions {
  const raw = decode(rawHealthPredictionsSchema, body, WHAT);
  const notes = new ParseNotes();
  return { predictions: readPredictions(raw, totalForCheck(raw.totalPredictions), notes), notices: notes.list() };
}

/** The reported total for the bins check; its own problems are the summary's to report. */
function totalForCheck(value: string | number | null | undefined): number | null {
  const total = valueOrShapeError(() => parseCount(value, TOTAL, new ParseNotes()));
  return total instanceof ResponseShapeError ? null : total;
}

export function parseHealthPredictionValues(body: unknown): HealthPredictionValues {
  const raw = decode(rawHealthPredictionValuesSchema, body, WHAT);
  const notes = new ParseNotes();
  return { predictionValues: readPredictionValues(raw, notes), notices: notes.list() };
}

/** The whole answer (tools and tests): every part, its notices grouped over the whole answer. */
export function parseHealthMetrics(body: unknown): HealthMetrics {
  const raw = decode(rawHealthMetricsSchema, body, WHAT);
  const notes = new ParseNotes();
  const totals = readTotals(raw, notes);
  return {
    ...totals,
    predictions: readPredictions(raw, totals.totalPredictions, notes),
    predictionValues: readPredictionValues(raw, notes),
    notices: notes.list(),
  };
}
