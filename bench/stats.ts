/** Median and spread of repeated samples. */

export interface Spread {
  median: number;
  /** 25th and 75th percentiles. */
  p25: number;
  p75: number;
  min: number;
  max: number;
}

function quantile(sorted: number[], q: number): number {
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo);
}

export function summarize(samples: number[]): Spread {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    median: quantile(sorted, 0.5),
    p25: quantile(sorted, 0.25),
    p75: quantile(sorted, 0.75),
    min: sorted[0],
    max: sorted[sorted.length - 1],
  };
}

/** `median (p25–p75)` with `digits` decimals: how the bench and its A/Bs print a spread. */
export function medianAndQuartiles(s: Spread, digits = 3): string {
  return `${s.median.toFixed(digits)} (${s.p25.toFixed(digits)}–${s.p75.toFixed(digits)})`;
}

/** User + system CPU milliseconds of a `process.cpuUsage(start)` delta. */
export function cpuMs(usage: NodeJS.CpuUsage): number {
  return (usage.user + usage.system) / 1000;
}
