import {
  parseDeploymentPage,
  parseDriftMetrics,
  parseHealthMetrics,
  parseModelPage,
  parseOperationalSummary,
} from './parseResponses';
import { NOTE } from './notes';

/**
 * As lenient as the official client (h2o-mlops 1.3.4's generated legacy client: float(), int() and
 * dateutil on the wire values), each with a notice.
 */

describe('non-finite doubles (protobuf JSON "NaN", "Infinity", "-Infinity")', () => {
  it('are accepted for every double field and shown as no value with a notice', () => {
    const op = parseOperationalSummary({ uptime: 'NaN', avgScoringLatency: 'Infinity' });
    expect([op.uptime, op.avgScoringLatencyMs]).toEqual([null, null]);
    expect(op.notices).toEqual([`${NOTE.nonFinite} (2 values, first at uptime)`]);

    const health = parseHealthMetrics({ scoringLatency: '-Infinity' });
    expect(health.scoringLatencyMs).toBeNull();
    expect(health.notices).toHaveLength(1);

    const drift = parseDriftMetrics({
      featureImportance: { driftThreshold: 'NaN', importanceThreshold: 'Infinity' },
      featureSummary: {
        feature: [{ name: 'a', driftCalculated: true, drift: 'Infinity', importance: 0.2, impact: 'NaN' }],
      },
    });
    expect([drift.driftThreshold, drift.importanceThreshold]).toEqual([null, null]);
    expect(drift.features[0]).toMatchObject({ drift: null, importance: 0.2, impact: null });
    expect(drift.notices).toEqual([`${NOTE.nonFinite} (4 values, first at featureSummary.feature[0].drift)`]);
  });

  it('in bins and points are never Infinity as a count, bin or point', () => {
    const health = parseHealthMetrics({
      predictions: { bin: [{ xMin: '2026-11-22T00:00:00Z', xMax: '2026-11-22T01:00:00Z', y: 'Infinity' }] },
    });
    expect(health.predictions!.counts[0]).toBeNull();
    const op = parseOperationalSummary({
      cpuUsage: { point: [{ xAxis: '2026-11-22T00:00:00Z', yAxis: '-Infinity' }] },
    });
    expect(op.graphs.cpuUsage!.values[0]).toBeNull();
    expect(op.notices).toHaveLength(1);
  });
});

describe('other lenient readings', () => {
  it('RFC 3339 times without offset are read as UTC, with a notice', () => {
    const page = parseDeploymentPage({ deployment: [{ id: 'a', deploymentDate: '2026-11-01T08:30:00' }] });
    expect(page.deployments[0].deploymentDate).toBe(Date.UTC(2026, 10, 1, 8, 30));
    expect(page.notices).toEqual([`${NOTE.noOffset} (at deployment[0].deploymentDate)`]);
  });

  it('a SimpleGraph point with a label in yAxis and the number in value reads value', () => {
    const op = parseOperationalSummary({
      scoringLatency: { point: [{ xAxis: '2026-11-22T00:00:00Z', yAxis: 'ms', value: '12' }] },
    });
    expect(op.graphs.scoringLatency!.values[0]).toBe(12);
    expect(op.notices).toEqual([`${NOTE.labelInYAxis} (at scoringLatency.point[0])`]);
  });

  it('a point with an empty yAxis reads value without a notice; a spaced number in yAxis wins over value', () => {
    const op = parseOperationalSummary({
      scoringLatency: {
        point: [
          { xAxis: '2026-11-22T00:00:00Z', yAxis: '', value: '5' },
          { xAxis: '2026-11-22T00:01:00Z', yAxis: ' 7 ', value: '5' },
        ],
      },
    });
    expect(op.graphs.scoringLatency!.values).toEqual([5, 7]);
    expect(op.notices).toEqual([]);
  });

  it('continuous frequency bins with empty bounds are left out with a notice; a density of only such bins is empty', () => {
    const drift = parseDriftMetrics({
      featureFrequency: {
        featureDensity: [
          {
            featureName: 'f',
            continuous: {
              bin: [
                { xMin: '', xMax: '', y: '3' },
                { xMin: '0', xMax: '1', y: '2' },
              ],
            },
          },
          { featureName: 'g', continuous: { bin: [{ xMin: '', xMax: '1', y: '3' }] } },
        ],
      },
    });
    expect(drift.frequencies[0]).toMatchObject({ kind: 'continuous', bins: [{ min: 0, max: 1, count: 2 }] });
    expect(drift.frequencies[0].notices).toEqual([
      `${NOTE.binWithoutBounds} (at featureFrequency.featureDensity[0].continuous.bin[0])`,
    ]);
    expect(drift.frequencies[1]).toMatchObject({ kind: 'empty' });
  });

  it('int32 fields as numeric strings are read as numbers, with a notice', () => {
    const page = parseModelPage({ model: [{ registeredModelName: 'm', averageScoringRequests: '42' }] });
    expect(page.models[0].averageScoringRequests).toBe(42);
    expect(page.notices).toEqual([`${NOTE.int32AsString} (at model[0].averageScoringRequests)`]);
    const drift = parseDriftMetrics({ countFeatureDrift: '13' });
    expect(drift.countFeatureDrift).toBe(13);
  });

  it('status enums as integers are read by their enum position, with a notice', () => {
    const page = parseModelPage({
      model: [
        { driftStatus: 2, accuracy: 1 },
        { driftStatus: 3, accuracy: 9 },
      ],
    });
    expect(page.models.map((m) => [m.driftStatus, m.accuracy])).toEqual([
      ['FAILING', 'HEALTHY'],
      ['AT_RISK', 'STATUS_9'],
    ]);
    expect(page.notices).toEqual([`${NOTE.statusAsNumber} (4 values, first at model[0].driftStatus)`]);
  });
});

describe('one bad row', () => {
  it('a model that cannot be read is left out of its list with a notice', () => {
    const page = parseModelPage({
      model: [{ registeredModelName: 'a', averageScoringRequests: '1.5' }, { registeredModelName: 'b' }],
    });
    expect(page.models.map((m) => m.name)).toEqual(['b']);
    expect(page.notices[0]).toMatch(/^A row could not be read and was left out: model\[0\]\.averageScoringRequests/);
  });

  it('a deployment with a malformed date is left out, the rest of the page loads', () => {
    const page = parseDeploymentPage({ deployment: [{ id: 'a', deploymentDate: 'yesterday' }, { id: 'b' }] });
    expect(page.deployments.map((d) => d.id)).toEqual(['b']);
    expect(page.notices).toHaveLength(1);
  });
});
