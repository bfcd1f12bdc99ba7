import type { DataFrame } from '@grafana/data';
import { isDeepStrictEqual } from 'node:util';
import { join } from 'node:path';

import { PredictionsUnit, QueryType } from '../src/datasource/types';
import type { FrameLabels } from '../src/shared/frameSchema';
import { bundleFile } from './bundledSource';
import type { Payloads, RatioCase } from './cases';

/**
 * A query type without the query around it: `JSON.parse` of the answer, the parser of the part it
 * shows and its frame builder, called as the query runner calls them — no deadline, retry, cache,
 * limiter, fan-out or rxjs. Between the conversion floor (floors.ts) and the full query, it shows
 * where a ratio is spent: in checking and building what the panel gets, or in the query's own
 * machinery (the fixed cost, fixedCost.ts).
 */
export type Stage = (text: string) => DataFrame[];

type StagesModule = typeof import('./stagesEntry');

let loaded: StagesModule | undefined;

function stagesModule(): StagesModule {
  loaded ??= bundleFile<StagesModule>(join(__dirname, 'stagesEntry.ts'), 'stages');
  return loaded;
}

/** Labels as a per-model query names its frames; their cost is the same for any names. */
const LABELS: FrameLabels = { deployment_id: 'bench', deployment: 'bench', model: 'model', model_version: '1' };

/** The stage of a query type, built on the bundled parsers and frame builders. */
export function stageOf(c: RatioCase): Stage {
  const m = stagesModule();
  const { target } = c;
  switch (target.queryType) {
    case QueryType.Deployments:
      return (text) => {
        const page = m.parseDeploymentPage(JSON.parse(text));
        return [m.deploymentsFrame(page.deployments, page.notices)];
      };
    case QueryType.HealthSummary:
      return (text) => [m.healthSummaryFrame(m.parseHealthSummary(JSON.parse(text)), LABELS)];
    case QueryType.PredictionsOverTime:
      return (text) => {
        const health = m.parseHealthPredictions(JSON.parse(text));
        const unit = target.predictionsUnit ?? PredictionsUnit.CountPerBin;
        return [m.predictionsOverTimeFrame(health.predictions, LABELS, unit, health.notices)];
      };
    case QueryType.PredictionValues:
      return (text) => {
        const health = m.parseHealthPredictionValues(JSON.parse(text));
        return [m.predictionValuesFrame(health.predictionValues, LABELS, health.notices)];
      };
    case QueryType.OperationalSummary:
      return (text) => [m.operationalSummaryFrame(m.parseOperationalTotals(JSON.parse(text)), LABELS)];
    case QueryType.OperationalTimeSeries: {
      const metrics = m.selectedMetrics(target.operationalMetrics ?? []);
      return (text) => {
        const body: unknown = JSON.parse(text);
        return metrics.map((metric) =>
          m.operationalGraphFrame(metric, m.OPERATIONAL_GRAPH_PARSERS[metric](body), LABELS)
        );
      };
    }
    case QueryType.DriftSummary:
      return (text) => [m.driftSummaryFrame(m.parseDriftSummary(JSON.parse(text)), LABELS)];
    case QueryType.FeatureDrift:
      return (text) => [m.featureDriftFrame(m.parseDriftSummary(JSON.parse(text)), LABELS)];
    case QueryType.DriftOverTime:
      return (text) => m.driftOverTimeFrames(m.parseDriftSeries(JSON.parse(text)), LABELS);
    case QueryType.FeatureFrequency: {
      const feature = target.feature ?? '';
      return (text) => {
        const frequency = m.parseDriftFrequencies(JSON.parse(text)).frequencies.find((f) => f.featureName === feature);
        if (!frequency) {
          throw new Error(`bench: the drift answer has no frequency of ${feature}`);
        }
        return [m.featureFrequencyFrame(frequency, LABELS)];
      };
    }
    default:
      throw new Error(`bench: no stage for ${c.name}`);
  }
}

/**
 * Before a stage is measured, its frames are compared with the full query's (field names and
 * values): a stage that did less than the query would be a stage of nothing. Throws on the first
 * difference.
 */
export function checkStage(c: RatioCase, payloads: Payloads, queryFrames: DataFrame[]): void {
  const columns = (frames: DataFrame[]) => frames.map((f) => f.fields.map((field) => [field.name, field.values]));
  if (!isDeepStrictEqual(columns(stageOf(c)(payloads[c.payload])), columns(queryFrames))) {
    throw new Error(`bench: the ${c.name} stage builds other frames than the query`);
  }
}
