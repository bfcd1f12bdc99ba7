/**
 * Strict conversions of the gateway's string-encoded scalars. The gateway sends int64 values and
 * every field inside bins, boxes and points as strings; a lenient `Number(x)` would turn "" into
 * 0 and "12abc" into NaN silently, so each helper either returns an exact value, `null` for a
 * value the gateway left empty (or one that cannot be a true number: NaN, ±Infinity, a negative
 * count — each recorded in {@link ParseNotes}), or throws a {@link ResponseShapeError} naming the
 * JSON path. Never a non-finite number.
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
// RFC 3339 date-time (Go and Python both emit this form; fraction digits are unlimited). The
// offset is optional here: the official client (dateutil) reads a time without one, so we do too.
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})?$/;

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
  if (fast !== undefined) {
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
 * undefined for anything else — which then takes parseDecimal's general path with its notes and
 * messages. Builds no string and notes nothing.
 */
export function plainDecimal(value: string | null | undefined): number | undefined {
  // "" has no printable first character, so isDecimalText refuses it.
  if (typeof value !== 'string' || !isDecimalText(value)) {
    return undefined;
  }
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : undefined;
}

/**
 * The epoch milliseconds of a date-time in the gateway's common RFC 3339 form, or undefined for
 * anything else (which then takes parseTime's general path). Builds no string and notes nothing.
 */
export function plainTime(value: string | null | undefined): number | undefined {
  return typeof value === 'string' ? commonDateTime(value) : undefined;
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

/**
 * An RFC 3339 date-time as epoch milliseconds; "" means unset (null). A time without an offset is
 * read as UTC (the gateway is a Go service that works in UTC), with a note.
 */
export function parseTime(value: string | null | undefined, path: string, notes: ParseNotes): number | null {
  if (value === null || value === undefined) {
    return null;
  }
  const fast = commonDateTime(value);
  // Stryker disable next-line ConditionalExpression,BlockStatement: the general path gives the same value (scalars.fastPath.test.ts)
  if (fast !== undefined) {
    return fast;
  }
  const text = value.trim();
  if (text === '') {
    return null;
  }
  const match = RFC3339.exec(text);
  if (!match) {
    throw new ResponseShapeError(`expected an RFC 3339 date-time, got ${JSON.stringify(value)}`, path);
  }
  const [, y, mo, d, h, mi, s, fraction = '', zone] = match;
  if (zone === undefined) {
    notes.add(NOTE.noOffset, path);
  }
  // Date.parse is given only the spelling ECMAScript defines: UTC, exactly 3 fraction digits (it
  // reads "24:00:00.000" as the next midnight, and refuses 24:00 with a fraction). The offset is
  // applied here. Date.parse rolls "02-30" over to March, so the day is checked against the month.
  const epoch = Date.parse(`${y}-${mo}-${d}T${h}:${mi}:${s}.${fraction.slice(1, 4).padEnd(3, '0')}Z`);
  const offset = offsetMinutes((zone ?? 'Z').toUpperCase(), 0);
  if (Number.isNaN(epoch) || offset === undefined || Number(d) > daysIn(Number(y), Number(mo))) {
    throw new ResponseShapeError(`invalid date-time ${JSON.stringify(value)}`, path);
  }
  return epoch - offset * 60_000;
}

const ZERO = 48;

/** The digits at `value[from, from + count)` as a number, or -1 if any is not a digit. */
function digits(value: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const d = value.charCodeAt(i) - ZERO;
    if (d < 0 || d > 9) {
      return -1;
    }
    n = n * 10 + d;
  }
  return n;
}

/**
 * Fast path for the form the gateway sends for every bin, box and point,
 * `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`, read digit by digit without a regular expression or
 * a rebuilt string. Returns undefined for anything else — other spellings, surrounding spaces, a
 * missing offset, years below 100, values out of range — which then take the general path with
 * its checks, notes and messages, so both paths give the same answer.
 */
function commonDateTime(value: string): number | undefined {
  const length = value.length;
  // Stryker disable next-line ConditionalExpression,BlockStatement: shorter text has no offset at 19, which offsetMinutes refuses too
  if (length < 20) {
    return undefined;
  }
  if (value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45 || value.charCodeAt(10) !== 84) {
    return undefined;
  }
  if (value.charCodeAt(13) !== 58 || value.charCodeAt(16) !== 58) {
    return undefined;
  }
  const year = digits(value, 0, 4);
  const month = digits(value, 5, 2);
  const day = digits(value, 8, 2);
  const hour = digits(value, 11, 2);
  const minute = digits(value, 14, 2);
  const second = digits(value, 17, 2);
  if (year < 100 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59) {
    return undefined;
  }
  if (second < 0 || second > 59 || day > daysIn(year, month)) {
    return undefined;
  }
  let i = 19;
  let millis = 0;
  if (value.charCodeAt(i) === 46) {
    const start = ++i;
    // Past the end charCodeAt gives NaN, which is no digit: the loop stops there without a bound.
    while (value.charCodeAt(i) >= ZERO && value.charCodeAt(i) <= ZERO + 9) {
      if (i - start < 3) {
        millis = millis * 10 + (value.charCodeAt(i) - ZERO);
      }
      i++;
    }
    if (i === start) {
      return undefined;
    }
    for (let k = Math.min(i - start, 3); k < 3; k++) {
      millis *= 10;
    }
  }
  const offset = offsetMinutes(value, i);
  if (offset === undefined) {
    return undefined;
  }
  return ((daysSinceEpoch(year, month, day) * 24 + hour) * 60 + minute - offset) * 60_000 + second * 1000 + millis;
}

/**
 * Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil): integer
 * arithmetic, about a fifth of the cost of `Date.UTC`, which is a call into the runtime — and the
 * fast path runs it for every bin and point. Years are ≥ 100 here, so no division sees a negative.
 */
function daysSinceEpoch(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** Minutes east of UTC of a "Z" or "±HH:MM" that ends `value` at `at`; undefined otherwise. */
function offsetMinutes(value: string, at: number): number | undefined {
  const sign = value.charCodeAt(at);
  if (sign === 90 && at + 1 === value.length) {
    return 0;
  }
  if ((sign !== 43 && sign !== 45) || at + 6 !== value.length || value.charCodeAt(at + 3) !== 58) {
    return undefined;
  }
  const hours = digits(value, at + 1, 2);
  const minutes = digits(value, at + 4, 2);
  if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59) {
    return undefined;
  }
  return (sign === 45 ? -1 : 1) * (hours * 60 + minutes);
}

function daysIn(year: number, month: number): number {
  return month === 2
    ? year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
      ? 29
      : 28
    : [31, 0, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

/** Like {@link parseTime} but the value is required. */
export function requireTime(value: string | null | undefined, path: string, notes: ParseNotes): number {
  const parsed = parseTime(value, path, notes);
  if (parsed === null) {
    throw new ResponseShapeError('missing date-time', path);
  }
  return parsed;
}

/** A string field where the gateway may send "", null or nothing; all mean "no value". */
export function optionalText(value: string | null | undefined): string {
  return value ?? '';
}
