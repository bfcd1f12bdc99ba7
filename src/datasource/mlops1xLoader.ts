import type { MetricFindValue, TestDataSourceResponse } from '@grafana/data';
import { type Observable, defer, mergeMap } from 'rxjs';

import type { Mlops1xEditorApi, OptionList } from './editorApi';
import type { Mlops1xQueryRunner } from './mlops1x/queries';
import type { TargetResult } from './query/fanOut';
import type { Mlops1xVariableQuery } from './mlops1x/variableModel';
import type { MlopsDataSourceOptions } from './types';

/** What the data source, its variables and editors use of the H2O MLOps 1.x generation. */
export interface Mlops1xGeneration extends Mlops1xEditorApi {
  /** Runs the `mlops1x` part of one target; never errors (failures come back beside the frames). */
  run(refId: string, stored: unknown, request: Parameters<Mlops1xQueryRunner['run']>[2]): Observable<TargetResult>;
  /** Save & test against the 1.x services. */
  testConnection(options: MlopsDataSourceOptions): Promise<TestDataSourceResponse>;
  /** The values of a 1.x template variable. */
  variableValues(stored: unknown, replace: (text?: string) => string): Observable<MetricFindValue[]>;
  listOptions(query: Partial<Mlops1xVariableQuery>): Promise<OptionList>;
}

/**
 * The 1.x generation, loaded on first use: `load` is a dynamic `import()` of mlops1xGeneration.ts,
 * so the 1.x code is a separate chunk that only data sources set to 1.x download (#11). Loaded
 * once per data source instance; every call waits for the same load. The Observables stay cold:
 * nothing loads or runs before a subscription.
 */
export class LazyMlops1x implements Mlops1xGeneration {
  private loading?: Promise<Mlops1xGeneration>;

  constructor(private readonly load: () => Promise<Mlops1xGeneration>) {}

  private generation(): Promise<Mlops1xGeneration> {
    // A failed load (a chunk that did not download) is not kept: the next call tries again.
    this.loading ??= this.load().catch((error: unknown) => {
      this.loading = undefined;
      throw error;
    });
    return this.loading;
  }

  run(refId: string, stored: unknown, request: Parameters<Mlops1xGeneration['run']>[2]): Observable<TargetResult> {
    return defer(() => this.generation()).pipe(mergeMap((generation) => generation.run(refId, stored, request)));
  }

  testConnection(options: MlopsDataSourceOptions): Promise<TestDataSourceResponse> {
    return this.generation().then((generation) => generation.testConnection(options));
  }

  variableValues(stored: unknown, replace: (text?: string) => string): Observable<MetricFindValue[]> {
    return defer(() => this.generation()).pipe(mergeMap((generation) => generation.variableValues(stored, replace)));
  }

  listOptions(query: Partial<Mlops1xVariableQuery>): Promise<OptionList> {
    return this.generation().then((generation) => generation.listOptions(query));
  }
}
