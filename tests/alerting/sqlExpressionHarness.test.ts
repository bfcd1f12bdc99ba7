/**
 * The SQL-expression harness behaves as Grafana's SQL expressions do at the edges the 1.x rules
 * rely on (tests/alerting/sql-expression-harness/README.md): string columns become labels and the
 * one numeric column the value; a repeated label set, a second numeric column, a function outside
 * the allow list, a write, or a labelled / multi-frame input is refused; no rows is no data.
 * Runs the real go-mysql-server; needs no stack.
 */
import { toDataFrameDTO, type DataFrameJSON } from '@grafana/data';

import { ensureSqlExpressionHarness } from '../../scripts/setup/sqlExpressionHarness';
import { startSqlExpressionHarness, type SqlExpressionHarness } from './support/sqlExpressionHarness';

let sql: SqlExpressionHarness;
beforeAll(async () => {
  sql = await startSqlExpressionHarness(await ensureSqlExpressionHarness());
}, 15 * 60_000);
afterAll(() => sql?.close());

/** A table frame in the plugin SDK's JSON (what backend plugins such as Infinity send Grafana). */
const table = (refId: string, labels?: Record<string, string>): DataFrameJSON =>
  ({
    schema: {
      refId,
      fields: [
        { name: 'experiment', type: 'string', typeInfo: { frame: 'string' } },
        { name: 'column_name', type: 'string', typeInfo: { frame: 'string' } },
        { name: 'cnt', type: 'number', typeInfo: { frame: 'float64', nullable: true }, ...(labels ? { labels } : {}) },
      ],
    },
    data: {
      values: [
        ['e1', 'e1', 'e2'],
        ['age', 'age', 'age'],
        [1, 2, 4],
      ],
    },
  }) as unknown as DataFrameJSON;
const inputs = { B: [table('B')] };

it('one number per row, labelled by the string columns (format alerting)', async () => {
  const r = await sql.run('S', 'SELECT experiment, SUM(cnt) / 2 AS v FROM B GROUP BY experiment', 'alerting', inputs);
  expect(r.numbers).toEqual([
    { labels: { experiment: 'e1' }, value: 1.5 },
    { labels: { experiment: 'e2' }, value: 2 },
  ]);
  expect(toDataFrameDTO(r.frame).fields.map((f) => f.name)).toEqual(['experiment', 'v']);
});

it('no rows is no data', async () => {
  const r = await sql.run('S', "SELECT experiment, cnt FROM B WHERE experiment = 'none'", 'alerting', inputs);
  expect(r).toMatchObject({ noData: true, numbers: [] });
});

it.each([
  ['a repeated label set', 'SELECT experiment, cnt FROM B', /duplicate label set/],
  [
    'two numeric columns',
    'SELECT experiment, cnt, cnt * 2 AS twice FROM B GROUP BY experiment, cnt',
    /exactly one numeric field/,
  ],
  [
    'a function outside the allow list',
    'SELECT experiment, GREATEST(SUM(cnt), 1) AS v FROM B GROUP BY experiment',
    /blocked function/,
  ],
  ['a write', 'DELETE FROM B', /blocked node/],
  ['a table that is not an input', 'SELECT experiment, SUM(cnt) AS v FROM Z GROUP BY experiment', /table not found/i],
])('refuses %s', async (_what, query, error) => {
  await expect(sql.run('S', query, 'alerting', inputs)).rejects.toThrow(error);
});

it('answers a malformed frame with an error, and keeps serving', async () => {
  const broken = {
    schema: { refId: 'B', fields: [{ name: 'x' }] },
    data: { values: [[1]] },
  } as unknown as DataFrameJSON;
  await expect(sql.run('S', 'SELECT x FROM B', 'alerting', { B: [broken] })).rejects.toThrow(/SQL expression S/);
  await expect(
    sql.run('S', 'SELECT experiment, SUM(cnt) AS v FROM B GROUP BY experiment', 'alerting', inputs)
  ).resolves.toMatchObject({ noData: false });
});

it('refuses inputs it cannot map to one table: labels, or several frames', async () => {
  const q = 'SELECT experiment, SUM(cnt) AS v FROM B GROUP BY experiment';
  await expect(sql.run('S', q, 'alerting', { B: [table('B', { host: 'a' })] })).rejects.toThrow(/labels/);
  await expect(sql.run('S', q, 'alerting', { B: [table('B'), table('B')] })).rejects.toThrow(/more than one dataframe/);
});
