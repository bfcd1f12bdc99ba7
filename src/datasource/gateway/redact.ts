/**
 * Upstream text (gateway error messages, proxy pages, parser complaints quoting values) is shown to
 * whoever looks at the panel. A gateway or proxy that echoes the request — its Authorization header
 * — would hand a Viewer the bearer token; so every quoted upstream text passes through here.
 */

const REDACTED = '[redacted]';

/** `Bearer <token>` / `Basic <credentials>` as in an echoed Authorization header. */
const AUTH_SCHEME = /\b(Bearer|Basic)(\s+|%20|\+)[A-Za-z0-9\-._~+/%]+=*/gi;
/**
 * JWT-shaped: three base64url segments joined by dots. Each at least 10 characters, so that host
 * names, versions and dotted JSON paths ("deployment.models[0].name") are left alone.
 */
const JWT_SHAPED = /[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/g;
/** `access_token=…`, `"refresh_token": "…"`, `client_secret=…` in echoed forms or JSON. */
const TOKEN_FIELD = /\b(access_token|refresh_token|id_token|client_secret|password)("?\s*[:=]\s*"?)[^\s"&,}]+/gi;

/** Secrets shorter than this are not searched for: they would redact ordinary words. */
const MIN_SECRET_LENGTH = 6;

/** `text` with tokens, JWT-shaped strings and every known secret value replaced by "[redacted]". */
export function redactSecrets(text: string, knownSecrets: readonly string[] = []): string {
  let result = text;
  for (const secret of knownSecrets) {
    if (secret && secret.length >= MIN_SECRET_LENGTH) {
      result = result.split(secret).join(REDACTED);
    }
  }
  return result
    .replace(AUTH_SCHEME, (_match, scheme: string) => `${scheme} ${REDACTED}`)
    .replace(TOKEN_FIELD, (_match, field: string, separator: string) => `${field}${separator}${REDACTED}`)
    .replace(JWT_SHAPED, REDACTED);
}
