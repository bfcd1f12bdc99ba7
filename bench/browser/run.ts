import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import type { Page } from 'playwright-core';

import { launchChromium } from '../../devtools/preview/browser';
import { builtFile, openBenchPage } from '../browserPage';
import { CASES } from '../cases';
import { WARM_UP_RUNS } from '../sampling';
import { medianAndQuartiles, summarize, type Spread } from '../stats';
import { ratioSpread, times, verdict } from '../goals';
import type { FixedCostSamples, QueryBenchPage, QuerySamples } from './protocol';

/**
 * The data source's query() in the browser it runs in (#11): the BUILT data source
 * (dist/datasource/module.js, as Grafana loads it) in headless Chromium, against `JSON.parse` of
 * the same answer in the same page — the in-process bench's ratios (../ratios.ts, Node's V8) measured
 * on the V8 of a current browser. Each sample is taken the same way (a collection and a 30 ms idle
 * pause before each, interleaved, a fresh data source per run); time is the page's
 * `performance.now()`, in 5 µs steps (the page is cross-origin isolated; the step is measured): the main thread's
 * elapsed time, where the in-process bench counts the CPU time of every thread. Needs
 * `npm run build` and Chromium (scripts/setup/chromium.sh).
 *
 *   npx tsx bench/browser/run.ts [--runs 21]
 */

export interface BrowserRatio {
  name: string;
  summary: boolean;
  oursMs: Spread;
  jsonParseMs: Spread;
  /** Per run: ours / `JSON.parse`. */
  oursOverJsonParse: Spread;
  /** Per run: the parser and frames alone (../stageOn.ts) / `JSON.parse`. */
  parserAndFramesOverJsonParse: Spread;
  /** The series and the list, per run: the conversion floor (../floors.ts) / `JSON.parse`. */
  floorOverJsonParse?: Spread;
}

export interface BrowserBenchResult {
  browser: string;
  runs: number;
  warmUpRuns: number;
  timerStepMs: number;
  ratios: BrowserRatio[];
  /** The health summary of a tiny answer (../fixedCost.ts), sampled as the ratios are. */
  fixedCostMs: Spread;
  /** The same, after one untimed subscription of rxjs (../sampling.ts, runRxjsOnce). */
  fixedCostAfterRxjsMs: Spread;
}

/** `runs` interleaved samples of a query type on a bench page (see protocol.ts). */
export async function measureCase(page: Page, name: string, runs: number, warmUpRuns: number): Promise<QuerySamples> {
  return page.evaluate(([n, r, w]) => (window as unknown as { __bench: QueryBenchPage }).__bench.measure(n, r, w), [
    name,
    runs,
    warmUpRuns,
  ] as const);
}

/** `runs` samples of each kind of the fixed cost of a query on a bench page (see protocol.ts). */
export async function measureFixedCost(page: Page, runs: number, warmUpRuns: number): Promise<FixedCostSamples> {
  return page.evaluate(([r, w]) => (window as unknown as { __bench: QueryBenchPage }).__bench.fixedCost(r, w), [
    runs,
    warmUpRuns,
  ] as const);
}

/** Runs the benchmark; see the module comment. */
export async function runBrowserBench({ runs = 21, warmUpRuns = WARM_UP_RUNS } = {}): Promise<BrowserBenchResult> {
  builtFile('datasource/module.js');
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'modelwatch-bench-query-'));
  const browser = await launchChromium(['--js-flags=--expose-gc']);
  try {
    const { page, errors } = await openBenchPage(browser, path.join(__dirname, 'page', 'main.ts'), outdir);
    const ratios: BrowserRatio[] = [];
    for (const c of CASES) {
      const { ours, jsonParse, parserAndFrames, floor } = await measureCase(page, c.name, runs, warmUpRuns);
      const overJsonParse = (samples: number[]) => summarize(samples.map((o, i) => o / jsonParse[i]));
      ratios.push({
        name: c.name,
        summary: c.summary,
        oursMs: summarize(ours),
        jsonParseMs: summarize(jsonParse),
        oursOverJsonParse: overJsonParse(ours),
        parserAndFramesOverJsonParse: overJsonParse(parserAndFrames),
        ...(floor ? { floorOverJsonParse: overJsonParse(floor) } : {}),
      });
    }
    const fixed = await measureFixedCost(page, Math.max(runs * 5, 50), warmUpRuns);
    if (errors.length > 0) {
      throw new Error(`bench page errors: ${errors.join('; ')}`);
    }
    return {
      browser: `Chromium ${browser.version()}`,
      runs,
      warmUpRuns,
      timerStepMs: await page.evaluate(() => (window as unknown as { __bench: QueryBenchPage }).__bench.timerStepMs),
      ratios,
      fixedCostMs: summarize(fixed.cold),
      fixedCostAfterRxjsMs: summarize(fixed.afterRxjs),
    };
  } finally {
    await browser.close();
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const runsArg = process.argv.indexOf('--runs');
  runBrowserBench({ runs: runsArg > 0 ? Number(process.argv[runsArg + 1]) : undefined })
    .then((result) => console.log(formatBrowserBench(result, () => undefined).join('\n')))
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}

/**
 * The results as markdown: per query type ours / `JSON.parse` in Chromium, its goal, and the same
 * ratio in Node (`nodeRatio`, the in-process bench of the same run) beside it.
 */
export function formatBrowserBench(
  result: BrowserBenchResult,
  nodeRatio: (name: string) => number | undefined
): string[] {
  const ms = (s: Spread) => s.median.toFixed(1);
  const lines = [
    `The built data source's query() in ${result.browser} (bench/browser/): ${result.runs} interleaved runs per query type after ${result.warmUpRuns} warm-up runs, a collection and the 30 ms idle pause before each sample, a fresh data source per run; elapsed time of the page's main thread (performance.now(), ${(result.timerStepMs * 1000).toFixed(0)} µs steps, measured).`,
    '',
    '| query type (Chromium) | ours (ms) | JSON.parse (ms) | ours / JSON.parse: median (p25–p75, min, max) | goal | parser and frames alone / JSON.parse | conversion floor / JSON.parse | in Node (above) |',
    '|---|---:|---:|---|---|---|---|---|',
  ];
  for (const r of result.ratios) {
    const { goal, text } = verdict(r.oursOverJsonParse.median, r.summary);
    const s = r.oursOverJsonParse;
    const node = nodeRatio(r.name);
    lines.push(
      `| ${r.name} | ${ms(r.oursMs)} | ${ms(r.jsonParseMs)} | ${ratioSpread(s)} | ≤ ${goal}× ${text} | ${times(r.parserAndFramesOverJsonParse.median)} | ${r.floorOverJsonParse ? times(r.floorOverJsonParse.median) : '—'} | ${node === undefined ? '—' : times(node)} |`
    );
  }
  lines.push(
    '',
    `Fixed cost in Chromium (health summary of a tiny answer, sampled as above): ${medianAndQuartiles(result.fixedCostMs, 2)} ms; ` +
      `after one untimed subscription of rxjs (as Grafana's own rxjs pipeline around query() has made): ${medianAndQuartiles(result.fixedCostAfterRxjsMs, 2)} ms.`
  );
  return lines;
}
