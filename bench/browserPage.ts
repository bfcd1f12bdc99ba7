import fs from 'node:fs';
import path from 'node:path';
import { build, type Plugin } from 'esbuild';

import type { Browser, Page } from 'playwright-core';

/**
 * A bench page in headless Chromium: `entry` bundled with esbuild (React, @grafana/*, the preview's
 * AMD loader) into `outdir`, served with the built plugin (`/plugin/<name>/…` is `dist/<name>/…`)
 * and @grafana/ui's icons through playwright's request routing — no server.
 * The panel bench (panel/) and the query bench in Chromium (browser/) open their pages here.
 */

const ROOT = path.resolve(__dirname, '..');
/**
 * Playwright answers every request to it; nothing listens there. A localhost origin is a secure
 * context, which cross-origin isolation needs (a made-up http:// host is not).
 */
const ORIGIN = 'http://localhost:9';

/**
 * Cross-origin isolation, so that `performance.now()` counts in 5 µs steps instead of Chromium's
 * 100 µs for other pages; every file is served from the page's own origin, so nothing is blocked.
 */
const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/**
 * @grafana/ui's ESM files default-import some CommonJS packages that set `exports.default`
 * (react-custom-scrollbars-2, used by the Table). Webpack hands them `exports.default`; esbuild,
 * following Node for .mjs importers, hands them the whole `exports` object. This gives esbuild the
 * component itself, as Grafana's webpack build does.
 */
function cjsDefaultExport(name: string): Plugin {
  const namespace = 'cjs-default-export';
  return {
    name: namespace,
    setup(builder) {
      builder.onResolve({ filter: new RegExp(`^${name}$`) }, (args) =>
        args.namespace === namespace ? undefined : { path: name, namespace }
      );
      builder.onLoad({ filter: /.*/, namespace }, () => ({
        contents: `const m = require(${JSON.stringify(require.resolve(name))}); module.exports = m.default;`,
        resolveDir: ROOT,
        loader: 'js',
      }));
    },
  };
}

/** Bundles the page (not the plugin, which is loaded built) into `outdir`. */
async function buildPage(entry: string, outdir: string): Promise<void> {
  await build({
    entryPoints: { page: entry },
    outdir,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    jsx: 'automatic',
    minifyWhitespace: !process.env.BENCH_DEV,
    minifySyntax: !process.env.BENCH_DEV,
    // BENCH_NAMES=1 keeps names for a CPU profile.
    minifyIdentifiers: !process.env.BENCH_DEV && !process.env.BENCH_NAMES,
    logLevel: 'warning',
    define: { 'process.env.NODE_ENV': process.env.BENCH_DEV ? '"development"' : '"production"', global: 'globalThis' },
    loader: { '.svg': 'dataurl', '.png': 'dataurl', '.woff': 'dataurl', '.woff2': 'dataurl', '.ttf': 'dataurl' },
    plugins: [cjsDefaultExport('react-custom-scrollbars-2')],
  });
  // Boot data that @grafana/runtime reads at import time, as in devtools/preview/index.html.
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<link rel="stylesheet" href="/page.css"><script>
window.__grafana_public_path__='/public/';
window.grafanaBootData={assets:{dark:'',light:''},navTree:[],user:{theme:'dark',lightTheme:false,timezone:'utc',locale:'en-US',language:'en-US',orgRole:'Admin',isSignedIn:true},settings:{appSubUrl:'',buildInfo:{version:'13.2.2',commit:'bench',env:'production',edition:'Open Source'},featureToggles:{},datasources:{},panels:{},apps:{}}};
document.documentElement.className='theme-dark';
</script></head><body><div id="root"></div><div id="shown"></div><script src="/page.js"></script></body></html>`;
  fs.writeFileSync(path.join(outdir, 'index.html'), html);
}

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
};

/**
 * Grafana serves @grafana/ui's icons under /public/build/img/icons/ (as the preview does,
 * devtools/preview/server.ts), and `Icon` fetches each once and caches it. Unserved, every render
 * fetched each icon again and aborted the fetch on unmount — work a dashboard never does.
 */
const ICONS_PATH = '/public/build/img/icons/';
const ICONS_DIR = path.join(ROOT, 'node_modules', '@grafana', 'ui', 'dist', 'public', 'img', 'icons');
const EMPTY_ICON = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"></svg>';
const PLUGIN_PATH = '/plugin/';

/** The build the bench pages load by default: this working tree's `npm run build`. */
export const DIST = path.join(ROOT, 'dist');

/** `file` (e.g. `panel/module.js`) of the build in `dist`; throws, saying to build, when it is not there. */
export function builtFile(file: string, dist = DIST): string {
  const built = path.join(dist, file);
  if (!fs.existsSync(built)) {
    throw new Error(`${path.relative(ROOT, built)} is missing: run \`npm run build\` first`);
  }
  return built;
}

function servedFile(pathname: string, outdir: string, dist: string): string {
  if (pathname.startsWith(PLUGIN_PATH)) {
    return path.join(dist, pathname.slice(PLUGIN_PATH.length));
  }
  if (pathname.startsWith(ICONS_PATH)) {
    return path.join(ICONS_DIR, pathname.slice(ICONS_PATH.length));
  }
  return path.join(outdir, pathname === '/' ? 'index.html' : pathname.slice(1));
}

/** What a bench page sets on `window.__bench` once it has loaded (or failed to). */
interface PageState {
  state?: 'loading' | 'ready' | 'error';
  error?: string;
}

/**
 * Builds the page of `entry` into `outdir` and opens it with the plugin built into `dist`; resolves
 * once the page says it is ready (`window.__bench.state`), with the page errors seen so far (and
 * after: the array keeps filling).
 */
export async function openBenchPage(
  browser: Browser,
  entry: string,
  outdir: string,
  dist = DIST
): Promise<{ page: Page; errors: string[] }> {
  await buildPage(entry, outdir);
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.route(`${ORIGIN}/**`, async (route) => {
    const pathname = new URL(route.request().url()).pathname;
    const file = servedFile(pathname, outdir, dist);
    if (pathname.startsWith(ICONS_PATH) && !fs.existsSync(file)) {
      // An icon Grafana has but @grafana/ui's copy lacks (thumbs-up/down): an empty one, cached
      // like the others instead of fetched again on every render.
      return route.fulfill({ status: 200, contentType: TYPES['.svg'], headers: ISOLATION_HEADERS, body: EMPTY_ICON });
    }
    if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
      return route.fulfill({ status: 404, headers: ISOLATION_HEADERS, body: '' });
    }
    const contentType = TYPES[path.extname(file)];
    return route.fulfill({ status: 200, contentType, headers: ISOLATION_HEADERS, body: fs.readFileSync(file) });
  });
  await page.goto(`${ORIGIN}/`);
  await page.waitForFunction(
    () => {
      const state = (window as unknown as { __bench?: PageState }).__bench?.state;
      return state === 'ready' || state === 'error';
    },
    undefined,
    { timeout: 120_000 }
  );
  const state = await page.evaluate(() => {
    const bench = (window as unknown as { __bench?: PageState }).__bench;
    return { state: bench?.state, error: bench?.error };
  });
  if (state.state !== 'ready') {
    throw new Error(`bench page failed: ${state.error} ${errors.join('; ')}`);
  }
  return { page, errors };
}
