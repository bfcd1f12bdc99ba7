import type { DataFrame } from '@grafana/data';
import { join } from 'node:path';

import { bundleFile } from './bundledSource';
import type { Payloads, RatioCase } from './cases';
import { sameFrameColumns, stageOn, type Stage, type StagesModule } from './stageOn';

/** The stages of the in-process bench run on this bundle of the parsers and frame builders. */
let loaded: StagesModule | undefined;

function stagesModule(): StagesModule {
  loaded ??= bundleFile<StagesModule>(join(__dirname, 'stagesEntry.ts'), 'stages');
  return loaded;
}

/** The stage of a query type (stageOn.ts), built on the bundled parsers and frame builders. */
export function stageOf(c: RatioCase): Stage {
  return stageOn(c, stagesModule());
}

/**
 * Before a stage is measured, its frames are compared with the full query's (field names and
 * values): a stage that did less than the query would be a stage of nothing. Throws on the first
 * difference.
 */
export function checkStage(c: RatioCase, payloads: Payloads, queryFrames: DataFrame[]): void {
  if (!sameFrameColumns(stageOf(c)(payloads[c.payload]), queryFrames)) {
    throw new Error(`bench: the ${c.name} stage builds other frames than the query`);
  }
}
