import type { Spread } from './stats';

/** Issue #11's goals for ours / `JSON.parse`: every query type, and the stricter one of summaries. */
export const GOAL = { query: 1.3, summary: 1.1 };

export const times = (v: number) => `${v.toFixed(2)}×`;

/** A ratio's median with its quartiles and extremes, as the results' ours / `JSON.parse` columns print it. */
export const ratioSpread = (s: Spread) =>
  `${times(s.median)} (${s.p25.toFixed(2)}–${s.p75.toFixed(2)}, min ${s.min.toFixed(2)}, max ${s.max.toFixed(2)})`;

/** The goal of a query type, and whether a median met it ("missed (1.3035)" when it rounds to it). */
export function verdict(median: number, summary: boolean): { goal: number; text: string } {
  const goal = summary ? GOAL.summary : GOAL.query;
  const text = median <= goal ? 'met' : times(median) === times(goal) ? `missed (${median.toFixed(4)})` : 'missed';
  return { goal, text };
}
