import { FieldType, ThresholdsMode } from '@grafana/data';

import { DEFAULT_OPTIONS, Direction, type PanelOptions } from '../types';
import {
  driftSummaryFrame,
  featureDriftFrame,
  gatewayPair,
  labels,
  modelsFrame,
  promSeries,
} from '../../test/panelFrames';
import { collectModels } from './collect';
import { Quadrant, buildDrift, compareFeatures } from './drift';
import { firstThresholdStep } from './driftThresholds';
import { quadrantOf } from './quadrant';
import { resolveRoles } from './roles';
import { FeatureStatus } from '../../shared/featureStatus';
import { ModelStatus } from '../../shared/modelStatus';

const opts = (o: Partial<PanelOptions> = {}): PanelOptions => ({ ...DEFAULT_OPTIONS, ...o });

function driftOf(frames: Parameters<typeof collectModels>[0], o: Partial<PanelOptions> = {}) {
  const options = opts(o);
  const roles = resolveRoles(collectModels(frames).models, options);
  return buildDrift(roles.data, roles.models, options);
}

describe('feature status and quadrants', () => {
  const t = { drift: 0.1, importance: 0.05 };

  it('places features in quadrants', () => {
    expect(quadrantOf(0.2, 0.2, t)).toBe(Quadrant.DriftingImportant);
    expect(quadrantOf(0.2, 0.01, t)).toBe(Quadrant.Drifting);
    expect(quadrantOf(0.01, 0.2, t)).toBe(Quadrant.Important);
    expect(quadrantOf(0.01, 0.01, t)).toBe(Quadrant.Stable);
    expect(quadrantOf(null, 0.01, t)).toBeNull();
  });

  it('sorts most drifting first, missing drift last', () => {
    const p = (name: string, drift: number | null, importance: number | null = null) => ({
      name,
      drift,
      importance,
      status: FeatureStatus.Stable,
      quadrant: null,
    });
    const sorted = [p('a', null), p('b', 0.1, 0.1), p('c', 0.3), p('d', 0.1, 0.2)].sort(compareFeatures);
    expect(sorted.map((f) => f.name)).toEqual(['c', 'd', 'b', 'a']);
  });

  it('reads the first absolute threshold step of a field', () => {
    const field = (steps: Array<{ value: number; color: string }>, mode = ThresholdsMode.Absolute) => ({
      name: 'drift',
      type: FieldType.number,
      values: [],
      config: { thresholds: { mode, steps } },
    });
    expect(
      firstThresholdStep(
        field([
          { value: -Infinity, color: 'green' },
          { value: 0.2, color: 'red' },
          { value: 0.1, color: 'orange' },
        ])
      )
    ).toBe(0.1);
    expect(firstThresholdStep(field([{ value: -Infinity, color: 'green' }]))).toBeUndefined();
    expect(
      firstThresholdStep(
        field(
          [
            { value: -Infinity, color: 'green' },
            { value: 50, color: 'red' },
          ],
          ThresholdsMode.Percentage
        )
      )
    ).toBeUndefined();
    expect(firstThresholdStep(undefined)).toBeUndefined();
  });
});

describe('buildDrift', () => {
  it('uses the gateway status for the badge and thresholds from the data', () => {
    const drift = driftOf(gatewayPair());
    expect(drift.models.map((m) => [m.modelName, m.badge.status, m.badge.source])).toEqual([
      ['loan-glm v2', ModelStatus.Healthy, 'gateway'],
      ['loan-dnn v1', ModelStatus.AtRisk, 'gateway'],
    ]);
    expect(drift.models[0].thresholds).toEqual({
      drift: 0.1,
      importance: 0.05,
      driftSource: 'data',
      importanceSource: 'data',
    });
    expect(drift.models[0].summaryCounts.map((c) => [c.key, c.count])).toEqual([
      ['high', 0],
      ['medium', 1],
      ['low', 4],
    ]);
  });

  it('derives the badge from thresholds when the gateway status is absent or UNKNOWN', () => {
    const l = labels('m', '1', 'champion');
    const drifting = driftOf([
      featureDriftFrame(l, [
        ['a', 0.2, 0.01],
        ['b', 0.01, 0.5],
      ]),
      modelsFrame([{ model: 'm', version: '1', drift: 'UNKNOWN' }]),
    ]);
    expect(drifting.models[0].badge).toMatchObject({ status: ModelStatus.AtRisk, source: 'thresholds' });
    expect(drifting.models[0].badge.detail).toContain('1 of 2 features');
    const failing = driftOf([featureDriftFrame(l, [['a', 0.2, 0.3]])]);
    expect(failing.models[0].badge.status).toBe(ModelStatus.Failing);
    const healthy = driftOf([featureDriftFrame(l, [['a', 0.01, 0.3]])]);
    expect(healthy.models[0].badge.status).toBe(ModelStatus.Healthy);
    const none = driftOf([featureDriftFrame(l, [['a', null, null]])]);
    expect(none.models[0].badge.status).toBe(ModelStatus.Unknown);
  });

  it('derives the badge from summary counts when there is no feature table', () => {
    const drift = driftOf([driftSummaryFrame(labels('m', '1'), { high: 0, medium: 2, low: 1 })]);
    expect(drift.models[0].badge).toMatchObject({ status: ModelStatus.AtRisk, source: 'summary' });
  });

  it('counts by status, picks the top N and labels the most impactful drifted-and-important points', () => {
    const l = labels('m', '1', 'champion');
    const drift = driftOf(
      [
        featureDriftFrame(l, [
          ['a', 0.5, 0.5],
          ['b', 0.4, 0.01],
          ['c', 0.3, 0.9],
          ['d', 0.01, 0.9],
          ['e', null, null],
        ]),
      ],
      { topN: 2, quadrantLabels: 1 }
    );
    const m = drift.models[0];
    expect(m.counts.map((c) => [c.key, c.count])).toEqual([
      ['driftingImportant', 2],
      ['drifting', 1],
      ['stable', 1],
      ['notCalculated', 1],
    ]);
    expect(m.top.map((f) => f.name)).toEqual(['a', 'b']);
    expect(m.quadrant.points).toHaveLength(4);
    expect(m.quadrant.counts[Quadrant.DriftingImportant]).toBe(2);
    // All drifted-and-important features, most impactful first; the chart places at most maxLabels.
    expect(m.quadrant.labelCandidates).toEqual(['c', 'a']);
    expect(m.quadrant.maxLabels).toBe(1);
    expect(m.quadrant.xMax).toBeCloseTo(0.99);
    expect(m.quadrant.yMax).toBeCloseTo(0.55);
  });

  it('takes thresholds from field config, then from the options', () => {
    const l = labels('m', '1', 'champion');
    expect(driftOf([featureDriftFrame(l, [['a', 0.15, 0.1]], 0.2)]).models[0].thresholds).toMatchObject({
      drift: 0.2,
      driftSource: 'field',
      importance: DEFAULT_OPTIONS.importanceThreshold,
      importanceSource: 'option',
    });
    const prom = driftOf([promSeries('ml_data_drift_score', { model: 'm', feature: 'a' }, [0.15])], {
      driftThreshold: 0.3,
    });
    expect(prom.models[0].thresholds).toMatchObject({ drift: 0.3, driftSource: 'option' });
    expect(prom.models[0].features[0].status).toBe(FeatureStatus.Stable);
  });

  it('takes the importance threshold from a threshold step set on the importance field', () => {
    // As a field override in Grafana would: importance above 0.25 is "important".
    const frame = featureDriftFrame(labels('m', '1', 'champion'), [
      ['a', 0.15, 0.3],
      ['b', 0.15, 0.2],
    ]);
    const importance = frame.fields.find((f) => f.name === 'importance')!;
    importance.config.thresholds = {
      mode: ThresholdsMode.Absolute,
      steps: [
        { value: -Infinity, color: 'green' },
        { value: 0.25, color: 'red' },
      ],
    };
    const model = driftOf([frame]).models[0];
    expect(model.thresholds).toMatchObject({ importance: 0.25, importanceSource: 'field' });
    expect(model.features.map((f) => [f.name, f.quadrant])).toEqual([
      ['a', Quadrant.DriftingImportant],
      ['b', Quadrant.Drifting],
    ]);
  });

  it('compares per-feature drift of each challenger with the champion', () => {
    const drift = driftOf(gatewayPair(), { topN: 3 });
    expect(drift.comparisons).toHaveLength(1);
    const c = drift.comparisons[0];
    expect(c.challengerName).toBe('loan-dnn v1');
    expect(c.rows.map((r) => [r.name, r.champion, r.challenger, r.outcome])).toEqual([
      ['revolving_utilization', 0.17, 0.27, 'worse'],
      ['debt_to_income', 0.06, 0.12, 'worse'],
      ['loan_amount', 0.07, 0.07, 'same'],
    ]);
    expect(c).toMatchObject({ shared: 4, better: 1, worse: 2 });
  });

  it('honours the drift direction and features present in one model only', () => {
    const drift = driftOf(
      [
        featureDriftFrame(labels('a', '1', 'champion'), [['x', 0.1, 0.1]]),
        featureDriftFrame(labels('b', '1', 'challenger'), [
          ['x', 0.2, 0.1],
          ['y', 0.3, 0.1],
        ]),
      ],
      { directions: { ...DEFAULT_OPTIONS.directions, driftStatus: Direction.HigherIsBetter } }
    );
    const rows = drift.comparisons[0].rows;
    expect(rows.map((r) => [r.name, r.outcome, r.diff])).toEqual([
      ['y', 'unknown', null],
      ['x', 'better', expect.closeTo(0.1)],
    ]);
  });

  it('has no comparison when the champion has no features', () => {
    const drift = driftOf([
      driftSummaryFrame(labels('a', '1', 'champion'), { high: 1 }),
      featureDriftFrame(labels('b', '1', 'challenger'), [['x', 0.2, 0.1]]),
    ]);
    expect(drift.models).toHaveLength(2);
    expect(drift.comparisons).toEqual([]);
  });
});
