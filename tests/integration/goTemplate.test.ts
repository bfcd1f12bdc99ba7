/** @jest-environment node */
import { GoTemplateError, renderGoTemplate } from '../../devtools/grafanaProxy/goTemplate';
import { GO_TEMPLATE_CASES } from '../support/goTemplateCases';

/**
 * The proxy stand-in's route-template evaluator (devtools/grafanaProxy/goTemplate.ts) against
 * what Go's text/template renders — the expectations are checked against Go itself in
 * tests/stack/go-template-oracle.test.ts.
 */

function render(template: string, jsonData: Record<string, unknown> = {}, secureJsonData: Record<string, string> = {}) {
  try {
    return renderGoTemplate(template, { JsonData: jsonData, SecureJsonData: secureJsonData });
  } catch (error) {
    if (error instanceof GoTemplateError) {
      return 'error';
    }
    throw error;
  }
}

describe('Go template evaluator of the proxy stand-in (Go text/template semantics)', () => {
  it.each(GO_TEMPLATE_CASES)('$name', ({ template, jsonData, secureJsonData, expected }) => {
    expect(render(template, jsonData, secureJsonData)).toBe(expected);
  });

  it.each([
    ['a pipe', '{{ .JsonData.a | urlquery }}'],
    ['another function', '{{ if ne .JsonData.a "x" }}y{{ end }}'],
    ['a number literal', '{{ eq .JsonData.a 3 }}'],
    ['else if', '{{ if .JsonData.a }}x{{ else if .JsonData.b }}y{{ end }}'],
    ['a missing end', '{{ with .JsonData.a }}x'],
    ['a stray end', 'x{{ end }}'],
    ['an unclosed action', '{{ .JsonData.a'],
    ['a comment', '{{/* c */}}'],
    ['a variable', '{{ $x := .JsonData.a }}'],
  ])('refuses %s up front instead of rendering it differently from Go', (_name, template) => {
    expect(() => renderGoTemplate(template, { JsonData: { a: 'x' }, SecureJsonData: {} })).toThrow(GoTemplateError);
  });

  it.each(['{{ .JsonData.n }}', '{{ if .JsonData.n }}y{{ end }}', '{{ eq .JsonData.n "30" }}', '{{ .JsonData.m }}'])(
    'refuses to print, test or compare a JSON number (json.Number or float64 depending on the Grafana version): %s',
    (template) => {
      const data = { JsonData: { n: 30, m: { k: 0 } }, SecureJsonData: {} };
      expect(() => renderGoTemplate(template, data)).toThrow(/JSON number/);
    }
  );
});
