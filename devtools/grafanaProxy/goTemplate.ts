/**
 * Route templates, rendered as Grafana renders them: `InterpolateString` in Grafana's
 * `pkg/api/pluginproxy/utils.go` runs Go's `text/template` over `{ JsonData, SecureJsonData }` of the
 * data source. This is the subset data-source routes use (see {@link parseGoTemplate}); a missing
 * key prints `<no value>` as Go does. Anything else is refused up front, so this never silently
 * differs from Grafana.
 */

type Node =
  | { kind: 'text'; text: string }
  | { kind: 'print'; pipeline: string[] | 'dot' }
  | { kind: 'with' | 'if'; pipeline: string[] | 'dot'; body: Node[]; otherwise: Node[] };

/** Raised for templates outside the supported subset (at start) or failing to execute. */
export class GoTemplateError extends Error {}

const MISSING = Symbol('no value');

function parsePipeline(source: string, template: string): string[] | 'dot' {
  const text = source.trim();
  if (text === '.') {
    return 'dot';
  }
  if (!/^(\.[A-Za-z_][A-Za-z0-9_]*)+$/.test(text)) {
    throw new GoTemplateError(`unsupported template pipeline "${text}" in "${template}"`);
  }
  return text.slice(1).split('.');
}

/**
 * Parses the subset of Go's text/template that data-source routes use: text, `{{ .A.b }}`,
 * `{{ . }}`, `{{ with .A.b }}…{{ else }}…{{ end }}`, `{{ if .A.b }}…{{ else }}…{{ end }}`, and the
 * `{{-`/`-}}` whitespace trimming. Anything else throws GoTemplateError.
 */
export function parseGoTemplate(template: string): Node[] {
  const tokens: Array<{ text: string } | { action: string }> = [];
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
    if (action.startsWith('- ')) {
      text = text.replace(/\s+$/, '');
      action = action.slice(1);
    }
    if (action.endsWith(' -')) {
      after = after.replace(/^\s+/, '');
      action = action.slice(0, -1);
    }
    if (text) {
      tokens.push({ text });
    }
    tokens.push({ action: action.trim() });
    rest = after;
  }

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
        const pipeline = parsePipeline(args.join(' '), template);
        const body = parseList(['else', 'end']);
        let otherwise: Node[] = [];
        if (body.stop === 'else') {
          const tail = parseList(['end']);
          if (tail.stop !== 'end') {
            throw new GoTemplateError(`missing {{ end }} in "${template}"`);
          }
          otherwise = tail.nodes;
        } else if (body.stop !== 'end') {
          throw new GoTemplateError(`missing {{ end }} in "${template}"`);
        }
        nodes.push({ kind: word, pipeline, body: body.nodes, otherwise });
        continue;
      }
      if (word === 'end' || word === 'else') {
        throw new GoTemplateError(`unexpected {{ ${word} }} in "${template}"`);
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

function lookup(dot: unknown, fields: string[] | 'dot', template: string): unknown {
  if (fields === 'dot') {
    return dot;
  }
  let value: unknown = dot;
  for (const field of fields) {
    if (value === MISSING || value === null || value === undefined) {
      // Go: "nil pointer evaluating interface {}.field" — an execution error.
      throw new GoTemplateError(`nil value evaluating .${field} in "${template}"`);
    }
    if (typeof value !== 'object' || Array.isArray(value)) {
      throw new GoTemplateError(`can't evaluate field ${field} in "${template}"`);
    }
    const record = value as Record<string, unknown>;
    // A missing map key is Go's invalid value: printed as "<no value>", false in with/if.
    value = Object.prototype.hasOwnProperty.call(record, field) ? record[field] : MISSING;
  }
  return value;
}

/** Go's `truth` for with/if. */
function truthy(value: unknown): boolean {
  if (value === MISSING || value === null || value === undefined) {
    return false;
  }
  if (typeof value === 'string') {
    return value.length > 0;
  }
  if (typeof value === 'number') {
    return value !== 0;
  }
  if (typeof value === 'boolean') {
    return value;
  }
  if (Array.isArray(value)) {
    return value.length > 0;
  }
  return Object.keys(value as object).length > 0;
}

/** fmt.Sprint of a decoded JSON value (float64 numbers, bools, strings; nil prints `<no value>`). */
function print(value: unknown): string {
  if (value === MISSING || value === null || value === undefined) {
    return '<no value>';
  }
  if (typeof value === 'string') {
    return value;
  }
  if (typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  // Go would print map[...] / [...]; nothing in a route template should print a whole object.
  return JSON.stringify(value);
}

function execute(nodes: Node[], dot: unknown, template: string): string {
  let out = '';
  for (const node of nodes) {
    switch (node.kind) {
      case 'text':
        out += node.text;
        break;
      case 'print':
        out += print(lookup(dot, node.pipeline, template));
        break;
      case 'with': {
        const value = lookup(dot, node.pipeline, template);
        out += truthy(value) ? execute(node.body, value, template) : execute(node.otherwise, dot, template);
        break;
      }
      case 'if': {
        const value = lookup(dot, node.pipeline, template);
        out += execute(truthy(value) ? node.body : node.otherwise, dot, template);
        break;
      }
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
  return execute(parseGoTemplate(template), data, template);
}
