import { DEFAULT_RETRY_WAIT_MS, MAX_RETRY_WAIT_MS, parseRetryAfter, retryDelayMs } from './retry';

/** When a failed GET is retried, and after how long; each bound is tested at its edge. */

const NOW = Date.UTC(2026, 10, 22, 12, 0, 0);
const LONG = 60_000;

describe('retryDelayMs', () => {
  it('retries 429 and 503 with the default backoff, nothing else', () => {
    expect(retryDelayMs({ status: 429 }, 1, NOW, LONG)).toBe(DEFAULT_RETRY_WAIT_MS);
    expect(retryDelayMs({ status: 503 }, 2, NOW, LONG)).toBe(2 * DEFAULT_RETRY_WAIT_MS);
    for (const status of [400, 401, 403, 404, 500, 502, 504, 0, -1]) {
      expect(retryDelayMs({ status }, 1, NOW, LONG)).toBeUndefined();
    }
    expect(retryDelayMs(undefined, 1, NOW, LONG)).toBeUndefined();
    expect(retryDelayMs('503', 1, NOW, LONG)).toBeUndefined();
    expect(retryDelayMs({}, 1, NOW, LONG)).toBeUndefined();
    expect(retryDelayMs(null, 1, NOW, LONG)).toBeUndefined();
  });

  it('falls back to the default backoff when headers or body are null or not what they seem', () => {
    expect(retryDelayMs({ status: 429, headers: null }, 1, NOW, LONG)).toBe(1000);
    expect(retryDelayMs({ status: 429, data: null }, 1, NOW, LONG)).toBe(1000);
    // A headers object whose get() answers something other than a string.
    expect(retryDelayMs({ status: 429, headers: { get: () => 5 } }, 1, NOW, LONG)).toBe(1000);
  });

  it('a grpc-gateway body on HTTP 200 counts by its code (RESOURCE_EXHAUSTED, UNAVAILABLE)', () => {
    expect(retryDelayMs({ status: 200, data: { code: 8, message: 'x' } }, 1, NOW, LONG)).toBe(1000);
    expect(retryDelayMs({ data: { code: 'UNAVAILABLE' } }, 1, NOW, LONG)).toBe(1000);
    expect(retryDelayMs({ status: 200, data: { code: 13 } }, 1, NOW, LONG)).toBeUndefined();
    // A non-200 status wins over the body's code.
    expect(retryDelayMs({ status: 500, data: { code: 14 } }, 1, NOW, LONG)).toBeUndefined();
    expect(retryDelayMs({ status: 200, data: {} }, 1, NOW, LONG)).toBeUndefined();
  });

  it('honours Retry-After in seconds or as a date, from a plain object (any case) or Headers', () => {
    expect(retryDelayMs({ status: 429, headers: { 'Retry-After': '3' } }, 1, NOW, LONG)).toBe(3000);
    expect(retryDelayMs({ status: 429, headers: new Headers({ 'retry-after': '4' }) }, 1, NOW, LONG)).toBe(4000);
    const date = new Date(NOW + 5000).toUTCString();
    expect(retryDelayMs({ status: 503, headers: { 'retry-after': date } }, 1, NOW, LONG)).toBe(5000);
    expect(retryDelayMs({ status: 503, headers: { 'retry-after': 7 } }, 1, NOW, LONG)).toBe(1000);
    expect(retryDelayMs({ status: 503, headers: { 'x-other': '9' } }, 1, NOW, LONG)).toBe(1000);
    expect(retryDelayMs({ status: 503, headers: 'retry-after: 9' }, 1, NOW, LONG)).toBe(1000);
    // A plain header map whose headers include one named "get" is still a plain map.
    expect(retryDelayMs({ status: 429, headers: { get: 'x', 'retry-after': '6' } }, 1, NOW, LONG)).toBe(6000);
  });

  it("reads google.rpc.RetryInfo's retryDelay from the body", () => {
    const body = (retryDelay: unknown) => ({ code: 8, details: [{ '@type': 'x' }, { retryDelay }] });
    expect(retryDelayMs({ status: 429, data: body('1.5s') }, 1, NOW, LONG)).toBe(1500);
    expect(retryDelayMs({ status: 429, data: body(' 2s ') }, 1, NOW, LONG)).toBe(2000);
    expect(retryDelayMs({ status: 429, data: body('2m') }, 1, NOW, LONG)).toBe(1000);
    expect(retryDelayMs({ status: 429, data: body(2) }, 1, NOW, LONG)).toBe(1000);
    expect(retryDelayMs({ status: 429, data: { details: 'soon' } }, 1, NOW, LONG)).toBe(1000);
    expect(retryDelayMs({ status: 429, data: body('1.25s') }, 1, NOW, LONG)).toBe(1250);
    expect(retryDelayMs({ status: 429, data: body('12s') }, 1, NOW, LONG)).toBeUndefined();
    // Only a whole Duration counts: no text before the number or after the "s".
    expect(retryDelayMs({ status: 429, data: body('x2s') }, 1, NOW, LONG)).toBe(1000);
    expect(retryDelayMs({ status: 429, data: body('2sx') }, 1, NOW, LONG)).toBe(1000);
    // Details that are not objects are skipped, and the first usable delay counts.
    const mixed = { code: 8, details: [null, undefined, 'x', { retryDelay: '1.5s' }, { retryDelay: '3s' }] };
    expect(retryDelayMs({ status: 429, data: mixed }, 1, NOW, LONG)).toBe(1500);
    // A header wins over the body.
    expect(retryDelayMs({ status: 429, headers: { 'retry-after': '3' }, data: body('1.5s') }, 1, NOW, LONG)).toBe(3000);
  });

  it('does not retry when the server asks for more than the cap, or the wait reaches the deadline', () => {
    const asking = (seconds: number) => ({ status: 429, headers: { 'retry-after': String(seconds) } });
    expect(retryDelayMs(asking(MAX_RETRY_WAIT_MS / 1000), 1, NOW, LONG)).toBe(MAX_RETRY_WAIT_MS);
    expect(retryDelayMs(asking(MAX_RETRY_WAIT_MS / 1000 + 1), 1, NOW, LONG)).toBeUndefined();
    expect(retryDelayMs(asking(2), 1, NOW, 2001)).toBe(2000);
    expect(retryDelayMs(asking(2), 1, NOW, 2000)).toBeUndefined();
    expect(retryDelayMs({ status: 503 }, 1, NOW, 1000)).toBeUndefined();
  });
});

describe('parseRetryAfter', () => {
  it.each([
    ['120', 120_000],
    [' 0 ', 0],
    [' 120 ', 120_000],
    ['x5', undefined],
    ['5x', undefined],
    [new Date(NOW + 90_000).toUTCString(), 90_000],
    [new Date(NOW - 90_000).toUTCString(), 0],
    ['soon', undefined],
    ['', undefined],
    [null, undefined],
    [undefined, undefined],
  ])('%p → %p', (value, ms) => {
    expect(parseRetryAfter(value, NOW)).toBe(ms);
  });
});
