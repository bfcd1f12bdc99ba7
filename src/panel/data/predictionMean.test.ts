import { LoadingState, createTheme } from '@grafana/data';

import { categorySharesFrame, statsFrame, volumeFrame } from '../../datasource/mlops1x/framesSeries';
import type { WindowAggregate } from '../../datasource/mlops1x/analysis';
import type { SeriesIdentity } from '../../datasource/mlops1x/frameCommon';
import { Mlops1xFrameKind } from '../../shared/frameKinds1x';
import { DEFAULT_OPTIONS } from '../types';
import { buildPanelView } from './panelModel';
import type { ComparisonModel } from './types';

/** 1.x prediction distribution frames, built by the data source's own frame builders, in the panel. */

const theme = createTheme();
const base: SeriesIdentity = { workspaceId: 'ws', deploymentId: 'd1', deploymentName: 'shadow' };
const output = (experimentId: string, role: string, column = 'prediction'): SeriesIdentity => ({
  ...base,
  experimentId,
  role,
  column,
  logicalType: 'NUMERICAL',
  isModelOutput: true,
});

/** Windows whose numerical summary has the given means (one window per mean). */
function numericWindows(means: number[]): WindowAggregate[] {
  return means.map((mean, i) => ({
    startMs: 1_700_000_000_000 + i * 3_600_000,
    aggregate: {
      numerical: {
        histogram: { edges: [0, 1], counts: [10] },
        summary: { count: 10, mean, standardDeviation: 0.1, min: 0, max: 1, sum: mean * 10 },
      },
    },
  }));
}

function comparisonOf(frames: Parameters<typeof buildPanelView>[0]['series']): ComparisonModel {
  const view = buildPanelView({ series: frames, state: LoadingState.Done }, DEFAULT_OPTIONS, theme);
  if (view.kind !== 'ready') {
    throw new Error(`panel view is ${view.kind}`);
  }
  return view.comparison;
}

describe('1.x prediction distribution in the comparison', () => {
  it('shows the mean of each numerical output column per experiment as a neutral row', () => {
    const comparison = comparisonOf([
      statsFrame(Mlops1xFrameKind.PredictionsOverTime, output('champ', 'champion'), numericWindows([0.4, 0.6])),
      statsFrame(Mlops1xFrameKind.PredictionsOverTime, output('chall', 'challenger'), numericWindows([0.6, 0.8])),
    ]);
    expect(comparison.models.map((m) => [m.identity.model, m.isChampion])).toEqual([
      ['champ', true],
      ['chall', false],
    ]);
    const row = comparison.rows.find((r) => r.id === 'predictionMean:prediction');
    expect(row).toMatchObject({ label: 'Prediction mean (prediction)', direction: 'neutral', available: true });
    expect(row?.cells.map((c) => c.value)).toEqual([0.5, expect.closeTo(0.7, 10)]);
    expect(row?.cells[0].source).toBe('Prediction distribution over time');
    expect(row?.deltas[0]).toBeNull();
    expect(row?.deltas[1]).toMatchObject({ outcome: 'neutral', diff: expect.closeTo(0.2, 10) });
    expect(row?.deltas[1]?.relative).toBeCloseTo(0.4, 10);
    expect(row?.deltas[1]?.text).toContain('+40%');
    // Neutral: never counted as better or worse.
    expect(comparison.verdicts[0]).toMatchObject({ better: 0, worse: 0, same: 0 });
  });

  it('keeps one row per output column, beside volume, and leaves drift features alone', () => {
    const frames = [
      volumeFrame({ ...base, experimentId: 'champ', role: 'champion' }, numericWindows([1])),
      statsFrame(Mlops1xFrameKind.PredictionsOverTime, output('champ', 'champion', 'p_yes'), numericWindows([0.3])),
      statsFrame(Mlops1xFrameKind.PredictionsOverTime, output('champ', 'champion', 'p_no'), numericWindows([0.7])),
      statsFrame(Mlops1xFrameKind.PredictionsOverTime, output('chall', 'challenger', 'p_yes'), numericWindows([0.2])),
    ];
    const view = buildPanelView({ series: frames, state: LoadingState.Done }, DEFAULT_OPTIONS, theme);
    expect(view.kind).toBe('ready');
    if (view.kind !== 'ready') {
      return;
    }
    const rows = view.comparison.rows.filter((r) => String(r.id).startsWith('predictionMean:'));
    expect(rows.map((r) => r.label)).toEqual(['Prediction mean (p_yes)', 'Prediction mean (p_no)']);
    expect(rows[1].cells.map((c) => c.value)).toEqual([0.7, null]);
    expect(rows[1].deltas[1]).toMatchObject({ outcome: 'unknown' });
    expect(view.drift.models.flatMap((m) => m.features)).toHaveLength(0);
  });

  it('shows the mean share of each class of a categorical output column as neutral percentage rows', () => {
    const shares = (experimentId: string, role: string, counts: Array<Record<string, number>>) =>
      categorySharesFrame(
        { ...output(experimentId, role, 'label'), logicalType: 'CATEGORICAL' },
        counts.map((valueCounts, i) => ({
          startMs: 1_700_000_000_000 + i * 3_600_000,
          aggregate: { categorical: { valueCounts } },
        }))
      );
    const comparison = comparisonOf([
      // Champion: yes 75% then 50% (mean 62.5%), no 25% then 50% (mean 37.5%).
      shares('champ', 'champion', [
        { yes: 3, no: 1 },
        { yes: 2, no: 2 },
      ]),
      // Challenger: yes 50% then 50%, no 50% then 50%.
      shares('chall', 'challenger', [
        { yes: 1, no: 1 },
        { yes: 5, no: 5 },
      ]),
      statsFrame(Mlops1xFrameKind.PredictionsOverTime, output('champ', 'champion'), numericWindows([0.5])),
    ]);
    const rows = comparison.rows.filter((r) => /^prediction(Mean|Share):/.test(String(r.id)));
    expect(rows.map((r) => [r.id, r.label])).toEqual([
      ['predictionMean:prediction', 'Prediction mean (prediction)'],
      ['predictionShare:label:yes', 'Share of yes (label)'],
      ['predictionShare:label:no', 'Share of no (label)'],
    ]);
    const [, yes, no] = rows;
    expect(yes).toMatchObject({ direction: 'neutral', available: true });
    expect(yes.cells.map((c) => c.value)).toEqual([0.625, 0.5]);
    expect(yes.cells.map((c) => c.text)).toEqual(['62.5%', '50%']);
    expect(yes.cells[0].source).toBe('Prediction distribution over time');
    expect(yes.deltas[1]).toMatchObject({ outcome: 'neutral', diff: expect.closeTo(-0.125, 10) });
    // The absolute difference is in percentage points of the share.
    expect(yes.deltas[1]?.text).toMatch(/^-12\.5%/);
    expect(no.cells.map((c) => c.value)).toEqual([0.375, 0.5]);
    expect(no.deltas[1]).toMatchObject({ outcome: 'neutral', diff: expect.closeTo(0.125, 10) });
    // Neutral: never counted as better or worse.
    expect(comparison.verdicts[0]).toMatchObject({ better: 0, worse: 0, same: 0 });
  });

  it("orders classes the champion shares equally by the challenger's share, classes the champion lacks last", () => {
    const frame = (experimentId: string, role: string, valueCounts: Record<string, number>) =>
      categorySharesFrame({ ...output(experimentId, role, 'label'), logicalType: 'CATEGORICAL' }, [
        { startMs: 1_700_000_000_000, aggregate: { categorical: { valueCounts } } },
      ]);
    const comparison = comparisonOf([
      frame('champ', 'champion', { a: 1, b: 1 }),
      frame('chall', 'challenger', { a: 1, b: 4, c: 5 }),
    ]);
    const rows = comparison.rows.filter((r) => String(r.id).startsWith('predictionShare:'));
    expect(rows.map((r) => [r.label, r.cells.map((c) => c.text)])).toEqual([
      ['Share of b (label)', ['50%', '40%']],
      ['Share of a (label)', ['50%', '10%']],
      ['Share of c (label)', ['', '50%']],
    ]);
    const swapped = comparisonOf([
      frame('champ', 'champion', { a: 1, b: 1 }),
      frame('chall', 'challenger', { a: 4, b: 1, c: 5 }),
    ]);
    expect(swapped.rows.filter((r) => String(r.id).startsWith('predictionShare:')).map((r) => r.label)).toEqual([
      'Share of a (label)',
      'Share of b (label)',
      'Share of c (label)',
    ]);
  });

  it('keeps at most the five classes with the largest champion share per categorical column', () => {
    const counts = { a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7 };
    const frame = (experimentId: string, role: string) =>
      categorySharesFrame({ ...output(experimentId, role, 'label'), logicalType: 'CATEGORICAL' }, [
        { startMs: 1_700_000_000_000, aggregate: { categorical: { valueCounts: counts } } },
      ]);
    const comparison = comparisonOf([frame('champ', 'champion'), frame('chall', 'challenger')]);
    const labels = comparison.rows.filter((r) => String(r.id).startsWith('predictionShare:')).map((r) => r.label);
    expect(labels).toEqual([
      'Share of g (label)',
      'Share of f (label)',
      'Share of e (label)',
      'Share of d (label)',
      'Share of c (label)',
    ]);
  });
});
