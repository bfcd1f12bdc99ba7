/** What the benchmark page (page/main.tsx) and its runner (run.ts) share. */

/** Content size of both the panel and the Table: the preview's "large" panel. */
export const BENCH_SIZE = { width: 1240, height: 840 } as const;

export type Subject = 'panel' | 'table';

/** Milliseconds of one render: synchronous commit + forced layout, and until the next frame. */
export interface PhaseTiming {
  commit: number;
  frame: number;
}

/** One subject rendered fresh (first) and after an option change (rerender). */
export interface RenderTiming {
  first: PhaseTiming;
  rerender: PhaseTiming;
  /** DOM elements the subject left after the re-render. */
  nodes: number;
}
