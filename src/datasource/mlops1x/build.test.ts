import type { DataFrame } from '@grafana/data';

import { Mlops1xFrameKind } from '../../shared/frameKinds1x';
import { mlops1xFixture } from '../../test/mlops1xFixtures';
import { aggregateFrames, driftRequestOf, type AggregateData } from './build';
import { parseBaselinePage, parseScoringPage } from './parseAggregates';
import { parseGetDeployment } from './parseDeployments';
import { DEFAULT_MLOPS1X_QUERY, type Mlops1xQuery } from './queryModel';

const T0 = Date.UTC(2026, 0, 5, 10, 0);
const MINUTE = 60_000;

function data(): AggregateData {
  return {
    deployment: parseGetDeployment(mlops1xFixture('get-deployment-shadow.json')).deployment,
    baselines: parseBaselinePage(mlops1xFixture('list-baseline-aggregates.json')).items,
    segments: parseScoringPage(mlops1xFixture('list-aggregates.json')).items,
  };
}

function run(over: Partial<Mlops1xQuery>, windowMs = MINUTE): DataFrame[] {
  return aggregateFrames({ ...DEFAULT_MLOPS1X_QUERY, ...over }, data(), windowMs);
}

const values = (frame: DataFrame, name: string) => frame.fields.find((f) => f.name === name)?.values;
const labelsOf = (frame: DataFrame) => frame.fields.find((f) => f.labels)?.labels;

describe('1.x drift per column over the range', () => {
  const frames = run({ queryType: Mlops1xFrameKind.Drift });

  it('returns one table per experiment, labelled with its role', () => {
    expect(frames.map((f) => [labelsOf(f)?.experiment_id, labelsOf(f)?.role])).toEqual([
      ['exp-champ', 'champion'],
      ['exp-chall', 'challenger'],
    ]);
    expect(frames[0].meta?.custom).toEqual({
      kind: Mlops1xFrameKind.Drift,
      frameSchemaVersion: 1,
      apiGeneration: 'mlops1x',
    });
  });

  it("uses each logical type's default method: no drift for the champion, drift for the challenger", () => {
    const [champion, challenger] = frames;
    expect(values(champion, 'column')).toEqual(['age', 'color', 'review', 'prediction', 'label']);
    expect(values(champion, 'method')).toEqual(['tvd', 'psi', 'tvd', 'tvd', 'psi']);
    // Champion: age and color have the baseline's exact proportions.
    expect(values(champion, 'drift')?.[0]).toBeCloseTo(0, 12);
    expect(values(champion, 'drift')?.[1]).toBeCloseTo(0, 12);
    expect(values(champion, 'status')?.slice(0, 2)).toEqual(['ok', 'ok']);
    // Challenger age [0,3,12,15]/30 vs [.1,.4,.4,.1]: TVD = ½(.1 + .3 + 0 + .4) = 0.4.
    // The challenger scored age and color only: the other baseline columns say why they have no value.
    expect(values(challenger, 'column')).toEqual(['age', 'color', 'review', 'prediction', 'label']);
    expect(values(challenger, 'drift')?.[0]).toBeCloseTo(0.4, 12);
    expect(values(challenger, 'status')).toEqual(['drift', 'drift', 'unknown', 'unknown', 'unknown']);
    expect(values(challenger, 'reason')?.slice(2)).toEqual(['no-scoring-data', 'no-scoring-data', 'no-scoring-data']);
    expect(values(champion, 'oov_rate')?.[2]).toBe(2.5);
  });

  it('honours a chosen method and thresholds', () => {
    const [champion] = run({ queryType: Mlops1xFrameKind.Drift, column: 'age', method: 'zscore' });
    expect(values(champion, 'drift')).toEqual([0]);
    const [, challenger] = run({
      queryType: Mlops1xFrameKind.Drift,
      column: 'age',
      warningThreshold: 0.5,
      criticalThreshold: 0.6,
    });
    expect(values(challenger, 'status')).toEqual(['ok']);
  });

  it("lists the champion's baseline columns as unscored when the range has no segment", () => {
    const frames = aggregateFrames(
      { ...DEFAULT_MLOPS1X_QUERY, queryType: Mlops1xFrameKind.Drift },
      { ...data(), segments: [] },
      MINUTE
    );
    expect(frames).toHaveLength(1);
    expect(labelsOf(frames[0])).toMatchObject({ model: 'exp-champ', role: 'champion' });
    expect(values(frames[0], 'drift')).toEqual([null, null, null, null, null]);
    expect(values(frames[0], 'method')).toEqual(['tvd', 'psi', 'tvd', 'tvd', 'psi']);
  });

  it('says why a method does not apply instead of showing 0', () => {
    const [champion] = run({ queryType: Mlops1xFrameKind.Drift, column: 'color', method: 'zscore' });
    expect(values(champion, 'drift')).toEqual([null]);
    expect(values(champion, 'reason')).toEqual(['method-not-applicable']);
  });
});

describe('1.x series over time', () => {
  it('computes drift per window with the status beside it', () => {
    const frames = run({ queryType: Mlops1xFrameKind.DriftOverTime, column: 'age' });
    expect(frames).toHaveLength(2);
    expect(values(frames[0], 'time')).toEqual([T0, T0 + MINUTE, T0 + 2 * MINUTE]);
    expect(values(frames[1], 'status')).toEqual(['drift', 'drift', 'drift']);
    expect(labelsOf(frames[1])).toMatchObject({
      feature: 'age',
      model: 'exp-chall',
      role: 'challenger',
      method: 'tvd',
    });
  });

  it('merges segments into wider windows before computing', () => {
    const [champion] = run({ queryType: Mlops1xFrameKind.MissingOverTime, column: 'age' }, 3 * MINUTE);
    // One 3-minute window (aligned on the epoch): 1 missing of 31 rows.
    expect(values(champion, 'time')).toEqual([T0]);
    expect(values(champion, 'missing_rate')?.[0]).toBeCloseTo(1 / 31, 12);
  });

  it('counts volume per experiment on one column, preferring a model output', () => {
    const frames = run({ queryType: Mlops1xFrameKind.Volume });
    expect(frames.map((f) => [labelsOf(f)?.model, labelsOf(f)?.feature, values(f, 'rows')])).toEqual([
      ['exp-champ', 'prediction', [10, 10, 10]],
      ['exp-chall', 'age', [10, 10, 10]],
    ]);
  });

  it('shows statistics of numerical and text columns only', () => {
    const frames = run({ queryType: Mlops1xFrameKind.StatsOverTime });
    expect(frames.map((f) => [labelsOf(f)?.feature, labelsOf(f)?.role])).toEqual([
      ['age', 'champion'],
      ['review', 'champion'],
      ['prediction', 'champion'],
      ['age', 'challenger'],
    ]);
    expect(values(frames[3], 'mean')).toEqual([58, 58, 58]);
    expect(values(frames[1], 'max')).toEqual([99, 99, 99]);
  });

  it('shows prediction statistics for numerical outputs and category shares for categorical ones', () => {
    const frames = run({ queryType: Mlops1xFrameKind.PredictionsOverTime });
    expect(frames.map((f) => labelsOf(f)?.feature)).toEqual(['prediction', 'label']);
    expect(values(frames[0], 'mean')?.map((m) => Number((m as number).toFixed(6)))).toEqual([0.5, 0.55, 0.6]);
    const churn = frames[1].fields.find((f) => f.labels?.category === 'churn');
    expect(churn?.values).toEqual([0.3, 0.4, 0.5]);
  });
});

describe('1.x distributions', () => {
  it('compares the baseline and the range on the baseline bins, with Grafana histogram bounds', () => {
    const [champion, challenger] = run({ queryType: Mlops1xFrameKind.Distribution, column: 'age' });
    expect(values(champion, 'bin')).toEqual(['(-inf, 20]', '(20, 40]', '(40, 60]', '(60, +inf)']);
    expect(values(champion, 'xMin')).toEqual([null, 20, 40, 60]);
    expect(values(challenger, 'scoring_count')).toEqual([0, 3, 12, 15]);
    expect(values(challenger, 'baseline')).toEqual([0.1, 0.4, 0.4, 0.1]);
  });

  it('shows new categories with a zero baseline, and text as lengths plus top words', () => {
    const [, challenger] = run({ queryType: Mlops1xFrameKind.Distribution, column: 'color' });
    expect(values(challenger, 'category')).toEqual(['blue', 'green', 'purple', 'red']);
    expect(values(challenger, 'baseline_count')).toEqual([20, 30, 0, 50]);
    const text = run({ queryType: Mlops1xFrameKind.Distribution, column: 'review' });
    expect(text.map((f) => f.name)).toEqual([
      'Text length – review · exp-champ (champion)',
      'Top words – review · exp-champ (champion)',
    ]);
  });
});

describe('1.x drift settings', () => {
  it('needs both thresholds, ordered', () => {
    expect(() => driftRequestOf({ ...DEFAULT_MLOPS1X_QUERY, warningThreshold: 0.1 })).toThrow(/both drift thresholds/);
    expect(() => driftRequestOf({ ...DEFAULT_MLOPS1X_QUERY, warningThreshold: 0.3, criticalThreshold: 0.1 })).toThrow(
      RangeError
    );
    expect(driftRequestOf({ ...DEFAULT_MLOPS1X_QUERY, method: 'psi' })).toEqual({
      method: 'psi',
      textFacet: undefined,
      thresholds: undefined,
    });
  });
});
