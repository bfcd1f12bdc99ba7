import {
  CustomVariableSupport,
  FieldType,
  createDataFrame,
  type DataQueryRequest,
  type DataSourceApi,
  type ScopedVars,
  type DataQueryResponse,
  type MetricFindValue,
} from '@grafana/data';
import { Observable, map } from 'rxjs';

import { LazyVariableQueryEditor } from './lazyEditors';
import type { EditorDataSource, Mlops1xEditorApi } from './editorApi';
import type { GatewayClient } from './gateway/GatewayClient';
import { truncationText } from './gateway/paging';
import { migrateVariableQuery } from './migrations';
import { parseDriftSummary } from './parse/drift';
import type { Mlops1xGeneration } from './mlops1xLoader';
import { deploymentName } from './frames/common';
import { modelChoices } from './query/models';
import { toRangeParams } from './query/queryRunner';
import { VariableQueryKind, type MlopsDataSourceOptions, type MlopsQuery, type MlopsVariableQuery } from './types';

/**
 * Template variables over deployments, the models of a deployment, and the features of a
 * model. Values are what queries send to the gateway (deployment ids, model ids); texts are
 * what people read (names).
 */
/**
 * What variable support needs from the data source. An interface, so that this module does not
 * import `datasource.ts` (which creates the variable support): no import cycle.
 */
export interface VariableSource extends DataSourceApi<MlopsQuery, MlopsDataSourceOptions>, EditorDataSource {
  readonly client: GatewayClient;
  /** Present when the settings choose H2O MLOps 1.x: variables read its services instead. */
  readonly mlops1x?: Mlops1xEditorApi & Pick<Mlops1xGeneration, 'variableValues'>;
  interpolate(text: string, scopedVars?: ScopedVars): string;
}

export class MlopsVariableSupport extends CustomVariableSupport<VariableSource, MlopsVariableQuery> {
  constructor(private readonly datasource: VariableSource) {
    super();
  }

  /** Loaded on demand, as the other editors (see lazyEditors.tsx). */
  editor = LazyVariableQueryEditor;

  query(request: DataQueryRequest<MlopsVariableQuery>): Observable<DataQueryResponse> {
    const query = migrateVariableQuery(request.targets[0]);
    return this.values(query, request).pipe(
      map((values) => ({
        data: [
          createDataFrame({
            fields: [
              { name: 'text', type: FieldType.string, values: values.map((v) => v.text) },
              { name: 'value', type: FieldType.string, values: values.map((v) => v.value) },
            ],
          }),
        ],
      }))
    );
  }

  private values(
    query: MlopsVariableQuery,
    request: DataQueryRequest<MlopsVariableQuery>
  ): Observable<MetricFindValue[]> {
    const { client } = this.datasource;
    const replace = (text?: string) => this.datasource.interpolate(text ?? '', request.scopedVars);
    if (this.datasource.mlops1x) {
      return this.datasource.mlops1x.variableValues(query.mlops1x, replace);
    }
    switch (query.kind) {
      case VariableQueryKind.Models:
        return client
          .getDeployment(replace(query.deploymentId))
          .pipe(map((deployment) => modelChoices(deployment).map(({ label, value }) => ({ text: label, value }))));
      case VariableQueryKind.Features: {
        const deploymentId = replace(query.deploymentId);
        const modelId = replace(query.modelId) || deploymentId;
        return client
          .driftMetrics(deploymentId, modelId, toRangeParams(request), {}, parseDriftSummary)
          .pipe(map((drift) => drift.features.map((f) => ({ text: f.name, value: f.name }))));
      }
      case VariableQueryKind.Deployments:
      default:
        return client.listDeployments(toRangeParams(request)).pipe(
          map((list) => {
            const values = list.items
              .filter((d) => !query.monitoredOnly || d.monitoringEnabled !== false)
              .map((d) => ({ text: deploymentName(d), value: d.id }));
            // Variables have no notices: an incomplete list ends with a value that says so. Its
            // value is empty, which queries ignore (templating.ts drops empty values of "All").
            return list.truncated
              ? [...values, { text: `⚠ ${truncationText('deployments', list.truncation)}`, value: '' }]
              : values;
          })
        );
    }
  }
}
