/**
 * Evaluates one provisioned alert rule the way Grafana's alert evaluator does: the rule's data
 * queries run through Infinity's REAL backend (the Go harness), with the rule's relative time range
 * at the evaluation time; the expressions run in the expression engine STAND-IN; the condition's
 * numbers become alert instances, and no data / query errors map through the rule's
 * `noDataState` / `execErrState`. Pending periods (`for`) are not modelled: a "firing" instance
 * here is one whose condition holds at this evaluation.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { DataFrame, DataFrameJSON } from '@grafana/data';
import { parse } from 'yaml';

import { EXPRESSION_UID, type ProvisionedRule, type RuleGroup } from '../../../scripts/alerting/model';
import { repoRoot } from '../../stack/support/stackInfo';
import {
  framesToNumbers,
  math,
  threshold,
  type Labels,
  type MathModel,
  type NumberSet,
  type ThresholdModel,
} from './expressionsStandIn';
import type { InfinityHarness } from './infinityHarness';
import type { SqlExpressionHarness } from './sqlExpressionHarness';

interface SqlModel {
  type: 'sql';
  expression: string;
  format?: string;
}

export const RULES_FILE = path.join(repoRoot, 'provisioning', 'alerting', 'mlops-rules.yaml');

/** Every provisioned rule with its group. */
export function provisionedRules(file = RULES_FILE): Array<{ group: RuleGroup; rule: ProvisionedRule }> {
  const doc = parse(fs.readFileSync(file, 'utf8')) as { groups: RuleGroup[] };
  return doc.groups.flatMap((group) => group.rules.map((rule) => ({ group, rule })));
}

export interface Instance {
  labels: Labels;
  /** Whether the condition holds. */
  firing: boolean;
  /** The value of every query and expression for this instance's labels (where one exists). */
  values: Record<string, number | null>;
}

export type Evaluation =
  | { kind: 'values'; instances: Instance[]; frames: Record<string, DataFrame[]> }
  | { kind: 'nodata'; state: ProvisionedRule['noDataState']; frames: Record<string, DataFrame[]> }
  | { kind: 'error'; state: ProvisionedRule['execErrState']; error: string };

/** The harness instance name per data-source uid (created by the caller). */
export type InstanceFor = (datasourceUid: string) => string;

export async function evaluateRule(
  harness: InfinityHarness,
  rule: ProvisionedRule,
  now: Date,
  instanceFor: InstanceFor = (uid) => uid,
  /** Runs `sql` expressions on the real engine (Grafana's go-mysql-server); required by rules that have them. */
  sql?: SqlExpressionHarness
): Promise<Evaluation> {
  const queries = rule.data.filter((q) => q.datasourceUid !== EXPRESSION_UID);
  const byInstance = new Map<string, typeof queries>();
  for (const q of queries) {
    const name = instanceFor(q.datasourceUid);
    byInstance.set(name, [...(byInstance.get(name) ?? []), q]);
  }
  const frames: Record<string, DataFrame[]> = {};
  const json: Record<string, DataFrameJSON[]> = {};
  for (const [instance, qs] of byInstance) {
    const results = await harness.query(
      instance,
      qs.map((q) => ({ refId: q.refId, relativeTimeRange: q.relativeTimeRange, model: q.model })),
      { now }
    );
    for (const q of qs) {
      const r = results[q.refId];
      if (!r || r.error) {
        return { kind: 'error', state: rule.execErrState, error: r?.error ?? `no response for ${q.refId}` };
      }
      frames[q.refId] = r.frames;
      json[q.refId] = r.json;
    }
  }
  const vars: Record<string, NumberSet> = {};
  const tablesOnly = sqlOnlyInputs(rule);
  for (const q of rule.data) {
    if (q.datasourceUid !== EXPRESSION_UID) {
      // Results that only SQL expressions read stay tables (Grafana's handleSqlInput), never numbers.
      if (!tablesOnly.has(q.refId)) {
        vars[q.refId] = framesToNumbers(q.refId, frames[q.refId]);
      }
      continue;
    }
    const model = q.model as unknown as ThresholdModel | MathModel | SqlModel;
    if (model.type === 'sql') {
      if (!sql) {
        throw new Error(`${rule.uid}: a sql expression needs the SQL expression harness`);
      }
      try {
        const result = await sql.run(q.refId, model.expression, model.format, json);
        frames[q.refId] = [result.frame];
        vars[q.refId] = result.numbers;
      } catch (e) {
        // Grafana reports a failing expression as the rule's execution error.
        return { kind: 'error', state: rule.execErrState, error: e instanceof Error ? e.message : String(e) };
      }
    } else if (model.type === 'threshold') {
      vars[q.refId] = threshold(model, vars[model.expression] ?? missing(model.expression));
    } else if (model.type === 'math') {
      vars[q.refId] = math(model, vars);
    } else {
      throw new Error(`${rule.uid}: expression type ${(model as { type: string }).type} is not in the stand-in`);
    }
  }
  const condition = vars[rule.condition] ?? missing(rule.condition);
  if (condition.length === 0) {
    return { kind: 'nodata', state: rule.noDataState, frames };
  }
  const key = (l: Labels) => JSON.stringify(Object.entries(l).sort());
  const instances = condition.map((c) => ({
    labels: c.labels,
    firing: c.value !== null && c.value !== 0,
    values: Object.fromEntries(
      Object.entries(vars).flatMap(([refId, set]) => {
        const match = set.find((i) => key(i.labels) === key(c.labels));
        return match ? [[refId, match.value]] : [];
      })
    ),
  }));
  return { kind: 'values', instances, frames };
}

/**
 * Data-source refIds that no threshold or math expression and not the condition reads — in our
 * rules, the inputs of SQL expressions. (Grafana decides per consumer; this is the same for rules
 * whose SQL inputs feed nothing else, as ours do.)
 */
function sqlOnlyInputs(rule: ProvisionedRule): Set<string> {
  const expressions = rule.data.filter((q) => q.datasourceUid === EXPRESSION_UID);
  if (!expressions.some((q) => q.model.type === 'sql')) {
    return new Set();
  }
  const readElsewhere = new Set<string>([rule.condition]);
  for (const q of expressions.filter((e) => e.model.type !== 'sql')) {
    for (const m of String(q.model.expression).matchAll(/\$?\{?([A-Za-z]\w*)\}?/g)) {
      readElsewhere.add(m[1]);
    }
  }
  return new Set(
    rule.data.filter((q) => q.datasourceUid !== EXPRESSION_UID && !readElsewhere.has(q.refId)).map((q) => q.refId)
  );
}

function missing(refId: string): never {
  throw new Error(`refId ${refId} is not defined before it is used`);
}

/** Firing instances' labels, for compact assertions. */
export const firingLabels = (e: Evaluation): Labels[] =>
  e.kind === 'values' ? e.instances.filter((i) => i.firing).map((i) => i.labels) : [];
