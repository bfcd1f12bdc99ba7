/**
 * Ids become path segments of gateway URLs that Grafana's proxy forwards with the bearer token —
 * verbatim: Grafana resolves neither `..` nor `%2e%2e` in what it forwards (see
 * devtools/grafanaProxy/goPaths.ts). A segment that is — or decodes to — "." or "..", or an id
 * that decodes to a path containing such a segment (`..%2Fx`, `a/../b`, `..\x`), is resolved by
 * whichever router normalises it (the browser, or the gateway's) and reaches another gateway path
 * with the token. Control characters (among them U+001F, the separator multi-value variables are
 * split on, see query/templating.ts) are never part of a real id. Such ids are rejected before any
 * request.
 */

const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;
/** How often percent-decoding is repeated: `%252e%252e` is `..` after two rounds. */
const MAX_DECODE_ROUNDS = 3;

/**
 * Every form the id may take on its way through proxies that decode percent-escapes, and routers
 * that fold compatibility characters (NFKC: "．．" is "..").
 */
function decodedForms(id: string): string[] {
  const forms = [id];
  let current = id;
  for (let round = 0; round < MAX_DECODE_ROUNDS; round++) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      // Invalid escapes: decode the valid %XX sequences only, as lenient routers do.
      next = current.replace(/%([0-9a-f]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    }
    // Stryker disable next-line ConditionalExpression,BlockStatement: an early exit; more rounds would only repeat the same form
    if (next === current) {
      break;
    }
    forms.push(next);
    current = next;
  }
  // Stryker disable next-line MethodExpression: the filter only drops forms already listed (checked twice otherwise)
  return [...forms, ...forms.map((form) => form.normalize('NFKC')).filter((form) => !forms.includes(form))];
}

/** Routers split paths on "/" (after decoding %2F), and some on "\" as well. */
const SEPARATORS = /[/\\]/;

/** The "." or ".." segment of a form, if any (surrounding blanks ignored, as lenient routers do). */
function dotSegment(form: string): string | undefined {
  return form
    .split(SEPARATORS)
    .map((segment) => segment.trim())
    .find((segment) => segment === '.' || segment === '..');
}

/** Why `id` may not be sent as a path segment, or undefined when it is fine. */
export function unsafeIdReason(id: string): string | undefined {
  for (const form of decodedForms(id)) {
    const dot = dotSegment(form);
    if (dot !== undefined) {
      const whole = form.trim() === dot;
      if (form === id) {
        return whole ? 'it is a relative path segment' : `it contains the relative path segment "${dot}"`;
      }
      return whole
        ? `it decodes to the relative path segment "${dot}"`
        : `it decodes to a path with the relative path segment "${dot}"`;
    }
    if (CONTROL_CHARACTERS.test(form)) {
      return 'it contains a control character';
    }
  }
  return undefined;
}

/** Shows an id in a message without its control characters (which could garble or split the text). */
export function printableId(id: string): string {
  const shown = id.replace(
    /[\u0000-\u001f\u007f-\u009f]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`
  );
  return shown.length > 80 ? `${shown.slice(0, 80)}…` : shown;
}
