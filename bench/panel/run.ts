import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';

import type { Browser, Page } from 'playwright-core';

import { launchChromium } from '../../devtools/preview/browser';
import { builtFile, openBenchPage } from '../browserPage';
import { summarize, type Spread as FullSpread } from '../stats';
import type { RenderTiming, Subject } from './protocol';

/**
 * Panel benchmark (#11): our BUILT panel (dist/panel/module.js) against @grafana/ui's Table on the
 * same 2,000 features × 5 models, in headless Chromium. Runs are interleaved (the order of panel and
 * Table alternates), each on fresh frames; per run the ratio panel/Table of a first render and of
 * a re-render after an option change. Needs `npm run build` and Chromium (scripts/setup/chromium.sh).
 *
 *   npx tsx bench/panel/run.ts [--runs 11]
 */

/** The data both subjects render: 2,000 features × 5 models. */
export const BENCH_DATA = { features: 2000, models: 5 } as const;

/** The phases of a render pair, as results name them and tables label them. */
export const RENDER_PHASES = [
  { key: 'firstRender', label: 'first render', pick: (t: RenderTiming) => t.first.commit },
  { key: 'rerender', label: 're-render (option)', pick: (t: RenderTiming) => t.rerender.commit },
  { key: 'firstRenderToFrame', label: 'first render → frame', pick: (t: RenderTiming) => t.first.frame },
  { key: 'rerenderToFrame', label: 're-render → frame', pick: (t: RenderTiming) => t.rerender.frame },
] as const;

type PhaseKey = (typeof RENDER_PHASES)[number]['key'];

/** ../stats.ts's spread without its quartiles, as the results file keeps it. */
type Spread = Pick<FullSpread, 'median' | 'min' | 'max'>;

interface PhaseResult {
  /** Panel and Table milliseconds (median, min, max over the measured runs). */
  panelMs: Spread;
  tableMs: Spread;
  /** Per-run panel/Table ratio: ≤ 1 means the panel is as fast as the Table or faster. */
  ratio: Spread;
}

/**
 * The bench's result. Per phase (RENDER_PHASES): a commit is flushSync (layout effects included)
 * plus a forced layout; "ToFrame" runs until the next frame (rAF + a task), paint included.
 */
export type PanelBenchResult = {
  name: 'panel-vs-grafana-table';
  what: string;
  data: { features: number; models: number; tableRows: number };
  browser: string;
  runs: number;
  warmupRuns: number;
  /** DOM elements after the re-render. */
  domElements: { panel: number; table: number };
  /** dist/panel/module.js, gzip -9. */
  panelModuleGzipBytes: number;
} & Record<PhaseKey, PhaseResult>;

export interface PanelBenchOptions {
  runs?: number;
  warmupRuns?: number;
  features?: number;
  models?: number;
}

/** Median, min and max (../stats.ts), rounded to 0.001 for the results file. */
function spread(values: number[]): Spread {
  const { median, min, max } = summarize(values);
  const round = (v: number) => Math.round(v * 1000) / 1000;
  return { median: round(median), min: round(min), max: round(max) };
}

function phase(runs: Array<Record<Subject, RenderTiming>>, pick: (t: RenderTiming) => number): PhaseResult {
  return {
    panelMs: spread(runs.map((r) => pick(r.panel))),
    tableMs: spread(runs.map((r) => pick(r.table))),
    ratio: spread(runs.map((r) => pick(r.panel) / pick(r.table))),
  };
}

/** Builds the panel's page into `outdir` and opens it on the plugin built into `dist` (../browserPage.ts). */
export function openPanelPage(
  browser: Browser,
  outdir: string,
  dist?: string
): Promise<{ page: Page; errors: string[] }> {
  return openBenchPage(browser, path.join(__dirname, 'page', 'main.tsx'), outdir, dist);
}

/**
 * As on a dashboard, the icons are fetched once and then come from Icon's cache: the panel is shown
 * until every request it started has finished, then removed. (measure() unmounts within the same
 * task, which would abort the fetches; `waitForLoadState('networkidle')` only looks at page load.)
 */
export async function showUntilLoaded(page: Page, features: number, models: number): Promise<void> {
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

/** One render pair of `subject` on the page (page/main.tsx's `measure`). */
export function measureRender(page: Page, subject: Subject, features: number, models: number): Promise<RenderTiming> {
  return page.evaluate(([s, f, m]) => window.__bench!.measure(s as Subject, f as number, m as number), [
    subject,
    features,
    models,
  ] as const);
}

/** Runs the benchmark; see the module comment. */
export async function runPanelBench(options: PanelBenchOptions = {}): Promise<PanelBenchResult> {
  const { runs = 11, warmupRuns = 2, features = BENCH_DATA.features, models = BENCH_DATA.models } = options;
  const moduleFile = builtFile('panel/module.js');
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'modelwatch-bench-panel-'));
  const browser = await launchChromium();
  try {
    const { page, errors } = await openPanelPage(browser, outdir);
    await showUntilLoaded(page, features, models);
    const measured: Array<Record<Subject, RenderTiming>> = [];
    for (let i = 0; i < warmupRuns + runs; i++) {
      const order: Subject[] = i % 2 === 0 ? ['panel', 'table'] : ['table', 'panel'];
      const run = {} as Record<Subject, RenderTiming>;
      for (const subject of order) {
        run[subject] = await measureRender(page, subject, features, models);
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
      ...(Object.fromEntries(RENDER_PHASES.map(({ key, pick }) => [key, phase(measured, pick)])) as Record<
        PhaseKey,
        PhaseResult
      >),
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
  const lines = [
    `${result.what}`,
    `${result.browser}; DOM elements: panel ${result.domElements.panel}, Table ${result.domElements.table}; ` +
      `dist/panel/module.js ${(result.panelModuleGzipBytes / 1024).toFixed(1)} KB gzip`,
    '',
    `${'phase'.padEnd(22)} ${'panel ms'.padEnd(22)} ${'Table ms'.padEnd(22)} panel/Table`,
    ...RENDER_PHASES.map(({ key, label }) => {
      const p = result[key];
      return `${label.padEnd(22)} ${ms(p.panelMs).padEnd(22)} ${ms(p.tableMs).padEnd(22)} ${ratio(p.ratio)}`;
    }),
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
