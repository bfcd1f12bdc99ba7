/**
 * The proxy stand-in renders plugin.json route templates (devtools/grafanaProxy/goTemplate.ts) in
 * TypeScript; Grafana renders them with Go's text/template. Here Go itself is the oracle: a small
 * standard-library program (support/goTemplateOracle, Grafana's interpolateString reproduced
 * line for line) renders every case, and the expectations of tests/support/goTemplateCases.ts and
 * every template of our plugin.json must come out the same. Needs the Go toolchain, as the
 * alerting harness of this suite does; built from the standard library only (no module downloads).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { GoTemplateError, renderGoTemplate } from '../../devtools/grafanaProxy/goTemplate';
import { GO_TEMPLATE_CASES, PLUGIN_JSON, pluginJsonCases, type GoTemplateCase } from '../support/goTemplateCases';

const ORACLE_SOURCES = path.join(__dirname, 'support', 'goTemplateOracle');

let dir: string;
let oracleBin: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'go-template-oracle-'));
  oracleBin = path.join(dir, 'oracle');
  // GOWORK/GOPROXY off: a go.work above must not take part, and nothing is fetched.
  const env = { ...process.env, GOWORK: 'off', GOPROXY: 'off', GOTOOLCHAIN: 'local', GOFLAGS: '-mod=mod' };
  execFileSync('go', ['build', '-o', oracleBin, '.'], { cwd: ORACLE_SOURCES, env, stdio: 'pipe' });
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

type Case = Omit<GoTemplateCase, 'expected'>;

/** Go's rendering of each case: the text, or 'error' when Execute (or Parse) fails. */
function renderWithGo(cases: Case[]): string[] {
  const input = JSON.stringify(
    cases.map((c) => ({ template: c.template, jsonData: c.jsonData ?? {}, secureJsonData: c.secureJsonData ?? {} }))
  );
  const output = execFileSync(oracleBin, { input, encoding: 'utf8' });
  const results = JSON.parse(output) as Array<{ out?: string; error?: string }>;
  expect(results).toHaveLength(cases.length);
  return results.map((r) => (r.error !== undefined ? 'error' : r.out!));
}

function renderWithStandIn(c: Case): string {
  try {
    return renderGoTemplate(c.template, { JsonData: c.jsonData ?? {}, SecureJsonData: c.secureJsonData ?? {} });
  } catch (error) {
    if (error instanceof GoTemplateError) {
      return 'error';
    }
    throw error;
  }
}

it('Go renders every case of the stand-in’s evaluator tests exactly as they expect', () => {
  const byGo = renderWithGo(GO_TEMPLATE_CASES);
  const mismatches = GO_TEMPLATE_CASES.map((c, i) => ({ name: c.name, go: byGo[i], expected: c.expected })).filter(
    (r) => r.go !== r.expected
  );
  expect(mismatches).toEqual([]);
});

it('every plugin.json route template renders the same in Go and in the stand-in, for every auth mode', () => {
  const cases = pluginJsonCases(PLUGIN_JSON);
  expect(cases.length).toBeGreaterThanOrEqual(4 * 8);
  const byGo = renderWithGo(cases);
  const mismatches = cases
    .map((c, i) => ({ name: c.name, go: byGo[i], standIn: renderWithStandIn(c) }))
    .filter((r) => r.go !== r.standIn);
  expect(mismatches).toEqual([]);
  // The cases do exercise both grants.
  const grants = cases.map((c, i) => [c.name, byGo[i]]).filter(([name]) => name.endsWith(' grant_type'));
  // Per auth mode (refreshToken, clientCredentials, absent, unknown), one case per route with tokenAuth.
  const perMode = ['refresh_token', 'client_credentials', 'refresh_token', 'refresh_token'];
  const tokenRoutes = (
    JSON.parse(fs.readFileSync(PLUGIN_JSON, 'utf8')) as { routes: Array<{ tokenAuth?: unknown }> }
  ).routes.filter((route) => route.tokenAuth).length;
  expect(tokenRoutes).toBeGreaterThanOrEqual(1);
  expect(grants.map(([, grant]) => grant)).toEqual(perMode.flatMap((grant) => Array<string>(tokenRoutes).fill(grant)));
});
