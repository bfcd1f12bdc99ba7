import { DAY, HOUR } from '../time';
import { baselineAggregates, driftAt, missingRateAt, segmentAggregates, TRAINING_ROWS } from './aggregates';
import { DEPLOYMENTS, type Deployment1x } from './catalog';

const SEED = 42;
const T = Date.UTC(2026, 0, 15, 9);
type Agg = Record<string, any>;

const byKind = (kind: Deployment1x['kind']) => DEPLOYMENTS.find((d) => d.kind === kind)!;
const rowsOf = (a: Agg): number => {
  const body = a.numericalAggregate ?? a.textAggregate;
  const values = body
    ? (body.binCount as number[]).reduce((x, y) => x + y, 0)
    : Object.values(a.categoricalAggregate.valueCounts as Record<string, number>).reduce((x, y) => x + y, 0);
  return values + (a.missingValues.rowCount as number);
};

describe('catalogue', () => {
  it('has single, shadow and split deployments, the latter two with two experiments', () => {
    expect(DEPLOYMENTS.map((d) => [d.kind, d.experiments.length])).toEqual([
      ['single', 1],
      ['shadow', 2],
      ['single', 1],
      ['split', 2],
      ['single', 1],
    ]);
    const ids = DEPLOYMENTS.flatMap((d) => d.experiments.map((e) => e.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(byKind('split').experiments.map((e) => e.weight)).toEqual([70, 30]);
  });

  it('monitors numerical, categorical and text columns and model outputs', () => {
    const types = new Set(DEPLOYMENTS.flatMap((d) => d.columns.map((c) => c.logicalType)));
    expect([...types].sort()).toEqual(['CATEGORICAL', 'NUMERICAL', 'TEXT']);
    for (const d of DEPLOYMENTS) {
      expect(d.columns.filter((c) => c.isModelOutput).map((c) => c.logicalType)).toEqual(['NUMERICAL', 'CATEGORICAL']);
    }
  });
});

describe('baseline aggregates', () => {
  it('count the training rows per column; model outputs have one baseline per experiment', () => {
    const d = byKind('shadow');
    const baselines = baselineAggregates(SEED, d) as Agg[];
    expect(baselines).toHaveLength(d.columns.length + d.columns.filter((c) => c.isModelOutput).length);
    for (const b of baselines) {
      expect(rowsOf(b)).toBe(TRAINING_ROWS);
      const body = b.numericalAggregate ?? b.textAggregate;
      if (body) {
        expect(body.binCount).toHaveLength(body.binEdges.length + 1);
      }
      expect(b.experimentIds).toHaveLength(b.isModelOutput ? 1 : 2);
    }
    expect(baselines.find((b) => b.textAggregate)?.textAggregate.oovRate).toBeUndefined();
  });
});

describe('scoring aggregates', () => {
  it('are deterministic and count the same rows in every column of a segment', () => {
    const d = byKind('single');
    const a = segmentAggregates(SEED, d, d.experiments[0], T) as Agg[];
    expect(segmentAggregates(SEED, d, d.experiments[0], T)).toEqual(a);
    expect(new Set(a.map(rowsOf)).size).toBe(1);
    expect(rowsOf(a[0])).toBeGreaterThan(0);
    expect(a.map((x) => x.column)).toEqual(d.columns.map((c) => c.spec.name));
    expect(a[0]).toMatchObject({
      startTime: '2026-01-15T09:00:00Z',
      segmentDuration: '3600s',
      experimentIds: [d.experiments[0].id],
    });
  });

  it('drift on purpose: the drifting column moves, a stable one barely does', () => {
    const d = byKind('single');
    const base = baselineAggregates(SEED, d) as Agg[];
    const scoring = segmentAggregates(SEED, d, d.experiments[0], T) as Agg[];
    const shift = (column: string) => {
      const b = base.find((x) => x.column === column)!.numericalAggregate;
      const s = scoring.find((x) => x.column === column)!.numericalAggregate;
      return Math.abs(s.mean - b.mean) / b.standardDeviation;
    };
    expect(shift('transaction_amount')).toBeGreaterThan(0.4);
    expect(shift('account_age_days')).toBeLessThan(0.2);
    const note = scoring.find((x) => x.column === 'transaction_note')!.textAggregate;
    expect(note.oovRate).toBeGreaterThan(5);
    expect(Object.keys(note.topWords)).toContain('crypto');
  });

  it('the challenger drifts more than the champion, on a weekly wave', () => {
    const d = byKind('shadow');
    const column = d.columns.find((c) => c.spec.name === 'revolving_utilization')!;
    const [champion, challenger] = d.experiments;
    expect(driftAt(column, challenger, T)).toBeGreaterThan(driftAt(column, champion, T));
    const week = Array.from({ length: 7 }, (_, i) => driftAt(column, champion, T + i * DAY));
    expect(Math.max(...week) - Math.min(...week)).toBeGreaterThan(0.01);
  });

  it('missing values rise over the week on the broken column only', () => {
    const d = byKind('shadow');
    const rising = d.columns.find((c) => c.risingMissingTo !== undefined)!;
    expect(rising.spec.name).toBe('annual_income');
    const weekStart = Math.floor(T / (7 * DAY)) * 7 * DAY;
    expect(missingRateAt(rising, weekStart + 6 * DAY)).toBeGreaterThan(missingRateAt(rising, weekStart + DAY) + 0.1);
    const stable = d.columns.find((c) => c.spec.name === 'loan_amount')!;
    expect(missingRateAt(stable, weekStart + 6 * DAY)).toBe(missingRateAt(stable, weekStart + HOUR));
  });
});
