import fc from 'fast-check';

import { hotItemShapes } from './rawTypes';
import { hotObject, nullish, string, type Shape } from './shape';

/**
 * Bins, boxes, points, models and deployments are checked by hand-written tests (hotObject). Their
 * `explain` is the generic object shape's, itself checked against zod (shape.test.ts), so each test
 * must pass exactly the values its explain finds no issue in — asserted on valid items with fields
 * replaced by any value, and on arbitrary values.
 */
const VALID = {
  bin: { xMin: '2026-01-01T00:00:00Z', xMax: '2026-01-01T00:01:00Z', y: '3' },
  box: { x: 'a', xMin: 'b', xMax: 'c', y0: '1', y1: '2', y2: '3', y3: '4', y4: '5' },
  point: { xAxis: '2026-01-01T00:00:00Z', yAxis: '0.5', value: '' },
  model: {
    registeredModelName: 'churn',
    registeredModelVersion: '2',
    driftStatus: 'HEALTHY',
    accuracy: 2,
    averageScoringRequests: '17',
  },
  deployment: {
    id: 'd1',
    name: 'churn',
    description: '',
    mode: 'SINGLE_MODEL',
    environment: 'PROD',
    type: 'REST',
    problemType: 'classification',
    models: [{ registeredModelName: 'churn', driftStatus: 1 }],
    deploymentDate: '2026-01-01T00:00:00Z',
    projectId: 'p',
    monitoringEnabled: true,
    storeScoringData: false,
  },
};

const anyValue = fc.oneof(
  fc.jsonValue(),
  fc.string(),
  fc.constantFrom<unknown>(undefined, null, NaN, Infinity, -Infinity, 0, '', true, new Date(0), [], {}, [null]),
  fc.array(fc.record({ registeredModelName: fc.oneof(fc.string(), fc.integer()), accuracy: fc.double() }), {
    maxLength: 3,
  })
);

describe.each(Object.keys(VALID) as Array<keyof typeof VALID>)('the hand-written test of a %s', (kind) => {
  const hot: Shape<unknown> = hotItemShapes[kind];
  const valid: Record<string, unknown> = VALID[kind];
  const keys = Object.keys(valid);
  const agrees = (value: unknown) => {
    expect(hot.test(value)).toBe(hot.explain(value, []) === undefined);
  };

  it('passes the valid item, also without any field or with null in each', () => {
    expect(hot.test(valid)).toBe(true);
    for (const key of keys) {
      expect(hot.test({ ...valid, [key]: null })).toBe(true);
      expect(hot.test({ ...valid, [key]: undefined })).toBe(true);
    }
  });

  it('refuses a symbol in each field on its own', () => {
    for (const key of keys) {
      expect(hot.test({ ...valid, [key]: Symbol('s') })).toBe(false);
    }
  });

  it('gives the verdict its explain gives, for any value in any fields', () => {
    const replaced = fc
      .record({ changes: fc.dictionary(fc.constantFrom(...keys), anyValue, { maxKeys: 3 }), extra: fc.boolean() })
      .map(({ changes, extra }) => ({ ...valid, ...changes, ...(extra ? { unknownKey: [1] } : {}) }));
    fc.assert(fc.property(fc.oneof(replaced, anyValue), agrees), { numRuns: 2000 });
  });
});

describe('the statuses and counts of a model', () => {
  it('are a string, a finite number, null or absent — nothing else', () => {
    const model = hotItemShapes.model;
    for (const value of ['HEALTHY', 2, 0, null, undefined]) {
      expect(model.test({ driftStatus: value, accuracy: value, averageScoringRequests: value })).toBe(true);
    }
    for (const value of [true, {}, [], NaN, Infinity]) {
      expect(model.test({ driftStatus: value })).toBe(false);
      expect(model.test({ accuracy: value })).toBe(false);
      expect(model.test({ averageScoringRequests: value })).toBe(false);
    }
  });
});

describe('hotObject', () => {
  it('refuses non-objects before its field test runs', () => {
    let fieldTests = 0;
    const shape = hotObject({ a: nullish(string) }, () => ++fieldTests > 0);
    for (const value of [null, undefined, [], 'x', 1]) {
      expect(shape.test(value)).toBe(false);
    }
    expect(fieldTests).toBe(0);
    expect(shape.test({})).toBe(true);
    expect(fieldTests).toBe(1);
    expect(shape.explain([], [])).toEqual({ path: [], message: 'Invalid input: expected object, received array' });
  });
});
