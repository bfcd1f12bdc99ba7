import { FailureCause, hintFor } from '../../../src/datasource/gateway/messages';
import type { Expected } from './expected';
import type { FrameDigest } from './runCell';
import { callOf, type Row } from './rows';

/**
 * Expected outcomes of the content faults — wrong types, non-finite doubles and implausible values,
 * whose bodies differ per endpoint (tests/faults/support/faults.ts): the row's frames without a
 * fault, with exactly the values that must become "no value" and the notices that must say so.
 * A metrics query reads only its part of the answer (totals, histogram, one graph, the drift
 * summary, the drift series, the frequencies), so a fault in another part leaves it unchanged, and
 * its notices are those of its part.
 */

const NON_FINITE = 'The gateway sent NaN or ±Infinity; shown as no value';
const NEGATIVE = 'The gateway sent a negative value where none is possible; shown as no value';
const BEYOND_2_53 = 'The gateway sent an integer beyond 2^53 that cannot be shown exactly; shown as no value';

/** `frames` with `fields` replaced in frame `index` (every frame when undefined) and `notices` added. */
function patch(
  frames: FrameDigest[],
  fields: Record<string, unknown[]>,
  notices: string[],
  index?: number
): FrameDigest[] {
  return frames.map((frame, i) =>
    index === undefined || i === index
      ? { ...frame, fields: { ...frame.fields, ...fields }, notices: [...frame.notices, ...notices] }
      : frame
  );
}

function errorOn(row: Row, detail: string): Expected {
  const call = callOf(row.endpoint);
  return {
    kind: 'error',
    message: `${call.endpoint}: malformed response (${detail}). ${hintFor(FailureCause.Malformed, call)}`,
  };
}

const data = (frames: FrameDigest[]): Expected => ({ kind: 'data', frames });

/** The path and schema message of each endpoint's wrong-types body. */
const WRONG_TYPES: Record<Row['endpoint'], string> = {
  list: 'deployment: list of deployments: Invalid input: expected array, received object',
  get: 'deployment: Invalid input: expected object, received array',
  models: 'model: models of the deployment: Invalid input: expected array, received string',
  health: 'predictions.bin: health metrics: Invalid input: expected array, received object',
  operational: 'scoringLatency: operational summary: Invalid input: expected object, received array',
  drift: 'featureSummary.feature: drift metrics: Invalid input: expected array, received string',
};

/** Rows that do not read the part the wrong-types body breaks (bins, the latency graph, featureSummary). */
const UNTOUCHED_BY_WRONG_TYPES = ['health summary', 'operational summary', 'drift over time', 'feature frequency'];

function wrongTypes(row: Row, base: FrameDigest[]): Expected {
  return UNTOUCHED_BY_WRONG_TYPES.includes(row.name) ? data(base) : errorOn(row, WRONG_TYPES[row.endpoint]);
}

function nonFinite(row: Row, base: FrameDigest[]): Expected {
  const listTotal = `A total could not be read (totalPredictions: expected an integer string, got "Infinity"); shown as no value (at totalPredictions)`;
  // income's drift and importance are NaN/Infinity both in featureSummary and in featureImportance.
  const driftSummary = `${NON_FINITE} (2 values, first at featureSummary.feature[0].drift)`;
  const driftSeries = `${NON_FINITE} (2 values, first at featureImportance.featureDrift[0].Feature.drift)`;
  switch (row.name) {
    case 'deployment list':
    case 'deployment events':
      return data(patch(base, {}, [listTotal]));
    case 'deployment get':
      // NaN is no int32: the deployment cannot be read, so no metric of it is loaded.
      return errorOn(row, 'deployment.models[0].averageScoringRequests: expected an integer string, got "NaN"');
    case 'models':
      return data(
        patch(
          base,
          {
            model: [],
            model_version: [],
            role: [],
            drift_status: [],
            accuracy_status: [],
            average_scoring_requests: [],
          },
          [
            'A row could not be read and was left out: model[0].averageScoringRequests: expected an integer string, got "Infinity" (at model[0])',
          ]
        )
      );
    case 'health summary':
      return data(patch(base, { scoring_latency_ms: [null] }, [`${NON_FINITE} (at scoringLatency)`]));
    case 'operational summary':
      return data(patch(base, { uptime: [null] }, [`${NON_FINITE} (at uptime)`]));
    case 'operational series':
      // Only the latency graph (frame 0) had a non-finite point; the other graphs have no notice.
      return data(patch(base, { value: [12, null] }, [`${NON_FINITE} (at scoringLatency.point[0].yAxis)`], 0));
    case 'drift summary':
      return data(patch(base, {}, [driftSummary]));
    case 'drift over time':
      return data(patch(base, {}, [driftSeries]));
    case 'feature drift':
      return data(
        patch(base, { drift: [null, 0.31, 0.05, null], importance: [null, 0.2, 0.1, null], status: STATUS_NO_DRIFT }, [
          driftSummary,
        ])
      );
    default:
      // Predictions over time and feature frequency show none of the values that were NaN.
      return data(base);
  }
}

/** Feature statuses when income's drift is no value. */
const STATUS_NO_DRIFT = ['not calculated', 'drifting', 'stable', 'not calculated'];

function implausible(row: Row, base: FrameDigest[]): Expected {
  const operational = `${NEGATIVE} (2 values, first at uptime)`;
  // income's missingValues is negative in featureSummary and featureImportance; countFeatureDrift too.
  const driftSummary = `${NEGATIVE} (2 values, first at featureSummary.feature[0].missingValues)`;
  const driftSeries = `${NEGATIVE} (at featureImportance.featureDrift[0].Feature.missingValues)`;
  switch (row.name) {
    case 'deployment list':
    case 'deployment events':
      return data(patch(base, {}, [`${NEGATIVE} (at totalDeployments)`]));
    case 'models':
      return data(
        patch(base, { average_scoring_requests: [null] }, [`${NEGATIVE} (at model[0].averageScoringRequests)`])
      );
    case 'health summary':
      // The bin beyond 2^53 is the predictions query's notice, not the summary's.
      return data(patch(base, { total_predictions: [null] }, [`${NEGATIVE} (at totalPredictions)`]));
    case 'predictions over time':
      return data(
        patch(
          base,
          { time: [1660780800000], predictions: [null], bin_end: [1660807720000], bin_minutes: [448.6666666666667] },
          [`${BEYOND_2_53} (at predictions.bin[0].y)`]
        )
      );
    case 'operational summary':
      return data(patch(base, { uptime: [null], avg_scoring_latency_ms: [null] }, [operational]));
    case 'drift summary':
      return data(patch(base, { features_drifting: [null] }, [driftSummary]));
    case 'feature drift':
      return data(patch(base, { missing_values: [null, 0, 0, 0] }, [driftSummary]));
    case 'drift over time':
      return data(patch(base, {}, [driftSeries]));
    default:
      // The deployment get's averageScoringRequests, the drift counts and the operational totals
      // are not in these frames (the operational graphs read none of the totals).
      return data(base);
  }
}

export function contentOutcome(row: Row, fault: string, base: FrameDigest[]): Expected {
  switch (fault) {
    case 'wrong types':
      return wrongTypes(row, base);
    case 'non-finite doubles':
      return nonFinite(row, base);
    case 'implausible values':
      return implausible(row, base);
    default:
      throw new Error(`no expected outcome for fault "${fault}"`);
  }
}
