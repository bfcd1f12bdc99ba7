import { Mlops1xFrameKind } from '../../shared/frameKinds1x';
import { simulatorMlops1xFixture } from '../../test/mlops1xFixtures';
import { aggregateFrames } from './build';
import { parseBaselinePage, parseScoringPage } from './parseAggregates';
import {
  parseDeploymentPage,
  parseDeploymentStatus,
  parseGetDeployment,
  parseMonitoringConfig,
  parseWorkspacePage,
} from './parseDeployments';
import { DEFAULT_MLOPS1X_QUERY } from './queryModel';

/**
 * The simulator's 1.x answers (helper "x1sim", `tests/fixtures/mlops1x/manifest.json`; each
 * validated there by the official client's models) through this data source's parsers and frames:
 * the two sides agree on the wire shapes.
 */
const manifest = simulatorMlops1xFixture('manifest.json') as { files: Record<string, string> };

const PARSERS: Record<string, (body: unknown) => unknown> = {
  'workspace.V1ListWorkspacesResponse': parseWorkspacePage,
  'deployer.V2ListDeploymentsResponse': parseDeploymentPage,
  'deployer.V2GetDeploymentResponse': parseGetDeployment,
  'deployer.V2GetDeploymentStatusResponse': parseDeploymentStatus,
  'deployer.V2GetMonitoringConfigResponse': parseMonitoringConfig,
  'monitoring.V2ListBaselineAggregatesResponse': parseBaselinePage,
  'monitoring.V2ListAggregatesResponse': parseScoringPage,
};

const parsed = Object.entries(manifest.files).filter(([, model]) => model in PARSERS);

describe("the simulator's client-validated 1.x fixtures", () => {
  it('include every answer this data source reads', () => {
    expect(new Set(parsed.map(([, model]) => model))).toEqual(new Set(Object.keys(PARSERS)));
  });

  it.each(parsed)('%s (%s) parses without notes', (file, model) => {
    const result = PARSERS[model](simulatorMlops1xFixture(file)) as { notices?: string[] };
    expect(result.notices ?? []).toEqual([]);
  });

  it.each([
    ['single', 'scoring-aggregates-single-numerical.json'],
    ['shadow', 'scoring-aggregates-shadow-prediction.json'],
    ['split', 'scoring-aggregates-split-categorical.json'],
  ])('computes drift for the %s deployment with a finite value or a reason per column', (mode, scoring) => {
    const deployment = parseGetDeployment(simulatorMlops1xFixture(`deployment-${mode}.json`)).deployment;
    const baselines = parseBaselinePage(simulatorMlops1xFixture(`baseline-aggregates-${mode}.json`)).items;
    const segments = parseScoringPage(simulatorMlops1xFixture(scoring)).items;
    const frames = aggregateFrames(
      { ...DEFAULT_MLOPS1X_QUERY, queryType: Mlops1xFrameKind.Drift },
      { deployment, baselines, segments },
      3_600_000
    );
    expect(frames.length).toBeGreaterThan(0);
    for (const frame of frames) {
      const drift = frame.fields.find((f) => f.name === 'drift')?.values ?? [];
      const reason = frame.fields.find((f) => f.name === 'reason')?.values ?? [];
      drift.forEach((value, i) => {
        expect(value === null ? reason[i] !== '' : Number.isFinite(value)).toBe(true);
      });
    }
    // Every scored column of the fixture got a value.
    const scored = new Set(segments.map((s) => s.column));
    const values = frames.flatMap((f) => {
      const columns = f.fields.find((x) => x.name === 'column')?.values ?? [];
      const drift = f.fields.find((x) => x.name === 'drift')?.values ?? [];
      return columns.map((c, i) => [c, drift[i]] as const);
    });
    expect(values.filter(([c]) => scored.has(c)).every(([, d]) => d !== null)).toBe(true);
  });
});
