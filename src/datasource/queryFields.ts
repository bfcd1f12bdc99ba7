import { ModelScope, PredictionsUnit, QueryType, VariableQueryKind, type MlopsQuery } from './types';
import { OperationalMetric, OPERATIONAL_METRICS } from '../shared/operationalMetrics';
import { FRAME_KINDS } from '../shared/frameKinds';
import { fieldsForQueryType } from './queryTypeFields';

// What each query type shows lives beside the query runner, which needs it at run time; the rest of
// this module (options, descriptions) is for the editors and stays out of the main bundle.
export { QUERY_TYPE_FIELDS, fieldsForQueryType, type QueryTypeFields } from './queryTypeFields';

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
