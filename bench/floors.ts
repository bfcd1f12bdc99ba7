import type {
  RawDriftMetrics,
  RawHealthMetrics,
  RawListMonitoredDeployments,
  RawOperationalSummary,
  RawPoint,
} from '../src/datasource/gateway/rawTypes';
import { retainShapes } from '../src/datasource/parse/retainedShapes';
import { operationalGraphs } from './baselines';

/**
 * Conversion floors for the series queries and the deployments list: `JSON.parse`, then only the
 * conversion of the times and values a query returns into arrays (typed ones for numbers), digit
 * by digit, for the bench's well-formed answers — no checks, no notes, no frames, no query around
 * it, and a time text repeated at the same position of the next series converted once. What no
 * data source that returns these columns can go below; floor / `JSON.parse` puts the ≤ 1.3× goal
 * in proportion.
 * Self-contained on purpose in its loops (only the list of operational graphs is shared with the
 * baselines, and retainShapes, once per answer): they must not pay for the data source's module
 * boundaries.
 */

const ZERO = 48;

function digits(text: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    n = n * 10 + text.charCodeAt(i) - ZERO;
  }
  return n;
}

/** Epoch milliseconds of `YYYY-MM-DDTHH:MM:SSZ` (the bench's times; nothing else is read). */
function utcTime(text: string): number {
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + digits(text, 8, 2) - 1;
  const days = era * 146_097 + yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  const seconds = ((days - 719_468) * 24 + digits(text, 11, 2)) * 3600 + digits(text, 14, 2) * 60 + digits(text, 17, 2);
  return seconds * 1000;
}

const POWERS_OF_TEN = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9];

/** An unsigned short decimal (the bench's values). */
function decimal(text: string): number {
  let n = 0;
  let point = -1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 46) {
      point = i;
    } else {
      n = n * 10 + code - ZERO;
    }
  }
  return point < 0 ? n : n / POWERS_OF_TEN[text.length - point - 1];
}

/**
 * Times of consecutive series at the same positions: a text equal to the last one there is
 * converted once. Module functions over plain arrays, not a closure per answer: V8 keeps a
 * closure's optimised code only while the closure lives, so a closure per call would run
 * unoptimised after every collection.
 */
function sharedTime(texts: string[], times: number[], index: number, text: string): number {
  if (index < texts.length && texts[index] === text) {
    return times[index];
  }
  const time = utcTime(text);
  texts[index] = text;
  times[index] = time;
  return time;
}

/**
 * `answer`, after keeping its hidden classes alive for `floor` (the data source's retainShapes):
 * without a live object of them, the bench's collection before each sample would free them and
 * V8 would discard the floor's optimised code ("weak objects" in `--trace-deopt`) — 3× its
 * conversion time on the operational answer. A floor must not pay for that.
 */
function keepShapes<T extends object>(floor: object, answer: T): T {
  retainShapes(floor, answer);
  return answer;
}

export function predictionsFloor(text: string): Float64Array[] {
  const bins = keepShapes(predictionsFloor, JSON.parse(text) as RawHealthMetrics).predictions?.bin ?? [];
  const starts = new Float64Array(bins.length);
  const ends = new Float64Array(bins.length);
  const counts = new Float64Array(bins.length);
  for (let i = 0; i < bins.length; i++) {
    starts[i] = utcTime(bins[i].xMin!);
    ends[i] = utcTime(bins[i].xMax!);
    counts[i] = decimal(bins[i].y!);
  }
  return [starts, ends, counts];
}

export function predictionValuesFloor(text: string): Float64Array[] {
  const boxes = keepShapes(predictionValuesFloor, JSON.parse(text) as RawHealthMetrics).predictionValues?.box ?? [];
  const columns = Array.from({ length: 7 }, () => new Float64Array(boxes.length));
  for (let i = 0; i < boxes.length; i++) {
    const box = boxes[i];
    columns[0][i] = utcTime(box.xMin!);
    columns[1][i] = utcTime(box.xMax!);
    columns[2][i] = decimal(box.y0!);
    columns[3][i] = decimal(box.y1!);
    columns[4][i] = decimal(box.y2!);
    columns[5][i] = decimal(box.y3!);
    columns[6][i] = decimal(box.y4!);
  }
  return columns;
}

/** Each series' times (one shared axis) and values. */
function seriesColumns(series: Array<RawPoint[] | null | undefined>): Float64Array[] {
  const texts: string[] = [];
  const axis: number[] = [];
  const columns: Float64Array[] = [];
  for (const list of series) {
    const points = list ?? [];
    const times = new Float64Array(points.length);
    const values = new Float64Array(points.length);
    for (let i = 0; i < points.length; i++) {
      times[i] = sharedTime(texts, axis, i, points[i].xAxis!);
      values[i] = decimal(points[i].yAxis!);
    }
    columns.push(times, values);
  }
  return columns;
}

export function operationalSeriesFloor(text: string): Float64Array[] {
  return seriesColumns(
    operationalGraphs(keepShapes(operationalSeriesFloor, JSON.parse(text) as RawOperationalSummary)).map(
      (graph) => graph?.point
    )
  );
}

export function driftOverTimeFloor(text: string): Float64Array[] {
  const series =
    keepShapes(driftOverTimeFloor, JSON.parse(text) as RawDriftMetrics).featureImportance?.featureDrift ?? [];
  return seriesColumns(series.map((item) => item.drift));
}

/** Severity of the bench's gateway statuses (the data source's rank: UNKNOWN lowest, ties keep the first). */
function statusRank(status: string): number {
  return status === 'FAILING' ? 3 : status === 'AT_RISK' ? 2 : status === 'HEALTHY' ? 1 : 0;
}

/**
 * The deployments table's thirteen columns, in the data source's order (frames/deployments.ts):
 * texts as they arrive, the deployment time, the two flags, the model count and the worst status.
 */
export function deploymentsFloor(text: string): Array<ArrayLike<unknown>> {
  const rows = keepShapes(deploymentsFloor, JSON.parse(text) as RawListMonitoredDeployments).deployment ?? [];
  const n = rows.length;
  const texts = Array.from({ length: 8 }, () => new Array<string>(n));
  const deployed = new Float64Array(n);
  const monitoring = new Array<boolean>(n);
  const stores = new Array<boolean>(n);
  const modelCounts = new Float64Array(n);
  const worst = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const d = rows[i];
    texts[0][i] = d.id!;
    texts[1][i] = d.name!;
    texts[2][i] = d.type!;
    texts[3][i] = d.mode!;
    texts[4][i] = d.environment!;
    texts[5][i] = d.problemType!;
    texts[6][i] = d.description!;
    texts[7][i] = d.projectId!;
    deployed[i] = utcTime(d.deploymentDate!);
    monitoring[i] = d.monitoringEnabled!;
    stores[i] = d.storeScoringData!;
    const models = d.models!;
    modelCounts[i] = models.length;
    let status = '';
    let rank = 0;
    for (let m = 0; m < models.length; m++) {
      const drift = models[m].driftStatus as string;
      const accuracy = models[m].accuracy as string;
      if (status === '' || statusRank(drift) > rank) {
        status = drift;
        rank = statusRank(drift);
      }
      if (status === '' || statusRank(accuracy) > rank) {
        status = accuracy;
        rank = statusRank(accuracy);
      }
    }
    worst[i] = status;
  }
  const [id, name, type, mode, environment, problemType, description, projectId] = texts;
  return [
    id,
    name,
    type,
    mode,
    environment,
    problemType,
    deployed,
    monitoring,
    stores,
    modelCounts,
    worst,
    description,
    projectId,
  ];
}
