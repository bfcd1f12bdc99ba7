import { ResponseShapeError, parseDecimal, parseInt64, parseNumber, parseTime, requireTime } from './scalars';

describe('parseInt64', () => {
  it('parses int64 strings exactly, including the largest safe integer', () => {
    expect(parseInt64('17670', 'x')).toBe(17670);
    expect(parseInt64('-5', 'x')).toBe(-5);
    expect(parseInt64('9007199254740991', 'x')).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('treats empty and absent values as no value, never 0', () => {
    expect(parseInt64('', 'x')).toBeNull();
    expect(parseInt64(null, 'x')).toBeNull();
    expect(parseInt64(undefined, 'x')).toBeNull();
  });

  it('refuses values that would lose precision instead of rounding them', () => {
    expect(() => parseInt64('9007199254740993', 'totalPredictions')).toThrow(/too large to represent exactly/);
  });

  it('refuses non-integers and names the path', () => {
    expect(() => parseInt64('12.5', 'totalDeployments')).toThrow(ResponseShapeError);
    expect(() => parseInt64('12abc', 'totalDeployments')).toThrow(
      'totalDeployments: expected an integer string, got "12abc"'
    );
    expect(() => parseInt64(1.5, 'n')).toThrow(/expected an integer/);
  });
});

describe('parseDecimal', () => {
  it('parses the numeric strings found inside bins, boxes and points', () => {
    expect(parseDecimal('0.1', 'p')).toBe(0.1);
    expect(parseDecimal('1e1', 'p')).toBe(10);
    expect(parseDecimal('-2', 'p')).toBe(-2);
    expect(parseDecimal(' 42 ', 'p')).toBe(42);
    expect(parseDecimal('.5', 'p')).toBe(0.5);
  });

  it('maps empty and NaN to no value and keeps infinities', () => {
    expect(parseDecimal('', 'p')).toBeNull();
    expect(parseDecimal('NaN', 'p')).toBeNull();
    expect(parseDecimal('+Inf', 'p')).toBe(Infinity);
    expect(parseDecimal('-Inf', 'p')).toBe(-Infinity);
  });

  it('refuses text that Number() would half-accept', () => {
    expect(() => parseDecimal('0x10', 'bin[0].y')).toThrow('bin[0].y: expected a number, got "0x10"');
    expect(() => parseDecimal('1,5', 'p')).toThrow(ResponseShapeError);
    expect(() => parseDecimal('abc', 'p')).toThrow(ResponseShapeError);
  });
});

describe('parseNumber', () => {
  it('passes finite numbers and null through', () => {
    expect(parseNumber(1.756577830589034, 'scoringLatency')).toBe(1.756577830589034);
    expect(parseNumber(undefined, 'x')).toBeNull();
  });
});

describe('parseTime', () => {
  it('parses RFC 3339 with Z, offsets and nanosecond fractions', () => {
    expect(parseTime('2022-07-19T07:28:40Z', 't')).toBe(Date.UTC(2022, 6, 19, 7, 28, 40));
    expect(parseTime('2026-11-01T08:30:00+02:00', 't')).toBe(Date.UTC(2026, 10, 1, 6, 30, 0));
    expect(parseTime('2026-10-01T12:00:00.123456789Z', 't')).toBe(Date.UTC(2026, 9, 1, 12, 0, 0, 123));
    expect(parseTime('2026-10-01t12:00:00.5z', 't')).toBe(Date.UTC(2026, 9, 1, 12, 0, 0, 500));
  });

  it('treats empty as unset, and refuses other formats', () => {
    expect(parseTime('', 't')).toBeNull();
    expect(() => parseTime('2026-10-01', 'deploymentDate')).toThrow(/deploymentDate: expected an RFC 3339 date-time/);
    expect(() => parseTime('1700000000', 't')).toThrow(ResponseShapeError);
    expect(() => parseTime('2026-13-45T99:00:00Z', 't')).toThrow(ResponseShapeError);
  });

  it('requireTime refuses a missing time', () => {
    expect(() => requireTime('', 'bin[0].xMin')).toThrow('bin[0].xMin: missing date-time');
  });
});
