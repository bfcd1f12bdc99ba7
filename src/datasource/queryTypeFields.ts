import { QueryType } from './types';

/**
 * Which editor fields each query type needs. The query editor renders exactly these; the data
 * source ignores the other properties of a query, so switching types keeps them.
 */
export interface QueryTypeFields {
  /** Deployments: "monitored only" switch. */
  monitoredOnly: boolean;
  /** Deployment id (required where shown, unless `anyDeployment`). */
  deployment: boolean;
  /** An empty deployment means every deployment (deployment events). */
  anyDeployment: boolean;
  /** Per-model types: model (optional), model scope and role. */
  perModel: boolean;
  /** Predictions over time: count per bin or per-minute rate. */
  predictionsUnit: boolean;
  /** Operational time series: which graphs (empty = all). */
  operationalMetrics: boolean;
  /** Feature: not shown, optional (empty = all features) or required. */
  feature: 'none' | 'optional' | 'required';
}

const NONE: QueryTypeFields = {
  monitoredOnly: false,
  deployment: false,
  anyDeployment: false,
  perModel: false,
  predictionsUnit: false,
  operationalMetrics: false,
  feature: 'none',
};
const DEPLOYMENT: QueryTypeFields = { ...NONE, deployment: true };
const PER_MODEL: QueryTypeFields = { ...DEPLOYMENT, perModel: true };

export const QUERY_TYPE_FIELDS: Readonly<Record<QueryType, Readonly<QueryTypeFields>>> = {
  [QueryType.Deployments]: { ...NONE, monitoredOnly: true },
  [QueryType.Models]: DEPLOYMENT,
  [QueryType.HealthSummary]: PER_MODEL,
  [QueryType.PredictionsOverTime]: { ...PER_MODEL, predictionsUnit: true },
  [QueryType.PredictionValues]: PER_MODEL,
  [QueryType.OperationalSummary]: PER_MODEL,
  [QueryType.OperationalTimeSeries]: { ...PER_MODEL, operationalMetrics: true },
  [QueryType.DriftSummary]: PER_MODEL,
  [QueryType.FeatureDrift]: PER_MODEL,
  [QueryType.DriftOverTime]: { ...PER_MODEL, feature: 'optional' },
  [QueryType.FeatureFrequency]: { ...PER_MODEL, feature: 'required' },
  [QueryType.DeploymentEvents]: { ...DEPLOYMENT, anyDeployment: true },
};

/** Fields of a query type; unknown types (e.g. from a newer dashboard) show the deployment only. */
export function fieldsForQueryType(queryType: QueryType | undefined): Readonly<QueryTypeFields> {
  return (queryType && QUERY_TYPE_FIELDS[queryType]) || DEPLOYMENT;
}
