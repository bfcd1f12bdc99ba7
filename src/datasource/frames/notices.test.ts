import type { DataFrame } from '@grafana/data';

import { FIELD, type FrameLabels } from '../../shared/frameSchema';
import { OperationalMetric } from '../../shared/operationalMetrics';
import { NOTE } from '../parse/notes';
import {
  parseDeploymentPage,
  parseDriftMetrics,
  parseHealthMetrics,
  parseModelPage,
  parseOperationalSummary,
} from '../parse/parseResponses';
import { PredictionsUnit } from '../types';
import { deploymentsFrame, modelsFrame } from './deployments';
import { deploymentEventsFrame } from './events';
import { driftOverTimeFrames, driftSummaryFrame, featureDriftFrame, featureFrequencyFrame } from './drift';
import { healthSummaryFrame, notesAbout, predictionValuesFrame, predictionsOverTimeFrame } from './health';
import { operationalSummaryFrame, operationalTimeSeriesFrames } from './operational';

/** What the parser noticed reaches the user: every frame built from a response carries its notes. */

const labels: FrameLabels = { deployment_id: 'd1', deployment: 'churn', model: 'm', model_version: '1' };
const texts = (frame: DataFrame) => (frame.meta?.notices ?? []).map((n) => `${n.severity}: ${n.text}`);
const T = '2026-11-22T00:00:00Z';

describe('parser notes become frame warnings', () => {
  it('health frames', () => {
    const health = parseHealthMetrics({ scoringLatency: 'NaN', predictions: { bin: [] } });
    const expected = `warning: ${NOTE.nonFinite} (at scoringLatency)`;
    expect(texts(healthSummaryFrame(health, labels))).toEqual([expected]);
    expect(texts(predictionsOverTimeFrame(health.predictions, labels, PredictionsUnit.CountPerBin))).toEqual([]);
    expect(texts(predictionValuesFrame(health.predictionValues, labels))).toHaveLength(1); // the regression-only info
  });

  it('a bin or box shown as no value carries its note on the frame that shows it, not the others', () => {
    const health = parseHealthMetrics({
      scoringLatency: 'NaN',
      predictions: { bin: [{ xMin: T, xMax: '2026-11-22T01:00:00Z', y: '9007199254740993' }] },
      predictionValues: {
        box: [{ x: T, xMin: T, xMax: '2026-11-22T01:00:00Z', y0: '5', y1: '1', y2: '2', y3: '3', y4: '4' }],
      },
    });
    const bins = notesAbout(health.notices, 'predictions');
    const boxes = notesAbout(health.notices, 'predictionValues');
    expect(bins).toEqual([`${NOTE.tooLarge} (at predictions.bin[0].y)`]);
    expect(boxes).toEqual([`${NOTE.boxOutOfOrder} (at predictionValues.box[0])`]);
    expect(texts(predictionsOverTimeFrame(health.predictions, labels, PredictionsUnit.CountPerBin, bins))).toEqual([
      `warning: ${bins[0]}`,
    ]);
    expect(texts(predictionValuesFrame(health.predictionValues, labels, boxes))).toEqual([`warning: ${boxes[0]}`]);
  });

  it('a grouped note may cover any path, so every frame of the answer carries it', () => {
    const grouped = `${NOTE.negative} (2 values, first at totalPredictions)`;
    expect(notesAbout([grouped, `${NOTE.nonFinite} (at scoringLatency)`], 'predictions')).toEqual([grouped]);
  });

  it('operational frames, summary and every time series', () => {
    const op = parseOperationalSummary({ uptime: 'Infinity' });
    const expected = `warning: ${NOTE.nonFinite} (at uptime)`;
    expect(texts(operationalSummaryFrame(op, labels))).toEqual([expected]);
    for (const frame of operationalTimeSeriesFrames(op, [], labels)) {
      expect(texts(frame)).toEqual([expected]);
    }
  });

  it('drift frames; a frequency frame carries its own feature notes', () => {
    const drift = parseDriftMetrics({
      countFeatureDrift: -1,
      featureImportance: { featureDrift: [{ Feature: { name: 'a' }, drift: [{ xAxis: T, yAxis: '0.1' }] }] },
      featureFrequency: {
        featureDensity: [
          {
            featureName: 'a',
            continuous: {
              bin: [
                { xMin: '', xMax: '', y: '1' },
                { xMin: '0', xMax: '1', y: '1' },
              ],
            },
          },
        ],
      },
    });
    const expected = `warning: ${NOTE.negative} (at countFeatureDrift)`;
    expect(texts(driftSummaryFrame(drift, labels))).toContain(expected);
    expect(texts(featureDriftFrame(drift, labels))).toContain(expected);
    expect(texts(driftOverTimeFrames(drift, labels)[0])).toEqual([expected]);
    expect(texts(featureFrequencyFrame(drift.frequencies[0], labels))).toEqual([
      `warning: ${NOTE.binWithoutBounds} (at featureFrequency.featureDensity[0].continuous.bin[0])`,
    ]);
  });

  it('list frames: a skipped row and the rows kept', () => {
    const page = parseDeploymentPage({ deployment: [{ id: 'a' }, { name: 'no id' }] });
    const frame = deploymentsFrame(page.deployments, page.notices);
    expect(frame.length).toBe(1);
    expect(texts(frame)[0]).toMatch(/^warning: A row could not be read and was left out: deployment\[1\]/);
    const models = parseModelPage({ model: [{ registeredModelName: 'm', driftStatus: 1 }] });
    const deployment = page.deployments[0];
    expect(texts(modelsFrame(deployment, models.models, ['champion'], models.notices))).toEqual([
      `warning: ${NOTE.statusAsNumber} (at model[0].driftStatus)`,
    ]);
    // The events frame of the same list says that a deployment was left out.
    expect(texts(deploymentEventsFrame(page.deployments, page.notices))).toEqual(texts(frame));
  });
});

describe('units of operational frames', () => {
  const op = parseOperationalSummary({
    memoryUsage: { yLabel: 'GB', point: [] },
    cpuUsage: { yLabel: '', point: [] },
  });
  const unitOf = (metric: OperationalMetric) =>
    operationalTimeSeriesFrames(op, [metric], labels)[0].fields.find((f) => f.name === FIELD.value)!.config.unit;

  it('every metric has a unit; the graph yLabel wins when it names one', () => {
    expect(unitOf(OperationalMetric.MemoryUsage)).toBe('decgbytes');
    expect(unitOf(OperationalMetric.CpuUsage)).toBe('percent');
    expect(unitOf(OperationalMetric.Availability)).toBe('percent');
    expect(unitOf(OperationalMetric.ScoringLatency)).toBe('ms');
    for (const metric of Object.values(OperationalMetric)) {
      expect(unitOf(metric)).toEqual(expect.any(String));
    }
  });

  it('uptime is a percentage', () => {
    const uptime = operationalSummaryFrame(op, labels).fields.find((f) => f.name === FIELD.uptime)!;
    expect(uptime.config.unit).toBe('percent');
  });
});
