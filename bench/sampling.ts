/**
 * How every sample of the bench is taken, in Node (ratios.ts, CPU time) and in Chromium
 * (browser/page/, the page's clock): after a collection and an idle pause, variants interleaved.
 * Nothing here needs Node: the browser page bundles it.
 */
import { lastValueFrom, map, of } from 'rxjs';

/**
 * V8 finishes a collection on background threads (concurrent sweeping), and process.cpuUsage()
 * counts every thread: without a pause, that work lands in the next sample — ten times the cost of
 * a 2 ms query. Node 20 has no per-thread CPU clock, so each sample starts after a short idle pause.
 */
export const SETTLE_MS = 30;

/** Unmeasured runs of each variant before a query type's samples. */
export const WARM_UP_RUNS = 5;

/** The milliseconds of one piece of work, by some clock. */
export type Sampler = (work: () => unknown) => Promise<number>;

/** A collection (when `gc` is exposed) and the idle pause: what every sample starts after. */
export async function settle(): Promise<void> {
  (globalThis as { gc?: () => void }).gc?.();
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
}

/**
 * One subscription of rxjs, untimed, made between `settle()` and a sample of the fixed cost: the
 * first use of rxjs after a collection costs 0.15–0.2 ms in Chromium whatever the pipeline (a page
 * experiment of 28 Nov: `of → map → lastValueFrom` 0.23 ms cold, 0.045 ms after this), and
 * Grafana subscribes to a data source's query() through its own rxjs pipeline (runRequest.ts:
 * `from(datasource.query(request))` piped through its operators). Measured beside the plain cold
 * sample, never instead of it.
 */
export function runRxjsOnce(): Promise<number> {
  return lastValueFrom(of(1).pipe(map((n) => n + 1)));
}

/**
 * Samples of each variant, interleaved: `warmUpRuns` unmeasured runs of each (the first also
 * checks that it works: every variant is measured with its code optimised, as on a dashboard that
 * refreshes), then `runs` rounds that each build the variants afresh (`variantsOf`: a new data
 * source per round, no cache hits) and sample them with `sample` in an order rotated by the round.
 */
export async function interleavedSamples(
  runs: number,
  variantsOf: () => Promise<Array<() => unknown>>,
  sample: Sampler,
  warmUpRuns = WARM_UP_RUNS
): Promise<number[][]> {
  for (let run = 0; run < warmUpRuns; run++) {
    for (const work of await variantsOf()) {
      await work();
    }
  }
  const samples: number[][] = [];
  for (let run = 0; run < runs; run++) {
    const variants = await variantsOf();
    for (let k = 0; k < variants.length; k++) {
      const which = (run + k) % variants.length;
      (samples[which] ??= []).push(await sample(variants[which]));
    }
  }
  return samples;
}
