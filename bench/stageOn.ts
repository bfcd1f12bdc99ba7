import type { DataFrame } from '@grafana/data';

import { PredictionsUnit, QueryType } from '../src/datasource/types';
import type { FrameLabels } from '../src/shared/frameSchema';
import type { RatioCase } from './cases';

/**
 * A query type without the query around it: `JSON.parse` of the answer, the parser of the part it
 * shows and its frame builder, called as the query runner calls them — no deadline, retry, cache,
 * limiter, fan-out or rxjs. Between the conversion floor (floors.ts) and the full query, it shows
 * where a ratio is spent: in checking and building what the panel gets, or in the query's own
 * machinery (the fixed cost, fixedCost.ts).
 */
export type Stage = (text: string) => DataFrame[];

/** The parsers and frame builders a stage calls (stagesEntry.ts, bundled as the data source is). */
export type StagesModule = typeof import('./stagesEntry');

/** Labels as a per-model query names its frames; their cost is the same for any names. */
const LABELS: FrameLabels = { deployment_id: 'bench', deployment: 'bench', model: 'model', model_version: '1' };

/** The stage of a query type on `m`: in Node the bundle of stages.ts, in Chromium the page's own (browser/). */
export function stageOn(c: RatioCase, m: StagesModule): Stage {
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
 * Whether two lists of frames have the same field names and values — what a stage and its query
 * are compared on before a stage is measured (stages.ts in Node, the Chromium page). Values are
 * compared with Object.is: NaN equals NaN, and -0 is not 0.
 */
export function sameFrameColumns(a: DataFrame[], b: DataFrame[]): boolean {
  return a.length === b.length && a.every((frame, i) => sameFields(frame, b[i]));
}

function sameFields(a: DataFrame, b: DataFrame): boolean {
  return (
    a.fields.length === b.fields.length &&
    a.fields.every((field, j) => {
      const other = b.fields[j];
      return (
        field.name === other.name &&
        field.values.length === other.values.length &&
        field.values.every((value, k) => Object.is(value, other.values[k]))
      );
    })
  );
}
