import type { Field } from '@grafana/data';

import { Reducer, Signal } from './mapping';

/**
 * Value reduction for the collector: cell values to numbers and text, a series to one value
 * (last, mean, sum, counter increase), a counter to its increases. Pure; odd values become null.
 */

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

export function toText(value: unknown): string {
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
    // Stryker disable next-line ConditionalExpression: Number.isFinite(null) is false, so null is skipped without its check too
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
    // Stryker disable next-line ConditionalExpression: Number.isFinite(null) is false, so null is skipped without its check too
    if (v === null || !Number.isFinite(v)) {
      out.push(null);
      continue;
    }
    out.push(previous === null ? null : v >= previous ? v - previous : v);
    previous = v;
  }
  return out;
}

/** The values of a field as numbers (null where a value is no number). */
export function numbers(field: Field): Array<number | null> {
  // Stryker disable next-line ArrayDeclaration: presizing only; every index is assigned below
  const out = new Array<number | null>(field.values.length);
  for (let i = 0; i < field.values.length; i++) {
    out[i] = toNumber(field.values[i]);
  }
  return out;
}
/** Index of the last value that is not null; the last index when all are null; -1 when empty. */
export function lastIndexWithValue(values: Array<number | null>): number {
  for (let i = values.length - 1; i >= 0; i--) {
    if (values[i] !== null) {
      return i;
    }
  }
  // The last index when all are null; -1 when empty.
  return values.length - 1;
}

/** Signals that may be negative (an accuracy metric such as R² can be); no other signal can. */
const MAY_BE_NEGATIVE: ReadonlySet<Signal> = new Set([Signal.Accuracy]);

/** The notice for values a signal cannot have; `source` names the field. */
export function negativeNotice(source: string): string {
  return `"${source}" has negative values, which it cannot have; they are shown as no value.`;
}

/**
 * `value` as the panel may show it: no value (null) when it is negative for a signal that cannot be
 * (a count, a latency, a rate) — never drawn as a number. Non-finite values are already null.
 */
export function plausibleValue(value: number | null, signal: Signal): number | null {
  // Stryker disable next-line ConditionalExpression: null < 0 is false, so null is returned without its check too
  return value !== null && value < 0 && !MAY_BE_NEGATIVE.has(signal) ? null : value;
}
