/**
 * The gateway's RFC 3339 date-times as epoch milliseconds. Every bin, box and point carries one or
 * two, so the common form is read digit by digit (integer calendar arithmetic, no regular
 * expression, no rebuilt string); any other spelling takes the general path with its checks, notes
 * and messages, and both paths give the same answer (scalars.fastPath.test.ts,
 * dateTime.plainTime.test.ts).
 */
import { NOTE, type ParseNotes } from './notes';
import { ResponseShapeError } from './scalars';

// RFC 3339 date-time (Go and Python both emit this form; fraction digits are unlimited). The
// offset is optional here: the official client (dateutil) reads a time without one, so we do too.
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})?$/;

/**
 * The epoch milliseconds of a date-time in the gateway's common RFC 3339 form, or NaN for anything
 * else (which then takes parseTime's general path). Builds no string and notes nothing.
 *
 * The fast paths here and in scalars.ts answer NaN, never undefined, for "not plain": a number
 * alone stays an unboxed double in V8's optimised code, while `number | undefined` is boxed — a
 * heap number allocated for every time and value of an answer (6 MB on the drift answer).
 */
export function plainTime(value: string | null | undefined): number {
  return typeof value === 'string' ? +commonDateTime(value) : Number.NaN;
}

/**
 * The times of the series read last, by position, for answers whose series share one time axis:
 * drift over time sends the same hundred date-times for each of its thousands of features, so each
 * is converted once and then only compared (an equal string gives an equal time). Only times the
 * fast path read are kept — they carry no note — so a time taken from here is exactly what
 * converting the text again would give.
 */
// Caches: a mutant that reuses less (never, or only some positions) converts the text again, to the
// same time — equivalent; one that would hand back a time for another text is killed in
// dateTime.reuse.test.ts. (The arrays' initial entries are compared with texts, never read as times.)
// Stryker disable BlockStatement,ConditionalExpression,LogicalOperator,EqualityOperator,ArrayDeclaration,BooleanLiteral
export interface SharedTimeAxis {
  readonly texts: string[];
  readonly times: number[];
}

/**
 * A fresh axis for the series of one answer. A plain object and module functions, not a class: an
 * instance's hidden class lives only while an instance does, and V8 then discards the code
 * compiled against it — every refresh after a collection recompiled the drift loops.
 */
export function newTimeAxis(): SharedTimeAxis {
  return { texts: [], times: [] };
}

/** plainTime(`value`), reusing the time at `index` of an earlier series of `axis` when its text is equal. */
export function plainTimeAt(axis: SharedTimeAxis, index: number, value: string | null | undefined): number {
  if (typeof value !== 'string') {
    return Number.NaN;
  }
  const { texts, times } = axis;
  // In bounds only: a read past an array's end is a slow path in V8.
  if (index < texts.length && texts[index] === value) {
    return times[index];
  }
  // `+`: a double for V8, so that a time reused above is not boxed to merge with this call's result.
  const time = +commonDateTime(value);
  // A kept NaN would send the same text to the general path again; the bound keeps the arrays
  // without holes (speed).
  if (!Number.isNaN(time) && index <= texts.length) {
    texts[index] = value;
    times[index] = time;
  }
  return time;
}

/** The last time {@link consecutivePlainTime} read, and its text. */
export interface LastTime {
  text: string | undefined;
  time: number;
}

/** A fresh {@link LastTime} for one list of intervals. */
export function noLastTime(): LastTime {
  // Stryker disable next-line ObjectLiteral: equivalent — an empty object reads undefined for both, and a time is read only after its text matched
  return { text: undefined, time: Number.NaN };
}

/**
 * plainTime that remembers the last time it read: consecutive intervals (histogram bins, box plot
 * boxes) start where the one before ended, so each `xMin` is the `xMax` just read and is only
 * compared. Like {@link SharedTimeAxis} it keeps only fast-path times (no notes). A module function
 * over a plain object, not a closure per list: V8 keeps a closure's optimised code only while the
 * closure lives, so one made per answer ran unoptimised again after every collection.
 */
export function consecutivePlainTime(last: LastTime, value: string | null | undefined): number {
  if (typeof value !== 'string') {
    return Number.NaN;
  }
  if (value === last.text) {
    return last.time;
  }
  // `+`: as in plainTimeAt, a double for V8.
  const time = +commonDateTime(value);
  if (!Number.isNaN(time)) {
    last.text = value;
    last.time = time;
  }
  return time;
}
// Stryker restore BlockStatement,ConditionalExpression,LogicalOperator,EqualityOperator,ArrayDeclaration,BooleanLiteral

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
  if (!Number.isNaN(fast)) {
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
 * a rebuilt string. Returns NaN for anything else — other spellings, surrounding spaces, a
 * missing offset, years below 100, values out of range — which then take the general path with
 * its checks, notes and messages, so both paths give the same answer.
 */
function commonDateTime(value: string): number {
  const length = value.length;
  // Stryker disable next-line ConditionalExpression,BlockStatement: shorter text has no offset at 19, which offsetMinutes refuses too
  if (length < 20) {
    return Number.NaN;
  }
  if (value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45 || value.charCodeAt(10) !== 84) {
    return Number.NaN;
  }
  if (value.charCodeAt(13) !== 58 || value.charCodeAt(16) !== 58) {
    return Number.NaN;
  }
  const year = digits(value, 0, 4);
  const month = digits(value, 5, 2);
  const day = digits(value, 8, 2);
  const hour = digits(value, 11, 2);
  const minute = digits(value, 14, 2);
  const second = digits(value, 17, 2);
  if (year < 100 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59) {
    return Number.NaN;
  }
  if (second < 0 || second > 59 || day > daysIn(year, month)) {
    return Number.NaN;
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
      return Number.NaN;
    }
    for (let k = Math.min(i - start, 3); k < 3; k++) {
      millis *= 10;
    }
  }
  const offset = offsetMinutes(value, i);
  // Stryker disable next-line ConditionalExpression,BlockStatement: equivalent — with no offset the sum below is NaN too; the check says so
  if (offset === undefined) {
    return Number.NaN;
  }
  return ((daysSinceEpoch(year, month, day) * 24 + hour) * 60 + minute - offset) * 60_000 + second * 1000 + millis;
}

/**
 * Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil): integer
 * arithmetic, about a fifth of the cost of `Date.UTC`, which is a call into the runtime — and the
 * fast path runs it for every bin and point. Years are 100–9999 here, so no division sees a
 * negative and `(a / b) | 0` is the floor: V8 compiles it to an integer division by a constant (a
 * multiplication), where `Math.floor(a / b)` divides doubles — 14 → 8 ns a call in a hot loop.
 */
function daysSinceEpoch(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = (y / 400) | 0;
  const yearOfEra = y - era * 400;
  const dayOfYear = (((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) | 0) + day - 1;
  const dayOfEra = yearOfEra * 365 + ((yearOfEra / 4) | 0) - ((yearOfEra / 100) | 0) + dayOfYear;
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

// February is computed (leap years).
const DAYS_IN_MONTH = [31, 0, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysIn(year: number, month: number): number {
  return month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : DAYS_IN_MONTH[month - 1];
}

/** Like {@link parseTime} but the value is required. */
export function requireTime(value: string | null | undefined, path: string, notes: ParseNotes): number {
  const parsed = parseTime(value, path, notes);
  if (parsed === null) {
    throw new ResponseShapeError('missing date-time', path);
  }
  return parsed;
}
