import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { build, type Plugin } from 'esbuild';

import type { Browser, Page } from 'playwright-core';

import { launchChromium } from '../../devtools/preview/browser';
import type { RenderTiming, Subject } from './protocol';

/**
 * Panel benchmark (#11): our BUILT panel (dist/panel/module.js) against @grafana/ui's Table on the
 * same 2,000 features × 5 models, in headless Chromium. Runs are interleaved (the order of panel and
 * Table alternates), each on fresh frames; per run the ratio panel/Table of a first render and of
 * a re-render after an option change. Needs `npm run build` and Chromium (scripts/setup/chromium.sh).
 *
 *   npx tsx bench/panel/run.ts [--runs 11]
 */

const ROOT = path.resolve(__dirname, '../..');
const PANEL_DIST = path.join(ROOT, 'dist', 'panel');
const ORIGIN = 'http://bench.invalid';

interface Spread {
  median: number;
  min: number;
  max: number;
}

interface PhaseResult {
  /** Panel and Table milliseconds (median, min, max over the measured runs). */
  panelMs: Spread;
  tableMs: Spread;
  /** Per-run panel/Table ratio: ≤ 1 means the panel is as fast as the Table or faster. */
  ratio: Spread;
}

export interface PanelBenchResult {
  name: 'panel-vs-grafana-table';
  what: string;
  data: { features: number; models: number; tableRows: number };
  browser: string;
  runs: number;
  warmupRuns: number;
  /** React commit (flushSync, layout effects included) + forced layout. */
  firstRender: PhaseResult;
  rerender: PhaseResult;
  /** The same, until the next frame was produced (rAF + a task): includes paint, quantised by frames. */
  firstRenderToFrame: PhaseResult;
  rerenderToFrame: PhaseResult;
  /** DOM elements after the re-render. */
  domElements: { panel: number; table: number };
  /** dist/panel/module.js, gzip -9. */
  panelModuleGzipBytes: number;
}

export interface PanelBenchOptions {
  runs?: number;
  warmupRuns?: number;
  features?: number;
  models?: number;
}

function spread(values: number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  const round = (v: number) => Math.round(v * 1000) / 1000;
  return { median: round(median), min: round(sorted[0]), max: round(sorted[sorted.length - 1]) };
}

function phase(runs: Array<Record<Subject, RenderTiming>>, pick: (t: RenderTiming) => number): PhaseResult {
  return {
    panelMs: spread(runs.map((r) => pick(r.panel))),
    tableMs: spread(runs.map((r) => pick(r.table))),
    ratio: spread(runs.map((r) => pick(r.panel) / pick(r.table))),
  };
}

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

/** Bundles the page (React, @grafana/ui, the AMD loader; not the panel) into a temporary folder. */
async function buildPage(outdir: string): Promise<void> {
  await build({
    entryPoints: { page: path.join(__dirname, 'page', 'main.tsx') },
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

function servedFile(pathname: string, outdir: string): string {
  if (pathname.startsWith('/plugin/panel/')) {
    return path.join(PANEL_DIST, pathname.slice('/plugin/panel/'.length));
  }
  if (pathname.startsWith(ICONS_PATH)) {
    return path.join(ICONS_DIR, pathname.slice(ICONS_PATH.length));
  }
  return path.join(outdir, pathname === '/' ? 'index.html' : pathname.slice(1));
}

/**
 * Builds the page into `outdir` and opens it, served from there, from dist/panel/ and from
 * @grafana/ui's icons under a made-up origin (no server); resolves once the page loaded the built panel.
 */
export async function openBenchPage(browser: Browser, outdir: string): Promise<{ page: Page; errors: string[] }> {
  await buildPage(outdir);
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.route(`${ORIGIN}/**`, async (route) => {
    const pathname = new URL(route.request().url()).pathname;
    const file = servedFile(pathname, outdir);
    if (pathname.startsWith(ICONS_PATH) && !fs.existsSync(file)) {
      // An icon Grafana has but @grafana/ui's copy lacks (thumbs-up/down): an empty one, cached
      // like the others instead of fetched again on every render.
      return route.fulfill({ status: 200, contentType: TYPES['.svg'], body: EMPTY_ICON });
    }
    if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
      return route.fulfill({ status: 404, body: '' });
    }
    return route.fulfill({ status: 200, contentType: TYPES[path.extname(file)], body: fs.readFileSync(file) });
  });
  await page.goto(`${ORIGIN}/`);
  await page.waitForFunction(() => window.__bench?.state === 'ready' || window.__bench?.state === 'error');
  const state = await page.evaluate(() => ({ state: window.__bench?.state, error: window.__bench?.error }));
  if (state.state !== 'ready') {
    throw new Error(`bench page failed: ${state.error} ${errors.join('; ')}`);
  }
  return { page, errors };
}

/**
 * As on a dashboard, the icons are fetched once and then come from Icon's cache: the panel is shown
 * until every request it started has finished, then removed. (measure() unmounts within the same
 * task, which would abort the fetches; `waitForLoadState('networkidle')` only looks at page load.)
 */
async function showUntilLoaded(page: Page, features: number, models: number): Promise<void> {
  let pending = 0;
  const started = () => (pending += 1);
  const ended = () => (pending -= 1);
  page.on('request', started);
  page.on('requestfinished', ended);
  page.on('requestfailed', ended);
  try {
    await page.evaluate(([f, m]) => window.__bench!.show(f, m), [features, models] as const);
    const deadline = Date.now() + 10_000;
    while (pending > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    page.off('request', started);
    page.off('requestfinished', ended);
    page.off('requestfailed', ended);
  }
  await page.evaluate(() => window.__bench!.hide());
}

/** Runs the benchmark; see the module comment. */
export async function runPanelBench(options: PanelBenchOptions = {}): Promise<PanelBenchResult> {
  const { runs = 11, warmupRuns = 2, features = 2000, models = 5 } = options;
  const moduleFile = path.join(PANEL_DIST, 'module.js');
  if (!fs.existsSync(moduleFile)) {
    throw new Error(`${path.relative(ROOT, moduleFile)} is missing: run \`npm run build\` first`);
  }
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'modelwatch-bench-panel-'));
  const browser = await launchChromium();
  try {
    const { page, errors } = await openBenchPage(browser, outdir);
    await showUntilLoaded(page, features, models);
    const measured: Array<Record<Subject, RenderTiming>> = [];
    for (let i = 0; i < warmupRuns + runs; i++) {
      const order: Subject[] = i % 2 === 0 ? ['panel', 'table'] : ['table', 'panel'];
      const run = {} as Record<Subject, RenderTiming>;
      for (const subject of order) {
        run[subject] = await page.evaluate(
          ([s, f, m]) => window.__bench!.measure(s as Subject, f as number, m as number),
          [subject, features, models] as const
        );
      }
      if (i >= warmupRuns) {
        measured.push(run);
      }
    }
    if (errors.length > 0) {
      throw new Error(`bench page errors: ${errors.join('; ')}`);
    }
    const last = measured[measured.length - 1];
    return {
      name: 'panel-vs-grafana-table',
      what:
        `Built panel vs @grafana/ui Table (${features} features × ${models} models; the Table gets one frame of all ` +
        `feature-drift rows with a model column), ${runs} interleaved runs after ${warmupRuns} warm-up runs, fresh ` +
        'frames per run. first = render into a new root; rerender = option change (panel: top N 10→15; Table: ' +
        'cell height sm→md). Times: flushSync commit + forced layout; "ToFrame" until the next frame (rAF + task).',
      data: { features, models, tableRows: features * models },
      browser: browser.version(),
      runs,
      warmupRuns,
      firstRender: phase(measured, (t) => t.first.commit),
      rerender: phase(measured, (t) => t.rerender.commit),
      firstRenderToFrame: phase(measured, (t) => t.first.frame),
      rerenderToFrame: phase(measured, (t) => t.rerender.frame),
      domElements: { panel: last.panel.nodes, table: last.table.nodes },
      panelModuleGzipBytes: zlib.gzipSync(fs.readFileSync(moduleFile), { level: 9 }).length,
    };
  } finally {
    await browser.close();
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

/** The result as a table for the terminal. */
export function formatPanelBench(result: PanelBenchResult): string {
  const ms = (s: Spread) => `${s.median.toFixed(1)} (${s.min.toFixed(1)}–${s.max.toFixed(1)})`;
  const ratio = (s: Spread) => `${s.median.toFixed(2)}× (${s.min.toFixed(2)}–${s.max.toFixed(2)})`;
  const rows: Array<[string, PhaseResult]> = [
    ['first render', result.firstRender],
    ['re-render (option)', result.rerender],
    ['first render → frame', result.firstRenderToFrame],
    ['re-render → frame', result.rerenderToFrame],
  ];
  const lines = [
    `${result.what}`,
    `${result.browser}; DOM elements: panel ${result.domElements.panel}, Table ${result.domElements.table}; ` +
      `dist/panel/module.js ${(result.panelModuleGzipBytes / 1024).toFixed(1)} KB gzip`,
    '',
    `${'phase'.padEnd(22)} ${'panel ms'.padEnd(22)} ${'Table ms'.padEnd(22)} panel/Table`,
    ...rows.map(
      ([name, p]) => `${name.padEnd(22)} ${ms(p.panelMs).padEnd(22)} ${ms(p.tableMs).padEnd(22)} ${ratio(p.ratio)}`
    ),
  ];
  return lines.join('\n');
}

if (require.main === module) {
  const runsArg = process.argv.indexOf('--runs');
  const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : undefined;
  runPanelBench({ runs })
    .then((result) => {
      console.log(formatPanelBench(result));
      if (process.argv.includes('--json')) {
        console.log(JSON.stringify(result, null, 2));
      }
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
