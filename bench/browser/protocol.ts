/** What the query bench's page (page/main.ts) and its runner (run.ts) share. */

/** Milliseconds of each sample, interleaved run by run: ours[i] and jsonParse[i] are one run. */
export interface QuerySamples {
  ours: number[];
  jsonParse: number[];
  /** The parser and frames alone (../stageOn.ts), on the page's own bundle of them. */
  parserAndFrames: number[];
  /** The series and the list: the conversion floor (../floors.ts), no checks. */
  floor?: number[];
}

/** The fixed cost's samples (ms), interleaved run by run. */
export interface FixedCostSamples {
  /** After a collection and the idle pause, as every sample of a query type. */
  cold: number[];
  /** The same, with one untimed subscription of rxjs before the query (../sampling.ts, runRxjsOnce). */
  afterRxjs: number[];
}

/** The page's API on `window.__bench`, once `state` is 'ready'. */
export interface QueryBenchPage {
  state: 'loading' | 'ready' | 'error';
  error?: string;
  /** The query type's full query(), its parser and frames alone and `JSON.parse` of its answer, `runs` interleaved runs. */
  measure(queryType: string, runs: number, warmUpRuns: number): Promise<QuerySamples>;
  /** The fixed cost: the health summary of a tiny answer, `runs` samples of each kind. */
  fixedCost(runs: number, warmUpRuns: number): Promise<FixedCostSamples>;
  /** The step the page's clock counts in, measured (ms): 0.005 when the page is cross-origin isolated. */
  timerStepMs: number;
}
