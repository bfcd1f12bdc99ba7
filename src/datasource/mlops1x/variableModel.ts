/**
 * The persisted 1.x template-variable query (the `mlops1x` part of a variable query), with its
 * own schema version: workspaces, deployments of a workspace, monitored columns and experiments
 * of a deployment.
 */

export const MLOPS1X_VARIABLE_SCHEMA_VERSION = 1;

export enum Mlops1xVariableKind {
  Workspaces = 'workspaces',
  Deployments = 'deployments',
  Columns = 'columns',
  Experiments = 'experiments',
}

export interface Mlops1xVariableQuery {
  schemaVersion: number;
  kind: Mlops1xVariableKind;
  workspaceId?: string;
  deploymentId?: string;
  /** Columns: only model output columns (predictions). */
  outputsOnly?: boolean;
}

const KINDS: readonly string[] = Object.values(Mlops1xVariableKind);

/** Normalises a stored 1.x variable query; unknown kinds mean workspaces. */
export function migrateMlops1xVariableQuery(stored: unknown): Mlops1xVariableQuery {
  const source = typeof stored === 'object' && stored !== null ? (stored as Partial<Mlops1xVariableQuery>) : {};
  const kind = source.kind !== undefined && KINDS.includes(source.kind) ? source.kind : Mlops1xVariableKind.Workspaces;
  return { ...source, kind, schemaVersion: MLOPS1X_VARIABLE_SCHEMA_VERSION };
}
