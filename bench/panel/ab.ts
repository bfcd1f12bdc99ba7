import path from 'node:path';

import type { Page } from 'playwright-core';

import { launchChromium } from '../../devtools/preview/browser';
import { medianAndQuartiles, summarize, type Spread } from '../stats';
import type { RenderTiming, Subject } from './protocol';
import { builtFile } from '../browserPage';
import { withRevisionBuild } from '../revisionBuild';
import { BENCH_DATA, measureRender, openPanelPage, RENDER_PHASES, showUntilLoaded } from './run';

/**
 * A/B of the panel: the built panel of a git revision (A) against this working tree's build (B),
 * each on its own page of one Chromium, measured interleaved with @grafana/ui's Table — the way to
 * judge a panel change (medians of two bench runs move by ±10–20 %; the per-run ratio B / A much
 * less). Needs `npm run build` of the working tree; A is built in a temporary git worktree.
 *
 *   npm run bench:ab:panel -- <revision> [--runs 30]
 */

const WARM_UP_RUNS = 3;

type Variant = 'A' | 'B' | 'Table';
type Phase = (t: RenderTiming) => number;

/** Per-run ratios x / y of one phase. */
function ratios(runs: Array<Record<Variant, RenderTiming>>, phase: Phase, x: Variant, y: Variant): Spread {
  return summarize(runs.map((run) => phase(run[x]) / phase(run[y])));
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const runsAt = args.indexOf('--runs');
  const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 30;
  const revision = args.find((arg, i) => !arg.startsWith('--') && args[i - 1] !== '--runs');
  if (!revision) {
    throw new Error('usage: npm run bench:ab:panel -- <revision> [--runs 30]');
  }
  builtFile('panel/module.js');
  const browser = await launchChromium();
  try {
    await withRevisionBuild(revision, async (distA, tmp) => {
      const pages: Record<'A' | 'B', Page> = {
        A: (await openPanelPage(browser, path.join(tmp, 'page-a'), distA)).page,
        B: (await openPanelPage(browser, path.join(tmp, 'page-b'))).page,
      };
      for (const page of Object.values(pages)) {
        await showUntilLoaded(page, BENCH_DATA.features, BENCH_DATA.models);
      }
      const order: Array<[Variant, Page, Subject]> = [
        ['A', pages.A, 'panel'],
        ['B', pages.B, 'panel'],
        ['Table', pages.B, 'table'],
      ];
      const measured: Array<Record<Variant, RenderTiming>> = [];
      for (let i = 0; i < WARM_UP_RUNS + runs; i++) {
        const run = {} as Record<Variant, RenderTiming>;
        for (let j = 0; j < order.length; j++) {
          const [variant, page, subject] = order[(i + j) % order.length];
          run[variant] = await measureRender(page, subject, BENCH_DATA.features, BENCH_DATA.models);
        }
        if (i >= WARM_UP_RUNS) {
          measured.push(run);
        }
      }
      printTable(revision, runs, measured);
    });
  } finally {
    await browser.close();
  }
}

function printTable(revision: string, runs: number, measured: Array<Record<Variant, RenderTiming>>): void {
  const ms = (variant: Variant, phase: Phase) => summarize(measured.map((run) => phase(run[variant]))).median;
  console.log(`\nA = ${revision}, B = working tree; ${runs} interleaved runs after ${WARM_UP_RUNS} warm-up runs.\n`);
  console.log('| phase | A (ms) | B (ms) | Table (ms) | B / A: median (p25–p75) | A / Table | B / Table |');
  console.log('|---|---:|---:|---:|---|---|---|');
  for (const { label, pick: phase } of RENDER_PHASES) {
    const cells = [
      label,
      ms('A', phase).toFixed(1),
      ms('B', phase).toFixed(1),
      ms('Table', phase).toFixed(1),
      medianAndQuartiles(ratios(measured, phase, 'B', 'A')),
      medianAndQuartiles(ratios(measured, phase, 'A', 'Table')),
      medianAndQuartiles(ratios(measured, phase, 'B', 'Table')),
    ];
    console.log(`| ${cells.join(' | ')} |`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
