import { memoByObject, optionKey } from './memo';

describe('memoByObject', () => {
  it('keeps the last four option keys per input object and recomputes an evicted one', () => {
    const memo = memoByObject<object, string>();
    const input = {};
    const computed: string[] = [];
    const get = (key: string) =>
      memo(input, key, () => {
        computed.push(key);
        return `value of ${key}`;
      });
    for (const key of ['k1', 'k2', 'k3', 'k4', 'k5']) {
      expect(get(key)).toBe(`value of ${key}`);
    }
    // k2..k5 are the last four keys: cached, not computed again.
    expect(['k2', 'k3', 'k4', 'k5'].map(get)).toEqual(['value of k2', 'value of k3', 'value of k4', 'value of k5']);
    expect(computed).toEqual(['k1', 'k2', 'k3', 'k4', 'k5']);
    // k1, the oldest, was evicted when k5 came.
    expect(get('k1')).toBe('value of k1');
    expect(computed).toEqual(['k1', 'k2', 'k3', 'k4', 'k5', 'k1']);
  });

  it('caches per input object', () => {
    const memo = memoByObject<object, number>();
    const a = {};
    const b = {};
    let calls = 0;
    const compute = () => ++calls;
    expect([memo(a, optionKey(1, 'x'), compute), memo(b, optionKey(1, 'x'), compute)]).toEqual([1, 2]);
    expect(memo(a, optionKey(1, 'x'), compute)).toBe(1);
  });
});
