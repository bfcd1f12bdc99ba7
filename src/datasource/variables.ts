import {
  CustomVariableSupport,
  FieldType,
  createDataFrame,
  type DataQueryRequest,
  type DataQueryResponse,
  type MetricFindValue,
} from '@grafana/data';
import { Observable, map } from 'rxjs';

import { VariableQueryEditor } from './components/VariableQueryEditor';
import type { MlopsDataSource } from './datasource';
import { migrateVariableQuery } from './migrations';
import { deploymentName, modelChoices } from './query/models';
import { toRangeParams } from './query/queryRunner';
import { VariableQueryKind, type MlopsVariableQuery } from './types';

/**
 * Template variables over deployments, the models of a deployment, and the features of a
 * model. Values are what queries send to the gateway (deployment ids, model ids); texts are
 * what people read (names).
 */
export class MlopsVariableSupport extends CustomVariableSupport<MlopsDataSource, MlopsVariableQuery> {
  constructor(private readonly datasource: MlopsDataSource) {
    super();
  }

  editor = VariableQueryEditor;

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
    switch (query.kind) {
      case VariableQueryKind.Models:
        return client
          .getDeployment(replace(query.deploymentId))
          .pipe(map((deployment) => modelChoices(deployment).map(({ label, value }) => ({ text: label, value }))));
      case VariableQueryKind.Features: {
        const deploymentId = replace(query.deploymentId);
        const modelId = replace(query.modelId) || deploymentId;
        return client
          .driftMetrics(deploymentId, modelId, toRangeParams(request))
          .pipe(map((drift) => drift.features.map((f) => ({ text: f.name, value: f.name }))));
      }
      case VariableQueryKind.Deployments:
      default:
        return client
          .listDeployments(toRangeParams(request))
          .pipe(
            map((list) =>
              list.items
                .filter((d) => !query.monitoredOnly || d.monitoringEnabled !== false)
                .map((d) => ({ text: deploymentName(d), value: d.id }))
            )
          );
    }
  }
}
