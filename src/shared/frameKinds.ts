import { FrameKind } from './frameSchema';

/**
 * One table for the kinds of frames the data source returns (one kind per query type):
 * what the user reads (label, description — the query editor's type picker), what shape the frames
 * have, and what the champion/challenger panel does with them.
 */

/** The layout of a kind's frames. */
export enum FrameShape {
  /** Rows of records (deployments, models, features). */
  Table = 'table',
  /** One row of numbers, for Stat panels. */
  OneRow = 'oneRow',
  /** A time field and value fields. */
  TimeSeries = 'timeSeries',
  /** Buckets (or categories) with counts. */
  Histogram = 'histogram',
  /** Annotation events: time, title, text, tags. */
  Events = 'events',
}

/** How the panel reads a kind's frames. */
export enum PanelUse {
  /** Nothing for the panel. */
  Ignored = 'ignored',
  /** Value fields, each a signal of the model its labels name. */
  Values = 'values',
  /** One row per model (statuses and numbers). */
  ModelRows = 'modelRows',
  /** One row per feature (drift and importance). */
  FeatureRows = 'featureRows',
}

interface FrameKindInfo {
  label: string;
  description: string;
  shape: FrameShape;
  panelUse: PanelUse;
}

export const FRAME_KINDS: Readonly<Record<FrameKind, FrameKindInfo>> = {
  [FrameKind.Deployments]: {
    label: 'Deployments',
    description: 'Monitored deployments with their models and status',
    shape: FrameShape.Table,
    panelUse: PanelUse.Ignored,
  },
  [FrameKind.Models]: {
    label: 'Models',
    description: 'Models of a deployment with drift and accuracy status',
    shape: FrameShape.Table,
    panelUse: PanelUse.ModelRows,
  },
  [FrameKind.HealthSummary]: {
    label: 'Health summary',
    description: 'Total predictions and average scoring latency',
    shape: FrameShape.OneRow,
    panelUse: PanelUse.Values,
  },
  [FrameKind.PredictionsOverTime]: {
    label: 'Predictions over time',
    description: 'Prediction counts per time bin',
    shape: FrameShape.TimeSeries,
    panelUse: PanelUse.Values,
  },
  [FrameKind.PredictionValues]: {
    label: 'Prediction values',
    description: 'Five-number summary of predicted values over time (regression)',
    shape: FrameShape.TimeSeries,
    panelUse: PanelUse.Ignored,
  },
  [FrameKind.OperationalSummary]: {
    label: 'Operational summary',
    description: 'Uptime and average scoring latency',
    shape: FrameShape.OneRow,
    panelUse: PanelUse.Values,
  },
  [FrameKind.OperationalTimeSeries]: {
    label: 'Operational time series',
    description: 'Latency, CPU, memory, availability and prediction outcomes over time',
    shape: FrameShape.TimeSeries,
    panelUse: PanelUse.Values,
  },
  [FrameKind.DriftSummary]: {
    label: 'Drift summary',
    description: 'Counts of features with high, medium and low drift',
    shape: FrameShape.OneRow,
    panelUse: PanelUse.Values,
  },
  [FrameKind.FeatureDrift]: {
    label: 'Feature drift',
    description: 'Drift, importance and missing values per feature',
    shape: FrameShape.Table,
    panelUse: PanelUse.FeatureRows,
  },
  [FrameKind.DriftOverTime]: {
    label: 'Drift over time',
    description: 'Drift of one or all features over time',
    shape: FrameShape.TimeSeries,
    panelUse: PanelUse.Values,
  },
  [FrameKind.FeatureFrequency]: {
    label: 'Feature frequency',
    description: 'Value distribution of one feature',
    shape: FrameShape.Histogram,
    panelUse: PanelUse.Ignored,
  },
  [FrameKind.DeploymentEvents]: {
    label: 'Deployment events',
    description: 'When each deployment went live, as annotations',
    shape: FrameShape.Events,
    panelUse: PanelUse.Ignored,
  },
};
