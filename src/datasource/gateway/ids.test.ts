import { printableId, unsafeIdReason } from './ids';

/** Ids become path segments that Grafana's proxy forwards verbatim with the bearer token. */
describe('unsafeIdReason', () => {
  it.each([
    ['.', 'it is a relative path segment'],
    ['..', 'it is a relative path segment'],
    [' .. ', 'it is a relative path segment'],
    ['%2e%2e', 'it decodes to the relative path segment ".."'],
    ['%2E%2e', 'it decodes to the relative path segment ".."'],
    ['.%2e', 'it decodes to the relative path segment ".."'],
    ['%252e%252e', 'it decodes to the relative path segment ".."'],
    ['%25252e%25252e', 'it decodes to the relative path segment ".."'],
    ['%2e', 'it decodes to the relative path segment "."'],
    ['\uff0e\uff0e', 'it decodes to the relative path segment ".."'],
    ['../admin', 'it contains the relative path segment ".."'],
    ['a/../b', 'it contains the relative path segment ".."'],
    ['a\\..\\b', 'it contains the relative path segment ".."'],
    ['./x', 'it contains the relative path segment "."'],
    ['..%2Fadmin', 'it decodes to a path with the relative path segment ".."'],
    ['..%5Cadmin', 'it decodes to a path with the relative path segment ".."'],
    ['%2e%2e%2f%2e%2e%2fdeployer', 'it decodes to a path with the relative path segment ".."'],
    ['..%252Fadmin', 'it decodes to a path with the relative path segment ".."'],
    ['dep-1\u001fdep-2', 'it contains a control character'],
    ['dep\n1', 'it contains a control character'],
    ['dep\r1', 'it contains a control character'],
    ['dep\u0000', 'it contains a control character'],
    ['dep\u007f', 'it contains a control character'],
    ['dep\u0085', 'it contains a control character'],
    ['dep%1F1', 'it contains a control character'],
    ['dep%25001', 'it contains a control character'],
    // An invalid escape elsewhere does not stop the valid ones from being decoded.
    ['%zz/%2e%2e', 'it decodes to a path with the relative path segment ".."'],
  ])('%j is rejected: %s', (id, reason) => {
    expect(unsafeIdReason(id)).toBe(reason);
  });

  it.each([
    'a..b',
    '...',
    '.hidden',
    'model:1.2',
    'loan-default-dnn:1',
    'e3b0c442-98fc-1c14-9afb-f4c8996fb924',
    'a/b',
    '%2e%2e%2e',
    '%zz%2e%2e',
    '100%',
    'name with spaces',
    'ünïcödé',
    // Decoding stops after 3 rounds: the 4th would give "..", which no router decodes that often.
    '%2525252e%2525252e',
  ])('%j is sent', (id) => {
    expect(unsafeIdReason(id)).toBeUndefined();
  });
});

describe('printableId', () => {
  it('shows control characters as escapes and cuts long ids', () => {
    expect(printableId('a\u001fb\nc')).toBe('a\\u001fb\\u000ac');
    expect(printableId('x'.repeat(100))).toBe(`${'x'.repeat(80)}…`);
    expect(printableId('x'.repeat(80))).toBe('x'.repeat(80));
    expect(printableId('x'.repeat(81))).toBe(`${'x'.repeat(80)}…`);
  });
});
