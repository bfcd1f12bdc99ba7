/**
 * Strict conversions of the gateway's string-encoded scalars. The gateway sends int64 values and
 * every field inside bins, boxes and points as strings; a lenient `Number(x)` would turn "" into
 * 0 and "12abc" into NaN silently, so each helper either returns an exact value, `null` for a
 * value the gateway left empty, or throws a {@link ResponseShapeError} naming the JSON path.
 */

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
// RFC 3339 date-time (Go and Python both emit this form; fraction digits are unlimited).
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

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
 * A decimal number inside a bin, box or point. "" means the gateway had no value (null).
 * Go's formatter may write NaN and ±Inf; NaN becomes null (no value), infinities are kept.
 */
export function parseDecimal(value: string | null | undefined, path: string): number | null {
  if (value === null || value === undefined) {
    return null;
  }
  const text = value.trim();
  if (text === '' || text === 'NaN') {
    return null;
  }
  if (text === '+Inf' || text === 'Inf' || text === 'Infinity') {
    return Number.POSITIVE_INFINITY;
  }
  if (text === '-Inf' || text === '-Infinity') {
    return Number.NEGATIVE_INFINITY;
  }
  if (!DECIMAL.test(text)) {
    throw new ResponseShapeError(`expected a number, got ${JSON.stringify(value)}`, path);
  }
  return Number(text);
}

/** A JSON number field that may be absent; non-finite numbers are refused. */
export function parseNumber(value: number | null | undefined, path: string): number | null {
  if (value === null || value === undefined) {
    return null;
  }
  if (!Number.isFinite(value)) {
    throw new ResponseShapeError(`expected a finite number, got ${value}`, path);
  }
  return value;
}

/** An RFC 3339 date-time as epoch milliseconds; "" means unset (null). */
export function parseTime(value: string | null | undefined, path: string): number | null {
  if (value === null || value === undefined || value.trim() === '') {
    return null;
  }
  const text = value.trim();
  const match = RFC3339.exec(text);
  if (!match) {
    throw new ResponseShapeError(`expected an RFC 3339 date-time, got ${JSON.stringify(value)}`, path);
  }
  // Date.parse accepts only up to millisecond precision reliably: cut the fraction to 3 digits.
  const [, y, mo, d, h, mi, s, fraction = '', zone] = match;
  const millis = fraction ? `.${fraction.slice(1, 4).padEnd(3, '0')}` : '';
  const normalised = `${y}-${mo}-${d}T${h}:${mi}:${s}${millis}${zone.toUpperCase()}`;
  const epoch = Date.parse(normalised);
  if (Number.isNaN(epoch)) {
    throw new ResponseShapeError(`invalid date-time ${JSON.stringify(value)}`, path);
  }
  return epoch;
}

/** Like {@link parseTime} but the value is required. */
export function requireTime(value: string | null | undefined, path: string): number {
  const parsed = parseTime(value, path);
  if (parsed === null) {
    throw new ResponseShapeError('missing date-time', path);
  }
  return parsed;
}

/** A string field where the gateway may send "", null or nothing; all mean "no value". */
export function optionalText(value: string | null | undefined): string {
  return value ?? '';
}
