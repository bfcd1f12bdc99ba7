/** @jest-environment node */
import { binEdges, chooseStep, DAY, formatRfc3339, HOUR, MINUTE, parseRfc3339, pointTimes } from './time';

describe('parseRfc3339', () => {
  it.each([
    ['2024-01-31T12:00:00Z', Date.UTC(2024, 0, 31, 12)],
    ['2024-01-31t12:00:00z', Date.UTC(2024, 0, 31, 12)],
    ['2024-01-31T12:00:00.5Z', Date.UTC(2024, 0, 31, 12, 0, 0, 500)],
    ['2024-01-31T12:00:00.123456789Z', Date.UTC(2024, 0, 31, 12, 0, 0, 123)],
    ['2024-01-31T14:30:00+02:30', Date.UTC(2024, 0, 31, 12)],
    ['2024-01-31T09:00:00-03:00', Date.UTC(2024, 0, 31, 12)],
    ['2024-02-29T00:00:00Z', Date.UTC(2024, 1, 29)],
  ])('accepts %s', (text, expected) => {
    expect(parseRfc3339(text)).toBe(expected);
  });

  it.each([
    ['naive isoformat without offset', '2024-01-31T12:00:00'],
    ['unencoded plus decoded to a space', '2024-01-31T12:00:00 02:00'],
    ['date only', '2024-01-31'],
    ['impossible day', '2023-02-29T00:00:00Z'],
    ['hour 24', '2024-01-31T24:00:00Z'],
    ['month 13', '2024-13-01T00:00:00Z'],
    ['epoch number', '1706702400'],
    ['garbage', 'yesterday'],
    ['empty', ''],
  ])('rejects %s', (_, text) => {
    expect(parseRfc3339(text)).toBeUndefined();
  });
});

describe('formatRfc3339', () => {
  it('omits a zero fraction and keeps a non-zero one', () => {
    expect(formatRfc3339(Date.UTC(2024, 0, 31, 12))).toBe('2024-01-31T12:00:00Z');
    expect(formatRfc3339(Date.UTC(2024, 0, 31, 12, 0, 0, 250))).toBe('2024-01-31T12:00:00.250Z');
  });
});

describe('grids', () => {
  const start = Date.UTC(2024, 0, 1, 10, 17);

  it('picks the smallest step within the limit', () => {
    expect(chooseStep(start, start + HOUR, 24)).toBe(5 * MINUTE);
    expect(chooseStep(start, start + 30 * DAY, 24)).toBe(2 * DAY);
  });

  it('partitions the range with partial first and last bins', () => {
    const end = start + 2 * HOUR;
    const edges = binEdges(start, end, 24);
    expect(edges[0]).toBe(start);
    expect(edges[edges.length - 1]).toBe(end);
    expect(edges[1]).toBe(Date.UTC(2024, 0, 1, 10, 30)); // 15-minute grid: 2 h in ≤ 24 bins
    for (let i = 1; i < edges.length; i++) {
      expect(edges[i]).toBeGreaterThan(edges[i - 1]);
    }
    expect(edges.length - 1).toBeLessThanOrEqual(24);
  });

  it('samples aligned points at a regular step, or the start when none fall inside', () => {
    const { step, times } = pointTimes(start, start + HOUR, 60);
    expect(step).toBe(MINUTE);
    expect(times[0]).toBe(start);
    expect(times).toHaveLength(61);
    expect(pointTimes(start + 1000, start + 2000, 60).times).toEqual([start + 1000]);
  });
});
