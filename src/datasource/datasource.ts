import {
  DataSourceApi,
  LoadingState,
  type CoreApp,
  type DataFrame,
  type DataQueryError,
  type DataQueryRequest,
  type DataQueryResponse,
  type DataSourceInstanceSettings,
  type ScopedVars,
  type SelectableValue,
  type TestDataSourceResponse,
} from '@grafana/data';
import type { BackendSrv, TemplateSrv } from '@grafana/runtime';
import { Observable, catchError, forkJoin, map, of } from 'rxjs';

import { annotationSupport } from './annotations';
import type { EditorDataSource, OptionList } from './editorApi';
import { GatewayError } from './gateway/errors';
import { GatewayClient } from './gateway/GatewayClient';
import { redactSecrets } from './gateway/redact';
import { migrateQuery } from './migrations';
import { PartialFailureError } from './query/fanOut';
import { QueryConfigError, QueryRunner } from './query/queryRunner';
import { MlopsVariableSupport } from './variables';
import { LazyMlops1x, type Mlops1xGeneration } from './mlops1xLoader';
import {
  ApiGeneration,
  AuthMode,
  DEFAULT_CACHE_TTL_SECONDS,
  DEFAULT_QUERY,
  DEFAULT_REQUEST_TIMEOUT_SECONDS,
  type MlopsDataSourceOptions,
  type MlopsQuery,
} from './types';

/**
 * Services the data source needs from Grafana. Passed in (see `grafanaDataSource.ts`) rather than
 * fetched from @grafana/runtime here, so the same class runs in Node against a real Grafana proxy
 * in integration tests — @grafana/runtime only loads in a browser.
 */
interface GrafanaServices {
  backendSrv: Pick<BackendSrv, 'fetch'>;
  templateSrv: Pick<TemplateSrv, 'replace' | 'getVariables'>;
}

const MAX_PAGES = 100;

/**
 * The MLOps gateway data source: backend-free, every request through Grafana's data-source
 * proxy. Orchestration lives in QueryRunner, HTTP in GatewayClient, parsing in parse/, frames in
 * frames/ — this class wires them to Grafana's DataSourceApi.
 */
export class MlopsDataSource extends DataSourceApi<MlopsQuery, MlopsDataSourceOptions> implements EditorDataSource {
  readonly client: GatewayClient;
  /** Set when the settings choose the H2O MLOps 1.x API generation (see mlops1x/). */
  readonly mlops1x?: Mlops1xGeneration;
  private readonly runner: QueryRunner;
  private readonly services: GrafanaServices;
  private readonly options: MlopsDataSourceOptions;

  constructor(instanceSettings: DataSourceInstanceSettings<MlopsDataSourceOptions>, services: GrafanaServices) {
    super(instanceSettings);
    this.services = services;
    const options = instanceSettings.jsonData ?? {};
    this.options = options;
    this.client = new GatewayClient(
      {
        proxyUrl: instanceSettings.url ?? '',
        authMode: options.authMode ?? AuthMode.RefreshToken,
        timeoutMs: (options.requestTimeoutSeconds ?? DEFAULT_REQUEST_TIMEOUT_SECONDS) * 1000,
        cacheTtlMs: (options.cacheTtlSeconds ?? DEFAULT_CACHE_TTL_SECONDS) * 1000,
        maxPages: MAX_PAGES,
      },
      this.services.backendSrv
    );
    this.runner = new QueryRunner(this.client, this.services.templateSrv);
    if (options.apiGeneration === ApiGeneration.Mlops1x) {
      // Its code is a separate chunk, downloaded on first use (#11): legacy data sources never load it.
      this.mlops1x = new LazyMlops1x(() =>
        import(/* webpackChunkName: "mlops1x" */ './mlops1xGeneration').then(({ createMlops1xGeneration }) =>
          createMlops1xGeneration(this.client, Boolean(options.authzUrl), this.services.templateSrv)
        )
      );
    }
    this.variables = new MlopsVariableSupport(this);
    this.annotations = annotationSupport;
  }

  getDefaultQuery(_app: CoreApp): Partial<MlopsQuery> {
    return DEFAULT_QUERY;
  }

  filterQuery(query: MlopsQuery): boolean {
    return !query.hide;
  }

  /**
   * Runs every target independently: a failing target reports its own error (with its refId)
   * while the others still return frames. Unsubscribing aborts all HTTP requests.
   */
  query(request: DataQueryRequest<MlopsQuery>): Observable<DataQueryResponse> {
    const targets = request.targets.filter((t) => !t.hide);
    if (targets.length === 0) {
      return of({ data: [], state: LoadingState.Done });
    }
    const results = targets.map((target) =>
      (this.mlops1x ? this.mlops1x.run(target.refId, target.mlops1x, request) : this.runner.run(target, request)).pipe(
        map(({ frames, error }) => ({
          frames,
          error: error === undefined ? undefined : toQueryError(error, target.refId),
        })),
        catchError((error: unknown) => of({ frames: [] as DataFrame[], error: toQueryError(error, target.refId) }))
      )
    );
    return forkJoin(results).pipe(
      map((outcomes) => {
        const errors = outcomes.flatMap((o) => (o.error ? [o.error] : []));
        return {
          data: outcomes.flatMap((o) => o.frames),
          errors: errors.length > 0 ? errors : undefined,
          error: errors[0],
          state: errors.length > 0 ? LoadingState.Error : LoadingState.Done,
        };
      })
    );
  }

  /** Interpolates one text with the dashboard's variables (multi-values joined with commas). */
  interpolate(text: string, scopedVars?: ScopedVars): string {
    return text ? this.services.templateSrv.replace(text, scopedVars, 'csv') : '';
  }

  /** Resolves template variables for Explore and "copy to other data source". */
  interpolateVariablesInQueries(queries: MlopsQuery[], scopedVars: ScopedVars): MlopsQuery[] {
    const { templateSrv } = this.services;
    const replace = (value?: string) => (value ? templateSrv.replace(value, scopedVars) : value);
    return queries.map((query) => {
      const migrated = migrateQuery(query);
      return {
        ...migrated,
        datasource: this.getRef(),
        deploymentId: replace(migrated.deploymentId),
        modelId: replace(migrated.modelId),
        role: replace(migrated.role),
        feature: replace(migrated.feature),
        mlops1x: migrated.mlops1x && {
          ...migrated.mlops1x,
          workspaceId: replace(migrated.mlops1x.workspaceId),
          deploymentId: replace(migrated.mlops1x.deploymentId),
          column: replace(migrated.mlops1x.column),
          experimentId: replace(migrated.mlops1x.experimentId),
        },
      };
    });
  }

  /**
   * Save & test: lists deployments through the proxy with the configured credentials and
   * explains the first thing that is wrong (connectionTest.ts, loaded with the editors' chunk).
   */
  testDatasource(): Promise<TestDataSourceResponse> {
    const settings = this.options;
    const test = this.mlops1x
      ? this.mlops1x.testConnection(settings)
      : import(/* webpackChunkName: "editors" */ './connectionTest').then(({ testGatewayConnection }) =>
          testGatewayConnection(settings, this.client)
        );
    // A test after changing settings must not be answered from the cache.
    return test.finally(() => this.client.clearCache());
  }

  // The pickers' options load with the editors' chunk (editorOptions.ts): only an open editor asks.
  listDeploymentOptions(): Promise<OptionList> {
    return editorOptions().then((options) => options.deploymentOptions(this.client));
  }

  listModelOptions(deploymentId: string): Promise<Array<SelectableValue<string>>> {
    return editorOptions().then((options) =>
      options.modelOptions(this.client, this.services.templateSrv, deploymentId)
    );
  }

  listFeatureOptions(deploymentId: string, modelId?: string): Promise<Array<SelectableValue<string>>> {
    return editorOptions().then((options) =>
      options.featureOptions(this.client, this.services.templateSrv, deploymentId, modelId)
    );
  }

  getVariableOptions(): Array<SelectableValue<string>> {
    return this.services.templateSrv
      .getVariables()
      .map((v) => ({ label: `$${v.name}`, value: `$${v.name}`, description: 'Template variable' }));
  }
}

function editorOptions() {
  return import(/* webpackChunkName: "editors" */ './editorOptions');
}

/**
 * The error Grafana shows on a panel for one query. Messages may quote upstream text: gateway errors
 * are redacted where they are made, and everything else (a partial failure quoting any error, an
 * unexpected one) is redacted here, so no path shows a token.
 */
function toQueryError(error: unknown, refId: string): DataQueryError {
  if (error instanceof GatewayError) {
    return { refId, message: error.message, status: error.status };
  }
  if (error instanceof QueryConfigError) {
    return { refId, message: error.message };
  }
  if (error instanceof PartialFailureError) {
    const first = error.failures[0]?.error;
    const status = first instanceof GatewayError ? first.status : undefined;
    return { refId, message: redactSecrets(error.message), status };
  }
  const text = error instanceof Error ? error.message : String(error);
  return { refId, message: `Unexpected failure: ${redactSecrets(text)}` };
}
