import type { DriftMethod, TextFacet } from '../../shared/drift';
import { Mlops1xFrameKind } from '../../shared/frameKinds1x';

/**
 * The persisted model of a 1.x query: the `mlops1x` part of a data-source query (the legacy
 * fields of MlopsQuery stay as they are). It has its own schema version and migration, so the
 * legacy query schema does not move when this one does.
 */

/** Version of the persisted 1.x query model; bump together with a step in `migrateMlops1xQuery`. */
export const MLOPS1X_QUERY_SCHEMA_VERSION = 1;

/** A 1.x query type is named after the kind of frames it returns. */
export { Mlops1xFrameKind as Mlops1xQueryType };

export interface Mlops1xQuery {
  schemaVersion: number;
  queryType: Mlops1xFrameKind;
  /** Workspace id (`workspaces/<id>`); may hold template variables. */
  workspaceId?: string;
  /** Deployment id; may hold template variables (multi-value variables fan out). */
  deploymentId?: string;
  /** Column; empty means every monitored column where a query allows it. */
  column?: string;
  /** Experiment id; empty means every experiment of the deployment, each with its role. */
  experimentId?: string;
  /** Drift method; empty means the logical type's default (docs/h2o-mlops-1x-contract.md). */
  method?: DriftMethod | '';
  /** Text columns: what drift compares (length histogram by default). */
  textFacet?: TextFacet;
  /** Status thresholds; empty means H2O's suggested defaults for the method. */
  warningThreshold?: number;
  criticalThreshold?: number;
  /** Window of the over-time queries in seconds; 0 or empty means the panel's interval. */
  windowSeconds?: number;
}

export const DEFAULT_MLOPS1X_QUERY: Mlops1xQuery = {
  schemaVersion: MLOPS1X_QUERY_SCHEMA_VERSION,
  queryType: Mlops1xFrameKind.Deployments,
  method: '',
};

const KNOWN_TYPES: readonly string[] = Object.values(Mlops1xFrameKind);
const METHODS: readonly string[] = ['tvd', 'psi', 'hellinger', 'zscore', ''];

/**
 * Normalises a stored 1.x query: unknown types and methods fall back to the defaults, numbers
 * that are not finite are dropped. Never mutates its input.
 */
export function migrateMlops1xQuery(stored: unknown): Mlops1xQuery {
  const source = typeof stored === 'object' && stored !== null ? (stored as Partial<Mlops1xQuery>) : {};
  const result: Mlops1xQuery = { ...DEFAULT_MLOPS1X_QUERY, ...source, schemaVersion: MLOPS1X_QUERY_SCHEMA_VERSION };
  if (!KNOWN_TYPES.includes(result.queryType)) {
    result.queryType = DEFAULT_MLOPS1X_QUERY.queryType;
  }
  if (result.method !== undefined && !METHODS.includes(result.method)) {
    result.method = '';
  }
  if (result.textFacet !== undefined && result.textFacet !== 'length' && result.textFacet !== 'topWords') {
    result.textFacet = undefined;
  }
  for (const key of ['warningThreshold', 'criticalThreshold', 'windowSeconds'] as const) {
    const value = result[key];
    if (value !== undefined && !(typeof value === 'number' && Number.isFinite(value) && value >= 0)) {
      delete result[key];
    }
  }
  return result;
}
