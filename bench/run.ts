import './env';

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { bundleSizes, chunkSizes, kb, type BundleSize } from '../scripts/bundleBudgets';
import { ISSUE_SIZES, type PayloadSizes } from './payloads';
import { measureFixedCost, type FixedCost } from './fixedCost';
import { CASES, makePayloads } from './cases';
import { measureRatios, type RatioResult } from './ratios';
import { WARM_UP_RUNS } from './sampling';
import { countFleet, countProvisionedDashboards, type RequestCount } from './requests';
import { medianAndQuartiles, type Spread } from './stats';
import { GOAL, ratioSpread, times, verdict } from './goals';
import { formatBrowserBench, runBrowserBench, type BrowserBenchResult } from './browser/run';
import { RENDER_PHASES, runPanelBench, type PanelBenchResult } from './panel/run';

/**
 * `npm run bench` (issue #11): CPU-time ratios of the data source's query() on large payloads,
 * the fixed cost of a query on a tiny answer (cold and warm), gateway requests and decodes per
 * dashboard load, bundle sizes, the panel against Grafana's Table (bench/panel/), and the same query() ratios in Chromium on the built data source (bench/browser/). The parts in
 * Chromium need `npm run build` and Chromium; without them their rows say why they are missing.
 * Writes bench/results.json and bench/results.md and prints the table. Not part of `npm test`
 * (only the bundle budgets are, via scripts/checkBundleSize.ts).
 *
 * BENCH_RUNS (default 21) sets the runs per query type; BENCH_SCALE (default 1) scales the payloads.
 */

const ROOT = join(__dirname, '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 21);
const SCALE = Number(process.env.BENCH_SCALE ?? 1);

interface LinearityRow {
  name: string;
  halfMs: number;
  fullMs: number;
  /** ≈ 2 when cost grows linearly with the payload. */
  growth: number;
  /** `JSON.parse` of the same answers, full / half: the runtime's own growth (collections on a larger heap). */
  jsonParseGrowth: number;
  /** ours / JSON.parse at half and at full size: steady when ours grows as the parse does. */
  halfOverJsonParse: number;
  fullOverJsonParse: number;
}

/** A part of the bench that needs Chromium and the build: its result, or why it was not measured. */
interface Outcome<T> {
  measured: boolean;
  reason?: string;
  result?: T;
}

function firstLine(error: unknown): string {
  return error instanceof Error ? error.message.split('\n')[0] : String(error);
}

/** Runs one part that needs Chromium and the build; a failure becomes the reason it was not measured. */
async function measured<T>(run: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { measured: true, result: await run() };
  } catch (error) {
    return { measured: false, reason: firstLine(error) };
  }
}

function scaled(sizes: PayloadSizes, factor: number): PayloadSizes {
  const n = (v: number) => Math.max(1, Math.round(v * factor));
  return {
    bins: n(sizes.bins),
    features: n(sizes.features),
    pointsPerFeature: sizes.pointsPerFeature,
    deployments: n(sizes.deployments),
    modelsPerDeployment: sizes.modelsPerDeployment,
  };
}

/**
 * Median CPU time of ours at half and full size, for a few query types, beside `JSON.parse` of
 * the same answers: the parse itself grows faster than linearly on the drift answer (its
 * collections run on a larger heap), so ours is judged by its ratio to the parse at both sizes.
 */
async function linearity(full: RatioResult[], sizes: PayloadSizes): Promise<LinearityRow[]> {
  const names = [
    'deployments',
    'predictionsOverTime',
    'predictionValues',
    'operationalTimeSeries',
    'featureDrift',
    'driftOverTime',
  ];
  const half = await measureRatios(
    makePayloads(scaled(sizes, 0.5), 2_500),
    RUNS,
    CASES.filter((c) => names.includes(c.name))
  );
  // Halving the features halves the points too; this halves the points of each feature instead.
  const halfPoints = await measureRatios(
    makePayloads({ ...sizes, pointsPerFeature: Math.max(1, Math.round(sizes.pointsPerFeature / 2)) }),
    RUNS,
    CASES.filter((c) => c.name === 'driftOverTime')
  );
  const row = (h: RatioResult, name: string): LinearityRow => {
    const f = full.find((r) => r.name === h.name)!;
    return {
      name,
      halfMs: h.oursMs.median,
      fullMs: f.oursMs.median,
      growth: f.oursMs.median / h.oursMs.median,
      jsonParseGrowth: f.jsonParseMs.median / h.jsonParseMs.median,
      halfOverJsonParse: h.oursOverJsonParse.median,
      fullOverJsonParse: f.oursOverJsonParse.median,
    };
  };
  return [...half.map((h) => row(h, h.name)), ...halfPoints.map((h) => row(h, `${h.name} (points per feature)`))];
}

function markdown(
  ratios: RatioResult[],
  fixed: FixedCost,
  lin: LinearityRow[],
  requests: RequestCount[],
  bundles: BundleSize[],
  panel: Outcome<PanelBenchResult>,
  browser: Outcome<BrowserBenchResult>,
  meta: { runs: number; sizes: PayloadSizes; node: string; seconds: number }
): string {
  const lines: string[] = [];
  lines.push(
    `Node ${meta.node}, ${meta.runs} interleaved runs per query type after ${WARM_UP_RUNS} warm-up runs of each variant, CPU time (process.cpuUsage), GC and a 30 ms idle pause (background sweeping) before each sample. Per-deployment queries run with the deployment list known, as on a dashboard after its variables; the last column is the same query on a fresh data source. The parser and frames alone are JSON.parse, the parser of the part the query shows and its frame builder, without the query around them (stages.ts). The conversion floor is JSON.parse and the conversion of what the query returns, without a check (floors.ts); a minimal query is the floor inside of → map → lastValueFrom, the least any query is.`,
    `Payloads: health ${meta.sizes.bins.toLocaleString('en-US')} bins + boxes, drift ${meta.sizes.features.toLocaleString('en-US')} features × ${meta.sizes.pointsPerFeature} points, ` +
      `${meta.sizes.deployments.toLocaleString('en-US')} deployments × ${meta.sizes.modelsPerDeployment} models, operational 6 × 5,000 points.`,
    '',
    '| query type | payload | ours (ms) | JSON.parse (ms) | ours / JSON.parse: median (p25–p75, min, max) | goal | ours / hand-built baseline | parser and frames alone / JSON.parse | conversion floor / JSON.parse | the floor in a minimal query / JSON.parse | fresh data source (+ deployment lookup) / JSON.parse |',
    '|---|---:|---:|---:|---|---|---|---|---|---|---|'
  );
  for (const r of ratios) {
    // A median of 1.3035 prints as 1.30×: a miss that rounds to its goal says by how much.
    const { goal, text: met } = verdict(r.oursOverJsonParse.median, r.summary);
    lines.push(
      `| ${r.name} | ${(r.payloadBytes / 1e6).toFixed(1)} MB | ${r.oursMs.median.toFixed(1)} | ${r.jsonParseMs.median.toFixed(1)} | ${ratioSpread(r.oursOverJsonParse)} | ≤ ${goal}× ${met} | ${times(r.oursOverBaseline.median)} | ${times(r.parserAndFrameOverJsonParse.median)} | ${r.floorOverJsonParse ? times(r.floorOverJsonParse.median) : '—'} | ${r.floorInQueryOverJsonParse ? times(r.floorInQueryOverJsonParse.median) : '—'} | ${r.freshOverJsonParse ? times(r.freshOverJsonParse.median) : '—'} |`
    );
  }
  const ms = (s: Spread) => medianAndQuartiles(s, 2);
  lines.push(
    '',
    `| fixed cost of a query (health summary of a tiny answer, ${fixed.runs} runs) | ms: median (p25–p75) |`,
    '|---|---|',
    `| cold: after a collection and the idle pause, as every sample above | ${ms(fixed.coldMs)} |`,
    `| cold, after one untimed subscription of rxjs (as Grafana's own rxjs pipeline around query() has made) | ${ms(fixed.afterRxjsMs)} |`,
    `| warm: at once after another query of the same data source | ${ms(fixed.warmMs)} |`,
    `| cold, the parser and frame alone (JSON.parse included, no query around them) | ${ms(fixed.stageColdMs)} |`
  );
  const list = ratios.find((r) => r.name === 'deployments');
  if (list) {
    lines.push(
      `| cold, against the list's JSON.parse (${list.jsonParseMs.median.toFixed(1)} ms): the part of its ratio that is fixed | ${times(fixed.coldMs.median / list.jsonParseMs.median)} |`
    );
  }
  lines.push(
    '',
    '| linear cost: query type | half size (ms) | full size (ms) | full / half (2.00 = linear) | JSON.parse full / half | ours / JSON.parse: half → full |',
    '|---|---:|---:|---:|---:|---|'
  );
  for (const l of lin) {
    lines.push(
      `| ${l.name} | ${l.halfMs.toFixed(1)} | ${l.fullMs.toFixed(1)} | ${l.growth.toFixed(2)} | ${l.jsonParseGrowth.toFixed(2)} | ${times(l.halfOverJsonParse)} → ${times(l.fullOverJsonParse)} |`
    );
  }
  lines.push(
    '',
    '| dashboard load (variables, panels, annotations) | gateway requests | distinct | part decodes (each part of an answer once) | deployment lookups answered from the list | query errors |',
    '|---|---:|---:|---:|---:|---:|'
  );
  for (const r of requests) {
    lines.push(
      `| ${r.dashboard} | ${r.requests} | ${r.distinct} | ${r.decodes} | ${r.knownDeploymentHits} | ${r.errors} |`
    );
  }
  lines.push('', '| bundle | gzip | budget |', '|---|---:|---:|');
  for (const b of bundles) {
    lines.push(
      `| ${b.name} (dist/${b.file}) | ${b.gzipBytes === undefined ? 'not built' : kb(b.gzipBytes)} | ${kb(b.budgetBytes)} |`
    );
  }
  lines.push('');
  if (panel.result) {
    lines.push('| panel vs @grafana/ui Table (Chromium) | panel / Table: median (min–max) |', '|---|---|');
    for (const { key } of RENDER_PHASES) {
      const { ratio } = panel.result[key];
      lines.push(`| ${key} | ${times(ratio.median)} (${ratio.min.toFixed(2)}–${ratio.max.toFixed(2)}) |`);
    }
  } else {
    lines.push(`Panel vs @grafana/ui Table: not measured (${panel.reason}).`);
  }
  lines.push('');
  if (browser.result) {
    const inNode = (name: string) => ratios.find((r) => r.name === name)?.oursOverJsonParse.median;
    lines.push(...formatBrowserBench(browser.result, inNode));
  } else {
    lines.push(`query() in Chromium: not measured (${browser.reason}).`);
  }
  lines.push('', `Bench runtime: ${meta.seconds.toFixed(0)} s.`);
  return lines.join('\n');
}

async function main(): Promise<void> {
  const started = Date.now();
  if (typeof (globalThis as { gc?: unknown }).gc !== 'function') {
    console.warn('warning: run with node --expose-gc (npm run bench does) so samples start after a collection');
  }
  const sizes = scaled(ISSUE_SIZES, SCALE);
  const ratios = await measureRatios(makePayloads(sizes), RUNS);
  const fixed = await measureFixedCost(Math.max(RUNS * 5, 50));
  const lin = await linearity(ratios, sizes);
  const requests = [...(await countProvisionedDashboards(ROOT)), await countFleet(ROOT, 1_000)];
  // The chunks split off by dynamic imports too: code moved out of a module.js stays in the table.
  const bundles = [...bundleSizes(join(ROOT, 'dist')), ...chunkSizes(join(ROOT, 'dist'))];
  const panel = await measured(() => runPanelBench());
  const browser = await measured(() => runBrowserBench({ runs: RUNS, warmUpRuns: WARM_UP_RUNS }));
  const seconds = (Date.now() - started) / 1000;
  const meta = { runs: RUNS, sizes, node: process.versions.node, seconds };
  const md = markdown(ratios, fixed, lin, requests, bundles, panel, browser, meta);
  writeFileSync(
    join(__dirname, 'results.json'),
    `${JSON.stringify({ meta, goals: GOAL, ratios, fixedCost: fixed, linearity: lin, requests, bundles, panel, browser }, null, 2)}\n`
  );
  writeFileSync(join(__dirname, 'results.md'), `${md}\n`);
  console.log(md);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
