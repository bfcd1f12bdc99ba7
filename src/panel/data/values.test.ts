import { FieldType, createDataFrame } from '@grafana/data';

import { Reducer, Signal } from './mapping';
import {
  counterIncreases,
  lastIndexWithValue,
  numbers,
  plausibleValue,
  reduceValues,
  toNumber,
  toText,
} from './values';

describe('toNumber and toText', () => {
  it('reads numeric text as a number, blank or odd text and non-finite numbers as no value', () => {
    expect(['42', ' 1.5 ', '', '   ', 'abc', 7, Infinity, NaN, null, undefined].map(toNumber)).toEqual([
      42,
      1.5,
      null,
      null,
      null,
      7,
      null,
      null,
      null,
      null,
    ]);
  });

  it('shows a missing cell as empty text, anything else as its text', () => {
    expect([null, undefined, 0, 'x', false].map(toText)).toEqual(['', '', '0', 'x', 'false']);
  });
});

describe('reduceValues and counterIncreases', () => {
  it('leaves out missing and non-finite points when reducing', () => {
    const series = [null, 2, NaN, 4, null];
    expect(reduceValues(series, Reducer.Mean)).toBe(3);
    expect(reduceValues(series, Reducer.Sum)).toBe(6);
    expect(reduceValues([1, NaN], Reducer.Last)).toBe(1);
  });

  it('gives no increase at missing or non-finite points and counts on from the previous real value', () => {
    expect(counterIncreases([1, null, 3, NaN, 6])).toEqual([null, null, 2, null, 3]);
  });
});

describe('numbers', () => {
  it('reads every value of a field, one number or null per row', () => {
    const frame = createDataFrame({ fields: [{ name: 'v', type: FieldType.string, values: ['1', 'x', '3'] }] });
    expect(numbers(frame.fields[0])).toEqual([1, null, 3]);
  });
});

describe('lastIndexWithValue', () => {
  it('finds the last value that is not null, else the last index, else -1', () => {
    expect(lastIndexWithValue([1, 2])).toBe(1);
    expect(lastIndexWithValue([1, null])).toBe(0);
    expect(lastIndexWithValue([null, 0, null, null])).toBe(1);
    expect(lastIndexWithValue([null, null])).toBe(1);
    expect(lastIndexWithValue([])).toBe(-1);
  });
});

describe('plausibleValue', () => {
  it('shows a negative value as no value unless the signal may be negative', () => {
    expect(plausibleValue(-2, Signal.Latency)).toBeNull();
    expect(plausibleValue(-0.3, Signal.Accuracy)).toBe(-0.3);
    expect(plausibleValue(0, Signal.Latency)).toBe(0);
    expect(plausibleValue(null, Signal.Latency)).toBeNull();
  });
});
