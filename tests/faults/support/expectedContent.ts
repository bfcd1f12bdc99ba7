import { FailureCause, hintFor } from '../../../src/datasource/gateway/messages';
import type { Expected } from './expected';
import type { FrameDigest } from './runCell';
import { callOf, type Row } from './rows';

/**
 * Expected outcomes of the content faults — non-finite doubles and implausible values, whose
 * bodies differ per endpoint (tests/faults/support/faults.ts): the row's frames without a fault,
 * with exactly the values that must become "no value" and the notices that must say so.
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

function nonFinite(row: Row, base: FrameDigest[]): Expected {
  const listTotal = `A total could not be read (totalPredictions: expected an integer string, got "Infinity"); shown as no value (at totalPredictions)`;
  const operational = `${NON_FINITE} (2 values, first at scoringLatency.point[0].yAxis)`;
  const drift = `${NON_FINITE} (4 values, first at featureImportance.featureDrift[0].Feature.drift)`;
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
      return data(patch(base, { uptime: [null] }, [operational]));
    case 'operational series':
      return data(patch(patch(base, {}, [operational]), { value: [12, null] }, [], 0));
    case 'drift summary':
    case 'drift over time':
      return data(patch(base, {}, [drift]));
    case 'feature drift':
      return data(
        patch(base, { drift: [null, 0.31, 0.05, null], importance: [null, 0.2, 0.1, null], status: STATUS_NO_DRIFT }, [
          drift,
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
  const drift = `${NEGATIVE} (3 values, first at featureImportance.featureDrift[0].Feature.missingValues)`;
  switch (row.name) {
    case 'deployment list':
    case 'deployment events':
      return data(patch(base, {}, [`${NEGATIVE} (at totalDeployments)`]));
    case 'models':
      return data(
        patch(base, { average_scoring_requests: [null] }, [`${NEGATIVE} (at model[0].averageScoringRequests)`])
      );
    case 'health summary':
      return data(
        patch(base, { total_predictions: [null] }, [
          `${NEGATIVE} (at totalPredictions)`,
          `${BEYOND_2_53} (at predictions.bin[0].y)`,
        ])
      );
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
    case 'operational series':
      return data(patch(base, {}, [operational]));
    case 'drift summary':
      return data(patch(base, { features_drifting: [null] }, [drift]));
    case 'feature drift':
      return data(patch(base, { missing_values: [null, 0, 0, 0] }, [drift]));
    case 'drift over time':
      return data(patch(base, {}, [drift]));
    default:
      // The deployment get's averageScoringRequests and the drift counts are not in these frames.
      return data(base);
  }
}

export function contentOutcome(row: Row, fault: string, base: FrameDigest[]): Expected {
  switch (fault) {
    case 'non-finite doubles':
      return nonFinite(row, base);
    case 'implausible values':
      return implausible(row, base);
    default:
      throw new Error(`no expected outcome for fault "${fault}"`);
  }
}
