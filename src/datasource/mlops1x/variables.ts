import type { MetricFindValue } from '@grafana/data';
import { Observable, map, of } from 'rxjs';

import { truncationText, type PagedList } from '../gateway/paging';
import type { Mlops1xClient } from './client';
import { migrateMlops1xVariableQuery, Mlops1xVariableKind } from './variableModel';

/**
 * Values of 1.x template variables: text is what people read, value what queries send (ids,
 * column names). An incomplete list ends with an empty-valued line that says so, as the legacy
 * variables do.
 */
export function mlops1xVariableValues(
  client: Mlops1xClient,
  stored: unknown,
  replace: (text?: string) => string
): Observable<MetricFindValue[]> {
  const query = migrateMlops1xVariableQuery(stored);
  const workspaceId = replace(query.workspaceId);
  const deploymentId = replace(query.deploymentId);
  switch (query.kind) {
    case Mlops1xVariableKind.Deployments:
      if (!workspaceId) {
        return of([]);
      }
      return client
        .listDeployments(workspaceId)
        .pipe(
          map((list) => withTruncation(list, 'deployments', (d) => ({ text: d.displayName || d.id, value: d.id })))
        );
    case Mlops1xVariableKind.Columns:
      if (!workspaceId || !deploymentId) {
        return of([]);
      }
      return client.listBaselineAggregates(workspaceId, deploymentId).pipe(
        map((list) => {
          const seen = new Set<string>();
          return list.items
            .filter((b) => (!query.outputsOnly || b.isModelOutput) && !seen.has(b.column) && seen.add(b.column))
            .map((b) => ({ text: b.column, value: b.column }));
        })
      );
    case Mlops1xVariableKind.Experiments:
      if (!workspaceId || !deploymentId) {
        return of([]);
      }
      return client
        .getDeployment(workspaceId, deploymentId)
        .pipe(
          map(({ deployment }) =>
            deployment.experiments.map((e) => ({ text: `${e.experimentId} (${e.role})`, value: e.experimentId }))
          )
        );
    case Mlops1xVariableKind.Workspaces:
    default:
      return client
        .listWorkspaces()
        .pipe(map((list) => withTruncation(list, 'workspaces', (w) => ({ text: w.displayName || w.id, value: w.id }))));
  }
}

function withTruncation<T>(list: PagedList<T>, what: string, toValue: (item: T) => MetricFindValue): MetricFindValue[] {
  const values = list.items.map(toValue);
  return list.truncated ? [...values, { text: `⚠ ${truncationText(what, list.truncation)}`, value: '' }] : values;
}
