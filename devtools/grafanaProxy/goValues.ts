/**
 * Go's view of a decoded JSON value, for the route-template evaluator (goTemplate.ts): what
 * text/template prints (`fmt` %v), what counts as true (`exec.go` isTrue) and the builtin `eq`
 * (`funcs.go`). Grafana hands templates `map[string]any` decoded from JSON: strings, bools, nil
 * (JSON null), maps and slices — and the invalid value of a missing map key.
 *
 * NUMBERS are refused: Grafana's simplejson decodes them as `json.Number` (a string kind: printed
 * as written, always true, equal to the string "3"), while data sources loaded as resources carry
 * float64 (printed 1e+06, 0 false, an error against a string) — which one a template sees depends
 * on the Grafana version, so the stand-in cannot promise either. No route of ours reads a number.
 */

/** Raised for templates outside the supported subset (at start) or failing to execute. */
export class GoTemplateError extends Error {}

function refuseNumber(value: unknown): void {
  if (typeof value === 'number') {
    throw new GoTemplateError(
      'a JSON number in a route template (json.Number or float64 depending on the Grafana version) is not supported by the proxy stand-in'
    );
  }
}

/** A missing map key: Go's invalid reflect.Value (prints `<no value>`, false in if/with). */
export const MISSING = Symbol('no value');

/** exec.go isTrue: empty strings, maps, slices, 0, false, nil and missing keys are false. */
export function goTruth(value: unknown): boolean {
  refuseNumber(value);
  if (value === MISSING || value === null || value === undefined) {
    return false;
  }
  if (typeof value === 'string') {
    return value.length > 0;
  }
  if (typeof value === 'boolean') {
    return value;
  }
  if (Array.isArray(value)) {
    return value.length > 0;
  }
  return Object.keys(value as object).length > 0;
}

/** fmt's %v inside a container: nil is `<nil>`, maps print sorted as map[k:v], slices as [a b]. */
function goFormat(value: unknown): string {
  if (value === null || value === undefined || value === MISSING) {
    return '<nil>';
  }
  refuseNumber(value);
  if (typeof value === 'string' || typeof value === 'boolean') {
    return String(value);
  }
  if (Array.isArray(value)) {
    return `[${value.map(goFormat).join(' ')}]`;
  }
  const record = value as Record<string, unknown>;
  const entries = Object.keys(record)
    .sort()
    .map((key) => `${key}:${goFormat(record[key])}`);
  return `map[${entries.join(' ')}]`;
}

/** exec.go printValue: a missing key or nil prints `<no value>`, anything else as fmt's %v. */
export function goPrint(value: unknown): string {
  return value === MISSING || value === null || value === undefined ? '<no value>' : goFormat(value);
}

type BasicKind = 'bool' | 'string' | 'invalid';

/** funcs.go basicKind (JSON values only), plus whether the value is nil/invalid and its reflect kind. */
function describe(value: unknown): { kind: BasicKind; isNil: boolean; reflectKind: string } {
  refuseNumber(value);
  if (value === MISSING || value === null || value === undefined) {
    return { kind: 'invalid', isNil: true, reflectKind: 'invalid' };
  }
  switch (typeof value) {
    case 'boolean':
      return { kind: 'bool', isNil: false, reflectKind: 'bool' };
    case 'string':
      return { kind: 'string', isNil: false, reflectKind: 'string' };
    default:
      return { kind: 'invalid', isNil: false, reflectKind: Array.isArray(value) ? 'slice' : 'map' };
  }
}

/**
 * funcs.go eq: arg1 == any of the others. Different basic kinds compare false when one side is
 * nil/missing and are an error otherwise; maps and slices are not comparable. Returns the Go error
 * text instead of throwing, so the caller can name the template.
 */
export function goEq(first: unknown, others: unknown[]): boolean | string {
  if (others.length === 0) {
    return 'missing argument for comparison';
  }
  const a = describe(first);
  for (const other of others) {
    const b = describe(other);
    let truth = false;
    if (a.kind !== b.kind) {
      if (!a.isNil && !b.isNil) {
        return `incompatible types for comparison: ${a.reflectKind} and ${b.reflectKind}`;
      }
    } else if (a.kind !== 'invalid') {
      truth = first === other;
    } else if (a.reflectKind !== b.reflectKind && !a.isNil && !b.isNil) {
      return 'non-comparable types';
    } else if (a.isNil || b.isNil) {
      truth = a.isNil === b.isNil;
    } else {
      return 'non-comparable type';
    }
    if (truth) {
      return true;
    }
  }
  return false;
}
