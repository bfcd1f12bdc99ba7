import {
  DEFAULT_QUERY,
  DEFAULT_VARIABLE_QUERY,
  QUERY_SCHEMA_VERSION,
  QueryType,
  VariableQueryKind,
  type MlopsQuery,
  type MlopsVariableQuery,
} from './types';

/**
 * Migration hooks for persisted queries, used by the editors and by query() alike. Every saved
 * query carries `schemaVersion`; queries saved before versioning (no version) or written by hand
 * are normalised here, and a future schema change adds a step from its version to the next.
 * Never mutates its input; unset (or explicitly undefined) properties get their defaults.
 */
export function migrateQuery(query: Partial<MlopsQuery> & { refId: string }): MlopsQuery {
  const version = typeof query.schemaVersion === 'number' ? query.schemaVersion : 0;
  const migrated: Partial<MlopsQuery> & { refId: string } = { ...query };
  if (version < 1) {
    // Version 0 is anything without a version: unknown query types fall back to the default.
    const known: string[] = Object.values(QueryType);
    if (migrated.queryType !== undefined && !known.includes(migrated.queryType)) {
      migrated.queryType = undefined;
    }
  }
  return { ...withDefaults(migrated, DEFAULT_QUERY), schemaVersion: QUERY_SCHEMA_VERSION } as MlopsQuery;
}

/**
 * The same for template-variable queries. Grafana hands the editor `undefined` for a new variable
 * and a plain string for variables saved by the legacy string-query API: both mean "deployments".
 */
export function migrateVariableQuery(query: unknown, refId = 'MlopsVariableQuery'): MlopsVariableQuery {
  const source: Partial<MlopsVariableQuery> =
    typeof query === 'object' && query !== null ? (query as Partial<MlopsVariableQuery>) : {};
  const known: string[] = Object.values(VariableQueryKind);
  const kind = source.kind !== undefined && known.includes(source.kind) ? source.kind : DEFAULT_VARIABLE_QUERY.kind;
  return { ...source, refId: source.refId ?? refId, kind, schemaVersion: QUERY_SCHEMA_VERSION };
}

function withDefaults<T extends object>(value: T, defaults: Partial<T>): T {
  const result: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  for (const [key, fallback] of Object.entries(defaults)) {
    if (result[key] === undefined) {
      result[key] = fallback;
    }
  }
  return result as T;
}
