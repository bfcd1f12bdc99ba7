import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

import { APP_ID, DATASOURCE_ID, PANEL_ID, PROXY_PREFIX } from './shared';
import type { PreviewDataSource, ProxyUpstream } from './upstream';

/**
 * The preview's web server — the parts of Grafana's HTTP API the preview page needs:
 *
 *   /                                   the preview page (devtools/preview/index.html)
 *   /preview/host.js, host.css          the host bundle (devtools/preview/dist/, from build.ts)
 *   /public/plugins/<app id>/…          the BUILT plugins (dist/; nested plugins in sub-folders)
 *   /public/plugins/<nested id>/…       a nested plugin's sub-folder, as Grafana also serves it (where its
 *                                       module.js and the chunks beside it load from in Grafana)
 *   /public/build/img/icons/…           @grafana/ui's icons (Grafana serves its copy there)
 *   /api/datasources/uid/<uid>          each data source's settings, secrets reduced to `secureJsonFields`
 *   /api/datasources/proxy/uid/<uid>/…  forwarded to the {@link ProxyUpstream}
 *
 * Everything else is 404. Loopback only.
 */

const ROOT = path.resolve(__dirname, '../..');
const STATIC: Array<[prefix: string, dir: string]> = [
  ['/preview/', path.join(__dirname, 'dist')],
  [`/public/plugins/${APP_ID}/`, path.join(ROOT, 'dist')],
  [`/public/plugins/${DATASOURCE_ID}/`, path.join(ROOT, 'dist', 'datasource')],
  [`/public/plugins/${PANEL_ID}/`, path.join(ROOT, 'dist', 'panel')],
  ['/public/build/img/icons/', path.join(ROOT, 'node_modules/@grafana/ui/dist/public/img/icons')],
];
/**
 * Grafana serves its Inter web fonts under /public/fonts/inter/; the preview maps them to the
 * system's Inter (Debian: fonts-inter) when installed, else they 404 and the theme's fallback
 * fonts apply. Chromium accepts OpenType data behind the woff2 URL.
 */
const SYSTEM_INTER = '/usr/share/fonts/opentype/inter';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.map': 'application/json; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.otf': 'font/otf',
};
/** Request headers never forwarded upstream (the browser session stays with "Grafana"). */
const DROP_REQUEST_HEADERS = new Set([
  'host',
  'connection',
  'cookie',
  'authorization',
  'content-length',
  'transfer-encoding',
]);
const DROP_RESPONSE_HEADERS = new Set(['connection', 'transfer-encoding', 'set-cookie', 'keep-alive']);

export interface PreviewServerOptions {
  upstream: ProxyUpstream;
  /** The default data source. */
  datasource: PreviewDataSource;
  /** More data sources whose settings the page can read (the H2O MLOps 1.x one). */
  otherDatasources?: PreviewDataSource[];
  port?: number;
  /** One line per proxied request (method, path, status); never headers or bodies. */
  log?: (line: string) => void;
}

export interface PreviewServer {
  url: string;
  /** Proxied requests so far: `METHOD path?query -> status`. */
  readonly proxied: string[];
  close(): Promise<void>;
}

/** Settings as Grafana's `GET /api/datasources/uid/:uid` returns them: secrets only as flags. */
function settingsResponse(ds: PreviewDataSource, index: number) {
  return {
    id: index + 1,
    uid: ds.uid,
    orgId: 1,
    name: ds.name,
    type: DATASOURCE_ID,
    typeName: 'MLOps Gateway',
    typeLogoUrl: `public/plugins/${APP_ID}/datasource/img/logo.svg`,
    access: 'proxy',
    url: '',
    user: '',
    database: '',
    basicAuth: false,
    basicAuthUser: '',
    withCredentials: false,
    isDefault: index === 0,
    jsonData: ds.jsonData,
    secureJsonFields: Object.fromEntries(Object.keys(ds.secureJsonData).map((key) => [key, true])),
    version: 1,
    readOnly: false,
  };
}

function resolveStatic(pathname: string): string | undefined {
  if (pathname === '/' || pathname === '/index.html') {
    return path.join(__dirname, 'index.html');
  }
  const font = /^\/public\/fonts\/inter\/(Inter-[A-Za-z]+)\.woff2$/.exec(pathname);
  if (font) {
    return path.join(SYSTEM_INTER, `${font[1]}.otf`);
  }
  for (const [prefix, dir] of STATIC) {
    if (pathname.startsWith(prefix)) {
      const file = path.resolve(dir, decodeURIComponent(pathname.slice(prefix.length)));
      // No escaping the served folder.
      return file.startsWith(dir + path.sep) ? file : undefined;
    }
  }
  return undefined;
}

export async function startPreviewServer(options: PreviewServerOptions): Promise<PreviewServer> {
  const proxied: string[] = [];
  const log = options.log ?? (() => undefined);

  const forward = (req: http.IncomingMessage, res: http.ServerResponse, pathAndQuery: string) => {
    const target = options.upstream.target(pathAndQuery);
    const entry = `${req.method ?? 'GET'} ${pathAndQuery}`;
    if (!target) {
      proxied.push(`${entry} -> 404`);
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: 'no such data-source route' }));
      return;
    }
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined && !DROP_REQUEST_HEADERS.has(name)) {
        headers[name] = Array.isArray(value) ? value.join(', ') : value;
      }
    }
    const upstream = http.request(
      target.url,
      { method: req.method, headers: { ...headers, ...target.headers } },
      (response) => {
        const status = response.statusCode ?? 502;
        proxied.push(`${entry} -> ${status}`);
        log(`${entry} -> ${status}`);
        const outHeaders: Record<string, string | string[]> = {};
        for (const [name, value] of Object.entries(response.headers)) {
          if (value !== undefined && !DROP_RESPONSE_HEADERS.has(name)) {
            outHeaders[name] = value;
          }
        }
        res.writeHead(status, outHeaders);
        response.pipe(res);
      }
    );
    upstream.on('error', () => {
      proxied.push(`${entry} -> 502`);
      if (!res.headersSent) {
        res.writeHead(502);
      }
      res.end();
    });
    req.pipe(upstream);
  };

  const server = http.createServer((req, res) => {
    const pathAndQuery = req.url ?? '/';
    const { pathname } = new URL(pathAndQuery, 'http://preview.invalid');
    if (pathname.startsWith(PROXY_PREFIX)) {
      forward(req, res, pathAndQuery);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405);
      res.end();
      return;
    }
    const datasources = [options.datasource, ...(options.otherDatasources ?? [])];
    const dsIndex = datasources.findIndex((ds) => pathname === `/api/datasources/uid/${ds.uid}`);
    if (dsIndex >= 0) {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
      res.end(JSON.stringify(settingsResponse(datasources[dsIndex], dsIndex)));
      return;
    }
    const file = resolveStatic(pathname);
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    fs.readFile(file, (error, body) => {
      if (error) {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('not found');
        return;
      }
      res.writeHead(200, {
        'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
      });
      res.end(body);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    proxied,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
