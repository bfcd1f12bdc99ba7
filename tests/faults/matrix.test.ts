/** @jest-environment node */
import '../support/nodeGlobals';

import { expectedFaultedRequests, expectedOutcome } from './support/expected';
import { startFaultGateway, type FaultGateway } from './support/faultGateway';
import { FAULTS, type FaultClass } from './support/faults';
import { OutcomeKind, formatMatrix, kindOf } from './support/report';
import { ROWS, isListRow, type Row } from './support/rows';
import { dataSourceFor, nonFiniteValues, runQuery, targetsFor, type TargetOutcome } from './support/runCell';

/**
 * The fault matrix (issue #9): every endpoint family of the legacy gateway × every fault class,
 * through the data source's real query() over HTTP against a gateway that breaks on request
 * (Grafana's proxy replaced by a URL rewrite — see support/runCell.ts). Each cell asserts the exact
 * outcome of the faulted target (the whole message, or every value and notice), that a sibling
 * target of the same request keeps its data unchanged, that a fan-out over both deployments keeps
 * the sibling's frames beside an error naming the faulted part, how many requests the fault saw
 * (retries bounded, no retry of other statuses), and that no number is non-finite. The matrix is
 * printed after the run.
 */

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
process.on('unhandledRejection', onUnhandled);

interface CellResult {
  outcomes?: Record<string, TargetOutcome>;
  crash?: string;
  faulted: number;
}

let gateway: FaultGateway;
const baselines = new Map<string, Record<string, TargetOutcome>>();
const results = new Map<string, CellResult>();
const key = (fault: FaultClass, row: Row) => `${fault.name} | ${row.name}`;
const rowsFor = (fault: FaultClass) => ROWS.filter((row) => !fault.pagedOnly || row.paged);

/** Runs `work` over `items`, at most `limit` at a time. */
async function pool<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: Math.min(limit, queue.length) }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) {
        await work(item);
      }
    })
  );
}

async function runCell(id: string, fault: FaultClass, row: Row): Promise<CellResult> {
  gateway.addCell(id, row.endpoint, fault.respond);
  if (fault.prepare) {
    fault.prepare(row.endpoint);
    await new Promise((resolve) => setImmediate(resolve));
  }
  try {
    const ds = dataSourceFor(gateway, id, { timeoutSeconds: fault.timeoutSeconds });
    const outcomes = await runQuery(ds, targetsFor(row));
    return { outcomes, faulted: gateway.counts(id).faulted };
  } catch (error) {
    return { crash: String(error instanceof Error ? error.stack : error), faulted: gateway.counts(id).faulted };
  }
}

beforeAll(async () => {
  gateway = await startFaultGateway();
  for (const [i, row] of ROWS.entries()) {
    const id = `baseline-${i}`;
    gateway.addCell(id, row.endpoint, () => 'real');
    baselines.set(row.name, await runQuery(dataSourceFor(gateway, id), targetsFor(row)));
  }
  let n = 0;
  for (const fault of FAULTS) {
    await pool(rowsFor(fault), fault.heavy ? 1 : ROWS.length, async (row) => {
      results.set(key(fault, row), await runCell(`cell-${n++}`, fault, row));
    });
  }
}, 240_000);

afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  await gateway?.close();
  const matrix = formatMatrix(
    FAULTS.map((f) => f.name),
    ROWS.map((r) => r.name),
    (faultName, rowName) => {
      const fault = FAULTS.find((f) => f.name === faultName)!;
      const row = ROWS.find((r) => r.name === rowName)!;
      if (!rowsFor(fault).includes(row)) {
        return OutcomeKind.NotApplicable;
      }
      const result = results.get(key(fault, row));
      return kindOf(result?.outcomes?.Q0, baselines.get(row.name)!.Q0);
    }
  );
  process.stdout.write(`\n${matrix}`);
  // A rejection after the last test (e.g. of an aborted request) still fails the suite.
  if (unhandled.length > 0) {
    throw new Error(`unhandled promise rejections: ${unhandled.map(String).join('; ')}`);
  }
});

it('the gateway without faults answers every row with the fixtures’ exact values', () => {
  const q0 = (row: string) => baselines.get(row)!.Q0;
  expect(q0('health summary')).toEqual({
    frames: [
      expect.objectContaining({ fields: { total_predictions: [17670], scoring_latency_ms: [1.756577830589034] } }),
    ],
    error: undefined,
  });
  expect(q0('predictions over time').frames[0].fields.predictions).toEqual([0, 0, 0, 17670]);
  expect(q0('deployment list').frames[0].fields.id).toEqual(['target', 'sibling']);
  expect(q0('operational summary').frames[0].fields).toEqual({ uptime: [99.95], avg_scoring_latency_ms: [12.5] });
  expect(q0('feature frequency').frames[0].fields.count).toEqual([12, 30]);
  for (const row of ROWS) {
    const baseline = baselines.get(row.name)!;
    expect(Object.values(baseline).map((o) => o.error)).toEqual(Object.values(baseline).map(() => undefined));
    expect(baseline.Q0.frames.length).toBeGreaterThan(0);
    expect(baseline.Q1.frames.length).toBeGreaterThan(0);
  }
});

describe.each(FAULTS.map((fault) => ({ fault, name: fault.name })))('$name', ({ fault }) => {
  it.each(rowsFor(fault).map((row) => ({ row, name: row.name })))('on $name', ({ row }) => {
    const result = results.get(key(fault, row))!;
    expect(result.crash).toBeUndefined();
    const outcomes = result.outcomes!;
    const baseline = baselines.get(row.name)!;
    const expected = expectedOutcome(row, fault.name, baseline.Q0.frames);

    // The faulted target: exactly the expected message, or exactly the expected frames.
    expect(outcomes.Q0).toEqual(
      expected.kind === 'error'
        ? { frames: [], error: expected.message }
        : { frames: expected.frames, error: undefined }
    );
    // The sibling target of the same request: unchanged.
    expect(outcomes.Q1).toEqual(baseline.Q1);
    // The fan-out over both deployments keeps the sibling's part and names the faulted one.
    if (!isListRow(row)) {
      expect(outcomes.Q2).toEqual(
        expected.kind === 'error'
          ? {
              frames: baseline.Q1.frames,
              error: `Partial result: 1 part of this query failed, the rest is shown. — deployment "target": ${expected.message}`,
            }
          : { frames: [...expected.frames, ...baseline.Q1.frames], error: undefined }
      );
    }
    expect(nonFiniteValues(outcomes)).toEqual([]);
    expect(result.faulted).toBe(expectedFaultedRequests(fault.name));
  });
});

it('no promise rejection went unhandled', () => {
  expect(unhandled).toEqual([]);
});
