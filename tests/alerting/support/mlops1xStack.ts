/**
 * The 1.x alerting tests' world: Infinity's real backend (the Go harness) with an instance per
 * provisioned 1.x Infinity data source — from provisioning/datasources/infinity.yaml with the
 * stack's environment and MLOPS_API_URL pointing at the simulator, whose 1.x routes share its base
 * URL — the SQL-expression engine harness, and direct API reads for the expected values.
 */
import path from 'node:path';

import { ensureInfinityHarness } from '../../../scripts/setup/infinity';
import { ensureSqlExpressionHarness } from '../../../scripts/setup/sqlExpressionHarness';
import { MLOPS1X_DS_UID, MLOPS1X_REFRESH_DS_UID, PAGE_SIZE } from '../../../scripts/alerting/mlops1xQueries';
import type { ProvisionedRule } from '../../../scripts/alerting/model';
import { repoRoot, stackInfo, type StackInfo } from '../../stack/support/stackInfo';
import { gatewayJson, infinityDataSources, instanceSettings } from './alertingStack';
import { startInfinityHarness, type InfinityHarness } from './infinityHarness';
import type { ApiAggregate } from './mlops1xExpected';
import { evaluateRule, provisionedRules, type Evaluation } from './ruleRunner';
import { startSqlExpressionHarness, type SqlExpressionHarness } from './sqlExpressionHarness';

export const MLOPS1X_RULES_FILE = path.join(repoRoot, 'provisioning', 'alerting', 'mlops1x-rules.yaml');

export interface Mlops1xStack {
  info: StackInfo;
  harness: InfinityHarness;
  sql: SqlExpressionHarness;
  rules: ProvisionedRule[];
  /** Evaluates a rule at `now` through Infinity and the SQL engine (stand-in for threshold). */
  evaluate(rule: ProvisionedRule, now: Date, instance?: string): Promise<Evaluation>;
  close(): Promise<void>;
}

export async function startMlops1xStack(): Promise<Mlops1xStack> {
  const info = stackInfo();
  const [infinityBin, sqlBin] = [await ensureInfinityHarness(), await ensureSqlExpressionHarness()];
  const harness = await startInfinityHarness(infinityBin);
  const sql = await startSqlExpressionHarness(sqlBin);
  const sources = infinityDataSources(info, { MLOPS_API_URL: info.simulatorUrl }).filter((ds) =>
    [MLOPS1X_DS_UID, MLOPS1X_REFRESH_DS_UID].includes(ds.uid)
  );
  for (const ds of sources) {
    await harness.newInstance(ds.uid, instanceSettings(ds));
  }
  return {
    info,
    harness,
    sql,
    rules: provisionedRules(MLOPS1X_RULES_FILE).map((r) => r.rule),
    evaluate: (rule, now, instance) => evaluateRule(harness, rule, now, (uid) => instance ?? uid, sql),
    close: async () => {
      await harness.close();
      await sql.close();
    },
  };
}

/** Every page of a 1.x list, read directly (the alerting client's token), as the official client pages. */
export async function listAll(info: StackInfo, listPath: string, params: Record<string, string>, key: string) {
  const items: ApiAggregate[] = [];
  let token = '';
  do {
    const q = new URLSearchParams({ ...params, pageSize: String(PAGE_SIZE), ...(token ? { pageToken: token } : {}) });
    const page = await gatewayJson<Record<string, unknown>>(info, `${listPath}?${q.toString()}`);
    items.push(...((page[key] as ApiAggregate[] | undefined) ?? []));
    token = (page.nextPageToken as string | undefined) ?? '';
  } while (token);
  return items;
}

/** The rule's `filter` on the scoring window, as Infinity renders it for evaluation time `now`. */
export function windowFilter(rule: ProvisionedRule, now: Date): string {
  const b = rule.data.find((q) => q.refId === 'B')!;
  const params = (b.model.url_options as { params: Array<{ key: string; value: string }> }).params;
  const filter = params.find((p) => p.key === 'filter')!.value;
  const iso = (ms: number) => new Date(ms).toISOString();
  return filter
    .replace('${__timeFrom:date:iso}', iso(now.getTime() - b.relativeTimeRange.from * 1000))
    .replace('${__timeTo:date:iso}', iso(now.getTime()));
}

/** The baseline query's filter (logical types), if any. */
export function baselineFilter(rule: ProvisionedRule): Record<string, string> {
  const a = rule.data.find((q) => q.refId === 'A');
  const params = (a?.model.url_options as { params: Array<{ key: string; value: string }> } | undefined)?.params ?? [];
  const filter = params.find((p) => p.key === 'filter')?.value;
  return filter ? { filter } : {};
}
