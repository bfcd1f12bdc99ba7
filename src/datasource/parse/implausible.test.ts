import {
  parseDeploymentPage,
  parseDriftMetrics,
  parseHealthMetrics,
  parseModelPage,
  parseOperationalSummary,
} from './parseResponses';
import { NOTE } from './notes';

/** One test per row of the README's "Implausible values" table (Failure behaviour). */

const bin = (xMin: string, xMax: string, y: string) => ({ xMin, xMax, y });
const H0 = '2026-11-22T00:00:00Z';
const H1 = '2026-11-22T01:00:00Z';
const H2 = '2026-11-22T02:00:00Z';

describe('implausible values: keep with a notice', () => {
  it('negative count in a bin → no value, notice', () => {
    const health = parseHealthMetrics({ predictions: { bin: [bin(H0, H1, '-5'), bin(H1, H2, '7')] } });
    expect(health.predictions!.counts).toEqual([null, 7]);
    expect(health.notices).toEqual([`${NOTE.negative} (at predictions.bin[0].y)`]);
  });

  it('negative total predictions → no value, notice', () => {
    const health = parseHealthMetrics({ totalPredictions: '-1' });
    expect(health.totalPredictions).toBeNull();
    expect(health.notices).toEqual([`${NOTE.negative} (at totalPredictions)`]);
  });

  it('negative uptime, latency or operational point → no value, notice', () => {
    const summary = parseOperationalSummary({
      uptime: -1,
      avgScoringLatency: -2,
      failedPrediction: { point: [{ xAxis: H0, yAxis: '-4' }] },
    });
    expect(summary.uptime).toBeNull();
    expect(summary.avgScoringLatencyMs).toBeNull();
    expect(summary.graphs.failedPrediction!.values[0]).toBeNull();
    expect(summary.notices).toEqual([`${NOTE.negative} (3 values, first at failedPrediction.point[0])`]);
  });

  it('negative drift counts, missing values or category counts → no value, notice', () => {
    const drift = parseDriftMetrics({
      countFeatureDrift: -1,
      featureSummary: { feature: [{ name: 'a', missingValues: '-2' }] },
    });
    expect(drift.countFeatureDrift).toBeNull();
    expect(drift.features[0].missingValues).toBeNull();
    expect(drift.notices).toEqual([`${NOTE.negative} (2 values, first at featureSummary.feature[0].missingValues)`]);
  });

  it('integer beyond 2^53 (total or bin count) → no value, notice, never rounded', () => {
    const health = parseHealthMetrics({
      totalPredictions: '9007199254740993',
      predictions: { bin: [bin(H0, H1, '9007199254740993')] },
    });
    expect(health.totalPredictions).toBeNull();
    expect(health.predictions!.counts[0]).toBeNull();
    expect(health.notices).toEqual([`${NOTE.tooLarge} (2 values, first at totalPredictions)`]);
  });

  it('display-only list total too large or malformed → no value, notice; the list still loads', () => {
    const page = parseDeploymentPage({
      deployment: [{ id: 'a' }],
      totalDeployments: '1e30',
      totalPredictions: '9007199254740993',
    });
    expect(page.deployments).toHaveLength(1);
    expect(page.totalDeployments).toBeNull();
    expect(page.totalPredictions).toBeNull();
    expect(page.notices).toHaveLength(2);
    expect(page.notices[0]).toMatch(/totalDeployments: expected an integer string, got "1e30"/);
  });

  it('exact duplicate bin → the copy is left out, notice', () => {
    const health = parseHealthMetrics({ predictions: { bin: [bin(H0, H1, '3'), bin(H1, H2, '4'), bin(H0, H1, '3')] } });
    expect(health.predictions!.counts).toEqual([3, 4]);
    expect(health.notices).toEqual([`${NOTE.duplicateBin} (at predictions.bin[2])`]);
  });

  it('bins summing past the total → kept, notice naming both numbers', () => {
    const health = parseHealthMetrics({
      totalPredictions: '5',
      predictions: { bin: [bin(H0, H1, '3'), bin(H1, H2, '4')] },
    });
    expect(health.predictions!.counts).toEqual([3, 4]);
    expect(health.notices).toEqual([`${NOTE.binsPastTotal}: 7 > 5 (at predictions)`]);
  });

  it('box plot with min > max or unordered quartiles → that interval shows no values, notice', () => {
    const health = parseHealthMetrics({
      predictionValues: {
        box: [
          { xMin: H0, xMax: H1, y0: '9', y1: '2', y2: '3', y3: '4', y4: '1' },
          { xMin: H1, xMax: H2, y0: '1', y1: '2', y2: '3', y3: '4', y4: '5' },
        ],
      },
    });
    const { min, q1, median, q3, max } = health.predictionValues!;
    expect([min[0], q1[0], median[0], q3[0], max[0]]).toEqual([null, null, null, null, null]);
    expect([min[1], q1[1], median[1], q3[1], max[1]]).toEqual([1, 2, 3, 4, 5]);
    expect(health.notices).toEqual([`${NOTE.boxOutOfOrder} (at predictionValues.box[0])`]);
  });

  it('negative averageScoringRequests of a model → no value, notice', () => {
    const page = parseModelPage({ model: [{ registeredModelName: 'm', averageScoringRequests: -3 }] });
    expect(page.models[0].averageScoringRequests).toBeNull();
    expect(page.notices).toEqual([`${NOTE.negative} (at model[0].averageScoringRequests)`]);
  });
});

describe('implausible values: refused with a clear message', () => {
  it('histogram bin with xMax < xMin', () => {
    expect(() => parseHealthMetrics({ predictions: { bin: [bin(H1, H0, '1')] } })).toThrow(
      'predictions.bin[0]: bin ends before it starts (xMax < xMin)'
    );
  });

  it('continuous frequency bin with xMax < xMin', () => {
    const body = {
      featureFrequency: { featureDensity: [{ featureName: 'f', continuous: { bin: [bin('5', '1', '1')] } }] },
    };
    expect(() => parseDriftMetrics(body)).toThrow(/continuous\.bin\[0\]: bin ends before it starts/);
  });

  it('box plot interval ending before it starts', () => {
    expect(() => parseHealthMetrics({ predictionValues: { box: [{ xMin: H1, xMax: H0 }] } })).toThrow(
      /predictionValues\.box\[0\]: interval ends before it starts/
    );
  });

  it('overlapping (not identical) bins', () => {
    const body = { predictions: { bin: [bin(H0, H2, '3'), bin(H1, H2, '4')] } };
    expect(() => parseHealthMetrics(body)).toThrow(/bins overlap \(predictions\.bin\[0\] and predictions\.bin\[1\]\)/);
    const sameTimeOtherCount = { predictions: { bin: [bin(H0, H1, '3'), bin(H0, H1, '4')] } };
    expect(() => parseHealthMetrics(sameTimeOtherCount)).toThrow(/bins overlap/);
  });

  it('overlapping continuous frequency bins', () => {
    const body = {
      featureFrequency: {
        featureDensity: [{ featureName: 'f', continuous: { bin: [bin('0', '2', '1'), bin('1', '3', '1')] } }],
      },
    };
    expect(() => parseDriftMetrics(body)).toThrow(/bins overlap/);
  });
});

describe('implausible values: the notice names the field', () => {
  it('negative scoring latency → no value, notice at scoringLatency', () => {
    const health = parseHealthMetrics({ scoringLatency: -2 });
    expect(health.scoringLatencyMs).toBeNull();
    expect(health.notices).toEqual([`${NOTE.negative} (at scoringLatency)`]);
  });
});
