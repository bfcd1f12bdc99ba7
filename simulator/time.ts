/**
 * Time helpers: strict RFC 3339 parsing (what grpc-gateway accepts for a protobuf Timestamp),
 * compact RFC 3339 formatting, and the aligned grids the generators use for bins and points.
 */

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;

/**
 * Parses an RFC 3339 date-time to epoch milliseconds (sub-millisecond digits are truncated), or
 * returns undefined. The offset is mandatory, as in grpc-gateway: a naive `isoformat()` or a `+`
 * that arrived unencoded (and so decoded to a space) is rejected rather than guessed.
 */
export function parseRfc3339(text: string): number | undefined {
  const m = RFC3339.exec(text);
  if (!m) {
    return undefined;
  }
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
  const millis = m[7] ? Number(m[7].padEnd(3, '0').slice(0, 3)) : 0;
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) {
    return undefined;
  }
  const local = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  // Date.UTC rolls 31 February over into March; a round trip catches impossible days.
  if (new Date(local).getUTCDate() !== day) {
    return undefined;
  }
  let offset = 0;
  if (!m[8]) {
    const oh = Number(m[10]);
    const om = Number(m[11]);
    if (oh > 23 || om > 59) {
      return undefined;
    }
    offset = (m[9] === '-' ? -1 : 1) * (oh * HOUR + om * MINUTE);
  }
  return local - offset;
}

/** Formats epoch milliseconds as RFC 3339 UTC, without a fraction when it is zero (like protobuf). */
export function formatRfc3339(ms: number): string {
  const iso = new Date(ms).toISOString();
  return iso.endsWith('.000Z') ? `${iso.slice(0, -5)}Z` : iso;
}

/** Grid steps, smallest first; the generators pick the smallest one that keeps output bounded. */
const STEPS = [
  MINUTE,
  5 * MINUTE,
  15 * MINUTE,
  30 * MINUTE,
  HOUR,
  3 * HOUR,
  6 * HOUR,
  12 * HOUR,
  DAY,
  2 * DAY,
  7 * DAY,
  14 * DAY,
  28 * DAY,
  91 * DAY,
  364 * DAY,
];

/** The smallest grid step that cuts [start, end] into at most `maxParts` aligned intervals. */
export function chooseStep(start: number, end: number, maxParts: number): number {
  for (const step of STEPS) {
    if (Math.ceil(end / step) - Math.floor(start / step) <= maxParts) {
      return step;
    }
  }
  return STEPS[STEPS.length - 1];
}

/**
 * Edges of bins that partition [start, end]: the range ends plus every step boundary (aligned to
 * the Unix epoch, UTC) strictly inside it. Unaligned ends give partial first and last bins, so bin
 * widths differ the way the gateway's documented example mixes them.
 */
export function binEdges(start: number, end: number, maxBins: number): number[] {
  const step = chooseStep(start, end, maxBins);
  const edges = [start];
  for (let t = Math.floor(start / step) * step + step; t < end; t += step) {
    edges.push(t);
  }
  edges.push(end);
  return edges;
}

/** Aligned sample times in [start, end] at a regular step; the range start when none fall inside. */
export function pointTimes(start: number, end: number, maxPoints: number): { step: number; times: number[] } {
  const step = chooseStep(start, end, maxPoints);
  const times: number[] = [];
  for (let t = Math.ceil(start / step) * step; t <= end; t += step) {
    times.push(t);
  }
  if (times.length === 0) {
    times.push(start);
  }
  return { step, times };
}
