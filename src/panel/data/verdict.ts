import { Direction, MetricId } from '../types';
import { notEnoughData, testedFailureDelta, tooFewPredictions } from './evidence';
import type { Delta, MetricRow, ModelData, ModelInfo, Verdict } from './types';

/** The judgement of each challenger: per row (with the evidence rules) and as a one-line verdict. */

export function verdictFor(model: ModelInfo, rows: MetricRow[]): Verdict {
  const count = (outcome: Delta['outcome']) =>
    rows.filter((row) => row.deltas[model.index]?.outcome === outcome).length;
  const [better, worse, same, insufficient] = [count('better'), count('worse'), count('same'), count('insufficient')];
  const compared = better + worse + same;
  const plural = compared === 1 ? 'metric' : 'metrics';
  let text = compared === 0 ? 'no metric to compare' : `better on ${better} of ${compared} ${plural}`;
  if (compared === 0 && insufficient > 0) {
    text = 'not enough data to compare';
  }
  if (worse > 0) {
    text += `, worse on ${worse}`;
  }
  if (compared > 0 && insufficient > 0) {
    text += `; not enough data on ${insufficient}`;
  }
  const tone: Verdict['tone'] =
    compared === 0 ? 'none' : better > worse ? 'better' : worse > better ? 'worse' : 'mixed';
  return { modelKey: model.key, modelName: model.name, better, worse, same, compared, insufficient, tone, text };
}

/** The delta of one challenger, with the evidence rules of `evidence.ts` applied. */
export function judgedDelta(
  metric: MetricId,
  delta: Delta,
  champion: ModelData,
  challenger: ModelData,
  direction: Direction,
  minPredictions: number
): Delta {
  const judged = delta.outcome === 'better' || delta.outcome === 'worse' || delta.outcome === 'same';
  if (!judged || delta.diff === null) {
    return delta; // neutral, unknown and status rows are not a matter of sample size
  }
  if (tooFewPredictions(champion, challenger, minPredictions)) {
    return notEnoughData(delta);
  }
  return metric === MetricId.FailureRate ? testedFailureDelta(delta, champion, challenger, direction) : delta;
}
