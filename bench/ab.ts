import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import './env';
import { bundleDataSource } from './bundledSource';
import { ISSUE_SIZES } from './payloads';
import { abTargets, caseNamed, makePayloads, perDeployment } from './cases';
import { prepareOurs, sample } from './ratios';
import { WARM_UP_RUNS, interleavedSamples } from './sampling';
import { fixedCostAb } from './fixedCost';
import { medianAndQuartiles, summarize, type Spread } from './stats';

/**
 * A/B: the data source of a git revision (A) against this working tree (B), both bundled as the
 * bench bundles them and measured interleaved in one process — the way to judge a change: medians
 * of two bench runs move by ±10–20 % on a shared machine, the ratio of interleaved samples much less.
 *
 *   npm run bench:ab -- <revision> [what …]
 *
 * What to compare (default: every query type):
 * - a query type (`driftOverTime`, …): query() end to end, with a collection and the idle pause
 *   before each sample, as the bench measures it (BENCH_RUNS samples each, default 15);
 * - `fixed`: the fixed cost of a query, on a tiny answer, cold (BENCH_FIXED_RUNS, default 1,000:
 *   a few per cent show only over that many samples; two bundles of the same source measured
 *   1.006 and 0.988 over 600).
 */

const ROOT = join(__dirname, '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const FIXED_RUNS = Number(process.env.BENCH_FIXED_RUNS ?? 1000);

/** `src/` of `revision`, extracted to a temporary directory. */
function checkout(revision: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'modelwatch-ab-'));
  const archive = execFileSync('git', ['archive', '--format=tar', revision, 'src'], {
    cwd: ROOT,
    maxBuffer: 1 << 30,
  });
  execFileSync('tar', ['-x', '-C', dir], { input: archive });
  return dir;
}

function row(what: string, a: Spread, b: Spread, bOverA: Spread, jsonParseMs?: number): string {
  const json = jsonParseMs === undefined ? '' : jsonParseMs.toFixed(1);
  return `| ${what} | ${a.median.toFixed(2)} | ${b.median.toFixed(2)} | ${json} | ${medianAndQuartiles(bOverA)} |`;
}

function bOverA(samples: number[][]): Spread {
  return summarize(samples[1].map((ms, i) => ms / samples[0][i]));
}

async function main(): Promise<void> {
  const [revision, ...names] = process.argv.slice(2);
  if (!revision) {
    throw new Error('usage: npm run bench:ab -- <revision> [query type | fixed …]');
  }
  const targets = abTargets(names);
  const dir = checkout(revision);
  try {
    const a = bundleDataSource(dir, 'ab-a');
    const b = bundleDataSource(ROOT, 'ab-b');
    const payloads = makePayloads(ISSUE_SIZES);
    console.log(`A = ${revision}, B = working tree; samples interleaved, ${WARM_UP_RUNS} warm-up runs of each.\n`);
    console.log('| compared | A (ms) | B (ms) | JSON.parse (ms) | B / A: median (p25–p75) |');
    console.log('|---|---:|---:|---:|---|');
    for (const name of targets) {
      if (name === 'fixed') {
        const samples = await fixedCostAb(a, b, FIXED_RUNS);
        console.log(
          row(`fixed cost (${FIXED_RUNS} runs)`, summarize(samples[0]), summarize(samples[1]), bOverA(samples))
        );
      } else {
        const c = caseNamed(name);
        const text = payloads[c.payload];
        // As the bench measures ours: per-deployment queries with the deployment list known.
        const listKnown = perDeployment(c);
        const samples = await interleavedSamples(
          RUNS,
          async () => [
            await prepareOurs(payloads, c, { module: a, listKnown }),
            await prepareOurs(payloads, c, { module: b, listKnown }),
            () => JSON.parse(text),
          ],
          sample
        );
        const [msA, msB, msJson] = samples.map((s) => summarize(s));
        console.log(row(`${c.name} (${RUNS} runs)`, msA, msB, bOverA(samples), msJson.median));
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
