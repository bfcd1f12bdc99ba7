/**
 * The gateway's operational graphs. A query picks them by these names, the data source puts the
 * name on each frame as `meta.custom.metric` (see `frameSchema.ts`), and the panel reads it to
 * know which signal a frame carries.
 */

/** The SimpleGraphs of the operational summary, by their gateway field names. */
export enum OperationalMetric {
  ScoringLatency = 'scoringLatency',
  MemoryUsage = 'memoryUsage',
  CpuUsage = 'cpuUsage',
  Availability = 'availability',
  SuccessPrediction = 'successPrediction',
  FailedPrediction = 'failedPrediction',
}

/**
 * Title (editor option, frame and legend names) and unit of each graph. The gateway's contract
 * names no units: `assumed` marks those that rest on the simulator and the official UI's axis labels
 * (MB, Percent) rather than on the contract; the graph's own `yLabel` wins when it names a unit
 * (see {@link operationalUnit}).
 */
export const OPERATIONAL_METRICS: Readonly<
  Record<OperationalMetric, { title: string; unit: string; assumed: boolean }>
> = {
  [OperationalMetric.ScoringLatency]: { title: 'Scoring latency', unit: 'ms', assumed: false },
  [OperationalMetric.MemoryUsage]: { title: 'Memory usage', unit: 'decmbytes', assumed: true },
  [OperationalMetric.CpuUsage]: { title: 'CPU usage', unit: 'percent', assumed: true },
  [OperationalMetric.Availability]: { title: 'Availability', unit: 'percent', assumed: true },
  [OperationalMetric.SuccessPrediction]: { title: 'Successful predictions', unit: 'short', assumed: false },
  [OperationalMetric.FailedPrediction]: { title: 'Failed predictions', unit: 'short', assumed: false },
};

/** Uptime in the operational summary: a percentage (the simulator averages availability); assumed. */
export const UPTIME_UNIT = 'percent';

/** Axis labels the gateway may send, mapped to Grafana unit ids. */
const UNIT_BY_LABEL: Record<string, string> = {
  ms: 'ms',
  milliseconds: 'ms',
  s: 's',
  seconds: 's',
  b: 'bytes',
  bytes: 'bytes',
  kb: 'deckbytes',
  mb: 'decmbytes',
  gb: 'decgbytes',
  '%': 'percent',
  percent: 'percent',
  ratio: 'percentunit',
};

/** The unit of a graph: its `yLabel` when that names a known unit, else the metric's default. */
export function operationalUnit(metric: OperationalMetric, yLabel: string | undefined): string {
  return UNIT_BY_LABEL[(yLabel ?? '').trim().toLowerCase()] ?? OPERATIONAL_METRICS[metric].unit;
}
