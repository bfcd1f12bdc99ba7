import { isDeepStrictEqual } from 'node:util';

import { deploymentsFrame } from '../src/datasource/frames/deployments';
import { OPERATIONAL_GRAPH_PARSERS } from '../src/datasource/parse/operational';
import { parseDeploymentPage } from '../src/datasource/parse/parseResponses';
import { parseDriftSeries } from '../src/datasource/parse/drift';
import { parseHealthPredictionValues, parseHealthPredictions } from '../src/datasource/parse/health';
import { OperationalMetric } from '../src/shared/operationalMetrics';
import * as floors from './floors';
import type { Payloads } from './cases';

/**
 * The floors convert only the bench's well-formed answers and check nothing, so before they are
 * measured their numbers are compared with what the data source's parsers read from the same text:
 * a floor that read a wrong number would be a floor of nothing. Throws on the first difference.
 */
export function checkFloors(payloads: Payloads): void {
  const numbers = (columns: Array<ArrayLike<unknown>>) => columns.map((column) => Array.from(column));
  const health = JSON.parse(payloads.health) as unknown;
  const predictions = parseHealthPredictions(health).predictions!;
  const boxes = parseHealthPredictionValues(health).predictionValues!;
  const operational = JSON.parse(payloads.operational) as unknown;
  const graphs = Object.values(OperationalMetric).map(
    (metric) => OPERATIONAL_GRAPH_PARSERS[metric](operational).graph!
  );
  const series = parseDriftSeries(JSON.parse(payloads.drift)).driftOverTime;
  const table = deploymentsFrame(parseDeploymentPage(JSON.parse(payloads.list)).deployments);
  const expected: Array<[string, unknown, unknown]> = [
    [
      'predictions',
      numbers(floors.predictionsFloor(payloads.health)),
      [predictions.starts, predictions.ends, predictions.counts],
    ],
    [
      'prediction values',
      numbers(floors.predictionValuesFloor(payloads.health)),
      [boxes.starts, boxes.ends, boxes.min, boxes.q1, boxes.median, boxes.q3, boxes.max],
    ],
    [
      'operational series',
      numbers(floors.operationalSeriesFloor(payloads.operational)),
      graphs.flatMap((g) => [g.times, g.values]),
    ],
    ['deployments', numbers(floors.deploymentsFloor(payloads.list)), table.fields.map((f) => f.values)],
    ['drift over time', numbers(floors.driftOverTimeFloor(payloads.drift)), series.flatMap((s) => [s.times, s.values])],
  ];
  for (const [what, floor, ours] of expected) {
    if (!isDeepStrictEqual(floor, ours)) {
      throw new Error(`bench: the ${what} floor reads other numbers than the data source`);
    }
  }
}
