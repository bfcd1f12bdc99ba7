/** @jest-environment node */
/**
 * The 1.x rules file on its own terms: generated (the stale-file check in provisioning.test.ts
 * covers it), every key Grafana requires, uids and titles unique across both rule files, every
 * query on the 1.x Infinity data source with its backend parser and cursor paging, and SQL that
 * stays inside what Grafana's SQL expressions allow. (Values and firing states: tests/alerting.)
 */
import fs from 'node:fs';
import { parse } from 'yaml';

import { GENERATED_FILES, mlops1xRuleGroups, ruleGroups } from './generate';
import { CURSOR_PATH, MLOPS1X_DS_UID } from './mlops1xQueries';
import { MLOPS1X_DEMO_TARGETS } from './mlops1xTargets';
import { EXPRESSION_UID, type AlertingFile, type ProvisionedRule } from './model';

const file = parse(fs.readFileSync(GENERATED_FILES.mlops1xRules, 'utf8')) as AlertingFile;
const rules: ProvisionedRule[] = (file.groups ?? []).flatMap((g) => g.rules);

/** Functions on the allow list of Grafana's oldest SQL-expression release that the rules may use. */
const ALLOWED_FUNCTIONS = new Set(['if', 'coalesce', 'sum', 'max', 'abs', 'log']);

it('has four rules per monitored 1.x deployment, and nothing without targets', () => {
  expect(rules).toHaveLength(MLOPS1X_DEMO_TARGETS.length * 4);
  expect(mlops1xRuleGroups([]).flatMap((g) => g.rules)).toHaveLength(0);
});

it('uids and titles are unique across the legacy and the 1.x rules', () => {
  const all = [...ruleGroups().flatMap((g) => g.rules), ...rules];
  expect(new Set(all.map((r) => r.uid)).size).toBe(all.length);
  expect(new Set(all.map((r) => r.title)).size).toBe(all.length);
  for (const r of rules) {
    expect(r.uid).toMatch(/^[a-zA-Z0-9_-]{1,40}$/);
    expect(JSON.stringify([r.title, r.labels])).not.toContain('$');
    expect(r.data.map((q) => q.refId)).toContain(r.condition);
    expect(r.labels).toMatchObject({ mlops_api: '1.x', severity: expect.stringMatching(/^(critical|warning)$/) });
  }
});

it('queries use the 1.x data source’s backend parser, paging lists with a cursor that survives an absent token', () => {
  for (const r of rules) {
    for (const q of r.data.filter((d) => d.datasourceUid !== EXPRESSION_UID)) {
      expect(q.datasourceUid).toBe(MLOPS1X_DS_UID);
      expect(q.model).toMatchObject({ parser: 'backend', type: 'json', source: 'url', format: 'table' });
      expect(String(q.model.url)).toMatch(/^\/(deployer|monitoring)\/v2\/workspaces\/[^/]+\/deployments\/[^/]+/);
      expect(String(q.model.root_selector).startsWith('(')).toBe(true);
      if (String(q.model.url).startsWith('/monitoring/')) {
        expect(q.model).toMatchObject({
          pagination_mode: 'cursor',
          pagination_param_cursor_extraction_path: CURSOR_PATH,
        });
      }
    }
  }
});

it('SQL expressions are read-only SELECTs with alerting format, using only allowed functions', () => {
  const sqls = rules.flatMap((r) => r.data.filter((q) => q.model.type === 'sql'));
  expect(sqls.length).toBeGreaterThan(0);
  for (const q of sqls) {
    expect(q.model.format).toBe('alerting');
    const text = String(q.model.expression);
    expect(text).toMatch(/^(WITH|SELECT)\b/);
    expect(text).not.toMatch(/\b(INSERT|UPDATE|DELETE|CREATE|DROP|ALTER|SET)\b/);
    const functions = [...text.matchAll(/\b([A-Za-z_]+)\s*\(/g)].map((m) => m[1].toLowerCase());
    const keywords = new Set(['as', 'in', 'from', 'join', 'on', 'and', 'or', 'select', 'where', 'union']);
    for (const f of functions.filter((x) => !keywords.has(x))) {
      // CTE names (`w AS (`) are caught by the keyword list; everything else called must be allowed.
      expect({ f, allowed: ALLOWED_FUNCTIONS.has(f) }).toEqual({ f, allowed: true });
    }
  }
});
