import { Dimension, chooseUnits, unitFactor } from './units';

describe('units', () => {
  it('knows the factors of each dimension', () => {
    expect(unitFactor(Dimension.Time, 's')).toBe(1000);
    expect(unitFactor(Dimension.Time, 'percent')).toBeUndefined();
    expect(unitFactor(Dimension.Percent, 'percentunit')).toBe(100);
    expect(unitFactor(Dimension.Ratio, 'percent')).toBe(0.01);
    expect(unitFactor(Dimension.Time, undefined)).toBeUndefined();
  });

  it('finds no factor for an empty unit or a custom unit named like an object property', () => {
    expect(unitFactor(Dimension.Time, '')).toBeUndefined();
    expect(unitFactor(Dimension.Time, 'constructor')).toBeUndefined();
    expect(chooseUnits(Dimension.Ratio, 'toString', 'percent')).toEqual({
      sourceFactor: 0.01,
      displayUnit: 'percentunit',
      displayFactor: 1,
    });
  });

  it("uses the field's unit when it fits the dimension, else the mapping's default and the canonical unit", () => {
    expect(chooseUnits(Dimension.Time, 's', 'ms')).toEqual({
      sourceFactor: 1000,
      displayUnit: 's',
      displayFactor: 1000,
    });
    expect(chooseUnits(Dimension.Time, undefined, 's')).toEqual({
      sourceFactor: 1000,
      displayUnit: 'ms',
      displayFactor: 1,
    });
    expect(chooseUnits(Dimension.Time, 'short', undefined)).toEqual({
      sourceFactor: 1,
      displayUnit: 'ms',
      displayFactor: 1,
    });
    expect(chooseUnits(Dimension.Count, 'short', undefined).displayUnit).toBe('locale');
    expect(chooseUnits(Dimension.Count, 'suffix: req', undefined).displayUnit).toBe('suffix: req');
  });
});
