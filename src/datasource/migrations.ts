import {
  DEFAULT_QUERY,
  DEFAULT_VARIABLE_QUERY,
  QUERY_SCHEMA_VERSION,
  QueryType,
  type MlopsQuery,
  type MlopsVariableQuery,
} from './types';

/**
 * Migration hook for persisted queries. Every saved query carries `schemaVersion`; queries saved
 * before versioning (no version) or by hand are normalised here, and future schema changes add a
 * step from their version to the next. Never mutates its input.
 */
export function migrateQuery(query: Partial<MlopsQuery> & { refId: string }): MlopsQuery {
  const version = typeof query.schemaVersion === 'number' ? query.schemaVersion : 0;
  let migrated: Partial<MlopsQuery> & { refId: string } = { ...query };
  if (version < 1) {
    // Version 0 is anything without a version: fill defaults and drop unknown query types.
    const known = Object.values(QueryType) as string[];
    if (!migrated.queryType || !known.includes(migrated.queryType)) {
      migrated.queryType = DEFAULT_QUERY.queryType;
    }
  }
  migrated = { ...DEFAULT_QUERY, ...migrated, schemaVersion: QUERY_SCHEMA_VERSION };
  return migrated as MlopsQuery;
}

/** Same for template-variable queries; a plain string (Grafana's legacy form) means "deployments". */
export function migrateVariableQuery(query: Partial<MlopsVariableQuery> | string | undefined, refId = 'variable'): MlopsVariableQuery {
  if (typeof query === 'string' || query === undefined) {
    return { ...DEFAULT_VARIABLE_QUERY, refId };
  }
  return { ...DEFAULT_VARIABLE_QUERY, ...query, refId: query.refId ?? refId, schemaVersion: QUERY_SCHEMA_VERSION };
}
