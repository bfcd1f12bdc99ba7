/**
 * How Grafana's Go code sees and changes a request path, for the proxy stand-in. Grafana itself
 * never resolves `%2e%2e`, and resolves a literal `..` only for route MATCHING, never in what it
 * forwards:
 *
 * - Go's HTTP server keeps the request-target as sent (no cleaning; Grafana's `pkg/web` router
 *   matches `/api/datasources/proxy/uid/:uid/*` on `req.URL.EscapedPath()`, and Grafana does not
 *   use `http.ServeMux`, the only part of net/http that cleans paths);
 * - `pkg/api/datasourceproxy` `getProxyPath` = `EscapedPath()` minus the proxy prefix — still
 *   percent-encoded, `%2e%2e` and `%252e` untouched ({@link goEscapedPath});
 * - `ds_proxy.go` `validateRequest` matches routes on `plugins.CleanRelativePath` of that escaped
 *   path ({@link goCleanRelativePath}): a literal `..` is resolved, `%2e%2e` is not a dot segment
 *   there, so `<route>/%2e%2e/%2e%2e/x` matches the route;
 * - `ApplyRoute` (`ds_auth_provider.go`) trims the route path off the UNCLEANED proxy path and joins
 *   it to the route URL's path (`util.JoinURLFragments`); since Grafana PR 98494 the joined, still
 *   escaped path is the request's RawPath, which Go's client sends as is (`URL.EscapedPath`). So
 *   `..`, `%2e%2e`, `%2E%2e`, `.%2e`, `%252e%252e` and `%2F` all reach the upstream verbatim, with
 *   the route's token — whether they then climb out of the route is up to the upstream's router.
 *   That is why the data source rejects such ids before any request (src/datasource/gateway/ids.ts).
 */

const HEX = '0123456789ABCDEF';

/** net/url shouldEscape(c, encodePath). */
function shouldEscapeInPath(c: number): boolean {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z0-9\-_.~]/.test(ch)) {
    return false;
  }
  return !'$&+,/:;=@'.includes(ch);
}

/** net/url validEncoded(s, encodePath): may `s` be sent as the raw path as it is. */
function validEncodedPath(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if ("!$&'()*+,;=:@[]%".includes(ch)) {
      continue;
    }
    if (shouldEscapeInPath(s.charCodeAt(i))) {
      return false;
    }
  }
  return true;
}

/** net/url unescape(s, encodePath) as bytes; undefined for a `%` not followed by two hex digits. */
function unescapeBytes(s: string): number[] | undefined {
  const bytes: number[] = [];
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '%') {
      const hex = s.slice(i + 1, i + 3);
      if (!/^[0-9a-fA-F]{2}$/.test(hex)) {
        return undefined;
      }
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(s.charCodeAt(i) & 0xff);
    }
  }
  return bytes;
}

/**
 * `req.URL.EscapedPath()` of a request-target path as Go's server parsed it: the raw path when it is
 * a valid encoding, otherwise the decoded path escaped again. Undefined when Go's
 * `url.ParseRequestURI` refuses it (an invalid `%` escape): net/http answers 400 itself.
 */
export function goEscapedPath(rawPath: string): string | undefined {
  const bytes = unescapeBytes(rawPath);
  if (!bytes) {
    return undefined;
  }
  if (validEncodedPath(rawPath)) {
    return rawPath;
  }
  return bytes.map((b) => (shouldEscapeInPath(b) ? `%${HEX[b >> 4]}${HEX[b & 15]}` : String.fromCharCode(b))).join('');
}

/**
 * `plugins.CleanRelativePath`: `filepath.Rel("/", filepath.Clean(filepath.Join("/", p)))` — purely
 * lexical: empty and `.` segments dropped, `..` pops (never above the root), `.` for the root. Works
 * on the ESCAPED path, so `%2e%2e` is an ordinary segment here.
 */
export function goCleanRelativePath(p: string): string {
  const stack: string[] = [];
  for (const segment of p.split('/')) {
    if (segment === '' || segment === '.') {
      continue;
    }
    if (segment === '..') {
      stack.pop();
      continue;
    }
    stack.push(segment);
  }
  return stack.length === 0 ? '.' : stack.join('/');
}

/** Go's util.JoinURLFragments. */
export function joinUrlFragments(a: string, b: string): string {
  if (b.length === 0) {
    return a;
  }
  const aSlash = a.endsWith('/');
  const bSlash = b.startsWith('/');
  if (aSlash && bSlash) {
    return a + b.slice(1);
  }
  if (!aSlash && !bSlash) {
    return `${a}/${b}`;
  }
  return a + b;
}
