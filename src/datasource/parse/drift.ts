import type { Infer } from '../gateway/shape';
import {
  rawDriftFrequenciesSchema,
  rawDriftMetricsSchema,
  rawDriftSeriesReadSchema,
  rawDriftSeriesSchema,
  rawDriftSummarySchema,
  type RawDriftMetrics,
  type RawFeature,
  type RawPoint,
} from '../gateway/rawTypes';
import { newTimeAxis } from './dateTime';
import { decode, decodeWhileReading } from './decode';
import type {
  CategoryPoint,
  DriftFrequencies,
  DriftMetrics,
  DriftSeries,
  DriftSummary,
  Feature,
  FeatureFrequency,
} from './domain';
import { countOf, graphLabels, parseTimeColumns, pointNumber } from './graphs';
import { NOTE, ParseNotes } from './notes';
import { ResponseShapeError, nonNegative, optionalText, parseCount, parseDecimal, parseDouble } from './scalars';

/**
 * The drift answer (`GET …/metrics/{model}/drift`) → domain, in three parts, each checked and
 * converted only when a query shows it: the summary (counts, thresholds, features), the drift over
 * time (two thousand features × a hundred points is most of the answer), and the frequencies.
 */

const WHAT = 'drift metrics';

/**
 * proto3 semantics: an absent `driftCalculated` is false. When drift was not calculated the
 * gateway's drift, importance and impact are defaults, so they become null rather than 0.
 */
function parseFeature(raw: RawFeature, path: string, notes: ParseNotes): Feature {
  const driftCalculated = raw.driftCalculated === true;
  const measured = (value: number | string | null | undefined, field: string) =>
    driftCalculated ? parseDouble(value, `${path}.${field}`, notes) : null;
  return {
    name: optionalText(raw.name),
    dataType: optionalText(raw.dataType),
    driftCalculated,
    drift: measured(raw.drift, 'drift'),
    importance: measured(raw.importance, 'importance'),
    impact: measured(raw.impact, 'impact'),
    missingValues: parseCount(raw.missingValues, `${path}.missingValues`, notes),
  };
}

function parseCategoryPoints(points: RawPoint[], path: string, notes: ParseNotes): CategoryPoint[] {
  return points.map((point, i) => ({
    category: optionalText(point.xAxis),
    // A category's value is a count: never negative.
    value: nonNegative(pointNumber(point, `${path}[${i}]`, notes), `${path}[${i}]`, notes),
  }));
}

type Density = NonNullable<NonNullable<RawDriftMetrics['featureFrequency']>['featureDensity']>[number];
type RawBin = NonNullable<NonNullable<Density['continuous']>['bin']>[number];

/**
 * Continuous bins sorted by their lower bound. A bin with an empty bound cannot be placed on the
 * axis: it is left out with a note (the official client keeps the text; we cannot draw it). A bin
 * whose upper bound is below its lower one, or bins that overlap, are refused.
 */
function continuousBins(rawBins: RawBin[], path: string, notes: ParseNotes) {
  const bins: Array<{ min: number; max: number; count: number | null }> = [];
  rawBins.forEach((bin, j) => {
    const binPath = `${path}.continuous.bin[${j}]`;
    const min = parseDecimal(bin.xMin, `${binPath}.xMin`, notes);
    const max = parseDecimal(bin.xMax, `${binPath}.xMax`, notes);
    if (min === null || max === null) {
      notes.add(NOTE.binWithoutBounds, binPath);
      return;
    }
    if (max < min) {
      throw new ResponseShapeError('bin ends before it starts (xMax < xMin)', binPath);
    }
    bins.push({ min, max, count: countOf(bin.y, `${binPath}.y`, notes) });
  });
  bins.sort((a, b) => a.min - b.min || a.max - b.max);
  return bins.filter((bin, i) => {
    const previous = bins[i - 1];
    if (previous && previous.min === bin.min && previous.max === bin.max && previous.count === bin.count) {
      notes.add(NOTE.duplicateBin, `${path}.continuous`);
      return false;
    }
    if (previous && bin.min < previous.max) {
      throw new ResponseShapeError('bins overlap', `${path}.continuous`);
    }
    return true;
  });
}

/** One feature's distribution, with its own notes (a frequency query shows one feature). */
function parseFrequency(density: Density, path: string): FeatureFrequency {
  const notes = new ParseNotes();
  const frequency = frequencyOf(density, path, notes);
  const notices = notes.list();
  return notices.length > 0 ? { ...frequency, notices } : frequency;
}

function frequencyOf(density: Density, path: string, notes: ParseNotes): FeatureFrequency {
  const featureName = optionalText(density.featureName);
  const { continuous, categorical } = density;
  if (continuous) {
    const bins = continuousBins(continuous.bin ?? [], path, notes);
    if (bins.length > 0) {
      return { featureName, kind: 'continuous', histogram: graphLabels(continuous), bins };
    }
  }
  if (categorical?.point && categorical.point.length > 0) {
    return {
      featureName,
      kind: 'categorical',
      graph: graphLabels(categorical),
      categories: parseCategoryPoints(categorical.point, `${path}.categorical.point`, notes),
    };
  }
  return { featureName, kind: 'empty' };
}

type RawDriftSummary = Infer<typeof rawDriftSummarySchema>;
/** The series part, its points left to their reader (rawTypes' pointFits). */
type RawDriftSeries = Infer<typeof rawDriftSeriesReadSchema>;

/**
 * One loop in a module function, not a callback per answer: V8 keeps a closure's optimised code only
 * while the closure lives, so a callback made per answer ran the per-feature work unoptimised again
 * after every collection.
 */
function readSeries(raw: RawDriftSeries, notes: ParseNotes): DriftSeries['driftOverTime'] {
  const items = raw.featureImportance?.featureDrift ?? [];
  // Every feature's drift is computed over the same windows: one time axis for all of them.
  const axis = newTimeAxis();
  const series: DriftSeries['driftOverTime'] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const path = `featureImportance.featureDrift[${i}]`;
    const feature = parseFeature(item.Feature ?? {}, `${path}.Feature`, notes);
    // Stryker disable next-line ObjectLiteral: without the shared axis each time is converted again, to the same value (speed only)
    const { times, values } = parseTimeColumns(item.drift, `${path}.drift`, notes, { axis });
    // A literal, not a spread: its hidden class lives with the function, so the frames' loop over
    // the series keeps its optimised code after the answer is gone.
    series.push({ feature, times, values });
  }
  return series;
}

/**
 * Counts, thresholds and features: those of featureSummary, else `fallback` — the features inside
 * featureImportance (read here without their points unless the caller has them already).
 */
function readSummary(
  raw: RawDriftSummary,
  notes: ParseNotes,
  fallback: () => Feature[] = () =>
    (raw.featureImportance?.featureDrift ?? []).map((item, i) =>
      parseFeature(item.Feature ?? {}, `featureImportance.featureDrift[${i}].Feature`, notes)
    )
): Omit<DriftSummary, 'notices'> {
  const importance = raw.featureImportance;
  const summaryFeatures = (raw.featureSummary?.feature ?? []).map((f, i) =>
    parseFeature(f, `featureSummary.feature[${i}]`, notes)
  );
  const count = (value: number | string | null | undefined, path: string) => parseCount(value, path, notes, 'int32');
  const threshold = (value: number | string | null | undefined, path: string) => parseDouble(value, path, notes);
  return {
    countFeatureDrift: count(raw.countFeatureDrift, 'countFeatureDrift'),
    highFeatureDrift: count(raw.highFeatureDrift, 'highFeatureDrift'),
    mediumFeatureDrift: count(raw.mediumFeatureDrift, 'mediumFeatureDrift'),
    lowFeatureDrift: count(raw.lowFeatureDrift, 'lowFeatureDrift'),
    driftThreshold: threshold(importance?.driftThreshold, 'featureImportance.driftThreshold'),
    importanceThreshold: threshold(importance?.importanceThreshold, 'featureImportance.importanceThreshold'),
    features: summaryFeatures.length > 0 ? summaryFeatures : fallback(),
  };
}

function readFrequencies(raw: RawDriftMetrics): FeatureFrequency[] {
  return (raw.featureFrequency?.featureDensity ?? []).map((density, i) =>
    parseFrequency(density, `featureFrequency.featureDensity[${i}]`)
  );
}

/** Counts, thresholds and the features (drift summary, feature drift, the feature pickers). */
export function parseDriftSummary(body: unknown): DriftSummary {
  const raw = decode(rawDriftSummarySchema, body, WHAT);
  const notes = new ParseNotes();
  return { ...readSummary(raw, notes), notices: notes.list() };
}

/** Drift over time of each feature in featureImportance, with the feature it belongs to. */
export function parseDriftSeries(body: unknown): DriftSeries {
  return decodeWhileReading(rawDriftSeriesSchema, rawDriftSeriesReadSchema, body, WHAT, readSeriesPart);
}

function readSeriesPart(raw: RawDriftSeries): DriftSeries {
  const notes = new ParseNotes();
  return { driftOverTime: readSeries(raw, notes), notices: notes.list() };
}

/** The frequency distributions, each with its own notices. */
export function parseDriftFrequencies(body: unknown): DriftFrequencies {
  return { frequencies: readFrequencies(decode(rawDriftFrequenciesSchema, body, WHAT)) };
}

/** The whole answer (tools and tests): every part, notices grouped over the answer. */
export function parseDriftMetrics(body: unknown): DriftMetrics {
  const raw = decode(rawDriftMetricsSchema, body, WHAT);
  const notes = new ParseNotes();
  const driftOverTime = readSeries(raw, notes);
  const frequencies = readFrequencies(raw);
  const summary = readSummary(raw, notes, () => driftOverTime.map((series) => series.feature));
  return { ...summary, driftOverTime, frequencies, notices: notes.list() };
}
