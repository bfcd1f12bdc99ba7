/**
 * Route templates, rendered as Grafana renders them: `interpolateString` in Grafana's
 * `pkg/api/pluginproxy/utils.go` runs Go's `text/template` (default options, so a missing map key
 * is the invalid value) over `templateData{ JsonData map[string]any; SecureJsonData
 * map[string]string }` of the data source. This is the subset data-source routes use (see
 * {@link parseGoTemplate}), evaluated with Go's rules (`text/template/exec.go` evalField/isTrue,
 * `funcs.go` eq, `fmt` %v printing). Anything else is refused up front, so this never silently
 * differs from Grafana; tests/integration/goTemplateOracle.test.ts compares it with Go itself.
 */

import { GoTemplateError, goEq, goPrint, goTruth, MISSING } from './goValues';

export { GoTemplateError } from './goValues';

/** An argument: `.A.b` (a field chain), `.` (dot), or a double-quoted string literal. */
type Operand = { kind: 'field'; fields: string[] } | { kind: 'dot' } | { kind: 'string'; value: string };
/** A pipeline: one operand, or a call of the builtin `eq` on operands. */
type Pipeline = Operand | { kind: 'eq'; args: Operand[] };

type Node =
  | { kind: 'text'; text: string }
  | { kind: 'print'; pipeline: Pipeline }
  | { kind: 'with' | 'if'; pipeline: Pipeline; body: Node[]; otherwise: Node[] };

const FIELD_CHAIN = /^(\.[A-Za-z_][A-Za-z0-9_]*)+$/;

function parseOperand(word: string, template: string): Operand {
  if (word === '.') {
    return { kind: 'dot' };
  }
  if (FIELD_CHAIN.test(word)) {
    return { kind: 'field', fields: word.slice(1).split('.') };
  }
  if (word.startsWith('"')) {
    try {
      // Go's interpreted string literal; JSON's escapes are the subset both share (\x… is refused).
      const value: unknown = JSON.parse(word);
      if (typeof value === 'string') {
        return { kind: 'string', value };
      }
    } catch {
      // falls through to the refusal below
    }
  }
  throw new GoTemplateError(`unsupported template operand "${word}" in "${template}"`);
}

function parsePipeline(source: string, template: string): Pipeline {
  const words: string[] = [];
  const word = /\s*("(?:[^"\\]|\\.)*"|[^\s"]+)/y;
  let match: RegExpExecArray | null;
  let end = 0;
  while ((match = word.exec(source)) !== null) {
    words.push(match[1]);
    end = word.lastIndex;
  }
  if (source.slice(end).trim() !== '' || words.length === 0) {
    throw new GoTemplateError(`unsupported template pipeline "${source.trim()}" in "${template}"`);
  }
  if (words[0] === 'eq') {
    return { kind: 'eq', args: words.slice(1).map((w) => parseOperand(w, template)) };
  }
  if (words.length !== 1) {
    throw new GoTemplateError(`unsupported template pipeline "${source.trim()}" in "${template}"`);
  }
  return parseOperand(words[0], template);
}

type Token = { text: string } | { action: string };

function tokenize(template: string): Token[] {
  const tokens: Token[] = [];
  let rest = template;
  while (rest.length > 0) {
    const open = rest.indexOf('{{');
    if (open < 0) {
      tokens.push({ text: rest });
      break;
    }
    let text = rest.slice(0, open);
    const close = rest.indexOf('}}', open + 2);
    if (close < 0) {
      throw new GoTemplateError(`unclosed action in "${template}"`);
    }
    let action = rest.slice(open + 2, close);
    let after = rest.slice(close + 2);
    if (/^-\s/.test(action)) {
      text = text.replace(/\s+$/, '');
      action = action.slice(1);
    }
    if (/\s-$/.test(action)) {
      after = after.replace(/^\s+/, '');
      action = action.slice(0, -1);
    }
    if (text) {
      tokens.push({ text });
    }
    tokens.push({ action: action.trim() });
    rest = after;
  }
  return tokens;
}

/**
 * Parses the subset of Go's text/template that data-source routes use: text, `{{ .A.b }}`,
 * `{{ . }}`, `{{ "literal" }}`, `{{ with P }}…{{ else }}…{{ end }}`, `{{ if P }}…{{ else }}…{{ end }}`
 * where P is an operand or `eq A B…` (e.g. `{{ if eq .JsonData.authMode "clientCredentials" }}`),
 * and the `{{-`/`-}}` whitespace trimming. Anything else throws GoTemplateError.
 */
export function parseGoTemplate(template: string): Node[] {
  const tokens = tokenize(template);
  let pos = 0;
  const parseList = (stopAt: string[]): { nodes: Node[]; stop?: string } => {
    const nodes: Node[] = [];
    while (pos < tokens.length) {
      const token = tokens[pos++];
      if ('text' in token) {
        nodes.push({ kind: 'text', text: token.text });
        continue;
      }
      const [word, ...args] = token.action.split(/\s+/);
      if (stopAt.includes(word) && args.length === 0) {
        return { nodes, stop: word };
      }
      if (word === 'with' || word === 'if') {
        const pipeline = parsePipeline(token.action.slice(word.length), template);
        const body = parseList(['else', 'end']);
        const tail = body.stop === 'else' ? parseList(['end']) : { nodes: [], stop: body.stop };
        if (tail.stop !== 'end') {
          throw new GoTemplateError(`missing {{ end }} in "${template}"`);
        }
        nodes.push({ kind: word, pipeline, body: body.nodes, otherwise: tail.nodes });
        continue;
      }
      if (word === 'end' || word === 'else') {
        throw new GoTemplateError(`unexpected {{ ${token.action} }} in "${template}"`);
      }
      nodes.push({ kind: 'print', pipeline: parsePipeline(token.action, template) });
    }
    return { nodes };
  };
  const { nodes, stop } = parseList([]);
  if (stop) {
    throw new GoTemplateError(`unexpected {{ ${stop} }} in "${template}"`);
  }
  return nodes;
}

interface Scope {
  root: TemplateData;
  template: string;
}

/** exec.go evalField: a missing key stays "no value"; a field of nil or of a non-map fails. */
function evalOperand(operand: Operand, dot: unknown, scope: Scope): unknown {
  if (operand.kind === 'dot') {
    return dot;
  }
  if (operand.kind === 'string') {
    return operand.value;
  }
  let value: unknown = dot;
  for (const field of operand.fields) {
    if (value === MISSING) {
      continue; // Go: the invalid value's fields are the invalid value
    }
    if (value === null) {
      throw new GoTemplateError(`nil pointer evaluating interface {}.${field} in "${scope.template}"`);
    }
    if (value === scope.root && field !== 'JsonData' && field !== 'SecureJsonData') {
      throw new GoTemplateError(`can't evaluate field ${field} in type pluginproxy.templateData`);
    }
    if (typeof value !== 'object' || Array.isArray(value)) {
      throw new GoTemplateError(`can't evaluate field ${field} in "${scope.template}"`);
    }
    const record = value as Record<string, unknown>;
    value = Object.prototype.hasOwnProperty.call(record, field) ? record[field] : MISSING;
  }
  return value;
}

function evalPipeline(pipeline: Pipeline, dot: unknown, scope: Scope): unknown {
  if (pipeline.kind !== 'eq') {
    return evalOperand(pipeline, dot, scope);
  }
  const [first, ...rest] = pipeline.args.map((arg) => evalOperand(arg, dot, scope));
  const result = goEq(first, rest);
  if (typeof result === 'string') {
    throw new GoTemplateError(`error calling eq: ${result} in "${scope.template}"`);
  }
  return result;
}

function execute(nodes: Node[], dot: unknown, scope: Scope): string {
  let out = '';
  for (const node of nodes) {
    if (node.kind === 'text') {
      out += node.text;
    } else if (node.kind === 'print') {
      out += goPrint(evalPipeline(node.pipeline, dot, scope));
    } else {
      const value = evalPipeline(node.pipeline, dot, scope);
      const truth = goTruth(value);
      const inner = node.kind === 'with' && truth ? value : dot;
      out += execute(truth ? node.body : node.otherwise, inner, scope);
    }
  }
  return out;
}

export interface TemplateData {
  JsonData: Record<string, unknown>;
  SecureJsonData: Record<string, string>;
}

/** Renders a route template the way Grafana's interpolateString does (subset, see parseGoTemplate). */
export function renderGoTemplate(template: string, data: TemplateData): string {
  return execute(parseGoTemplate(template), data, { root: data, template });
}
