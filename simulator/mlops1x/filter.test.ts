import { matchesFilter, parseFilter, type FieldValue } from './filter';

// Captured from h2o-mlops 1.6.5: scoring_aggregates.list(ListOptions(time range, sort desc),
// column="age", experiment_uid="exp-1") and baseline_aggregates.list(type="NUMERICAL").
const CLIENT_FILTER =
  "column_name = 'age' AND experiment_ids:'exp-1' AND (timestamp >= timestamp('2026-01-01T00:00:00.000000Z') AND timestamp < timestamp('2026-01-02T00:00:00.000000Z'))";

const record =
  (r: Record<string, FieldValue>) =>
  (field: string): FieldValue =>
    r[field];

describe('parseFilter', () => {
  it('parses the filter the official client sends', () => {
    expect(parseFilter(CLIENT_FILTER)).toEqual({
      kind: 'and',
      children: [
        { kind: 'term', field: 'column_name', op: '=', value: 'age' },
        { kind: 'term', field: 'experiment_ids', op: ':', value: 'exp-1' },
        {
          kind: 'and',
          children: [
            { kind: 'term', field: 'timestamp', op: '>=', value: { timestampMs: Date.UTC(2026, 0, 1) } },
            { kind: 'term', field: 'timestamp', op: '<', value: { timestampMs: Date.UTC(2026, 0, 2) } },
          ],
        },
      ],
    });
    expect(parseFilter("logical_type = 'NUMERICAL'")).toEqual({
      kind: 'term',
      field: 'logical_type',
      op: '=',
      value: 'NUMERICAL',
    });
  });

  it('reads numbers, booleans, bare enum words and escaped quotes', () => {
    expect(parseFilter('replicas > 2 OR paused = true OR state = HEALTHY')).toMatchObject({ kind: 'or' });
    expect(parseFilter("column_name = 'it\\'s'")).toMatchObject({ value: "it's" });
  });

  it('refuses what the client never sends', () => {
    for (const bad of [
      "a = 'x' AND b = 'y' OR c = 'z'",
      "column_name 'age'",
      "(a = 'x'",
      "a = 'x')",
      'a = ',
      '= 3',
      "a = timestamp('nope')",
    ]) {
      expect(() => parseFilter(bad)).toThrow(SyntaxError);
    }
  });
});

describe('matchesFilter', () => {
  const node = parseFilter(CLIENT_FILTER);
  it('selects by column, experiment membership and time range', () => {
    expect(
      matchesFilter(node, record({ column_name: 'age', experiment_ids: ['exp-1'], timestamp: '2026-01-01T12:00:00Z' }))
    ).toBe(true);
    expect(
      matchesFilter(node, record({ column_name: 'age', experiment_ids: ['exp-2'], timestamp: '2026-01-01T12:00:00Z' }))
    ).toBe(false);
    expect(
      matchesFilter(node, record({ column_name: 'age', experiment_ids: ['exp-1'], timestamp: '2026-01-02T00:00:00Z' }))
    ).toBe(false);
    expect(
      matchesFilter(
        node,
        record({ column_name: 'income', experiment_ids: ['exp-1'], timestamp: '2026-01-01T12:00:00Z' })
      )
    ).toBe(false);
  });
  it('treats an absent field as not matching, and OR as any', () => {
    expect(matchesFilter(parseFilter("a = 'x' OR b = 'y'"), record({ b: 'y' }))).toBe(true);
    expect(matchesFilter(parseFilter("a != 'x'"), record({}))).toBe(false);
  });
});
