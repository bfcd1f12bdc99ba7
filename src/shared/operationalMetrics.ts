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

/** Title (editor option, frame and legend names) and unit of each graph. */
export const OPERATIONAL_METRICS: Readonly<Record<OperationalMetric, { title: string; unit?: string }>> = {
  [OperationalMetric.ScoringLatency]: { title: 'Scoring latency', unit: 'ms' },
  [OperationalMetric.MemoryUsage]: { title: 'Memory usage' },
  [OperationalMetric.CpuUsage]: { title: 'CPU usage' },
  [OperationalMetric.Availability]: { title: 'Availability' },
  [OperationalMetric.SuccessPrediction]: { title: 'Successful predictions', unit: 'short' },
  [OperationalMetric.FailedPrediction]: { title: 'Failed predictions', unit: 'short' },
};
