import type { AnnotationQuery, AnnotationSupport } from '@grafana/data';

import { migrateQuery } from './migrations';
import { QUERY_SCHEMA_VERSION, QueryType, type MlopsQuery } from './types';

/**
 * Annotations from the data source: an annotation's `target` is an ordinary query, run by
 * `query()`; Grafana's standard processing turns the frame's `time`, `title`, `text` and `tags`
 * fields into events. The default (and what the provisioned dashboards use) is "Deployment events":
 * when each deployment went live, for one deployment, a multi-value variable, or all. The editor is
 * the data source's query editor, where any query type returning those fields would work too.
 */

/** A new annotation's query: deployment events of every deployment. */
export const DEFAULT_ANNOTATION_QUERY: Partial<MlopsQuery> = {
  schemaVersion: QUERY_SCHEMA_VERSION,
  queryType: QueryType.DeploymentEvents,
};

export const annotationSupport: AnnotationSupport<MlopsQuery> = {
  /** Stored annotations without a query type (or without a target) become deployment events. */
  prepareAnnotation(json: AnnotationQuery<MlopsQuery>): AnnotationQuery<MlopsQuery> {
    const target = { refId: 'Anno', ...DEFAULT_ANNOTATION_QUERY, ...(json.target ?? {}) } as MlopsQuery;
    return { ...json, target };
  },
  prepareQuery(anno: AnnotationQuery<MlopsQuery>): MlopsQuery | undefined {
    return anno.target ? migrateQuery({ ...anno.target, refId: anno.target.refId || 'Anno' }) : undefined;
  },
  getDefaultQuery: () => DEFAULT_ANNOTATION_QUERY,
};
