import { FIELD } from '../../shared/frameSchema';
import { featureFrequencyFrame } from '../frames/drift';
import { predictionsOverTimeFrame } from '../frames/health';
import { PredictionsUnit } from '../types';
import { parseDriftMetrics, parseHealthMetrics } from './parseResponses';

/**
 * Histogram bins at their edges: zero-width bins (a gateway bin for an instant), bins that touch
 * and bins that overlap, both for predictions over time and for a continuous feature's frequency.
 */

const H0 = '2026-11-22T00:00:00Z';
const H1 = '2026-11-22T01:00:00Z';
const H2 = '2026-11-22T02:00:00Z';
const bin = (xMin: string, xMax: string, y: string) => ({ xMin, xMax, y });
const labels = { deployment_id: 'd', deployment: 'd', model: 'm', model_version: '1' };

const values = (frame: ReturnType<typeof predictionsOverTimeFrame>, name: string) =>
  frame.fields.find((f) => f.name === name)?.values;

describe('prediction bins', () => {
  it('a zero-width bin is kept: its count as is, no per-minute rate (not Infinity)', () => {
    const health = parseHealthMetrics({
      predictions: { bin: [bin(H0, H1, '60'), bin(H1, H1, '5'), bin(H1, H2, '30')] },
    });
    const histogram = health.predictions!;
    expect(histogram.starts.map((start, i) => [histogram.ends[i] - start, histogram.counts[i]])).toEqual([
      [3_600_000, 60],
      [0, 5],
      [3_600_000, 30],
    ]);
    const counts = predictionsOverTimeFrame(health.predictions, labels, PredictionsUnit.CountPerBin);
    expect(values(counts, FIELD.predictions)).toEqual([60, 5, 30]);
    expect(values(counts, FIELD.binMinutes)).toEqual([60, 0, 60]);
    const rates = predictionsOverTimeFrame(health.predictions, labels, PredictionsUnit.RatePerMinute);
    expect(values(rates, FIELD.predictionsPerMinute)).toEqual([1, null, 0.5]);
  });

  it('a bin without a count stays empty in both units', () => {
    const health = parseHealthMetrics({ predictions: { bin: [bin(H0, H1, '')] } });
    expect(
      values(
        predictionsOverTimeFrame(health.predictions, labels, PredictionsUnit.RatePerMinute),
        FIELD.predictionsPerMinute
      )
    ).toEqual([null]);
    expect(
      values(predictionsOverTimeFrame(health.predictions, labels, PredictionsUnit.CountPerBin), FIELD.predictions)
    ).toEqual([null]);
  });

  it('bins are sorted by start, then end', () => {
    const health = parseHealthMetrics({ predictions: { bin: [bin(H1, H2, '2'), bin(H1, H1, '1'), bin(H0, H1, '0')] } });
    expect(health.predictions!.counts).toEqual([0, 1, 2]);
  });

  it('touching bins are fine, overlapping ones are refused', () => {
    expect(() => parseHealthMetrics({ predictions: { bin: [bin(H0, H1, '1'), bin(H1, H2, '1')] } })).not.toThrow();
    expect(() => parseHealthMetrics({ predictions: { bin: [bin(H0, H2, '1'), bin(H1, H2, '2')] } })).toThrow(
      'bins overlap (predictions.bin[0] and predictions.bin[1])'
    );
  });

  it('the same interval twice with different counts is refused, not summed', () => {
    expect(() => parseHealthMetrics({ predictions: { bin: [bin(H0, H1, '1'), bin(H0, H1, '2')] } })).toThrow(
      /bins overlap/
    );
  });
});

describe('series sent out of order', () => {
  const box = (xMin: string, ys: string[]) => ({
    xMin,
    xMax: '',
    y0: ys[0],
    y1: ys[1],
    y2: ys[2],
    y3: ys[3],
    y4: ys[4],
  });

  it('box plots are sorted by start, every column moved with its interval; equal starts keep their order', () => {
    const health = parseHealthMetrics({
      predictionValues: {
        box: [
          box(H2, ['7', '8', '9', '10', '11']),
          box(H0, ['1', '2', '3', '4', '5']),
          box(H0, ['0', '0', '0', '0', '0']),
        ],
      },
    });
    const plot = health.predictionValues!;
    expect(plot.starts).toEqual([Date.parse(H0), Date.parse(H0), Date.parse(H2)]);
    expect(plot.ends).toEqual([null, null, null]);
    expect([plot.min, plot.q1, plot.median, plot.q3, plot.max]).toEqual([
      [1, 0, 7],
      [2, 0, 8],
      [3, 0, 9],
      [4, 0, 10],
      [5, 0, 11],
    ]);
  });

  it('graph points are sorted by time, values moved with their times; equal times keep their order', () => {
    const point = (xAxis: string, yAxis: string) => ({ xAxis, yAxis, value: '' });
    const drift = parseDriftMetrics({
      featureImportance: {
        featureDrift: [
          { Feature: { name: 'f' }, drift: [point(H2, '3'), point(H0, '1'), point(H0, '2'), point(H1, '5')] },
        ],
      },
    });
    expect(drift.driftOverTime[0].times).toEqual([Date.parse(H0), Date.parse(H0), Date.parse(H1), Date.parse(H2)]);
    expect(drift.driftOverTime[0].values).toEqual([1, 2, 5, 3]);
  });
});

function frequency(binsOf: Array<{ xMin: string; xMax: string; y: string }>) {
  return parseDriftMetrics({
    featureFrequency: { featureDensity: [{ featureName: 'income', continuous: { bin: binsOf } }] },
  }).frequencies[0];
}

describe('continuous frequency bins', () => {
  it('a zero-width bin (one value) is kept', () => {
    const f = frequency([bin('0', '10', '3'), bin('10', '10', '4'), bin('10', '20', '5')]);
    expect(f.kind).toBe('continuous');
    const frame = featureFrequencyFrame(f, labels);
    expect(values(frame, FIELD.histogramMin)).toEqual([0, 10, 10]);
    expect(values(frame, FIELD.histogramMax)).toEqual([10, 10, 20]);
    expect(values(frame, FIELD.count)).toEqual([3, 4, 5]);
  });

  it('bins ending before they start, or overlapping, are refused', () => {
    expect(() => frequency([bin('10', '9.5', '1')])).toThrow(
      'featureFrequency.featureDensity[0].continuous.bin[0]: bin ends before it starts (xMax < xMin)'
    );
    expect(() => frequency([bin('0', '10', '1'), bin('9.5', '20', '1')])).toThrow(
      'featureFrequency.featureDensity[0].continuous: bins overlap'
    );
    expect(() => frequency([bin('0', '10', '1'), bin('0', '10', '2')])).toThrow(/bins overlap/);
  });

  it('an exact duplicate is dropped with a note on the feature', () => {
    const f = frequency([bin('0', '10', '1'), bin('0', '10', '1'), bin('10', '20', '2')]);
    expect(f.kind === 'continuous' && f.bins.map((b) => b.count)).toEqual([1, 2]);
    expect(f.notices).toHaveLength(1);
    expect(f.notices![0]).toMatch(/featureFrequency\.featureDensity\[0\]\.continuous/);
  });

  it('bins are sorted by lower, then upper bound', () => {
    const f = frequency([bin('10', '20', '3'), bin('10', '10', '2'), bin('0', '10', '1')]);
    expect(f.kind === 'continuous' && f.bins.map((b) => b.count)).toEqual([1, 2, 3]);
  });

  it('a bin without bounds is left out with a note; with none left the distribution is empty', () => {
    const f = frequency([bin('', '10', '1')]);
    expect(f.kind).toBe('empty');
    expect(f.notices).toHaveLength(1);
  });
});

describe('bin counts at the edge of exact integers', () => {
  it('keeps a spaced count of exactly 2^53 - 1 (the largest exact one), without a notice', () => {
    const health = parseHealthMetrics({ predictions: { bin: [bin(H0, H1, ' 9007199254740991 ')] } });
    expect(health.predictions!.counts).toEqual([9007199254740991]);
    expect(health.notices).toEqual([]);
  });
});
