import type { ColumnAggregate, LogicalType } from '../../shared/drift';

/**
 * Parsed H2O MLOps 1.x objects: what `parse.ts` makes of the wire shapes in `rawTypes.ts`, and
 * what the analysis (`analysis.ts`) and frame builders (`frames.ts`) read. Times are epoch ms.
 */

/** A workspace (`workspaces/<id>`). */
export interface Workspace {
  id: string;
  displayName: string;
  description: string;
  createTime: number | null;
}

/** How a deployment routes traffic to its experiments. */
export type DeploymentMode = 'single' | 'shadow' | 'split' | 'external' | 'unknown';

/** Roles as the legacy frames name them: the experiment that answers, and the others. */
export type ExperimentRole = 'champion' | 'challenger';

/** One experiment (model) a deployment serves, with its role. */
export interface DeploymentExperiment {
  experimentId: string;
  role: ExperimentRole;
  /** Split deployments: the configured weight and the share actually routed (0–100). */
  weight: number | null;
  effectivePercentage: number | null;
}

/** A monitored column of a deployment (V2Column). */
export interface MonitoredColumn {
  column: string;
  logicalType: LogicalType;
  isModelOutput: boolean;
}

export interface Deployment {
  workspaceId: string;
  id: string;
  displayName: string;
  description: string;
  createTime: number | null;
  updateTime: number | null;
  creator: string;
  mode: DeploymentMode;
  /** Champion first. */
  experiments: DeploymentExperiment[];
  monitoringEnabled: boolean | null;
  monitoredColumns: MonitoredColumn[];
  paused: boolean | null;
}

export interface DeploymentStatus {
  state: string;
  message: string;
  updateTime: number | null;
}

/** What a baseline and a scoring aggregate share. */
export interface ColumnAggregation {
  id: string;
  column: string;
  logicalType: LogicalType;
  isModelOutput: boolean;
  experimentIds: string[];
  aggregate: ColumnAggregate;
  /** Text columns, scoring only: % of unique words not in the baseline's top words. */
  oovRate: number | null;
}

export type BaselineAggregation = ColumnAggregation;

/** One scoring segment of one column. */
export interface ScoringAggregation extends ColumnAggregation {
  startMs: number;
  durationMs: number;
}

/** One parsed page of a list, with its token and the parser's notes. */
export interface Page<T> {
  items: T[];
  nextPageToken: string;
  notices: string[];
}
