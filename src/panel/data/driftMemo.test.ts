import { largeDataset } from '../../test/panelFrames';
import { DEFAULT_OPTIONS, type PanelOptions } from '../types';
import { collectModels } from './collect';
import { buildDrift, buildDriftMemo, type FeatureComparisonRow } from './drift';
import { resolveRoles } from './roles';

function collected(models = 3, features = 400) {
  const roles = resolveRoles(collectModels(largeDataset(models, features)).models, DEFAULT_OPTIONS);
  return { data: roles.data, infos: roles.models };
}

const peak = (r: FeatureComparisonRow) => Math.max(r.champion ?? -Infinity, r.challenger ?? -Infinity);

describe('buildDriftMemo', () => {
  it('gives the same drift as buildDrift through a series of option changes', () => {
    const { data, infos } = collected();
    const steps: Array<Partial<PanelOptions>> = [
      {},
      { topN: 3 },
      { topN: 25, quadrantLabels: 2 },
      { driftThreshold: 0.2 },
      { equalTolerancePercent: 20 },
      {},
    ];
    for (const step of steps) {
      const options = { ...DEFAULT_OPTIONS, ...step };
      expect(buildDriftMemo(data, infos, options)).toEqual(buildDrift(data, infos, options));
    }
  });

  it('reuses the quadrant model when only the top N changes, and not when a threshold does', () => {
    const { data, infos } = collected();
    const first = buildDriftMemo(data, infos, { ...DEFAULT_OPTIONS, topN: 5 });
    const moreBars = buildDriftMemo(data, infos, { ...DEFAULT_OPTIONS, topN: 9 });
    const otherThreshold = buildDriftMemo(data, infos, { ...DEFAULT_OPTIONS, topN: 9, importanceThreshold: 0.2 });
    expect(moreBars.models[0].quadrant).toBe(first.models[0].quadrant);
    expect(moreBars.models[0].top).toHaveLength(9);
    expect(otherThreshold.models[0].quadrant).not.toBe(first.models[0].quadrant);
  });

  it('reuses the comparison rows when only the top N changes, and not when the tolerance does', () => {
    const { data, infos } = collected();
    const first = buildDriftMemo(data, infos, { ...DEFAULT_OPTIONS, topN: 5 }).comparisons[1].rows;
    const moreRows = buildDriftMemo(data, infos, { ...DEFAULT_OPTIONS, topN: 9 }).comparisons[1].rows;
    const otherTolerance = buildDriftMemo(data, infos, { ...DEFAULT_OPTIONS, topN: 9, equalTolerancePercent: 20 })
      .comparisons[1].rows;
    expect(moreRows.slice(0, 5)).toEqual(first);
    expect(moreRows[0]).toBe(first[0]);
    expect(otherTolerance[0]).not.toBe(first[0]);
  });
});

describe('buildDrift, the reference buildDriftMemo is checked against', () => {
  it('derives everything anew on each call, even after buildDriftMemo saw the same data', () => {
    const { data, infos } = collected();
    const memo = buildDriftMemo(data, infos, DEFAULT_OPTIONS);
    const first = buildDrift(data, infos, DEFAULT_OPTIONS);
    const second = buildDrift(data, infos, DEFAULT_OPTIONS);
    expect(second).toEqual(first);
    for (const other of [first, memo]) {
      expect(second.models[0].quadrant).not.toBe(other.models[0].quadrant);
      expect(second.models[0].features).not.toBe(other.models[0].features);
      expect(second.comparisons[0].rows[0]).not.toBe(other.comparisons[0].rows[0]);
    }
  });
});

describe('per-feature comparison rows', () => {
  it('are the first N of all rows ordered by peak drift (descending), then name', () => {
    const { data, infos } = collected(2, 300);
    const all = buildDrift(data, infos, { ...DEFAULT_OPTIONS, topN: 10_000 }).comparisons[0].rows;
    expect(all).toHaveLength(300);
    for (let i = 1; i < all.length; i++) {
      const order = peak(all[i - 1]) - peak(all[i]) || all[i].name.localeCompare(all[i - 1].name);
      expect(order).toBeGreaterThan(0);
    }
    for (const n of [0, 1, 7, 50]) {
      expect(buildDrift(data, infos, { ...DEFAULT_OPTIONS, topN: n }).comparisons[0].rows).toEqual(all.slice(0, n));
    }
  });
});
