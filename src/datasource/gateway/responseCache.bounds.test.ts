import { ResponseCache, approximateBytes } from './responseCache';

/** The cache's bounds and expiry at their exact edges (sizes given as measured bytes). */

describe('ResponseCache bounds and expiry', () => {
  let clock = 0;
  const cacheOf = (maxEntries = 10, maxBytes = 400) => new ResponseCache(() => clock, maxEntries, maxBytes);
  beforeEach(() => {
    clock = 0;
  });

  it('keeps nothing for a TTL of 0', () => {
    const cache = cacheOf();
    cache.set('a', 'A', 0, 10);
    expect(cache.size).toEqual({ entries: 0, bytes: 0 });
    expect(cache.get('a')).toBeUndefined();
  });

  it('keeps an answer of exactly a quarter of the byte bound, not one byte more', () => {
    const cache = cacheOf();
    cache.set('a', 'A', 100, 100);
    cache.set('b', 'B', 100, 101);
    expect(cache.get('a')).toBe('A');
    expect(cache.get('b')).toBeUndefined();
    expect(cache.size).toEqual({ entries: 1, bytes: 100 });
  });

  it('expires an answer at exactly its TTL and frees its bytes on that read', () => {
    const cache = cacheOf();
    cache.set('a', 'A', 100, 10);
    clock = 99;
    expect(cache.get('a')).toBe('A');
    clock = 100;
    expect(cache.get('a')).toBeUndefined();
    expect(cache.size).toEqual({ entries: 0, bytes: 0 });
  });

  it('counts a replaced answer once', () => {
    const cache = cacheOf();
    cache.set('a', 'A1', 100, 50);
    cache.set('a', 'A2', 100, 60);
    expect(cache.size).toEqual({ entries: 1, bytes: 60 });
    expect(cache.get('a')).toBe('A2');
  });

  it('fills the byte bound exactly before evicting the least recently used', () => {
    const cache = cacheOf();
    for (const key of ['a', 'b', 'c', 'd']) {
      cache.set(key, key, 1000, 100);
    }
    expect(cache.size).toEqual({ entries: 4, bytes: 400 });
    cache.set('e', 'e', 1000, 100);
    expect(cache.size).toEqual({ entries: 4, bytes: 400 });
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('e')).toBe('e');
  });

  it('a write sweeps out answers expired exactly now, and keeps the unexpired ones', () => {
    const cache = cacheOf();
    cache.set('short', 'S', 100, 10);
    cache.set('long', 'L', 1000, 20);
    clock = 100;
    cache.set('new', 'N', 1000, 30);
    expect(cache.size).toEqual({ entries: 2, bytes: 50 });
    expect(cache.get('long')).toBe('L');
    expect(cache.get('new')).toBe('N');
  });
});

describe('approximateBytes limit', () => {
  it('keeps counting while the total is exactly at the limit', () => {
    // Outer array 8 + 8 = 16 bytes; at 16 (= limit) the inner array is still counted: 16 + 16 + 8.
    expect(approximateBytes([[1]], 16)).toBe(40);
    expect(approximateBytes([[1]], 15)).toBe(16);
  });
});
