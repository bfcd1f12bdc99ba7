import path from 'node:path';

import type { Page } from 'playwright-core';

import { launchChromium } from '../../devtools/preview/browser';
import { builtFile, openBenchPage } from '../browserPage';
import { abTargets } from '../cases';
import { withRevisionBuild } from '../revisionBuild';
import { medianAndQuartiles, summarize, type Spread } from '../stats';
import type { FixedCostSamples, QuerySamples } from './protocol';
import { measureCase, measureFixedCost } from './run';

/**
 * A/B of the data source in Chromium: the built data source of a git revision (A) against this
 * working tree's build (B), each on its own bench page (page/main.ts) of one Chromium, sampled as
 * the Chromium bench samples (run.ts) in rounds that alternate which page goes first — the way to
 * judge a data source change in the runtime Grafana runs it in. `npm run bench:ab` does the same
 * in Node; there the two bundles share one V8 context, so a change to which hidden classes stay
 * alive cannot show, while here each build has its own page.
 *
 * Each round takes SAMPLES_PER_ROUND samples of a query type on each page; a page's value for the
 * round is the median of its samples of ours / `JSON.parse` (the same text parsed in the same
 * page, which cancels what differs between pages and moments), and the result is B / A of those,
 * round by round. Needs `npm run build` of the working tree; A is built in a temporary worktree.
 *
 *   npm run bench:ab:browser -- <revision> [query type … | fixed] [--rounds 15]
 */

const SAMPLES_PER_ROUND = 3;
const WARM_UP_PER_ROUND = 1;
const FIXED_SAMPLES_PER_ROUND = 20;

type Variant = 'A' | 'B';

/** The rounds' B / A of `value`, each side the median of its page's samples in the round. */
function bOverA<T>(rounds: Array<Record<Variant, T>>, value: (samples: T) => number[]): Spread {
  const median = (samples: number[]) => summarize(samples).median;
  return summarize(rounds.map((round) => median(value(round.B)) / median(value(round.A))));
}

/** Per sample: the variant's milliseconds over `JSON.parse`'s of the same run. */
const overJsonParse = (pick: (s: QuerySamples) => number[]) => (s: QuerySamples) =>
  pick(s).map((ms, i) => ms / s.jsonParse[i]);

/** Rounds of `measure` on both pages, alternating which goes first. */
async function rounds<T>(count: number, pages: Record<Variant, Page>, measure: (page: Page) => Promise<T>) {
  const measured: Array<Record<Variant, T>> = [];
  for (let i = 0; i < count; i++) {
    const round = {} as Record<Variant, T>;
    for (const variant of (i % 2 === 0 ? ['A', 'B'] : ['B', 'A']) as Variant[]) {
      round[variant] = await measure(pages[variant]);
    }
    measured.push(round);
  }
  return measured;
}

const medianMs = (samples: number[]) => summarize(samples).median.toFixed(2);

function parseArgs(args: string[]): { revision: string; names: string[]; roundCount: number } {
  const roundsAt = args.indexOf('--rounds');
  const roundCount = roundsAt >= 0 ? Number(args[roundsAt + 1]) : 15;
  const [revision, ...names] = args.filter((arg, i) => !arg.startsWith('--') && args[i - 1] !== '--rounds');
  if (!revision || !Number.isInteger(roundCount) || roundCount < 1) {
    throw new Error('usage: npm run bench:ab:browser -- <revision> [query type … | fixed] [--rounds 15]');
  }
  return { revision, names: abTargets(names), roundCount };
}

async function main(): Promise<void> {
  const { revision, names, roundCount } = parseArgs(process.argv.slice(2));
  builtFile('datasource/module.js');
  const entry = path.join(__dirname, 'page', 'main.ts');
  const browser = await launchChromium(['--js-flags=--expose-gc']);
  try {
    await withRevisionBuild(revision, async (distA, tmp) => {
      const pages: Record<Variant, Page> = {
        A: (await openBenchPage(browser, entry, path.join(tmp, 'page-a'), distA)).page,
        B: (await openBenchPage(browser, entry, path.join(tmp, 'page-b'))).page,
      };
      console.log(
        `\nA = ${revision}, B = working tree; Chromium ${browser.version()}; ${roundCount} rounds, ` +
          `each ${SAMPLES_PER_ROUND} samples per page of a query type (after ${WARM_UP_PER_ROUND} warm-up run), ` +
          `${FIXED_SAMPLES_PER_ROUND} of each kind of the fixed cost.\n`
      );
      console.log(
        '| query type | A (ms) | B (ms) | JSON.parse (ms) | ours / JSON.parse, B / A: median (p25–p75) | parser and frames / JSON.parse, B / A |'
      );
      console.log('|---|---:|---:|---:|---|---|');
      for (const name of names.filter((n) => n !== 'fixed')) {
        const measured = await rounds(roundCount, pages, (page) =>
          measureCase(page, name, SAMPLES_PER_ROUND, WARM_UP_PER_ROUND)
        );
        const all = (variant: Variant, pick: (s: QuerySamples) => number[]) =>
          measured.flatMap((round) => pick(round[variant]));
        const cells = [
          name,
          medianMs(all('A', (s) => s.ours)),
          medianMs(all('B', (s) => s.ours)),
          medianMs(all('B', (s) => s.jsonParse)),
          medianAndQuartiles(
            bOverA(
              measured,
              overJsonParse((s) => s.ours)
            )
          ),
          medianAndQuartiles(
            bOverA(
              measured,
              overJsonParse((s) => s.parserAndFrames)
            )
          ),
        ];
        console.log(`| ${cells.join(' | ')} |`);
      }
      if (names.includes('fixed')) {
        // The page samples both kinds of the fixed cost in every run; both are compared.
        const measured = await rounds(roundCount, pages, (page) =>
          measureFixedCost(page, FIXED_SAMPLES_PER_ROUND, WARM_UP_PER_ROUND)
        );
        const kinds: Array<[string, keyof FixedCostSamples]> = [
          ['Fixed cost (ms)', 'cold'],
          ["Fixed cost after rxjs's first use (ms)", 'afterRxjs'],
        ];
        console.log('');
        for (const [label, kind] of kinds) {
          const all = (variant: Variant) => measured.flatMap((round) => round[variant][kind]);
          console.log(
            `${label}: A ${medianMs(all('A'))}, B ${medianMs(all('B'))}; ` +
              `B / A ${medianAndQuartiles(bOverA(measured, (samples) => samples[kind]))}`
          );
        }
      }
    });
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
