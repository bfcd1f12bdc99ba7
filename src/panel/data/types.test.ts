import { outputShareKey, parseOutputShareKey } from './types';

describe('output share keys', () => {
  it('give back the column and class they were made of, for any column and class text', () => {
    const pairs = [
      ['label', 'yes'],
      ['', 'yes'],
      ['label', ''],
      ['a:b', 'c d'],
    ];
    expect(pairs.map(([column, category]) => parseOutputShareKey(outputShareKey(column, category)))).toEqual(
      pairs.map(([column, category]) => ({ column, category }))
    );
  });

  it('are told apart from a plain output column (a prediction mean)', () => {
    expect(parseOutputShareKey('prediction')).toBeUndefined();
    expect(parseOutputShareKey('')).toBeUndefined();
  });
});
