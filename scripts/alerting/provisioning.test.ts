/** @jest-environment node */
/**
 * The alerting provisioning is valid on its own terms: generated files are current, rules carry
 * every key Grafana requires, uids are unique, every data source and dashboard/panel a rule refers to
 * is provisioned, and nothing Grafana would expand from the environment carries a stray `$`.
 * (The rules' queries and expressions are run against Infinity's real backend in tests/alerting.)
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

import { ALERT_FOLDER, GENERATED_FILES, ruleGroups, staleFiles } from './generate';
import { ALERTING_DS_UID, ALERTING_REFRESH_DS_UID, INFINITY_TYPE, INFINITY_VERSION } from './infinity';
import { MLOPS1X_DS_UID, MLOPS1X_REFRESH_DS_UID } from './mlops1xQueries';
import { EXPRESSION_UID, type AlertingFile, type ProvisionedRule } from './model';
import { CONTACT_POINTS, NOTIFICATION_TEMPLATE, TEMPLATE_NAME, WEBHOOK_ENV } from './notifications';
import { DEMO_TARGETS } from './targets';

const root = path.resolve(__dirname, '..', '..');
const readYaml = <T>(file: string) => parse(fs.readFileSync(file, 'utf8')) as T;
const rulesFile = readYaml<AlertingFile>(GENERATED_FILES.rules);
const rules: ProvisionedRule[] = (rulesFile.groups ?? []).flatMap((g) => g.rules);

interface Dashboard {
  uid: string;
  panels: Array<{ id: number; panels?: Dashboard['panels'] }>;
  templating?: { list: Array<{ name: string }> };
}
const dashboardDir = path.join(root, 'provisioning', 'dashboards', 'mlops');
const dashboards = new Map(
  fs
    .readdirSync(dashboardDir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(fs.readFileSync(path.join(dashboardDir, f), 'utf8')) as Dashboard)
    .map((d) => [d.uid, d])
);
const panelIds = (d: Dashboard) => d.panels.flatMap((p) => [p.id, ...(p.panels ?? []).map((c) => c.id)]);

it('the committed files are what scripts/alerting generates', () => {
  expect(staleFiles()).toEqual([]);
});

it('groups live in one folder, with an interval, and rules carry every key Grafana requires', () => {
  expect(rulesFile.apiVersion).toBe(1);
  for (const group of rulesFile.groups ?? []) {
    expect(group).toMatchObject({ orgId: 1, folder: ALERT_FOLDER, interval: expect.stringMatching(/^\d+[ms]$/) });
  }
  for (const rule of rules) {
    expect(Object.keys(rule).sort()).toEqual(
      [
        'annotations',
        'condition',
        'data',
        'execErrState',
        'for',
        'isPaused',
        'labels',
        'noDataState',
        'title',
        'uid',
      ].sort()
    );
    expect(rule.uid).toMatch(/^[a-zA-Z0-9_-]{1,40}$/);
    expect(rule.data.map((q) => q.refId)).toContain(rule.condition);
    expect(['critical', 'warning']).toContain(rule.labels.severity);
    expect(rule.annotations).toEqual(
      expect.objectContaining({ summary: expect.any(String), description: expect.any(String) })
    );
    expect(rule.annotations.runbook_url).toMatch(/^\/d\/mlops-alert-runbook\?viewPanel=panel-\d+$/);
  }
});

it('uids are unique, and titles are unique in the folder', () => {
  const uids = rules.map((r) => r.uid);
  const titles = rules.map((r) => r.title);
  expect(new Set(uids).size).toBe(uids.length);
  expect(new Set(titles).size).toBe(titles.length);
});

it('every per-deployment rule kind exists for every demo target, and the fleet rules once', () => {
  const perTarget = rules.filter((r) => r.labels.deployment_id);
  expect(perTarget).toHaveLength(DEMO_TARGETS.length * 5);
  for (const uid of ['mlops-gateway-unreachable', 'mlops-model-status-failing', 'mlops-model-status-at-risk']) {
    expect(rules.filter((r) => r.uid === uid)).toHaveLength(1);
  }
  // The generator is a pure function of its targets: no target, no per-deployment rule.
  expect(ruleGroups([]).flatMap((g) => g.rules)).toHaveLength(3);
});

it('every data source a rule queries is provisioned, and every query runs on Infinity’s backend parser', () => {
  const sources = readYaml<{ datasources: Array<{ uid: string; type: string }> }>(
    path.join(root, 'provisioning', 'datasources', 'infinity.yaml')
  ).datasources;
  expect(sources.map((s) => s.uid).sort()).toEqual(
    [ALERTING_DS_UID, ALERTING_REFRESH_DS_UID, MLOPS1X_DS_UID, MLOPS1X_REFRESH_DS_UID].sort()
  );
  expect(sources.every((s) => s.type === INFINITY_TYPE)).toBe(true);
  for (const rule of rules) {
    for (const q of rule.data) {
      if (q.datasourceUid === EXPRESSION_UID) {
        expect(q.model).toMatchObject({ type: expect.stringMatching(/^(threshold|math)$/) });
        continue;
      }
      expect(q.datasourceUid).toBe(ALERTING_DS_UID);
      expect(q.relativeTimeRange.from).toBeGreaterThan(q.relativeTimeRange.to);
      expect(q.model).toMatchObject({ parser: 'backend', type: 'json', source: 'url', format: 'table' });
      expect(q.model.url).toMatch(/^\/model-monitoring\/v1\/deployment/);
      expect(String(q.model.root_selector).startsWith('(')).toBe(true);
      const params = (q.model.url_options as { params: Array<{ key: string; value: string }> }).params;
      expect(params).toEqual(
        expect.arrayContaining([
          { key: 'startDateTime', value: '${__timeFrom:date:iso}' },
          { key: 'endDateTime', value: '${__timeTo:date:iso}' },
        ])
      );
    }
  }
});

it('the Infinity data sources allow only their API, deny unsecured queries, and keep secrets secure', () => {
  const sources = readYaml<{
    datasources: Array<{ url: string; jsonData: Record<string, unknown>; secureJsonData: Record<string, string> }>;
  }>(path.join(root, 'provisioning', 'datasources', 'infinity.yaml')).datasources;
  for (const s of sources) {
    expect(['$MLOPS_GATEWAY_URL', '$MLOPS_API_URL']).toContain(s.url);
    expect(s.jsonData.allowedHosts).toEqual([s.url]);
    expect(s.jsonData.unsecuredQueryHandling).toBe('deny');
    expect(JSON.stringify(s.jsonData)).not.toMatch(/SECRET|REFRESH_TOKEN/);
    expect(Object.values(s.secureJsonData).every((v) => v === 'refresh_token' || v.startsWith('$MLOPS_'))).toBe(true);
  }
});

it('every dashboard, panel and variable an alert links to exists', () => {
  for (const rule of rules) {
    const { __dashboardUid__: uid, __panelId__: panel, dashboard_url: url, runbook_url: runbook } = rule.annotations;
    const dashboard = dashboards.get(uid);
    expect({ rule: rule.uid, uid, found: Boolean(dashboard) }).toEqual({ rule: rule.uid, uid, found: true });
    expect(panelIds(dashboard!)).toContain(Number(panel));
    for (const link of [url, runbook].filter(Boolean)) {
      const [, linkUid, query] = /^\/d\/([\w-]+)\?(.*)$/.exec(link) ?? [];
      const target = dashboards.get(linkUid);
      expect({ link, found: Boolean(target) }).toEqual({ link, found: true });
      for (const [key, value] of new URLSearchParams(query)) {
        if (key.startsWith('var-')) {
          expect(target!.templating?.list.map((v) => v.name)).toContain(key.slice(4));
        }
        if (key === 'viewPanel') {
          expect(panelIds(target!)).toContain(Number(value.replace('panel-', '')));
        }
      }
    }
  }
});

it('nothing that Grafana expands from the environment carries a stray $', () => {
  // Grafana expands $VAR in labels, titles and contact points of alerting files (not in query models
  // or annotations), so those hold no $ except the webhook URL's variable.
  for (const rule of rules) {
    expect(JSON.stringify([rule.title, rule.labels])).not.toContain('$');
  }
  const notifications = readYaml<AlertingFile>(GENERATED_FILES.notifications);
  const text = JSON.stringify(notifications).replaceAll(`$${WEBHOOK_ENV}`, '');
  expect(text).not.toContain('$');
});

it('routes on severity to contact points that exist, through a template that shows value and threshold', () => {
  const file = readYaml<{
    contactPoints: Array<{ name: string; receivers: Array<{ settings: Record<string, string> }> }>;
    policies: Array<{ receiver: string; routes: Array<{ receiver: string; object_matchers: string[][] }> }>;
    templates: Array<{ name: string; template: string }>;
  }>(GENERATED_FILES.notifications);
  const names = file.contactPoints.map((c) => c.name);
  expect(names.sort()).toEqual(Object.values(CONTACT_POINTS).sort());
  const [policy] = file.policies;
  expect(names).toContain(policy.receiver);
  expect(policy.routes.map((r) => [r.object_matchers, r.receiver])).toEqual([
    [[['severity', '=', 'critical']], CONTACT_POINTS.critical],
    [[['severity', '=', 'warning']], CONTACT_POINTS.warning],
  ]);
  const defined = [...NOTIFICATION_TEMPLATE.matchAll(/define "([^"]+)"/g)].map((m) => m[1]);
  for (const receiver of file.contactPoints.flatMap((c) => c.receivers)) {
    expect(receiver.settings.url).toBe(`$${WEBHOOK_ENV}`);
    for (const used of [receiver.settings.title, receiver.settings.message]) {
      const [, name] = /template "([^"]+)"/.exec(used) ?? [];
      expect(defined).toContain(name);
      expect(name.startsWith(`${TEMPLATE_NAME}.`)).toBe(true);
    }
  }
  for (const shown of ['.Labels.deployment', '.Labels.model', '.Annotations.value', '.Annotations.threshold']) {
    expect(NOTIFICATION_TEMPLATE).toContain(shown);
  }
  expect(file.templates).toEqual([{ orgId: 1, name: TEMPLATE_NAME, template: NOTIFICATION_TEMPLATE }]);
});

it('the app declares Infinity as a dependency at the tested version, and our data source stays backend-free', () => {
  const app = JSON.parse(fs.readFileSync(path.join(root, 'src', 'plugin.json'), 'utf8'));
  expect(app.dependencies.plugins).toEqual([
    { id: INFINITY_TYPE, type: 'datasource', name: 'Infinity', version: INFINITY_VERSION },
  ]);
  const ds = JSON.parse(fs.readFileSync(path.join(root, 'src', 'datasource', 'plugin.json'), 'utf8'));
  expect(ds.backend).toBeUndefined();
  expect(ds.alerting).toBeUndefined();
  expect(ds.executable).toBeUndefined();
});
