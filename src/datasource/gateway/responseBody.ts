import { approximateBytes } from './responseCache';

/**
 * Answers are fetched as text (`responseType: 'text'`) and parsed here, once: Grafana's backendSrv
 * would otherwise read the same text and `JSON.parse` it itself (public/app/core/utils/fetch.ts,
 * `parseResponseBody`), so parsing costs the same, but the size is then known before parsing — an
 * oversized answer is refused without building it, and no walk over a parsed body of several
 * megabytes is needed to measure it for the size bound and the cache.
 */

/** An answer's body and its size in memory, or only the size when it is past the bound. */
export type ReadBody = { body: unknown; bytes: number } | { tooLarge: true; bytes: number };

/**
 * `data` as backendSrv handed it: text is measured (2 bytes a character, as JavaScript holds it;
 * the parsed body's approximateBytes is close: 2.1–2.3 times the text's length on the benchmark's
 * answers) and parsed as JSON when it is JSON — any other text (a proxy's HTML page) stays text, as
 * backendSrv keeps it without a responseType. A backendSrv that ignored the responseType and parsed
 * the JSON itself hands an object, which is measured by walking it.
 */
export function readBody(data: unknown, maxBytes: number): ReadBody {
  if (typeof data !== 'string') {
    const bytes = approximateBytes(data, maxBytes);
    return bytes > maxBytes ? { tooLarge: true, bytes } : { body: data, bytes };
  }
  const bytes = 2 * data.length;
  return bytes > maxBytes ? { tooLarge: true, bytes } : { body: jsonOrText(data), bytes };
}

function jsonOrText(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/**
 * A failed fetch with the gateway's JSON error body as an object again. For a text response
 * backendSrv wraps the body (`processRequestError` in public/app/core/services/backend_srv.ts):
 * `data` becomes `{message: text, error: statusText, response: text}`, so the gRPC code and message
 * the error messages are built from would be lost inside `message`. Anything that is not a JSON
 * object (an HTML page, an empty body) is left exactly as backendSrv made it.
 */
export function withJsonErrorBody(error: unknown): unknown {
  if (typeof error !== 'object' || error === null || !('data' in error)) {
    return error;
  }
  const { data } = error as { data: unknown };
  const text = typeof data === 'string' ? data : responseTextOf(data);
  // Stryker disable next-line ConditionalExpression: equivalent — JSON.parse(undefined) throws, and jsonOrText then gives undefined, no object
  const parsed = text === undefined ? undefined : jsonOrText(text);
  return typeof parsed === 'object' && parsed !== null ? { ...error, data: parsed } : error;
}

function responseTextOf(data: unknown): string | undefined {
  const response = typeof data === 'object' && data !== null ? (data as { response?: unknown }).response : undefined;
  return typeof response === 'string' ? response : undefined;
}
