/**
 * Strict conversions of the gateway's string-encoded scalars. The gateway sends int64 values and
 * every field inside bins, boxes and points as strings; a lenient `Number(x)` would turn "" into
 * 0 and "12abc" into NaN silently, so each helper either returns an exact value, `null` for a
 * value the gateway left empty (or one that cannot be a true number: NaN, ±Infinity, a negative
 * count — each recorded in {@link ParseNotes}), or throws a {@link ResponseShapeError} naming the
 * JSON path. Never a non-finite number. Date-times: dateTime.ts.
 */
import { NOTE, type ParseNotes } from './notes';

/** A response that is JSON but not of the shape the contract promises. */
export class ResponseShapeError extends Error {
  constructor(
    message: string,
    readonly path: string
  ) {
    super(path ? `${path}: ${message}` : message);
    this.name = 'ResponseShapeError';
  }
}

const INTEGER = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
// Protobuf's JSON mapping writes these for doubles; Go's formatter writes the short forms.
const NON_FINITE = new Set(['NaN', 'Infinity', '-Infinity', '+Infinity', 'Inf', '+Inf', '-Inf']);

/**
 * An int64 that arrives as a JSON string (or, from lenient marshallers, a number).
 * Values beyond 2^53 cannot be represented exactly in a JavaScript number, so they are refused
 * instead of being rounded.
 */
export function parseInt64(value: string | number | null | undefined, path: string): number | null {
  if (value === null || value === undefined || value === '') {
    return null;
  }
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) {
      throw new ResponseShapeError(`expected an integer, got ${value}`, path);
    }
    return value;
  }
  const text = value.trim();
  if (!INTEGER.test(text)) {
    throw new ResponseShapeError(`expected an integer string, got ${JSON.stringify(value)}`, path);
  }
  const parsed = Number(text);
  if (!Number.isSafeInteger(parsed)) {
    throw new ResponseShapeError(`integer ${text} is too large to represent exactly`, path);
  }
  return parsed;
}

/**
 * A count (int64 as a string, or int32 as a number — or, like the official client reads it, as a
 * numeric string, with a note). A negative count or one beyond 2^53 is no value, with a note;
 * text that is not an integer at all is refused.
 */
export function parseCount(
  value: string | number | null | undefined,
  path: string,
  notes: ParseNotes,
  // Absent means int64: only an int32 sent as a string is noted.
  encoding?: 'int64' | 'int32'
): number | null {
  const text = typeof value === 'string' ? value.trim() : value;
  // Stryker disable next-line StringLiteral: for null and undefined any non-integer text gives false
  const integral = typeof text === 'number' ? Number.isInteger(text) : INTEGER.test(text ?? '');
  if (integral && !Number.isSafeInteger(Number(text))) {
    notes.add(NOTE.tooLarge, path);
    return null;
  }
  const parsed = parseInt64(value, path);
  if (typeof value === 'string' && encoding === 'int32' && parsed !== null) {
    notes.add(NOTE.int32AsString, path);
  }
  return nonNegative(parsed, path, notes);
}

/** `value`, or no value (null, with a note) when it is negative where nothing can be. */
export function nonNegative(value: number | null, path: string, notes: ParseNotes): number | null {
  if ((value ?? 0) < 0) {
    notes.add(NOTE.negative, path);
    return null;
  }
  return value;
}

/**
 * A decimal number inside a bin, box or point. "" means the gateway had no value (null).
 * NaN and ±Infinity (protobuf JSON or Go spelling), and numbers too large for a double, are no
 * value with a note — never Infinity as a count, bin or point.
 */
export function parseDecimal(value: string | null | undefined, path: string, notes: ParseNotes): number | null {
  if (value === null || value === undefined) {
    return null;
  }
  const fast = plainDecimal(value);
  // Stryker disable next-line ConditionalExpression,BlockStatement: the general path gives the same value (scalars.fastPath.test.ts)
  if (!Number.isNaN(fast)) {
    return fast;
  }
  const text = value.trim();
  if (text === '') {
    return null;
  }
  if (NON_FINITE.has(text)) {
    notes.add(NOTE.nonFinite, path);
    return null;
  }
  if (!DECIMAL.test(text)) {
    throw new ResponseShapeError(`expected a number, got ${JSON.stringify(value)}`, path);
  }
  return finiteOrNote(Number(text), path, notes);
}

/** A printable ASCII character other than a space: `Number` reads no whitespace around such text. */
function printable(code: number): boolean {
  // Stryker disable next-line EqualityOperator: at 127 (DEL) Number() gives NaN, which plainDecimal refuses too
  return code > 32 && code < 127;
}

/**
 * True when `Number(text)` reads `text` by the DECIMAL grammar — the hot path, without a regular
 * expression or a scan. `Number` accepts exactly: surrounding whitespace, unsigned `0x`/`0o`/`0b`
 * integers, `Infinity` with a sign, and decimal literals (ECMAScript's StringNumericLiteral; no
 * numeric separators). With no whitespace at either end and no radix prefix, what is left is a
 * decimal literal or Infinity, and the caller refuses the non-finite.
 */
function isDecimalText(text: string): boolean {
  const second = text.charCodeAt(1);
  const radix = second === 120 || second === 88 || second === 111 || second === 79 || second === 98 || second === 66;
  return printable(text.charCodeAt(0)) && printable(text.charCodeAt(text.length - 1)) && !radix;
}

/**
 * The number of a decimal string already in canonical form (no surrounding spaces, finite), or
 * NaN for anything else (why NaN: plainTime in dateTime.ts) — which then takes parseDecimal's
 * general path with its notes and messages. Builds no string and notes nothing.
 */
export function plainDecimal(value: string | null | undefined): number {
  if (typeof value !== 'string') {
    return Number.NaN;
  }
  const short = shortDecimal(value);
  // Stryker disable next-line ConditionalExpression,BlockStatement: Number() below reads every short decimal to the same value (scalars.fastPath.test.ts)
  if (!Number.isNaN(short)) {
    return short;
  }
  // "" has no printable first character, so isDecimalText refuses it.
  if (!isDecimalText(value)) {
    return Number.NaN;
  }
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : Number.NaN;
}

/** 10^k for k ≤ 15, each an exact double. */
const POWERS_OF_TEN = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];
const MAX_SHORT_DIGITS = 15;

/**
 * The value of a short decimal, `[+-]digits[.digits]` with 1 to 15 digits and no exponent, read
 * digit by digit; NaN for any other text. This is the form of nearly every value in a bin,
 * box or point, and `Number(text)` (a call into the runtime) cost five times as much. It is exact:
 * 15 digits are an integer below 2^53 and 10^k (k ≤ 15) is an exact double, so one division
 * rounds correctly, to the very double `Number` gives (Clinger's fast path) — -0 included.
 */
// A fast path: a mutant that only declines more texts (returns NaN) hands them to Number() in
// plainDecimal, which reads them to the same value — equivalent. The mutants below that could give
// a wrong value instead are killed by scalars.fastPath.test.ts (checked by hand): reading a second
// '.' as the point (`point <= 0`: ".5." and "..5"); the arithmetic stays measured.
// Stryker disable BlockStatement,ConditionalExpression,LogicalOperator,EqualityOperator
function shortDecimal(value: string): number {
  const length = value.length;
  const first = value.charCodeAt(0);
  const negative = first === 45;
  let n = 0;
  let digitCount = 0;
  let point = -1;
  for (let i = negative || first === 43 ? 1 : 0; i < length; i++) {
    const code = value.charCodeAt(i);
    if (code === 46 && point < 0) {
      point = i;
      continue;
    }
    // Stryker disable next-line ArithmeticOperator: `code + 48` is never a digit, so every text declines
    const digit = code - 48;
    if (digit < 0 || digit > 9) {
      return Number.NaN;
    }
    n = n * 10 + digit;
    digitCount++;
  }
  if (digitCount === 0 || digitCount > MAX_SHORT_DIGITS) {
    return Number.NaN;
  }
  // Stryker restore BlockStatement,ConditionalExpression,LogicalOperator,EqualityOperator
  const magnitude = point < 0 ? n : n / POWERS_OF_TEN[length - point - 1];
  return negative ? -magnitude : magnitude;
}

/**
 * A double field: a JSON number, or — as protobuf's JSON mapping allows and the official client
 * accepts — a string: "NaN", "Infinity", "-Infinity" (no value, with a note) or a decimal.
 */
export function parseDouble(value: number | string | null | undefined, path: string, notes: ParseNotes): number | null {
  if (typeof value === 'string') {
    return parseDecimal(value, path, notes);
  }
  return parseNumber(value, path, notes);
}

/** A JSON number field that may be absent; a non-finite number is no value, with a note. */
export function parseNumber(value: number | null | undefined, path: string, notes: ParseNotes): number | null {
  if (value === null || value === undefined) {
    return null;
  }
  return finiteOrNote(value, path, notes);
}

function finiteOrNote(value: number, path: string, notes: ParseNotes): number | null {
  if (!Number.isFinite(value)) {
    notes.add(NOTE.nonFinite, path);
    return null;
  }
  return value;
}

/** A string field where the gateway may send "", null or nothing; all mean "no value". */
export function optionalText(value: string | null | undefined): string {
  return value ?? '';
}
