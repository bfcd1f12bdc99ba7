/**
 * The list-filter language of H2O MLOps 1.x REST services, as the official client writes it
 * (h2o-mlops 1.6.x, `options/_options.py` FilterOptions/FilterExpression `_to_string`):
 *
 *   column_name = 'age' AND experiment_ids:'exp-1' AND (timestamp >= timestamp('2026-01-01T00:00:00.000000Z'))
 *
 * Terms are `field op value` with op one of = != < <= > >= in, or `field:value` (contains); values
 * are single-quoted strings, numbers, true/false, bare words (enum values) or timestamp('…');
 * terms join with AND / OR (one operator per level, as the client never mixes them) and nest in
 * parentheses. The simulator's 1.x routes parse the filter and evaluate it on their records, so the
 * client's filters select exactly what a server would.
 */

export type FilterValue = string | number | boolean | { readonly timestampMs: number };
export type ComparisonOp = '=' | '!=' | '<' | '<=' | '>' | '>=' | ':';

export type FilterNode =
  | { readonly kind: 'term'; readonly field: string; readonly op: ComparisonOp; readonly value: FilterValue }
  | { readonly kind: 'and' | 'or'; readonly children: readonly FilterNode[] };

const TOKEN =
  /\s*(\(|\)|!=|<=|>=|=|<|>|:|'(?:[^'\\]|\\.)*'|timestamp\('[^']*'\)|[A-Za-z_][\w.-]*|-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)/y;

function tokenize(text: string): string[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    if (/^\s*$/.test(text.slice(TOKEN.lastIndex))) {
      break;
    }
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(text);
    if (!m) {
      throw new SyntaxError(`filter: unexpected text at ${at}: "${text.slice(at, at + 20)}"`);
    }
    tokens.push(m[1]);
  }
  return tokens;
}

function parseValue(token: string | undefined): FilterValue {
  if (token === undefined) {
    throw new SyntaxError('filter: missing value');
  }
  if (token.startsWith("timestamp('")) {
    const ms = Date.parse(token.slice("timestamp('".length, -2));
    if (Number.isNaN(ms)) {
      throw new SyntaxError(`filter: bad timestamp ${token}`);
    }
    return { timestampMs: ms };
  }
  if (token.startsWith("'")) {
    return token.slice(1, -1).replace(/\\(.)/g, '$1');
  }
  if (token === 'true' || token === 'false') {
    return token === 'true';
  }
  if (/^-?\d/.test(token)) {
    return Number(token);
  }
  if (/^[A-Za-z_]/.test(token)) {
    return token;
  }
  throw new SyntaxError(`filter: not a value: ${token}`);
}

/** Parses a filter string; throws SyntaxError (a 400 for the simulator) on anything else. */
export function parseFilter(text: string): FilterNode {
  const tokens = tokenize(text);
  let pos = 0;
  const peek = (): string | undefined => tokens[pos];

  function expression(): FilterNode {
    const children = [operand()];
    let joiner: 'and' | 'or' | undefined;
    while (peek() === 'AND' || peek() === 'OR') {
      const next = peek() === 'AND' ? 'and' : 'or';
      if (joiner && joiner !== next) {
        throw new SyntaxError('filter: AND and OR on one level need parentheses');
      }
      joiner = next;
      pos++;
      children.push(operand());
    }
    return children.length === 1 ? children[0] : { kind: joiner ?? 'and', children };
  }

  function operand(): FilterNode {
    if (peek() === '(') {
      pos++;
      const inner = expression();
      if (tokens[pos++] !== ')') {
        throw new SyntaxError('filter: missing )');
      }
      return inner;
    }
    const field = tokens[pos++];
    if (!field || !/^[A-Za-z_]/.test(field)) {
      throw new SyntaxError(`filter: expected a field, got ${field ?? 'the end'}`);
    }
    const op = tokens[pos++];
    if (!op || !['=', '!=', '<', '<=', '>', '>=', ':'].includes(op)) {
      throw new SyntaxError(`filter: expected an operator after ${field}, got ${op ?? 'the end'}`);
    }
    return { kind: 'term', field, op: op as ComparisonOp, value: parseValue(tokens[pos++]) };
  }

  const node = expression();
  if (pos !== tokens.length) {
    throw new SyntaxError(`filter: unexpected "${tokens[pos]}"`);
  }
  return node;
}

/** A record's value for a filter field: a scalar, a list (for `:` contains) or absent. */
export type FieldValue = string | number | boolean | readonly string[] | undefined;

function compare(actual: FieldValue, op: ComparisonOp, expected: FilterValue): boolean {
  if (op === ':') {
    const needle = typeof expected === 'object' ? String(expected.timestampMs) : String(expected);
    if (Array.isArray(actual)) {
      return actual.includes(needle);
    }
    return typeof actual === 'string' && actual.toLowerCase().includes(needle.toLowerCase());
  }
  if (actual === undefined || Array.isArray(actual)) {
    return false;
  }
  const want = typeof expected === 'object' ? expected.timestampMs : expected;
  const have = typeof expected === 'object' && typeof actual === 'string' ? Date.parse(actual) : actual;
  switch (op) {
    case '=':
      return have === want;
    case '!=':
      return have !== want;
    case '<':
      return have < want;
    case '<=':
      return have <= want;
    case '>':
      return have > want;
    case '>=':
      return have >= want;
  }
}

/** Whether a record matches; `fieldOf` maps filter field names to the record's values. */
export function matchesFilter(node: FilterNode, fieldOf: (field: string) => FieldValue): boolean {
  switch (node.kind) {
    case 'term':
      return compare(fieldOf(node.field), node.op, node.value);
    case 'and':
      return node.children.every((c) => matchesFilter(c, fieldOf));
    case 'or':
      return node.children.some((c) => matchesFilter(c, fieldOf));
  }
}
