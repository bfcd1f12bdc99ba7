import { FRAME_SCHEMA_VERSION } from './frameSchema';
import { FrameShape } from './frameKinds';

/**
 * Frame kinds of the H2O MLOps 1.x query types (the data source's "MLOps 1.x" API generation),
 * beside the legacy gateway's in `frameKinds.ts`. Their frames follow the same rules as every
 * frame of `frameSchema.ts` — stable names, `meta.custom.kind`, and the FrameLabels
 * (deployment_id, deployment, model = the experiment id, role, feature = the column) on every
 * value field — plus the 1.x labels below. The champion/challenger panel does not know these
 * kinds; it reads their value fields like any other data source's, by labels.
 */

/** Extra label keys of 1.x frames. */
export const LABEL_1X = {
  workspaceId: 'workspace_id',
  experimentId: 'experiment_id',
  logicalType: 'logical_type',
  /** `input` or `output` (a model output column, e.g. the prediction). */
  columnSource: 'column_source',
} as const;

export enum Mlops1xFrameKind {
  Workspaces = 'mlops1x.workspaces',
  Deployments = 'mlops1x.deployments',
  Columns = 'mlops1x.columns',
  Volume = 'mlops1x.volume',
  Distribution = 'mlops1x.distribution',
  Drift = 'mlops1x.drift',
  DriftOverTime = 'mlops1x.driftOverTime',
  MissingOverTime = 'mlops1x.missingOverTime',
  StatsOverTime = 'mlops1x.statsOverTime',
  PredictionsOverTime = 'mlops1x.predictionsOverTime',
}

export interface Mlops1xFrameMeta {
  kind: Mlops1xFrameKind;
  frameSchemaVersion: number;
  apiGeneration: 'mlops1x';
}

export function mlops1xFrameMeta(kind: Mlops1xFrameKind): Mlops1xFrameMeta {
  return { kind, frameSchemaVersion: FRAME_SCHEMA_VERSION, apiGeneration: 'mlops1x' };
}

/** Field names of 1.x frames (shared names with the legacy FIELD table where they mean the same). */
export const FIELD_1X = {
  time: 'time',
  id: 'id',
  workspaceId: 'workspace_id',
  name: 'name',
  description: 'description',
  createTime: 'create_time',
  mode: 'mode',
  state: 'state',
  experiments: 'experiments',
  champion: 'champion',
  challengers: 'challengers',
  monitoringEnabled: 'monitoring_enabled',
  monitoredColumns: 'monitored_columns',
  column: 'column',
  logicalType: 'logical_type',
  columnSource: 'column_source',
  defaultMethod: 'default_method',
  rows: 'rows',
  bin: 'bin',
  xMin: 'xMin',
  xMax: 'xMax',
  category: 'category',
  baseline: 'baseline',
  scoring: 'scoring',
  baselineCount: 'baseline_count',
  scoringCount: 'scoring_count',
  experimentId: 'experiment_id',
  role: 'role',
  method: 'method',
  drift: 'drift',
  status: 'status',
  reason: 'reason',
  rebinned: 'rebinned',
  oovRate: 'oov_rate',
  missingRate: 'missing_rate',
  mean: 'mean',
  standardDeviation: 'std',
  min: 'min',
  max: 'max',
  share: 'share',
} as const;

interface KindInfo {
  label: string;
  description: string;
  shape: FrameShape;
}

export const MLOPS1X_FRAME_KINDS: Readonly<Record<Mlops1xFrameKind, KindInfo>> = {
  [Mlops1xFrameKind.Workspaces]: {
    label: 'Workspaces',
    description: 'Workspaces you can read',
    shape: FrameShape.Table,
  },
  [Mlops1xFrameKind.Deployments]: {
    label: 'Deployments',
    description: 'Deployments of a workspace: status, single/shadow/split, experiments',
    shape: FrameShape.Table,
  },
  [Mlops1xFrameKind.Columns]: {
    label: 'Monitored columns',
    description: 'Columns with their logical type, input or model output',
    shape: FrameShape.Table,
  },
  [Mlops1xFrameKind.Volume]: {
    label: 'Volume over time',
    description: 'Scored rows per window, per experiment',
    shape: FrameShape.TimeSeries,
  },
  [Mlops1xFrameKind.Distribution]: {
    label: 'Column distribution',
    description: 'Baseline vs the time range: histogram, value counts, text lengths and top words',
    shape: FrameShape.Histogram,
  },
  [Mlops1xFrameKind.Drift]: {
    label: 'Drift per column',
    description: 'Drift of each column over the time range, with method and status',
    shape: FrameShape.Table,
  },
  [Mlops1xFrameKind.DriftOverTime]: {
    label: 'Drift over time',
    description: 'Drift per window (or segment) of one or all columns',
    shape: FrameShape.TimeSeries,
  },
  [Mlops1xFrameKind.MissingOverTime]: {
    label: 'Missing values over time',
    description: 'Share of rows with the column missing, per window',
    shape: FrameShape.TimeSeries,
  },
  [Mlops1xFrameKind.StatsOverTime]: {
    label: 'Statistics over time',
    description: 'Mean, standard deviation, min and max per window (numerical and text-length columns)',
    shape: FrameShape.TimeSeries,
  },
  [Mlops1xFrameKind.PredictionsOverTime]: {
    label: 'Prediction distribution over time',
    description: 'Model output columns per window: statistics or category shares',
    shape: FrameShape.TimeSeries,
  },
};
