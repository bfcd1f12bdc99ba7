import { mlops1xFixture } from '../../test/mlops1xFixtures';
import { ResponseShapeError } from '../parse/scalars';
import { parseBaselinePage, parseScoringPage } from './parseAggregates';
import {
  parseDeploymentPage,
  parseDeploymentStatus,
  parseGetDeployment,
  parseMonitoringConfig,
  parseWorkspacePage,
} from './parseDeployments';

const fixture = mlops1xFixture;

describe('1.x parsers on client-shaped fixtures', () => {
  it('reads workspaces by the id in their resource name', () => {
    const page = parseWorkspacePage(fixture('list-workspaces.json'));
    expect(page.items.map((w) => [w.id, w.displayName])).toEqual([
      ['b1f0c2a4-0000-4000-8000-000000000001', 'Risk team'],
      ['b1f0c2a4-0000-4000-8000-000000000002', 'Marketing'],
    ]);
    expect(page.items[0].createTime).toBe(Date.UTC(2025, 11, 1, 8));
    expect(page.nextPageToken).toBe('');
  });

  it('reads single, shadow and split deployments with champion and challenger roles', () => {
    const [single, shadow, split] = parseDeploymentPage(fixture('list-deployments.json')).items;
    expect(single).toMatchObject({ id: 'dep-single', mode: 'single', monitoringEnabled: true });
    expect(single.experiments).toEqual([
      { experimentId: 'exp-a', role: 'champion', weight: null, effectivePercentage: null },
    ]);
    expect(shadow.experiments.map((e) => [e.experimentId, e.role])).toEqual([
      ['exp-champ', 'champion'],
      ['exp-chall', 'challenger'],
    ]);
    // Split: the heavier element is the champion whatever the server's order.
    expect(split.experiments.map((e) => [e.experimentId, e.role, e.weight])).toEqual([
      ['exp-big', 'champion', 80],
      ['exp-small', 'challenger', 20],
    ]);
    expect(split.monitoringEnabled).toBe(false);
    expect(shadow.workspaceId).toBe('b1f0c2a4-0000-4000-8000-000000000001');
    expect(shadow.monitoredColumns.filter((c) => c.isModelOutput).map((c) => c.column)).toEqual([
      'prediction',
      'label',
    ]);
  });

  it('reads one deployment, its status and the monitoring configuration', () => {
    expect(parseGetDeployment(fixture('get-deployment-shadow.json')).deployment.mode).toBe('shadow');
    expect(parseDeploymentStatus(fixture('get-deployment-status.json'))).toEqual({
      state: 'HEALTHY',
      message: '',
      updateTime: Date.UTC(2026, 0, 3, 10, 5),
    });
    expect(parseMonitoringConfig(fixture('get-monitoring-config.json'))).toEqual({
      enabled: true,
      maxAllowedFeatures: 50,
    });
  });

  it('reads baseline aggregates of every logical type, int64 strings included', () => {
    const items = parseBaselinePage(fixture('list-baseline-aggregates.json')).items;
    const [age, color, review, prediction, label] = items;
    expect(age.aggregate.numerical?.histogram).toEqual({ edges: [20, 40, 60], counts: [10, 40, 40, 10] });
    expect(age.aggregate.numerical?.summary).toMatchObject({
      count: 100,
      mean: 40,
      standardDeviation: 12,
      min: 18,
      max: 80,
    });
    expect(age.aggregate.missingRows).toBe(5);
    expect(color.aggregate.categorical?.valueCounts).toEqual({ red: 50, green: 30, blue: 20 });
    expect(review.aggregate.text?.topWords).toEqual({ good: 40, bad: 10, price: 30 });
    expect(review.aggregate.text?.lengthSummary?.count).toBe(100);
    expect(prediction.isModelOutput).toBe(true);
    expect(label.aggregate.categorical?.valueCounts).toEqual({ churn: 30, stay: 70 });
  });

  it('reads scoring segments with start, duration and experiment', () => {
    const items = parseScoringPage(fixture('list-aggregates.json')).items;
    expect(items).toHaveLength(21);
    const first = items.find((s) => s.id === 's-age-exp-champ-0');
    expect(first).toMatchObject({
      startMs: Date.UTC(2026, 0, 5, 10, 0),
      durationMs: 60_000,
      experimentIds: ['exp-champ'],
    });
    expect(first?.aggregate.numerical?.histogram.counts).toEqual([1, 4, 4, 1]);
    expect(first?.aggregate.missingRows).toBe(1);
    expect(items.find((s) => s.column === 'review')?.oovRate).toBe(2.5);
  });
});

describe('1.x parsers on broken answers', () => {
  const aggregate = (over: Record<string, unknown>) => ({
    aggregates: [{ column: 'age', startTime: '2026-01-05T10:00:00Z', segmentDuration: '60s', ...over }],
  });

  it.each([
    ['a body that is not an object', [], /expected a scoring aggregate list/],
    [
      'counts that do not match the edges',
      aggregate({ numericalAggregate: { binEdges: [1, 2], binCount: [1, 2] } }),
      /2 edges need 3 counts/,
    ],
    ['descending edges', aggregate({ numericalAggregate: { binEdges: [2, 1], binCount: [1, 2, 3] } }), /ascending/],
    ['a NaN edge', aggregate({ numericalAggregate: { binEdges: ['NaN'], binCount: [1, 2] } }), /finite bin edge/],
    ['a negative count', aggregate({ numericalAggregate: { binEdges: [1], binCount: [1, '-2'] } }), /expected a count/],
    ['a fractional count', aggregate({ categoricalAggregate: { valueCounts: { a: 1.5 } } }), /integer/],
    ['a missing start time', aggregate({ startTime: undefined }), /startTime: missing date-time/],
    ['an unreadable duration', aggregate({ segmentDuration: 'soon' }), /segmentDuration: not a duration/],
    [
      'a missing column',
      { aggregates: [{ startTime: '2026-01-05T10:00:00Z', segmentDuration: '60s' }] },
      /aggregates\[0\]\.column: missing/,
    ],
  ])('refuses %s with the JSON path', (_what, body, message) => {
    expect(() => parseScoringPage(body)).toThrow(ResponseShapeError);
    expect(() => parseScoringPage(body)).toThrow(message);
  });

  it('requires the logical type of a baseline (the model marks it required)', () => {
    expect(() => parseBaselinePage({ baselineAggregates: [{ column: 'age' }] })).toThrow(
      'baselineAggregates[0].logicalType: missing required logical type'
    );
  });

  it('reads protobuf-omitted zeros as 0 and an unknown logical type as unspecified, with a note', () => {
    const page = parseBaselinePage({
      baselineAggregates: [
        { column: 'x', logicalType: 'QUANTUM', numericalAggregate: { binEdges: [0], binCount: [0, 4] } },
      ],
    });
    expect(page.items[0].logicalType).toBe('LOGICAL_TYPE_UNSPECIFIED');
    expect(page.items[0].aggregate.numerical?.summary).toEqual({
      count: 4,
      mean: 0,
      standardDeviation: 0,
      min: 0,
      max: 0,
      sum: 0,
    });
    expect(page.notices.join()).toMatch(/unknown logical type/);
  });

  it('refuses a deployment without a resource name or a composition without an experiment', () => {
    expect(() => parseDeploymentPage({ deployments: [{ displayName: 'x' }] })).toThrow(
      'deployments[0].name: missing required string'
    );
    expect(() =>
      parseDeploymentPage({
        deployments: [{ name: 'workspaces/w/deployments/d', single: { deploymentComposition: {} } }],
      })
    ).toThrow('deployments[0].single.deploymentComposition.experimentId');
    expect(() => parseDeploymentPage({ deployments: [{ name: 'workspaces/w' }] })).toThrow(
      /workspaces\/\{id\}\/deployments/
    );
  });
});
