/**
 * STAND-IN for Grafana's server-side expression engine (grafana/grafana `pkg/expr`), reduced to
 * what our provisioned rules use — Grafana's server cannot run on these machines. It reproduces:
 *
 * - how a data source's table becomes numbers (`pkg/expr/converter.go`, numeric tables): a frame
 *   with exactly one number field and no time field gives one number per row, labelled by its
 *   string fields; duplicate label sets are an error; an empty result is "no data";
 * - `threshold` (`pkg/expr/threshold.go`): gt, lt, within_range, outside_range — 1 where the
 *   comparison holds, else 0; a null input stays null (never firing);
 * - `math` (`pkg/expr/mathexp`): a binary operator between two refIds (or a refId and a number),
 *   joined on equal label sets, 1/0 for comparisons.
 *
 * Anything else (other expression types or operators) throws, so a rule that starts using more of
 * the engine fails here until this stand-in learns it.
 */
import { FieldType, type DataFrame } from '@grafana/data';

export type Labels = Record<string, string>;
export interface NumberItem {
  labels: Labels;
  value: number | null;
}
/** One refId's result: numbers, or no data. */
export type NumberSet = NumberItem[];

const labelKey = (labels: Labels) =>
  JSON.stringify(
    Object.keys(labels)
      .sort()
      .map((k) => [k, labels[k]])
  );

/** Data-source frames → numbers, as Grafana converts a numeric table for alerting. */
export function framesToNumbers(refId: string, frames: DataFrame[]): NumberSet {
  const items: NumberSet = [];
  for (const frame of frames) {
    if (frame.length === 0) {
      continue;
    }
    const numbers = frame.fields.filter((f) => f.type === FieldType.number);
    const strings = frame.fields.filter((f) => f.type === FieldType.string);
    if (frame.fields.some((f) => f.type === FieldType.time)) {
      throw new Error(`${refId}: a time field makes this a time series; the rules expect a numeric table`);
    }
    if (numbers.length !== 1 || numbers.length + strings.length !== frame.fields.length) {
      const kinds = frame.fields.map((f) => `${f.name}:${f.type}`).join(', ');
      throw new Error(`${refId}: a numeric table needs exactly one number field and string fields, got ${kinds}`);
    }
    for (let row = 0; row < frame.length; row++) {
      const labels = Object.fromEntries(strings.map((f) => [f.name, String(f.values[row] ?? '')]));
      const raw = numbers[0].values[row] as number | null | undefined;
      items.push({ labels, value: typeof raw === 'number' && Number.isFinite(raw) ? raw : null });
    }
  }
  const seen = new Set<string>();
  for (const item of items) {
    const key = labelKey(item.labels);
    if (seen.has(key)) {
      throw new Error(`${refId}: duplicate label set ${key}; every row needs unique labels`);
    }
    seen.add(key);
  }
  return items;
}

export interface ThresholdModel {
  type: 'threshold';
  expression: string;
  conditions: Array<{ evaluator: { type: string; params: number[] } }>;
}

export interface MathModel {
  type: 'math';
  expression: string;
}

function compare(type: string, params: number[], v: number): boolean {
  switch (type) {
    case 'gt':
      return v > params[0];
    case 'lt':
      return v < params[0];
    case 'within_range':
      return v > params[0] && v < params[1];
    case 'outside_range':
      return v < params[0] || v > params[1];
    default:
      throw new Error(`threshold type ${type} is not supported by the stand-in`);
  }
}

export function threshold(model: ThresholdModel, input: NumberSet): NumberSet {
  if (model.conditions.length !== 1) {
    throw new Error('the stand-in supports exactly one threshold condition');
  }
  const { type, params } = model.conditions[0].evaluator;
  return input.map((i) => ({
    labels: i.labels,
    value: i.value === null ? null : compare(type, params, i.value) ? 1 : 0,
  }));
}

const OPERATORS: Record<string, (a: number, b: number) => number> = {
  '>=': (a, b) => Number(a >= b),
  '<=': (a, b) => Number(a <= b),
  '>': (a, b) => Number(a > b),
  '<': (a, b) => Number(a < b),
  '==': (a, b) => Number(a === b),
  '!=': (a, b) => Number(a !== b),
  '+': (a, b) => a + b,
  '-': (a, b) => a - b,
  '*': (a, b) => a * b,
  '/': (a, b) => a / b,
};

type Operand = { ref: string } | { number: number };

function operand(text: string): Operand {
  const ref = /^\$([A-Za-z]\w*)$/.exec(text) ?? /^\$\{([^}]+)\}$/.exec(text);
  if (ref) {
    return { ref: ref[1] };
  }
  if (/^-?\d+(\.\d+)?$/.test(text)) {
    return { number: Number(text) };
  }
  throw new Error(`math operand ${text} is not supported by the stand-in`);
}

/** `$A op $B` joined on equal label sets (items without a partner are dropped, as in Grafana). */
export function math(model: MathModel, vars: Record<string, NumberSet>): NumberSet {
  const m = /^\s*(\S+)\s*(>=|<=|==|!=|>|<|\+|-|\*|\/)\s*(\S+)\s*$/.exec(model.expression);
  if (!m) {
    throw new Error(`math expression "${model.expression}" is not supported by the stand-in`);
  }
  const [, left, op, right] = m;
  const resolve = (o: Operand): NumberSet | number => {
    if ('number' in o) {
      return o.number;
    }
    const set = vars[o.ref];
    if (!set) {
      throw new Error(`math: $${o.ref} is not an earlier query or expression`);
    }
    return set;
  };
  const a = resolve(operand(left));
  const b = resolve(operand(right));
  const apply = (x: number | null, y: number | null) => (x === null || y === null ? null : OPERATORS[op](x, y));
  if (typeof a === 'number' && typeof b === 'number') {
    return [{ labels: {}, value: OPERATORS[op](a, b) }];
  }
  if (typeof a === 'number' || typeof b === 'number') {
    const set = (typeof a === 'number' ? b : a) as NumberSet;
    return set.map((i) => ({
      labels: i.labels,
      value: typeof a === 'number' ? apply(a, i.value) : apply(i.value, b as number),
    }));
  }
  const byKey = new Map(b.map((i) => [labelKey(i.labels), i]));
  return a.flatMap((i) => {
    const partner = byKey.get(labelKey(i.labels));
    return partner ? [{ labels: i.labels, value: apply(i.value, partner.value) }] : [];
  });
}
