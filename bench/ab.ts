import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import './env';
import { bundleDataSource } from './bundledSource';
import { ISSUE_SIZES } from './payloads';
import { CASES, WARM_UP_RUNS, interleavedSamples, makePayloads, perDeployment, prepareOurs } from './ratios';
import { summarize } from './stats';

/**
 * A/B: the data source of a git revision (A) against this working tree (B), both bundled as the
 * bench bundles them and measured interleaved in one process, with a collection and the idle
 * pause before each sample — the way to judge a change: medians of two bench runs move by
 * ±10–20 % on a shared machine, the ratio of interleaved samples much less.
 *
 *   npm run bench:ab -- <revision> [query type …]     (BENCH_RUNS samples each, default 15)
 */

const ROOT = join(__dirname, '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 15);

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

async function main(): Promise<void> {
  const [revision, ...names] = process.argv.slice(2);
  if (!revision) {
    throw new Error('usage: npm run bench:ab -- <revision> [query type …]');
  }
  const dir = checkout(revision);
  try {
    const a = bundleDataSource(dir, 'ab-a');
    const b = bundleDataSource(ROOT, 'ab-b');
    const payloads = makePayloads(ISSUE_SIZES);
    const cases = names.length > 0 ? CASES.filter((c) => names.includes(c.name)) : CASES;
    console.log(
      `A = ${revision}, B = working tree; ${RUNS} interleaved runs of each after ${WARM_UP_RUNS} warm-up runs.\n`
    );
    console.log('| query type | A (ms) | B (ms) | JSON.parse (ms) | B / A: median (p25–p75) |');
    console.log('|---|---:|---:|---:|---|');
    for (const c of cases) {
      const text = payloads[c.payload];
      // As the bench measures ours: per-deployment queries with the deployment list known.
      const listKnown = perDeployment(c);
      const samples = await interleavedSamples(RUNS, async () => [
        await prepareOurs(payloads, c, { module: a, listKnown }),
        await prepareOurs(payloads, c, { module: b, listKnown }),
        () => JSON.parse(text),
      ]);
      const [msA, msB, msJson] = samples.map((s) => summarize(s).median);
      const ratio = summarize(samples[1].map((ms, i) => ms / samples[0][i]));
      console.log(
        `| ${c.name} | ${msA.toFixed(1)} | ${msB.toFixed(1)} | ${msJson.toFixed(1)} | ${ratio.median.toFixed(3)} (${ratio.p25.toFixed(3)}–${ratio.p75.toFixed(3)}) |`
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
