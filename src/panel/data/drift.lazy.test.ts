import { largeDataset } from '../../test/panelFrames';
import { DEFAULT_OPTIONS } from '../types';
import { collectModels } from './collect';
import { buildDrift, buildDriftMemo } from './drift';
import { compareFeatureDrift } from './featureComparison';
import { quadrantModel } from './quadrant';
import { resolveRoles } from './roles';

// Spies that call the real quadrant and comparison code (nothing replaced), to count how often the
// drift model runs them: buildDriftMemo promises to run them only for what the panel reads.
jest.mock('./quadrant', () => {
  const actual = jest.requireActual('./quadrant');
  return { ...actual, quadrantModel: jest.fn(actual.quadrantModel) };
});
jest.mock('./featureComparison', () => {
  const actual = jest.requireActual('./featureComparison');
  return { ...actual, compareFeatureDrift: jest.fn(actual.compareFeatureDrift) };
});

const quadrantRuns = quadrantModel as jest.MockedFunction<typeof quadrantModel>;
const comparisonRuns = compareFeatureDrift as jest.MockedFunction<typeof compareFeatureDrift>;

/** Freshly collected data of one champion and two challengers (nothing memoised for it yet). */
function collected() {
  const roles = resolveRoles(collectModels(largeDataset(3, 50)).models, DEFAULT_OPTIONS);
  return { data: roles.data, infos: roles.models };
}

beforeEach(() => {
  quadrantRuns.mockClear();
  comparisonRuns.mockClear();
});

describe('with the real quadrant and comparison code spied on (not replaced)', () => {
  it('buildDrift computes every quadrant and comparison while building', () => {
    const { data, infos } = collected();
    buildDrift(data, infos, DEFAULT_OPTIONS);
    expect([quadrantRuns.mock.calls.length, comparisonRuns.mock.calls.length]).toEqual([3, 2]);
  });

  it('buildDriftMemo computes a quadrant and a comparison only when the panel reads it, once', () => {
    const { data, infos } = collected();
    const drift = buildDriftMemo(data, infos, DEFAULT_OPTIONS);
    expect([quadrantRuns.mock.calls.length, comparisonRuns.mock.calls.length]).toEqual([0, 0]);
    const shown = drift.models[1].quadrant;
    const rows = drift.comparisons[1].rows;
    expect([drift.models[1].quadrant, drift.comparisons[1].rows]).toEqual([shown, rows]);
    expect([quadrantRuns.mock.calls.length, comparisonRuns.mock.calls.length]).toEqual([1, 1]);
  });
});
