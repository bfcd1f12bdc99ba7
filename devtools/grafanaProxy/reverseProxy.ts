import http from 'node:http';

/**
 * Grafana's `pkg/util/proxyutil/reverse_proxy.go` and the header handling of `ds_proxy.go`'s
 * director, for the proxy stand-in (server.ts): which browser headers go upstream, and how the
 * upstream's answer comes back.
 */

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
  'content-length',
]);

/** The browser's headers that go upstream: never its session (cookie) nor any Authorization. */
export function forwardedHeaders(req: http.IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    const lower = name.toLowerCase();
    if (
      HOP_BY_HOP.has(lower) ||
      ['cookie', 'authorization', 'origin', 'referer'].includes(lower) ||
      value === undefined
    ) {
      continue;
    }
    headers[lower] = Array.isArray(value) ? value.join(', ') : value;
  }
  headers['user-agent'] = 'Grafana/proxy-stand-in';
  return headers;
}

/** Where a request goes upstream: scheme + host, and the raw (still escaped) path. */
export interface Upstream {
  origin: string;
  path: string;
}

/**
 * proxyutil/reverse_proxy.go: forwards the request with its path exactly as given (Go's client
 * sends the RawPath; Node's http.request would resolve dot segments if given a URL string, so it
 * gets host and path apart); an upstream 401 becomes 400 "Authentication to data source failed"
 * (plain text), an unreachable upstream 502 and a timeout 504 (empty bodies); Set-Cookie is dropped.
 */
export function forward(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  request: { upstream: Upstream; rawQuery: string; method: string; headers: Record<string, string>; timeoutMs: number },
  log: (status: number, why?: string) => void
) {
  const { upstream, rawQuery, method, headers, timeoutMs } = request;
  const origin = new URL(upstream.origin);
  const options: http.RequestOptions = {
    protocol: origin.protocol,
    hostname: origin.hostname,
    port: origin.port,
    path: `${upstream.path}${rawQuery}`,
    method,
    headers,
    timeout: timeoutMs,
  };
  const outgoing = http.request(options, (up) => {
    const status = up.statusCode ?? 502;
    if (status === 401) {
      up.resume();
      const msg = 'Authentication to data source failed';
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(msg) });
      res.end(msg);
      log(400, 'upstream 401');
      return;
    }
    const outHeaders: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(up.headers)) {
      if (value !== undefined && !HOP_BY_HOP.has(name) && name !== 'set-cookie') {
        outHeaders[name] = value;
      }
    }
    res.writeHead(status, outHeaders);
    up.pipe(res);
    log(status);
  });
  outgoing.on('timeout', () => outgoing.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT_STANDIN' })));
  outgoing.on('error', (err: NodeJS.ErrnoException) => {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    const status = err.code === 'ETIMEDOUT_STANDIN' ? 504 : 502;
    res.writeHead(status);
    res.end();
    log(status, `upstream ${err.code ?? 'error'}`);
  });
  req.pipe(outgoing);
}
