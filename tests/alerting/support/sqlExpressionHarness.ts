/**
 * Client for tests/alerting/sql-expression-harness: Grafana's SQL-expression engine (dolthub's
 * go-mysql-server, as Grafana embeds it) run by a Go binary (built by
 * scripts/setup/sqlExpressionHarness.ts), spoken to over JSON lines. Input frames go in as the
 * plugin SDK's JSON (what the Infinity harness returns); the result comes back as a frame and, for
 * `format: alerting`, as Grafana's number set (one number per row, string columns as labels).
 */
import { spawn } from 'node:child_process';
import readline from 'node:readline';

import { dataFrameFromJSON, type DataFrame, type DataFrameJSON } from '@grafana/data';

import type { NumberSet } from './expressionsStandIn';

export interface SqlExpressionResult {
  frame: DataFrame;
  /** `format: alerting` only: one number per row; empty when the result has no rows (no data). */
  numbers: NumberSet;
  noData: boolean;
}

export interface SqlExpressionHarness {
  /** Runs one SQL expression over the inputs (refId → frames); rejects with the engine's error. */
  run(
    refId: string,
    expression: string,
    format: string | undefined,
    inputs: Record<string, DataFrameJSON[]>
  ): Promise<SqlExpressionResult>;
  close(): Promise<void>;
}

interface Wire {
  id: string;
  frame?: DataFrameJSON;
  numbers?: Array<{ labels: Record<string, string>; value: number | null }>;
  noData?: boolean;
  error?: string;
}

export async function startSqlExpressionHarness(bin: string): Promise<SqlExpressionHarness> {
  const child = spawn(bin, [], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr = (stderr + c).slice(-8000)));
  const pending = new Map<string, { resolve: (w: Wire) => void; reject: (e: Error) => void }>();
  let exitReason: string | undefined;
  const exited = new Promise<void>((resolve) =>
    child.on('exit', (code) => {
      exitReason = `sql-expression-harness exited with ${code}\n${stderr}`;
      for (const p of pending.values()) {
        p.reject(new Error(exitReason));
      }
      pending.clear();
      resolve();
    })
  );
  child.stdin.on('error', () => undefined);
  readline.createInterface({ input: child.stdout }).on('line', (line) => {
    const msg = JSON.parse(line) as Wire;
    pending.get(msg.id)?.resolve(msg);
    pending.delete(msg.id);
  });
  await new Promise<void>((resolve, reject) => {
    child.once('spawn', resolve);
    child.once('error', reject);
  });
  let next = 0;
  return {
    async run(refId, expression, format, inputs) {
      const id = String(++next);
      const msg = await new Promise<Wire>((resolve, reject) => {
        if (exitReason) {
          reject(new Error(exitReason));
          return;
        }
        pending.set(id, { resolve, reject });
        child.stdin.write(`${JSON.stringify({ id, refId, expression, format, inputs })}\n`);
      });
      if (msg.error !== undefined) {
        throw new Error(`SQL expression ${refId}: ${msg.error}`);
      }
      const frame = dataFrameFromJSON(msg.frame!);
      const numbers = (msg.numbers ?? []).map((n) => ({ labels: n.labels, value: n.value }));
      return { frame, numbers, noData: Boolean(msg.noData) };
    },
    async close() {
      child.stdin.end();
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
