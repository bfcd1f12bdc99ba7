import fs from 'node:fs';
import path from 'node:path';

/**
 * Route templates with the output Go's text/template gives for them as Grafana runs it
 * (`pkg/api/pluginproxy/utils.go` interpolateString over `templateData{JsonData, SecureJsonData}`).
 * tests/integration/goTemplate.test.ts checks the proxy stand-in's evaluator against `expected`;
 * tests/stack/go-template-oracle.test.ts runs every case through Go itself and checks `expected`
 * is what Go says — so these expectations are Go's, not ours.
 */

export interface GoTemplateCase {
  name: string;
  template: string;
  jsonData?: Record<string, unknown>;
  secureJsonData?: Record<string, string>;
  /** The rendered text, or 'error' when Go's Execute fails (Grafana then logs and drops the value). */
  expected: string | 'error';
}

const CC = '{{ if eq .JsonData.authMode "clientCredentials" }}';

export const GO_TEMPLATE_CASES: GoTemplateCase[] = [
  // The identity switch: grant and refresh token chosen by jsonData.authMode.
  {
    name: 'eq: client credentials',
    template: `${CC}cc{{ else }}rt{{ end }}`,
    jsonData: { authMode: 'clientCredentials' },
    expected: 'cc',
  },
  {
    name: 'eq: refresh token',
    template: `${CC}cc{{ else }}rt{{ end }}`,
    jsonData: { authMode: 'refreshToken' },
    expected: 'rt',
  },
  {
    name: 'eq: missing key is false, not an error',
    template: `${CC}cc{{ else }}rt{{ end }}`,
    jsonData: {},
    expected: 'rt',
  },
  { name: 'eq: null is false', template: `${CC}cc{{ else }}rt{{ end }}`, jsonData: { authMode: null }, expected: 'rt' },
  {
    name: 'eq: bool vs string is an error',
    template: `${CC}cc{{ end }}`,
    jsonData: { authMode: true },
    expected: 'error',
  },
  {
    name: 'eq: map vs string is an error',
    template: `${CC}cc{{ end }}`,
    jsonData: { authMode: { a: 1 } },
    expected: 'error',
  },
  {
    name: 'eq: case matters',
    template: `${CC}cc{{ else }}rt{{ end }}`,
    jsonData: { authMode: 'ClientCredentials' },
    expected: 'rt',
  },
  {
    name: 'eq: empty branch renders empty',
    template: `${CC}{{ else }}{{ .SecureJsonData.t }}{{ end }}`,
    jsonData: { authMode: 'clientCredentials' },
    secureJsonData: { t: 'tok' },
    expected: '',
  },
  {
    name: 'eq: else branch prints a secret',
    template: `${CC}{{ else }}{{ .SecureJsonData.t }}{{ end }}`,
    jsonData: { authMode: 'refreshToken' },
    secureJsonData: { t: 'tok' },
    expected: 'tok',
  },
  {
    name: 'eq: else branch, missing secret',
    template: `${CC}{{ else }}{{ .SecureJsonData.t }}{{ end }}`,
    jsonData: {},
    expected: '<no value>',
  },
  { name: 'eq: any of several', template: '{{ eq "a" "b" "a" }}', expected: 'true' },
  { name: 'eq: none of several', template: '{{ eq "a" "b" "c" }}', expected: 'false' },
  {
    name: 'eq: no second argument is an error',
    template: '{{ eq .JsonData.a }}',
    jsonData: { a: 'x' },
    expected: 'error',
  },
  {
    name: 'eq: two missing keys are equal',
    template: '{{ eq .JsonData.p .JsonData.q }}',
    jsonData: {},
    expected: 'true',
  },
  {
    name: 'eq: missing vs map is false',
    template: '{{ eq .JsonData.q .JsonData.m }}',
    jsonData: { m: { x: 1 } },
    expected: 'false',
  },
  {
    name: 'eq: map vs map is an error',
    template: '{{ eq .JsonData.m .JsonData.m }}',
    jsonData: { m: { x: 1 } },
    expected: 'error',
  },
  {
    name: 'eq: map vs slice is an error',
    template: '{{ eq .JsonData.m .JsonData.l }}',
    jsonData: { m: { x: 1 }, l: [1] },
    expected: 'error',
  },
  {
    name: 'eq: bools',
    template: '{{ eq .JsonData.a .JsonData.b }}',
    jsonData: { a: true, b: false },
    expected: 'false',
  },
  {
    name: 'eq: string literal with escapes',
    template: '{{ eq "x\\"y z" .JsonData.a }}',
    jsonData: { a: 'x"y z' },
    expected: 'true',
  },
  {
    name: 'with eq: dot is the bool',
    template: '{{ with eq .JsonData.a "x" }}[{{ . }}]{{ end }}',
    jsonData: { a: 'x' },
    expected: '[true]',
  },
  {
    name: 'with eq false: else',
    template: '{{ with eq .JsonData.a "x" }}[{{ . }}]{{ else }}no{{ end }}',
    jsonData: { a: 'y' },
    expected: 'no',
  },
  // Fields, truth and printing.
  { name: 'field of a missing key is no value', template: '{{ .JsonData.q.x }}', jsonData: {}, expected: '<no value>' },
  { name: 'field of null is an error', template: '{{ .JsonData.n.x }}', jsonData: { n: null }, expected: 'error' },
  { name: 'field of a string is an error', template: '{{ .JsonData.a.x }}', jsonData: { a: 's' }, expected: 'error' },
  { name: 'unknown root field is an error', template: '{{ .Foo }}', expected: 'error' },
  { name: 'nested map field', template: '{{ .JsonData.m.x }}', jsonData: { m: { x: 'deep' } }, expected: 'deep' },
  {
    name: 'with changes dot',
    template: '{{ with .JsonData.m }}{{ .x }}{{ end }}',
    jsonData: { m: { x: 'in' } },
    expected: 'in',
  },
  {
    name: 'if keeps dot',
    template: '{{ if .JsonData.m }}{{ .JsonData.a }}{{ end }}',
    jsonData: { m: { x: 1 }, a: 'kept' },
    expected: 'kept',
  },
  {
    name: 'if: empty map, false, empty slice are false',
    template: '{{ if .JsonData.m }}a{{ end }}{{ if .JsonData.z }}b{{ end }}{{ if .JsonData.l }}c{{ end }}-',
    jsonData: { m: {}, z: false, l: [] },
    expected: '-',
  },
  {
    name: 'if null is false',
    template: '{{ if .JsonData.n }}y{{ else }}n{{ end }}',
    jsonData: { n: null },
    expected: 'n',
  },
  { name: 'prints null as no value', template: '{{ .JsonData.n }}', jsonData: { n: null }, expected: '<no value>' },
  {
    name: 'prints maps and slices as fmt %v',
    template: '{{ .JsonData.m }} {{ .JsonData.l }}',
    jsonData: { m: { b: null, a: 'x', c: { d: false } }, l: ['1', 'a', true] },
    expected: 'map[a:x b:<nil> c:map[d:false]] [1 a true]',
  },
  { name: 'prints a string literal', template: '{{ "lit" }}', expected: 'lit' },
  { name: 'trims whitespace', template: 'a {{- .JsonData.a -}} b', jsonData: { a: 'x' }, expected: 'axb' },
];

/** Every template of the data source's plugin.json routes, rendered for the settings a user can save. */
export function pluginJsonCases(pluginJsonPath: string): Array<Omit<GoTemplateCase, 'expected'>> {
  const plugin = JSON.parse(fs.readFileSync(pluginJsonPath, 'utf8')) as {
    routes: Array<{
      path: string;
      url?: string;
      headers?: Array<{ content: string }>;
      tokenAuth?: { url: string; params: Record<string, string> };
    }>;
  };
  const templates = plugin.routes.flatMap((route) => [
    ...(route.url ? [[`${route.path} url`, route.url]] : []),
    ...(route.headers ?? []).map((h, i) => [`${route.path} header ${i}`, h.content]),
    ...(route.tokenAuth ? [[`${route.path} token url`, route.tokenAuth.url]] : []),
    ...Object.entries(route.tokenAuth?.params ?? {}).map(([k, v]) => [`${route.path} ${k}`, v]),
  ]);
  const settings: Array<[string, Record<string, unknown>, Record<string, string>]> = [
    [
      'refresh token',
      { authMode: 'refreshToken', gatewayUrl: 'http://gw', tokenUrl: 'http://kc/t', clientId: 'c', scope: 'openid' },
      { clientSecret: 's3', refreshToken: 'rt' },
    ],
    [
      'client credentials',
      { authMode: 'clientCredentials', gatewayUrl: 'http://gw', tokenUrl: 'http://kc/t', clientId: 'c', scope: '' },
      { clientSecret: 's3', refreshToken: 'rt' },
    ],
    [
      'legacy, no authMode, public client',
      { gatewayUrl: 'http://gw', tokenUrl: 'http://kc/t', clientId: 'c' },
      { refreshToken: 'rt' },
    ],
    ['nothing saved', {}, {}],
  ];
  return settings.flatMap(([label, jsonData, secureJsonData]) =>
    templates.map(([name, template]) => ({ name: `${label}: ${name}`, template, jsonData, secureJsonData }))
  );
}

export const PLUGIN_JSON = path.resolve(__dirname, '../../src/datasource/plugin.json');
