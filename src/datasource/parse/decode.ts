import type { Shape } from '../gateway/shape';

import { retainShapes } from './retainedShapes';
import { ResponseShapeError } from './scalars';

/**
 * Where a response body that is not what the gateway contract says becomes a message: an empty
 * body, an HTML page, text that is not JSON, or JSON that fails the raw shape (gateway/shape.ts) — each a
 * {@link ResponseShapeError} naming the JSON path.
 */

/** Checks the body against a raw shape. Non-objects (HTML pages, text, truncated JSON) fail here. */
export function decode<T>(schema: Shape<T>, body: unknown, what: string): T {
  if (body === '') {
    throw new ResponseShapeError(`${what}: the gateway returned an empty body`, '');
  }
  if (typeof body === 'string') {
    const looksLikeHtml = /^\s*</.test(body);
    throw new ResponseShapeError(
      looksLikeHtml
        ? `${what}: the gateway answered with an HTML page instead of JSON (check the gateway URL and base path)`
        : `${what}: the response is not valid JSON`,
      ''
    );
  }
  // typeof covers undefined; null is the one non-object whose typeof is 'object'.
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new ResponseShapeError(`${what}: expected a JSON object, got ${describe(body)}`, '');
  }
  if (schema.test(body)) {
    retainShapes(schema, body);
    return body;
  }
  // The slow walk runs only for a body that failed, to name the first problem and its path.
  const issue = schema.explain(body, []) ?? { path: [], message: 'Invalid input' };
  const dotted = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
  // Stryker disable next-line Regex: the body is an object, so a path starts with a key and its first '.' leads
  const path = dotted.replace(/^\./, '');
  throw new ResponseShapeError(`${what}: ${issue.message}`, path);
}

/**
 * `read` of the body checked by `readShape`, a shape that leaves some items (points) to be checked
 * by `read` as it reads them. Whenever decoding or reading fails, the body is first checked
 * against `shape`, the full shape: its first issue is the error, exactly as `decode(shape, …)`
 * would have thrown before reading; a body that fits it fails with `read`'s own error.
 */
export function decodeWhileReading<R, T>(
  shape: Shape<unknown>,
  readShape: Shape<R>,
  body: unknown,
  what: string,
  read: (raw: R) => T
): T {
  try {
    return read(decode(readShape, body, what));
  } catch (error) {
    decode(shape, body, what);
    throw error;
  }
}

/**
 * What `read` returns, or the {@link ResponseShapeError} it throws — for the parts of an answer
 * that are left out with a notice instead of failing it (a list row, a display-only total). Any
 * other error is a defect and propagates.
 */
export function valueOrShapeError<T>(read: () => T): T | ResponseShapeError {
  try {
    return read();
  } catch (error) {
    // Stryker disable next-line ConditionalExpression,BlockStatement: what passed the shape check is refused only by ResponseShapeError
    if (error instanceof ResponseShapeError) {
      return error;
    }
    throw error;
  }
}

function describe(body: unknown): string {
  if (body === null) {
    return 'null';
  }
  if (body === undefined) {
    return 'an empty body';
  }
  return Array.isArray(body) ? 'an array' : typeof body;
}
