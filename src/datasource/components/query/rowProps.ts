import type { EditorDataSource } from '../../editorApi';
import type { QueryTypeFields } from '../../queryFields';
import type { MlopsQuery } from '../../types';

/** What each row of the query editor gets. */
export interface RowProps {
  query: MlopsQuery;
  fields: Readonly<QueryTypeFields>;
  datasource: EditorDataSource;
  /** Element ids of this query row (unique per refId). */
  ids: QueryEditorIds;
  /** Writes a change and runs the query. */
  commit: (patch: Partial<MlopsQuery>) => void;
}

export type QueryEditorIds = ReturnType<typeof queryEditorIds>;

/** Element ids are per query row (refId), so labels stay unique with several queries. */
export function queryEditorIds(refId: string) {
  const prefix = `mlops-query-${refId}`;
  return {
    queryType: `${prefix}-type`,
    monitoredOnly: `${prefix}-monitored-only`,
    deployment: `${prefix}-deployment`,
    model: `${prefix}-model`,
    modelScope: `${prefix}-model-scope`,
    role: `${prefix}-role`,
    predictionsUnit: `${prefix}-predictions-unit`,
    operationalMetrics: `${prefix}-operational-metrics`,
    feature: `${prefix}-feature`,
  };
}
