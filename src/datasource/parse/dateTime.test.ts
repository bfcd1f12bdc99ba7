import { NOTE, ParseNotes } from './notes';
import { parseTime, requireTime } from './dateTime';

const n = () => new ParseNotes();

describe('parseTime', () => {
  it('parses RFC 3339 with Z, offsets and nanosecond fractions', () => {
    expect(parseTime('2022-07-19T07:28:40Z', 't', n())).toBe(Date.UTC(2022, 6, 19, 7, 28, 40));
    expect(parseTime('2026-11-01T08:30:00+02:00', 't', n())).toBe(Date.UTC(2026, 10, 1, 6, 30, 0));
    expect(parseTime('2026-10-01T12:00:00.123456789Z', 't', n())).toBe(Date.UTC(2026, 9, 1, 12, 0, 0, 123));
    expect(parseTime('2026-10-01t12:00:00.5z', 't', n())).toBe(Date.UTC(2026, 9, 1, 12, 0, 0, 500));
  });

  it('reads a time without offset as UTC, with a note (the official client accepts it)', () => {
    const notes = n();
    expect(parseTime('2026-10-01T12:00:00', 'deploymentDate', notes)).toBe(Date.UTC(2026, 9, 1, 12));
    expect(notes.list()).toEqual([`${NOTE.noOffset} (at deploymentDate)`]);
  });

  it('refuses impossible calendar days instead of rolling them over', () => {
    expect(() => parseTime('2026-02-30T00:00:00Z', 't', n())).toThrow(/invalid date-time/);
  });

  it('treats empty as unset, and refuses other formats', () => {
    expect(parseTime('', 't', n())).toBeNull();
    expect(() => parseTime('2026-10-01', 'deploymentDate', n())).toThrow(
      /deploymentDate: expected an RFC 3339 date-time/
    );
    expect(() => parseTime('1700000000', 't', n())).toThrow('t: expected an RFC 3339 date-time, got "1700000000"');
    expect(() => parseTime('2026-13-45T99:00:00Z', 't', n())).toThrow('t: invalid date-time "2026-13-45T99:00:00Z"');
  });

  it('refuses a sign or other non-digit in the hour or minute', () => {
    for (const text of [
      '2026-11-22T-1:00:00Z',
      '2026-11-22T0x:00:00Z',
      '2026-11-22T00:-1:00Z',
      '2026-11-22T00:5a:00Z',
    ]) {
      expect(() => parseTime(text, 't', n())).toThrow(`t: expected an RFC 3339 date-time, got ${JSON.stringify(text)}`);
    }
  });

  it('requireTime refuses a missing time', () => {
    expect(() => requireTime('', 'bin[0].xMin', n())).toThrow('bin[0].xMin: missing date-time');
  });
});

describe('parseTime: the general path', () => {
  it('parseTime keeps every fraction digit up to milliseconds on the general path', () => {
    expect(parseTime(' 2026-10-01T12:00:00.5Z', 't', n())).toBe(Date.UTC(2026, 9, 1, 12, 0, 0, 500));
    expect(parseTime(' 2026-10-01T12:00:00.05Z', 't', n())).toBe(Date.UTC(2026, 9, 1, 12, 0, 0, 50));
    expect(parseTime(' 2026-10-01T12:00:00.123456Z', 't', n())).toBe(Date.UTC(2026, 9, 1, 12, 0, 0, 123));
    expect(parseTime('2026-10-01 12:00:00.7-01:30', 't', n())).toBe(Date.UTC(2026, 9, 1, 13, 30, 0, 700));
  });

  it('parseTime reads a time without offset as UTC whatever the machine time zone', () => {
    const zone = process.env.TZ;
    process.env.TZ = 'America/New_York';
    try {
      const notes = n();
      expect(parseTime('2026-07-01T12:00:00', 't', notes)).toBe(Date.UTC(2026, 6, 1, 12));
      expect(parseTime(' 2026-07-01T12:00:00Z', 't', notes)).toBe(Date.UTC(2026, 6, 1, 12));
      expect(notes.list()).toEqual([`${NOTE.noOffset} (at t)`]);
    } finally {
      process.env.TZ = zone;
    }
  });

  it('parseTime accepts the last day of each month and refuses the day after on the general path', () => {
    for (const [date, valid] of [
      ['2026-01-31', true],
      ['2026-04-30', true],
      ['2026-04-31', false],
      ['2024-02-29', true],
      ['2023-02-29', false],
      ['1900-02-29', false],
      ['2000-02-29', true],
      // Years below 100 take the general path; year 0 is a leap year in the proleptic calendar.
      ['0000-02-29', true],
      ['0001-02-29', false],
      ['0004-02-29', true],
    ] as const) {
      const text = `${date}T00:00:00Z`;
      if (valid) {
        expect(parseTime(` ${text}`, 't', n())).toBe(Date.parse(text));
      } else {
        expect(() => parseTime(` ${text}`, 't', n())).toThrow(`t: invalid date-time " ${text}"`);
      }
    }
  });

  it('parseTime reads 24:00:00 as the next midnight (as the official client does) but not 24:00 with a fraction', () => {
    expect(parseTime('2024-01-31T24:00:00Z', 't', n())).toBe(Date.UTC(2024, 1, 1));
    expect(parseTime('2024-01-31T24:00:00.000+01:00', 't', n())).toBe(Date.UTC(2024, 0, 31, 23));
    expect(() => parseTime('2024-01-31T24:00:00.5Z', 't', n())).toThrow(
      't: invalid date-time "2024-01-31T24:00:00.5Z"'
    );
  });

  it('parseTime refuses an offset out of range on the general path', () => {
    for (const text of [' 2026-10-01T12:00:00+24:00', ' 2026-10-01T12:00:00-00:60', ' 0050-10-01T12:00:00+99:00']) {
      expect(() => parseTime(text, 't', n())).toThrow(`t: invalid date-time ${JSON.stringify(text)}`);
    }
    expect(parseTime(' 0050-10-01T12:00:00+23:59', 't', n())).toBe(Date.parse('0050-10-01T12:00:00+23:59'));
  });
});
