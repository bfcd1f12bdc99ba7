/**
 * The parsers and frame builders of every query type, bundled as the data source is (stages.ts
 * measures them without the query around them).
 */
export { deploymentsFrame } from '../src/datasource/frames/deployments';
export {
  driftOverTimeFrames,
  driftSummaryFrame,
  featureDriftFrame,
  featureFrequencyFrame,
} from '../src/datasource/frames/drift';
export { healthSummaryFrame, predictionValuesFrame, predictionsOverTimeFrame } from '../src/datasource/frames/health';
export { operationalGraphFrame, operationalSummaryFrame, selectedMetrics } from '../src/datasource/frames/operational';
export { parseDriftFrequencies, parseDriftSeries, parseDriftSummary } from '../src/datasource/parse/drift';
export {
  parseHealthPredictionValues,
  parseHealthPredictions,
  parseHealthSummary,
} from '../src/datasource/parse/health';
export { OPERATIONAL_GRAPH_PARSERS, parseOperationalTotals } from '../src/datasource/parse/operational';
export { parseDeploymentPage } from '../src/datasource/parse/parseResponses';
