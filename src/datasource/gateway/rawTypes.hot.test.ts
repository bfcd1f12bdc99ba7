import fc from 'fast-check';

import { hotItemShapes } from './rawTypes';
import { hotObject, nullish, object, string, type Shape } from './shape';

/**
 * Bins, boxes and points are checked by hand-written tests (hotObject); each must give the verdict
 * and the first issue of the generic object shape with the same fields, for any value.
 */
const optionalString = nullish(string);
const fieldsOf = (keys: string[]) => Object.fromEntries(keys.map((key) => [key, optionalString]));
const KEYS = {
  bin: ['xMin', 'xMax', 'y'],
  box: ['x', 'xMin', 'xMax', 'y0', 'y1', 'y2', 'y3', 'y4'],
  point: ['xAxis', 'yAxis', 'value'],
};

const anyValue = fc.oneof(
  fc.jsonValue(),
  fc.string(),
  fc.constantFrom<unknown>(undefined, null, NaN, Infinity, 0, '', new Date(0), [], {}, [null], Symbol('s'))
);

describe.each(Object.keys(KEYS) as Array<keyof typeof KEYS>)('the hand-written test of a %s', (kind) => {
  const hot: Shape<unknown> = hotItemShapes[kind];
  const generic = object(fieldsOf(KEYS[kind]));
  const item = fc.record(Object.fromEntries(KEYS[kind].map((key) => [key, anyValue])), { requiredKeys: [] });

  it('agrees with the generic object shape on any value in any field', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          item,
          item.map((value) => ({ ...value, extra: 1 })),
          anyValue
        ),
        (value) => {
          expect(hot.test(value)).toBe(generic.test(value));
          expect(hot.explain(value, ['at'])).toEqual(generic.explain(value, ['at']));
        }
      ),
      { numRuns: 2000 }
    );
  });

  it('refuses each field of the wrong type on its own', () => {
    for (const key of KEYS[kind]) {
      expect(hot.test({ [key]: 1 })).toBe(false);
      expect(hot.test({ [key]: 'text' })).toBe(true);
    }
  });
});

describe('hotObject', () => {
  it('refuses non-objects before its field test runs', () => {
    let fieldTests = 0;
    const shape = hotObject({ a: optionalString }, () => ++fieldTests > 0);
    for (const value of [null, undefined, [], 'x', 1]) {
      expect(shape.test(value)).toBe(false);
    }
    expect(fieldTests).toBe(0);
    expect(shape.test({})).toBe(true);
    expect(fieldTests).toBe(1);
    expect(shape.explain([], [])).toEqual({ path: [], message: 'Invalid input: expected object, received array' });
  });
});
