import fc from 'fast-check';

import { ParseNotes } from './notes';
import { parseTime } from './dateTime';
import { parseDecimal, plainDecimal } from './scalars';

/**
 * parseTime reads the common RFC 3339 form digit by digit; a leading space sends the same text
 * through the general path (regular expression + Date.parse). Both must agree: value, error, notes.
 */
function outcome(value: string): { result: number | null | string; notices: string[] } {
  const notes = new ParseNotes();
  try {
    return { result: parseTime(value, 'p', notes), notices: notes.list() };
  } catch (error) {
    return { result: (error as Error).message.replace('" ', '"'), notices: notes.list() };
  }
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

const dateTime = fc
  .record({
    year: fc.oneof(fc.integer({ min: 0, max: 9999 }), fc.constantFrom(1900, 2000, 2024, 2100)),
    month: fc.integer({ min: 0, max: 13 }),
    day: fc.integer({ min: 0, max: 32 }),
    hour: fc.integer({ min: 0, max: 25 }),
    minute: fc.integer({ min: 0, max: 61 }),
    second: fc.integer({ min: 0, max: 61 }),
    fraction: fc.option(fc.stringMatching(/^[0-9]{1,9}$/), { nil: undefined }),
    zone: fc.constantFrom('Z', 'z', '', '+00:00', '-07:30', '+14:00', '+24:00', '-00:60', '+5:00'),
  })
  .map(
    ({ year, month, day, hour, minute, second, fraction, zone }) =>
      `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}T${pad(hour, 2)}:${pad(minute, 2)}:${pad(second, 2)}` +
      `${fraction === undefined ? '' : `.${fraction}`}${zone}`
  );

describe('parseTime fast path', () => {
  it('gives the same value, error and notes as the general path', () => {
    fc.assert(
      fc.property(dateTime, (text) => {
        const fast = outcome(text);
        const general = outcome(` ${text}`);
        expect(fast).toEqual(general);
      }),
      { numRuns: 3000 }
    );
  });

  it('reads the common form exactly', () => {
    expect(outcome('2024-02-29T23:59:59.123456Z').result).toBe(Date.UTC(2024, 1, 29, 23, 59, 59, 123));
    expect(outcome('2024-03-01T01:00:00+01:00').result).toBe(Date.UTC(2024, 2, 1, 0, 0, 0));
    expect(outcome('2023-02-29T00:00:00Z').result).toMatch(/invalid date-time/);
  });
});

describe('parseDecimal plain path', () => {
  function decimalOutcome(value: string): { result: number | null | string; notices: string[] } {
    const notes = new ParseNotes();
    try {
      return { result: parseDecimal(value, 'p', notes), notices: notes.list() };
    } catch (error) {
      return { result: (error as Error).message.replace('" ', '"'), notices: notes.list() };
    }
  }

  const decimalText = fc.oneof(
    fc.double({ noNaN: false }).map(String),
    fc.stringMatching(/^[+-]?[0-9]{0,3}\.?[0-9]{0,3}([eE][+-]?[0-9]{0,4})?$/),
    fc.constantFrom('', '.', '+', '-', 'NaN', 'Infinity', '-Inf', '1e999', '-1e999', '0x10', '1_0', '١٢', '1.5 '),
    // What Number() reads besides decimals: radix prefixes, signed Infinity, whitespace of any kind.
    fc.constantFrom('0b1', '0B1', '0o7', '0O7', '0X1F', '+0x1', '-0x1', '+Infinity', '\u00a01', '1\u00a0', '1\n'),
    fc.constantFrom('\t1', '\u20281', '1\ufeff', '-0', '5.', '.5', '+.5e-3', '00012', '1e', 'e5', '1.2.3', '1x')
  );

  it('takes the plain path exactly for decimal literals', () => {
    const plain = ['-0', '5.', '.5', '+.5e-3', '00012', '1e3', '-12.25'];
    const general = [
      '0b1',
      '0o7',
      '0X1F',
      '+Infinity',
      'Infinity',
      '1e999',
      '\u00a01',
      '1\u00a0',
      ' 1',
      '1 ',
      '1x',
      '',
    ];
    expect(plain.map((text) => plainDecimal(text))).toEqual([-0, 5, 0.5, 0.0005, 12, 1000, -12.25]);
    expect(general.map((text) => plainDecimal(text))).toEqual(general.map(() => Number.NaN));
  });

  it('gives the same value, error and notes as the general path', () => {
    fc.assert(
      fc.property(decimalText, (text) => {
        expect(decimalOutcome(text)).toEqual(decimalOutcome(` ${text}`));
      }),
      { numRuns: 3000 }
    );
  });

  it('reads short decimals digit by digit to the very double Number() reads', () => {
    const shortOrLonger = fc.stringMatching(/^[+-]?[0-9]{0,10}\.?[0-9]{0,10}$/);
    fc.assert(
      fc.property(shortOrLonger, (text) => {
        const expected = Number(text);
        expect(plainDecimal(text)).toBe(text === '' ? Number.NaN : expected);
      }),
      { numRuns: 5000 }
    );
    expect(
      ['-0', '0.1', '0.30000000000000004', '999999999999999', '9007199254740993'].map((t) => plainDecimal(t))
    ).toEqual([-0, 0.1, 0.30000000000000004, 999999999999999, 9007199254740992]);
    // Texts the digit loop must decline, not misread: a second point, signs and digits out of place.
    for (const text of ['.5.', '..5', '5..', '1.2.3', '--1', '+-1', '1-', '1e5', ' 1', '1 ', '.', '-', '+', '']) {
      const expected = Number(text);
      const plain = text !== '' && text === text.trim() && Number.isFinite(expected);
      expect(plainDecimal(text)).toBe(plain ? expected : Number.NaN);
    }
  });
});
