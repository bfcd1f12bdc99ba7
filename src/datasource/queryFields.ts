import { ModelScope, PredictionsUnit, QueryType, VariableQueryKind, type MlopsQuery } from './types';
import { OperationalMetric, OPERATIONAL_METRICS } from '../shared/operationalMetrics';
import { FRAME_KINDS } from '../shared/frameKinds';

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

/** The role field is hidden for `all` scope: the data source fills in each model's role. */
export function showsRole(query: Pick<MlopsQuery, 'queryType' | 'modelScope'>): boolean {
  return fieldsForQueryType(query.queryType).perModel && query.modelScope !== ModelScope.All;
}

interface QueryTypeOption {
  value: QueryType;
  label: string;
  description: string;
}

/** The type picker's options, in the order of the frame-kind table. */
export const QUERY_TYPE_OPTIONS: readonly QueryTypeOption[] = Object.values(QueryType).map((value) => ({
  value,
  label: FRAME_KINDS[value].label,
  description: FRAME_KINDS[value].description,
}));

export const MODEL_SCOPE_OPTIONS: ReadonlyArray<{ value: ModelScope; label: string; description: string }> = [
  { value: ModelScope.Single, label: 'Single model', description: 'One model (empty model = the primary model)' },
  {
    value: ModelScope.All,
    label: 'All models',
    description: 'Every model of a shadow or split deployment, labelled with its role',
  },
];

export const PREDICTIONS_UNIT_OPTIONS: ReadonlyArray<{ value: PredictionsUnit; label: string; description: string }> = [
  {
    value: PredictionsUnit.CountPerBin,
    label: 'Count per bin',
    description: 'Predictions in each bin (bins may differ in width)',
  },
  {
    value: PredictionsUnit.RatePerMinute,
    label: 'Per minute',
    description: 'Predictions per minute, comparable across bins',
  },
];

export const OPERATIONAL_METRIC_OPTIONS: ReadonlyArray<{ value: OperationalMetric; label: string }> = Object.values(
  OperationalMetric
).map((value) => ({ value, label: OPERATIONAL_METRICS[value].title }));

/** Suggested role labels; any text is allowed. */
export const ROLE_SUGGESTIONS: readonly string[] = ['champion', 'challenger'];

type QueryFieldErrors = Partial<Record<'deploymentId' | 'feature', string>>;

/** Messages for required fields that are missing. */
export function validateQuery(query: MlopsQuery): QueryFieldErrors {
  const fields = fieldsForQueryType(query.queryType);
  const errors: QueryFieldErrors = {};
  if (fields.deployment && !fields.anyDeployment && !(query.deploymentId ?? '').trim()) {
    errors.deploymentId = 'Choose a deployment.';
  }
  if (fields.feature === 'required' && !(query.feature ?? '').trim()) {
    errors.feature = 'Choose the feature whose frequency to show.';
  }
  return errors;
}

export const VARIABLE_KIND_OPTIONS: ReadonlyArray<{ value: VariableQueryKind; label: string; description: string }> = [
  {
    value: VariableQueryKind.Deployments,
    label: 'Deployments',
    description: 'Monitored deployments: text = name, value = id',
  },
  {
    value: VariableQueryKind.Models,
    label: 'Models',
    description: 'Models of a deployment: text = name and version, value = model id',
  },
  { value: VariableQueryKind.Features, label: 'Features', description: "Feature names of a deployment's model" },
];

/** Which fields a variable query kind needs. */
export function variableFieldsFor(kind: VariableQueryKind | undefined): {
  monitoredOnly: boolean;
  deployment: boolean;
  model: boolean;
} {
  return {
    monitoredOnly: kind === VariableQueryKind.Deployments,
    deployment: kind === VariableQueryKind.Models || kind === VariableQueryKind.Features,
    model: kind === VariableQueryKind.Features,
  };
}
