import { ThresholdsMode, type Field, FieldType } from '@grafana/data';

import { firstThresholdStep, resolveThresholds } from './driftThresholds';
import { Signal } from './mapping';
import type { ModelData } from './types';
import { emptyModelData, scalarsOf } from '../../test/modelData';

/** Where the drift and importance thresholds come from: the data, a field's threshold step, else the options. */

const options = { driftThreshold: 0.25, importanceThreshold: 0.05 };

function fieldWithStep(step: number): Field {
  return {
    name: 'drift',
    type: FieldType.number,
    values: [],
    config: {
      thresholds: {
        mode: ThresholdsMode.Absolute,
        steps: [
          { value: -Infinity, color: 'green' },
          { value: step, color: 'red' },
        ],
      },
    },
  };
}

function model(scalars: Partial<Record<Signal, number | null>>, driftField?: Field): ModelData {
  return emptyModelData({} as ModelData['identity'], {
    scalars: scalarsOf(scalars, 'test'),
    features: new Map([['age', { name: 'age', drift: 0.1, importance: null, rank: 0, driftField }]]),
  });
}

describe('firstThresholdStep', () => {
  it('has no step without a field', () => {
    expect(firstThresholdStep(undefined)).toBeUndefined();
  });
});

describe('resolveThresholds', () => {
  it("takes the data's thresholds first", () => {
    const data = model({ [Signal.DriftThreshold]: 0.4, [Signal.ImportanceThreshold]: 0.1 }, fieldWithStep(0.3));
    expect(resolveThresholds(data, options)).toEqual({
      drift: 0.4,
      importance: 0.1,
      driftSource: 'data',
      importanceSource: 'data',
    });
  });
  it("skips a null data threshold for the field's step, and the options without either", () => {
    const data = model({ [Signal.DriftThreshold]: null, [Signal.ImportanceThreshold]: null }, fieldWithStep(0.3));
    expect(resolveThresholds(data, options)).toEqual({
      drift: 0.3,
      importance: 0.05,
      driftSource: 'field',
      importanceSource: 'option',
    });
  });
  it('skips a non-finite data threshold', () => {
    const data = model({ [Signal.DriftThreshold]: NaN, [Signal.ImportanceThreshold]: Infinity });
    expect(resolveThresholds(data, options)).toEqual({
      drift: 0.25,
      importance: 0.05,
      driftSource: 'option',
      importanceSource: 'option',
    });
  });
});
