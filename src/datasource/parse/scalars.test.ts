import { NOTE, ParseNotes } from './notes';
import {
  ResponseShapeError,
  nonNegative,
  parseCount,
  parseDecimal,
  parseDouble,
  parseInt64,
  parseNumber,
} from './scalars';

const n = () => new ParseNotes();

describe('errors', () => {
  it('are ResponseShapeErrors that carry the JSON path', () => {
    const error = (() => {
      try {
        parseDecimal('abc', 'predictions.bin[3].y', n());
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ResponseShapeError);
    expect(error).toMatchObject({ path: 'predictions.bin[3].y', name: 'ResponseShapeError' });
  });
});

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
    expect(() => parseInt64('12.5', 'totalDeployments')).toThrow(
      'totalDeployments: expected an integer string, got "12.5"'
    );
    expect(() => parseInt64('12abc', 'totalDeployments')).toThrow(
      'totalDeployments: expected an integer string, got "12abc"'
    );
    expect(() => parseInt64(1.5, 'n')).toThrow(/expected an integer/);
  });
});

describe('parseDecimal', () => {
  it('parses the numeric strings found inside bins, boxes and points', () => {
    expect(parseDecimal('0.1', 'p', n())).toBe(0.1);
    expect(parseDecimal('1e1', 'p', n())).toBe(10);
    expect(parseDecimal('-2', 'p', n())).toBe(-2);
    expect(parseDecimal(' 42 ', 'p', n())).toBe(42);
    expect(parseDecimal('.5', 'p', n())).toBe(0.5);
  });

  it('maps empty to no value, and NaN and every spelling of ±Infinity to no value with a note', () => {
    expect(parseDecimal('', 'p', n())).toBeNull();
    for (const text of ['NaN', 'Infinity', '-Infinity', '+Inf', '-Inf', '1e400']) {
      const notes = n();
      expect(parseDecimal(text, 'bin[0].y', notes)).toBeNull();
      expect(notes.list()).toEqual([`${NOTE.nonFinite} (at bin[0].y)`]);
    }
  });

  it('refuses text that Number() would half-accept', () => {
    expect(() => parseDecimal('0x10', 'bin[0].y', n())).toThrow('bin[0].y: expected a number, got "0x10"');
    expect(() => parseDecimal('1,5', 'p', n())).toThrow('p: expected a number, got "1,5"');
    expect(() => parseDecimal('abc', 'p', n())).toThrow('p: expected a number, got "abc"');
  });
});

describe('parseDouble (protobuf JSON doubles)', () => {
  it('accepts "NaN", "Infinity" and "-Infinity" strings as no value, with a note', () => {
    for (const text of ['NaN', 'Infinity', '-Infinity']) {
      const notes = n();
      expect(parseDouble(text, 'uptime', notes)).toBeNull();
      expect(notes.list()).toEqual([`${NOTE.nonFinite} (at uptime)`]);
    }
  });
  it('accepts numbers and decimal strings, refuses other text', () => {
    expect(parseDouble(1.5, 'x', n())).toBe(1.5);
    expect(parseDouble('1.5', 'x', n())).toBe(1.5);
    expect(() => parseDouble('fast', 'scoringLatency', n())).toThrow('scoringLatency: expected a number, got "fast"');
  });
});

describe('parseCount', () => {
  it('reads an int32 sent as a numeric string, with a note', () => {
    const notes = n();
    expect(parseCount('12', 'averageScoringRequests', notes, 'int32')).toBe(12);
    expect(notes.list()).toEqual([`${NOTE.int32AsString} (at averageScoringRequests)`]);
  });
  it('shows a negative count as no value, with a note', () => {
    const notes = n();
    expect(parseCount('-3', 'totalPredictions', notes)).toBeNull();
    expect(notes.list()).toEqual([`${NOTE.negative} (at totalPredictions)`]);
  });
  it('shows an integer beyond 2^53 as no value, with a note, instead of rounding it', () => {
    for (const value of ['9007199254740993', 2 ** 60]) {
      const notes = n();
      expect(parseCount(value, 'totalPredictions', notes)).toBeNull();
      expect(notes.list()).toEqual([`${NOTE.tooLarge} (at totalPredictions)`]);
    }
  });
  it('still refuses text that is not an integer', () => {
    expect(() => parseCount('12.5', 'missingValues', n())).toThrow(
      'missingValues: expected an integer string, got "12.5"'
    );
  });
});

describe('parseNumber', () => {
  it('passes finite numbers and null through', () => {
    expect(parseNumber(1.756577830589034, 'scoringLatency', n())).toBe(1.756577830589034);
    expect(parseNumber(undefined, 'x', n())).toBeNull();
  });
  it('turns a non-finite number into no value with a note', () => {
    const notes = n();
    expect(parseNumber(Infinity, 'x', notes)).toBeNull();
    expect(notes.list()).toHaveLength(1);
  });
});

describe('parseCount with surrounding spaces', () => {
  it('reads a spaced count beyond 2^53 as no value with the too-large note (not a refusal)', () => {
    const notes = n();
    expect(parseCount(' 9007199254740993 ', 'totalPredictions', notes)).toBeNull();
    expect(notes.list()).toEqual([`${NOTE.tooLarge} (at totalPredictions)`]);
  });
});

describe('scalars: edge cases of the notes and the general paths', () => {
  it('parseInt64 reads an int64 string with surrounding spaces', () => {
    expect(parseInt64(' 12 ', 'x')).toBe(12);
  });

  it('parseCount notes an empty int32 string as no value, not as a number read from a string', () => {
    const notes = n();
    expect(parseCount('', 'averageScoringRequests', notes, 'int32')).toBeNull();
    expect(parseCount(null, 'averageScoringRequests', notes, 'int32')).toBeNull();
    expect(notes.list()).toEqual([]);
  });

  it('parseCount reads an int64 string without the int32 note when no encoding is given', () => {
    const notes = n();
    expect(parseCount('7', 'totalPredictions', notes)).toBe(7);
    expect(notes.list()).toEqual([]);
  });

  it('parseCount shows a JSON number beyond 2^53 written in exponent form as too large, not a refusal', () => {
    const notes = n();
    expect(parseCount(1e21, 'totalPredictions', notes)).toBeNull();
    expect(notes.list()).toEqual([`${NOTE.tooLarge} (at totalPredictions)`]);
  });

  it('nonNegative passes no value through without a note', () => {
    const notes = n();
    expect(nonNegative(null, 'x', notes)).toBeNull();
    expect(nonNegative(0, 'x', notes)).toBe(0);
    expect(notes.list()).toEqual([]);
  });

  it('parseNumber passes null through without a note', () => {
    const notes = n();
    expect(parseNumber(null, 'x', notes)).toBeNull();
    expect(notes.list()).toEqual([]);
  });
});
