import { pointFits, type RawBoxPlot, type RawHistogram, type RawPoint, type RawSimpleGraph } from '../gateway/rawTypes';
import type { BoxPlot, GraphLabels, TimeColumns, TimeGraph, TimeHistogram } from './domain';
import { NOTE, type ParseNotes } from './notes';
import {
  consecutivePlainTime,
  noLastTime,
  parseTime,
  plainTime,
  plainTimeAt,
  requireTime,
  type SharedTimeAxis,
} from './dateTime';
import { ResponseShapeError, nonNegative, optionalText, parseDecimal, plainDecimal } from './scalars';

/**
 * The gateway's graph shapes (histograms, box plots, simple graphs) → domain time series, sorted by
 * time. Bins, boxes and points are many: each value first tries the scalars' plain forms
 * (plainTime, plainDecimal), which build no JSON path; only a value that is not plain takes the
 * general path, with its path, notes and messages — the same answers either way.
 */

export function graphLabels(raw: {
  name?: string | null;
  description?: string | null;
  xLabel?: string | null;
  yLabel?: string | null;
}): GraphLabels {
  return {
    name: optionalText(raw.name),
    description: optionalText(raw.description),
    xLabel: optionalText(raw.xLabel),
    yLabel: optionalText(raw.yLabel),
  };
}

export function parseTimeHistogram(
  raw: RawHistogram | null | undefined,
  path: string,
  notes: ParseNotes
): TimeHistogram | null {
  if (!raw) {
    return null;
  }
  const list = raw.bin ?? [];
  // Stryker disable ArrayDeclaration: presized only for speed; filled from index 0 up, an unsized array ends the same
  const columns: BinColumns = {
    starts: new Array<number>(list.length),
    ends: new Array<number>(list.length),
    counts: new Array<number | null>(list.length),
  };
  // Stryker restore ArrayDeclaration
  const { starts, ends, counts } = columns;
  const binPath = (i: number) => `${path}.bin[${i}]`;
  // Stryker disable next-line BooleanLiteral: false only sorts bins already in order; the stable sort keeps that order
  let sorted = true;
  const last = noLastTime();
  for (let i = 0; i < list.length; i++) {
    const bin = list[i];
    const plainStart = consecutivePlainTime(last, bin.xMin);
    const start = Number.isNaN(plainStart) ? requireTime(bin.xMin, `${binPath(i)}.xMin`, notes) : plainStart;
    const plainEnd = consecutivePlainTime(last, bin.xMax);
    const end = Number.isNaN(plainEnd) ? requireTime(bin.xMax, `${binPath(i)}.xMax`, notes) : plainEnd;
    if (end < start) {
      throw new ResponseShapeError('bin ends before it starts (xMax < xMin)', binPath(i));
    }
    starts[i] = start;
    ends[i] = end;
    const count = plainCount(bin.y);
    counts[i] = Number.isNaN(count) ? countOf(bin.y, `${binPath(i)}.y`, notes) : count;
    // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator,ArithmeticOperator: a stricter check only sorts bins already in order (stable: same order); the looser ones are killed in graphs.columns.test.ts
    sorted = sorted && (i === 0 || starts[i - 1] < start || (starts[i - 1] === start && ends[i - 1] <= end));
  }
  const order = sorted ? undefined : starts.map((_, i) => i).sort((x, y) => starts[x] - starts[y] || ends[x] - ends[y]);
  return { ...graphLabels(raw), ...withoutDuplicates(columns, order, binPath, notes) };
}

type BinColumns = Omit<TimeHistogram, keyof GraphLabels>;

// Stryker disable BlockStatement,ConditionalExpression,EqualityOperator: a fast path only; for every value it declines, countOf gives the same count and no note
/** A count that needs no note: a plain decimal, ≥ 0 and exactly representable; NaN otherwise. */
function plainCount(value: string | null | undefined): number {
  const count = plainDecimal(value);
  return count >= 0 && count <= Number.MAX_SAFE_INTEGER ? count : Number.NaN;
}
// Stryker restore BlockStatement,ConditionalExpression,EqualityOperator

/** A bin's count: a decimal string that must be a non-negative, exactly representable number. */
export function countOf(value: string | null | undefined, path: string, notes: ParseNotes): number | null {
  const count = nonNegative(parseDecimal(value, path, notes), path, notes);
  // Stryker disable next-line ConditionalExpression: `count !== null` → true is equivalent (null > MAX_SAFE_INTEGER is false); TypeScript needs the check
  if (count !== null && count > Number.MAX_SAFE_INTEGER) {
    notes.add(NOTE.tooLarge, path);
    return null;
  }
  return count;
}

/**
 * The bins in time order (`order`: original indices, or undefined when already in order) without
 * exact copies (same interval, same count: dropped with a note). Any other overlap is refused: two
 * different counts for the same time cannot both be right, and adding them up would count
 * predictions twice.
 */
function withoutDuplicates(
  bins: BinColumns,
  order: number[] | undefined,
  pathOf: (index: number) => string,
  notes: ParseNotes
): BinColumns {
  const { starts, ends, counts } = bins;
  const kept: BinColumns = { starts: [], ends: [], counts: [] };
  let previous = -1;
  for (let k = 0; k < starts.length; k++) {
    const i = order ? order[k] : k;
    // Keeps the reads in bounds on this hot path (ten thousand bins):
    // Stryker disable next-line ConditionalExpression: → true reads index -1 for the first bin, undefined, which matches no check
    if (previous >= 0) {
      if (starts[previous] === starts[i] && ends[previous] === ends[i] && counts[previous] === counts[i]) {
        notes.add(NOTE.duplicateBin, pathOf(i));
        continue;
      }
      if (starts[i] < ends[previous]) {
        const at = pathOf(i);
        throw new ResponseShapeError(`bins overlap (${pathOf(previous)} and ${at})`, at);
      }
    }
    kept.starts.push(starts[i]);
    kept.ends.push(ends[i]);
    kept.counts.push(counts[i]);
    previous = i;
  }
  return kept;
}

export function parseBoxPlot(raw: RawBoxPlot | null | undefined, path: string, notes: ParseNotes): BoxPlot | null {
  if (!raw) {
    return null;
  }
  const list = raw.box ?? [];
  // Stryker disable ArrayDeclaration: presized only for speed; filled from index 0 up, an unsized array ends the same
  const columns: BoxColumns = {
    starts: new Array<number>(list.length),
    ends: new Array<number | null>(list.length),
    min: new Array<number | null>(list.length),
    q1: new Array<number | null>(list.length),
    median: new Array<number | null>(list.length),
    q3: new Array<number | null>(list.length),
    max: new Array<number | null>(list.length),
  };
  // Stryker restore ArrayDeclaration
  const boxPath = (i: number) => `${path}.box[${i}]`;
  // Stryker disable next-line BooleanLiteral: false only reorders boxes already in order; the stable order keeps them
  let sorted = true;
  const last = noLastTime();
  for (let i = 0; i < list.length; i++) {
    const box = list[i];
    // xMin/xMax bound the interval; x alone (some servers) marks it.
    const plainStart = consecutivePlainTime(last, box.xMin);
    const start = Number.isNaN(plainStart)
      ? (parseTime(box.xMin, `${boxPath(i)}.xMin`, notes) ?? requireTime(box.x, `${boxPath(i)}.x`, notes))
      : plainStart;
    const plainEnd = consecutivePlainTime(last, box.xMax);
    const end = Number.isNaN(plainEnd) ? parseTime(box.xMax, `${boxPath(i)}.xMax`, notes) : plainEnd;
    if (end !== null && end < start) {
      throw new ResponseShapeError('interval ends before it starts (xMax < xMin)', boxPath(i));
    }
    const min = boxValue(box.y0, path, i, 0, notes);
    const q1 = boxValue(box.y1, path, i, 1, notes);
    const median = boxValue(box.y2, path, i, 2, notes);
    const q3 = boxValue(box.y3, path, i, 3, notes);
    const max = boxValue(box.y4, path, i, 4, notes);
    const ordered = inOrder(min, q1, median, q3, max);
    if (!ordered) {
      notes.add(NOTE.boxOutOfOrder, boxPath(i));
    }
    columns.starts[i] = start;
    columns.ends[i] = end;
    columns.min[i] = ordered ? min : null;
    columns.q1[i] = ordered ? q1 : null;
    columns.median[i] = ordered ? median : null;
    columns.q3[i] = ordered ? q3 : null;
    columns.max[i] = ordered ? max : null;
    // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator,ArithmeticOperator: a stricter check only reorders boxes already in order (stable: same order); `>` is killed in graphs.columns.test.ts
    sorted = sorted && (i === 0 || columns.starts[i - 1] <= start);
  }
  return { ...graphLabels(raw), ...(sorted ? columns : reordered(columns, stableOrder(columns.starts))) };
}

type BoxColumns = Omit<BoxPlot, keyof GraphLabels>;

/** Value `k` (y0…y4) of box `i`; its JSON path is built only when it is not a plain decimal. */
function boxValue(value: string | null | undefined, path: string, i: number, k: number, notes: ParseNotes) {
  const plain = plainDecimal(value);
  return Number.isNaN(plain) ? parseDecimal(value, `${path}.box[${i}].y${k}`, notes) : plain;
}

/** Indices of `keys` in ascending order; equal keys keep their order (as Array#sort does). */
function stableOrder(keys: number[]): number[] {
  return keys.map((_, i) => i).sort((a, b) => keys[a] - keys[b]);
}

/** Every column reordered by `order`. */
function reordered<C extends Record<string, unknown[]>>(columns: C, order: number[]): C {
  const out = {} as Record<string, unknown[]>;
  for (const [name, column] of Object.entries(columns)) {
    out[name] = order.map((i) => column[i]);
  }
  return out as C;
}

/**
 * min ≤ q1 ≤ median ≤ q3 ≤ max over the values present (no value is skipped). Five arguments, not an
 * array: ten thousand boxes would allocate ten thousand arrays.
 */
function inOrder(
  min: number | null,
  q1: number | null,
  median: number | null,
  q3: number | null,
  max: number | null
): boolean {
  return !Number.isNaN(notBelow(notBelow(notBelow(notBelow(notBelow(-Infinity, min), q1), median), q3), max));
}

/** The largest value so far, or NaN once a value is below its predecessor (NaN stays NaN). */
function notBelow(previous: number, value: number | null): number {
  if (value === null) {
    return previous;
  }
  return value >= previous ? value : Number.NaN;
}

/**
 * The number a SimpleGraph point carries. Decision (README, "Open points"): `yAxis` holds the
 * number, as in every graph the official UI draws (x against y); `value` is read only when
 * `yAxis` is empty, so servers that put the number there still work. A label in `yAxis` with the
 * number in `value` (the official client keeps both as text) reads `value`, with a note. Neither:
 * no value (null).
 */
export function pointNumber(point: RawPoint, path: string, notes: ParseNotes): number | null {
  const plain = plainDecimal(point.yAxis);
  return Number.isNaN(plain) ? pointNumberGeneral(point, path, notes) : plain;
}

/** pointNumber for a yAxis that is not a plain decimal: empty, a label, NaN, spaced, malformed. */
function pointNumberGeneral(point: RawPoint, path: string, notes: ParseNotes): number | null {
  const yText = (point.yAxis ?? '').trim();
  // Stryker disable next-line StringLiteral: valueText only counts when it looks numeric, which neither '' nor another text does
  const valueText = (point.value ?? '').trim();
  if (yText !== '' && !looksNumeric(yText) && looksNumeric(valueText)) {
    notes.add(NOTE.labelInYAxis, path);
    return parseDecimal(point.value, `${path}.value`, notes);
  }
  if (yText !== '') {
    return parseDecimal(point.yAxis, `${path}.yAxis`, notes);
  }
  return parseDecimal(point.value, `${path}.value`, notes);
}

function looksNumeric(text: string): boolean {
  return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text) || /^[+-]?(NaN|Inf|Infinity)$/.test(text);
}

/**
 * Points → time and value columns, sorted by time (stable: points at the same time keep their
 * order). Gateways send them in order, so the sort is usually only the check that they are.
 * Series of one answer that share their time axis pass the same `axis`.
 */
export function parseTimeColumns(
  points: unknown[] | null | undefined,
  path: string,
  notes: ParseNotes,
  { nonNegativeValues = false, axis }: { nonNegativeValues?: boolean; axis?: SharedTimeAxis } = {}
): TimeColumns {
  const list = points ?? [];
  // Stryker disable ArrayDeclaration: presized only for speed; filled from index 0 up, an unsized array ends the same
  const times = new Array<number>(list.length);
  const values = new Array<number | null>(list.length);
  // Stryker restore ArrayDeclaration
  // Stryker disable next-line BooleanLiteral: false only reorders points already in order; the stable order keeps them
  let sorted = true;
  for (let i = 0; i < list.length; i++) {
    const point = list[i];
    // Each point is checked here, where it is read (rawTypes' pointFits). Callers that left their
    // points unchecked read through decodeWhileReading, which puts the full shape's first issue in
    // place of this error; the others decoded the full shape, where every point fits.
    if (!pointFits(point)) {
      // Stryker disable next-line StringLiteral: never shown, see above
      throw new ResponseShapeError('a point does not fit its shape', `${path}[${i}]`);
    }
    const plain = plainDecimal(point.yAxis);
    // A value that is not plain is read before the time: its notes, and its error on a point where
    // both are wrong, come first. Kept apart from `plain`, which stays an unboxed double.
    const general = Number.isNaN(plain) ? pointNumberGeneral(point, `${path}[${i}]`, notes) : null;
    const time = axis ? plainTimeAt(axis, i, point.xAxis) : plainTime(point.xAxis);
    times[i] = Number.isNaN(time) ? requireTime(point.xAxis, `${path}[${i}].xAxis`, notes) : time;
    // A plain value that nonNegative would keep is stored as it is, as a double (no merge with the
    // general path's `number | null`, which V8 would box).
    // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: the else branch gives a plain value ≥ 0 unchanged without a note; the others are killed in graphs.columns.test.ts
    if (plain >= 0 || (!nonNegativeValues && !Number.isNaN(plain))) {
      values[i] = plain;
    } else {
      const value = Number.isNaN(plain) ? general : plain;
      values[i] = nonNegativeValues ? nonNegative(value, `${path}[${i}]`, notes) : value;
    }
    // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator,ArithmeticOperator: a stricter check only reorders points already in order (stable: same order)
    sorted = sorted && (i === 0 || times[i - 1] <= times[i]);
  }
  return sorted ? { times, values } : reordered({ times, values }, stableOrder(times));
}

/**
 * A graph over time; `nonNegativeValues` for signals that cannot go below 0 (latency, usage, counts),
 * `axis` when the graph may share its times with other graphs of the answer.
 */
export function parseTimeGraph(
  raw: (Omit<RawSimpleGraph, 'point'> & { point?: unknown[] | null }) | null | undefined,
  path: string,
  notes: ParseNotes,
  nonNegativeValues = false,
  axis?: SharedTimeAxis
): TimeGraph | null {
  if (!raw) {
    return null;
  }
  return { ...graphLabels(raw), ...parseTimeColumns(raw.point, `${path}.point`, notes, { nonNegativeValues, axis }) };
}
