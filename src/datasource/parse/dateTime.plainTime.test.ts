import fc from 'fast-check';

import { plainTime } from './dateTime';

/**
 * plainTime's contract: the epoch milliseconds of every date-time in the gateway's common form
 * `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)` with a year ≥ 100 and every field in range, and
 * undefined for every other string. The expected value is computed with Date.UTC, independently
 * of the digit-by-digit reader.
 */
const pad = (n: number, width: number) => String(n).padStart(width, '0');

// Date.UTC(y, m, 0) is the last day of month m (1-based) — years ≥ 100 only, so no 19xx mapping.
const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

interface Fields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  fraction?: string;
  offset?: { sign: '+' | '-'; hours: number; minutes: number };
}

function text(f: Fields): string {
  const zone = f.offset ? `${f.offset.sign}${pad(f.offset.hours, 2)}:${pad(f.offset.minutes, 2)}` : 'Z';
  return (
    `${pad(f.year, 4)}-${pad(f.month, 2)}-${pad(f.day, 2)}T${pad(f.hour, 2)}:${pad(f.minute, 2)}:${pad(f.second, 2)}` +
    `${f.fraction === undefined ? '' : `.${f.fraction}`}${zone}`
  );
}

function expected(f: Fields): number {
  const millis = f.fraction === undefined ? 0 : Number(f.fraction.slice(0, 3).padEnd(3, '0'));
  const east = f.offset ? (f.offset.sign === '-' ? -1 : 1) * (f.offset.hours * 60 + f.offset.minutes) : 0;
  return Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second, millis) - east * 60_000;
}

const validFields: fc.Arbitrary<Fields> = fc
  .record({
    year: fc.oneof(fc.integer({ min: 100, max: 9999 }), fc.constantFrom(100, 1600, 1900, 2000, 2023, 2024, 2100, 9999)),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 31 }),
    hour: fc.integer({ min: 0, max: 23 }),
    minute: fc.integer({ min: 0, max: 59 }),
    second: fc.integer({ min: 0, max: 59 }),
    fraction: fc.option(fc.stringMatching(/^[0-9]{1,9}$/), { nil: undefined }),
    offset: fc.option(
      fc.record({
        sign: fc.constantFrom<'+' | '-'>('+', '-'),
        hours: fc.integer({ min: 0, max: 23 }),
        minutes: fc.integer({ min: 0, max: 59 }),
      }),
      { nil: undefined }
    ),
  })
  // Clamping to the month's length makes its last day (Feb 28/29 included) a frequent case.
  .map((f) => ({ ...f, day: Math.min(f.day, daysInMonth(f.year, f.month)) }));

const base: Fields = { year: 2024, month: 1, day: 1, hour: 0, minute: 0, second: 0 };

describe('plainTime reads the common form', () => {
  it('gives the Date.UTC value for every valid date-time in the common form', () => {
    fc.assert(
      fc.property(validFields, (f) => {
        expect(plainTime(text(f))).toBe(expected(f));
      }),
      { numRuns: 2000 }
    );
  });

  it.each<[string, Partial<Fields>]>([
    ['the shortest form (20 characters)', {}],
    ['year 100', { year: 100 }],
    ['year 9999, Dec 31, 23:59:59', { year: 9999, month: 12, day: 31, hour: 23, minute: 59, second: 59 }],
    ['Jan 31', { month: 1, day: 31 }],
    ['Apr 30', { month: 4, day: 30 }],
    ['Feb 29 of a leap year', { month: 2, day: 29 }],
    ['Feb 29 of a century divisible by 400', { year: 2000, month: 2, day: 29 }],
    ['Feb 28 of a common century', { year: 1900, month: 2, day: 28 }],
    ['digits 0 and 9 everywhere', { year: 1990, month: 9, day: 9, hour: 19, minute: 9, second: 9 }],
    ['a one-digit fraction', { fraction: '5' }],
    ['a two-digit fraction', { fraction: '05' }],
    ['a three-digit fraction', { fraction: '999' }],
    ['a nine-digit fraction', { fraction: '123456789' }],
    ['a fraction of zeros', { fraction: '000' }],
    ['offset +23:59', { offset: { sign: '+', hours: 23, minutes: 59 } }],
    ['offset -23:59', { offset: { sign: '-', hours: 23, minutes: 59 } }],
    ['offset -00:00', { offset: { sign: '-', hours: 0, minutes: 0 } }],
    ['offset +09:30 after a fraction', { fraction: '25', offset: { sign: '+', hours: 9, minutes: 30 } }],
    ['offset -01:00 after a fraction', { fraction: '7', offset: { sign: '-', hours: 1, minutes: 0 } }],
  ])('reads %s', (_name, fields) => {
    const f = { ...base, ...fields };
    expect(plainTime(text(f))).toBe(expected(f));
  });

  it('reads exact known instants', () => {
    expect(plainTime('1970-01-01T00:00:00Z')).toBe(0);
    expect(plainTime('2024-02-29T23:59:59.123456Z')).toBe(Date.UTC(2024, 1, 29, 23, 59, 59, 123));
    expect(plainTime('2024-03-01T01:00:00+01:00')).toBe(Date.UTC(2024, 2, 1, 0, 0, 0));
    expect(plainTime('2024-03-01T00:00:00.5-02:30')).toBe(Date.UTC(2024, 2, 1, 2, 30, 0, 500));
  });
});

describe('plainTime refuses everything else', () => {
  const valid = '2024-06-15T12:34:56.789+05:30';

  it.each([
    // Out-of-range fields.
    '0099-06-15T12:00:00Z',
    '0000-06-15T12:00:00Z',
    '2024-00-15T12:00:00Z',
    '2024-13-15T12:00:00Z',
    '2024-06-00T12:00:00Z',
    '2024-06-31T12:00:00Z',
    '2024-01-32T12:00:00Z',
    '2023-02-29T12:00:00Z',
    '1900-02-29T12:00:00Z',
    '2100-02-29T12:00:00Z',
    '2024-02-30T12:00:00Z',
    '2024-06-15T24:00:00Z',
    '2024-06-15T12:60:00Z',
    '2024-06-15T12:00:60Z',
    '2024-06-15T12:00:00+24:00',
    '2024-06-15T12:00:00-00:60',
    // Other spellings the general path reads (or refuses) with its notes and messages.
    '2024-06-15T12:00:00',
    '2024-06-15T12:00:00.5',
    '2024-06-15T12:00:00z',
    '2024-06-15t12:00:00Z',
    '2024-06-15 12:00:00Z',
    ' 2024-06-15T12:00:00Z',
    '2024-06-15T12:00:00Z ',
    '2024-06-15T12:00:00Zx',
    '2024-06-15T12:00:00ZZ',
    '2024-06-15T12:00:00X',
    '2024-06-15T12:00:00.Z',
    '2024-06-15T12:00:00.+01:00',
    '2024-06-15T12:00:00,5Z',
    '2024-06-15T12:00:00+01:00 ',
    '2024-06-15T12:00:00+01:00Z',
    '2024-06-15T12:00:00+01:0',
    '2024-06-15T12:00:00+0100',
    '2024-06-15T12:00:00+01-00',
    '2024-06-15T12:00:00*01:00',
    '2024-06-15T12:00:00 01:00',
    '2024-06-15T12:00:00.5*01:00',
    // Wrong separators.
    '2024/06-15T12:00:00Z',
    '2024-06/15T12:00:00Z',
    '2024-06-15T12-00:00Z',
    '2024-06-15T12:00-00Z',
    '2024-06-15T12:00:00.5+01.00',
    // A non-digit just below '0' ('/') or above '9' (':') where a digit belongs.
    '2024-01-1/T00:00:00Z',
    '2024-01-1:T00:00:00Z',
    '2024-1/-15T00:00:00Z',
    '2024-06-15T1/:00:00Z',
    '2024-06-15T1::00:00Z',
    '2024-06-15T12:1/:00Z',
    '2024-06-15T12:1::00Z',
    '2024-06-15T12:00:1/Z',
    '2024-06-15T12:00:1:Z',
    '2024-06-15T12:00:00+1/:00',
    '2024-06-15T12:00:00+01:1/',
    '2024-06-15T12:00:00+01:1:',
    // Too short.
    '2024-06-15T12:00:0Z',
    '2024-06-15T12:00:00',
    '',
  ])('refuses %j', (value) => {
    expect(plainTime(value)).toBeNaN();
  });

  it('refuses the common form with any one character replaced by a character of another kind', () => {
    expect(plainTime(valid)).toBe(Date.UTC(2024, 5, 15, 7, 4, 56, 789));
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: valid.length - 1 }),
        fc.constantFrom('/', ':', 'a', ' ', '-', '+', '.', 'T', 'Z'),
        (at, replacement) => {
          const original = valid[at];
          const isDigit = (c: string) => c >= '0' && c <= '9';
          // Only a replacement of another kind: a digit by a non-digit, a separator by another character.
          fc.pre(isDigit(original) || replacement !== original);
          // '+' → '-' only flips the offset's sign, which is still the common form.
          fc.pre(!(original === '+' && replacement === '-'));
          const corrupted = valid.slice(0, at) + replacement + valid.slice(at + 1);
          expect(plainTime(corrupted)).toBeNaN();
        }
      ),
      { numRuns: 1000 }
    );
  });

  it('gives NaN for null and undefined', () => {
    expect(plainTime(null)).toBeNaN();
    expect(plainTime(undefined)).toBeNaN();
  });
});
