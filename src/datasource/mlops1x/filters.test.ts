import { FilterValueError, aggregateFilter, timestampLiteral } from './filters';

describe('1.x filters', () => {
  it('writes the filter the official client sends for column, experiment and range', () => {
    // Captured from h2o-mlops 1.6.5: scoring_aggregates.list(opts, column="age", experiment_uid="exp-1").
    expect(
      aggregateFilter({
        column: 'age',
        experimentId: 'exp-1',
        range: { fromMs: Date.UTC(2026, 0, 1), toMs: Date.UTC(2026, 0, 2) },
      })
    ).toBe(
      "column_name = 'age' AND experiment_ids:'exp-1' AND (timestamp >= timestamp('2026-01-01T00:00:00.000000Z') AND timestamp < timestamp('2026-01-02T00:00:00.000000Z'))"
    );
  });

  it('formats times in UTC with microseconds and leaves out empty terms', () => {
    expect(timestampLiteral(Date.UTC(2026, 4, 6, 7, 8, 9, 123))).toBe("timestamp('2026-05-06T07:08:09.123000Z')");
    expect(aggregateFilter({})).toBeUndefined();
    expect(aggregateFilter({ column: 'age' })).toBe("column_name = 'age'");
  });

  it('refuses values that would break out of the quotes', () => {
    expect(() => aggregateFilter({ column: "x' OR column_name = 'y" })).toThrow(FilterValueError);
    expect(() => aggregateFilter({ experimentId: 'a\\b' })).toThrow(/quote or backslash/);
  });
});
