import { Mlops1xFrameKind } from '../../shared/frameKinds1x';

/** Which editor fields each 1.x query type needs; the runner ignores the others. */
export interface Mlops1xFields {
  workspace: boolean;
  deployment: boolean;
  /** Column and experiment filters (empty: all). */
  column: boolean;
  /** Method, text facet and thresholds. */
  drift: boolean;
  /** Window of the over-time types. */
  window: boolean;
}

const NONE: Mlops1xFields = { workspace: false, deployment: false, column: false, drift: false, window: false };
const DEPLOYMENT: Mlops1xFields = { ...NONE, workspace: true, deployment: true };
const AGGREGATE: Mlops1xFields = { ...DEPLOYMENT, column: true };
const OVER_TIME: Mlops1xFields = { ...AGGREGATE, window: true };

export const MLOPS1X_QUERY_FIELDS: Readonly<Record<Mlops1xFrameKind, Mlops1xFields>> = {
  [Mlops1xFrameKind.Workspaces]: NONE,
  [Mlops1xFrameKind.Deployments]: { ...NONE, workspace: true },
  [Mlops1xFrameKind.Columns]: DEPLOYMENT,
  [Mlops1xFrameKind.Volume]: OVER_TIME,
  [Mlops1xFrameKind.Distribution]: AGGREGATE,
  [Mlops1xFrameKind.Drift]: { ...AGGREGATE, drift: true },
  [Mlops1xFrameKind.DriftOverTime]: { ...OVER_TIME, drift: true },
  [Mlops1xFrameKind.MissingOverTime]: OVER_TIME,
  [Mlops1xFrameKind.StatsOverTime]: OVER_TIME,
  [Mlops1xFrameKind.PredictionsOverTime]: OVER_TIME,
};
