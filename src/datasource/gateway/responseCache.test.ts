import { ResponseCache, approximateBytes } from './responseCache';

/** The cache and its size measure, used directly (GatewayClient always passes a measured size). */

/** A body of `count` objects whose one value counts its reads (keys k00, k01, … of 3 characters). */
function countingBody(count: number): { body: Record<string, object>; reads: () => number } {
  let reads = 0;
  const body: Record<string, object> = {};
  for (let i = 0; i < count; i++) {
    const child = {};
    Object.defineProperty(child, 'v', {
      enumerable: true,
      get: () => {
        reads++;
        return 1;
      },
    });
    body[`k${String(i).padStart(2, '0')}`] = child;
  }
  return { body, reads: () => reads };
}

describe('approximateBytes', () => {
  it.each([
    ['a number', 1, 8],
    ['a boolean', true, 8],
    ['null', null, 8],
    ['a string (2 bytes a character plus 8)', 'abc', 14],
    ['an array: 8 + 8 an element, plus each element', [1, true, null], 8 + 3 * 8 + 3 * 8],
    ['an empty array', [], 8],
    ['an object: 2 bytes a key character plus 8 a key, plus each value', { ab: 1, c: 'xy' }, 12 + 8 + 10 + 12],
    ['an array of arrays', [[1], []], 8 + 2 * 8 + (8 + 8 + 8) + 8],
  ])('%s', (_name, value, bytes) => {
    expect(approximateBytes(value)).toBe(bytes);
  });

  it('stops reading a body once past the limit: the rest is never visited', () => {
    const { body, reads } = countingBody(100);
    // 100 keys of 3 characters: 100 * (6 + 8) = 1,400 bytes before any child is read.
    expect(approximateBytes(body, 1_000)).toBe(1_400);
    expect(reads()).toBe(0);
    expect(approximateBytes(body)).toBe(1_400 + 100 * (2 + 8 + 8));
    expect(reads()).toBe(100);
  });
});

describe('ResponseCache', () => {
  const now = () => 0;

  it('measures an answer whose size was not given, and keeps it within the bound', () => {
    const cache = new ResponseCache(now, 10, 1_000);
    const body = { items: [1, 2, 3] };
    cache.set('a', body, 1_000);
    expect(cache.get('a')).toBe(body);
    expect(cache.size).toEqual({ entries: 1, bytes: approximateBytes(body) });
    expect(cache.size.bytes).toBe(2 * 5 + 8 + 8 + 3 * 8 + 3 * 8);
  });

  it('counts the size the caller measured instead of measuring again', () => {
    const cache = new ResponseCache(now, 10, 1_000);
    cache.set('a', { items: [1, 2, 3] }, 1_000, 100);
    expect(cache.size).toEqual({ entries: 1, bytes: 100 });
  });

  it('does not keep an unmeasured answer larger than a quarter of the byte bound', () => {
    const cache = new ResponseCache(now, 10, 1_000);
    cache.set('big', 'x'.repeat(200), 1_000); // 408 bytes > 250
    expect(cache.get('big')).toBeUndefined();
    expect(cache.size).toEqual({ entries: 0, bytes: 0 });
    cache.set('fits', 'x'.repeat(100), 1_000); // 208 bytes
    expect(cache.size).toEqual({ entries: 1, bytes: 208 });
  });

  it('does not read more of an unmeasured answer than a quarter of the byte bound needs', () => {
    const { body, reads } = countingBody(20);
    // 20 keys of 3 characters: 280 bytes, past the 250 a single answer may take of 1,000.
    const cache = new ResponseCache(now, 10, 1_000);
    cache.set('big', body, 1_000);
    expect(reads()).toBe(0);
    expect(cache.size).toEqual({ entries: 0, bytes: 0 });
  });
});
