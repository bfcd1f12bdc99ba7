import {
  fieldsForQueryType,
  QUERY_TYPE_FIELDS,
  QUERY_TYPE_OPTIONS,
  showsRole,
  validateQuery,
  variableFieldsFor,
  VARIABLE_KIND_OPTIONS,
} from './queryFields';
import { ModelScope, QueryType, VariableQueryKind } from './types';

const PER_MODEL_TYPES = [
  QueryType.HealthSummary,
  QueryType.PredictionsOverTime,
  QueryType.PredictionValues,
  QueryType.OperationalSummary,
  QueryType.OperationalTimeSeries,
  QueryType.DriftSummary,
  QueryType.FeatureDrift,
  QueryType.DriftOverTime,
  QueryType.FeatureFrequency,
];

describe('QUERY_TYPE_FIELDS', () => {
  it('covers every query type, and every type has an option', () => {
    const types = Object.values(QueryType);
    expect(Object.keys(QUERY_TYPE_FIELDS).sort()).toEqual([...types].sort());
    expect(QUERY_TYPE_OPTIONS.map((o) => o.value).sort()).toEqual([...types].sort());
  });

  it('shows "monitored only" and nothing else for deployments', () => {
    expect(fieldsForQueryType(QueryType.Deployments)).toEqual({
      monitoredOnly: true,
      deployment: false,
      anyDeployment: false,
      perModel: false,
      predictionsUnit: false,
      operationalMetrics: false,
      feature: 'none',
    });
  });

  it('asks for a deployment for every other type', () => {
    for (const type of Object.values(QueryType).filter((t) => t !== QueryType.Deployments)) {
      expect(fieldsForQueryType(type).deployment).toBe(true);
      expect(fieldsForQueryType(type).monitoredOnly).toBe(false);
    }
  });

  it('has model fields exactly for the per-model types', () => {
    const perModel = Object.values(QueryType).filter((t) => fieldsForQueryType(t).perModel);
    expect(perModel.sort()).toEqual([...PER_MODEL_TYPES].sort());
  });

  it('has the type-specific fields only where needed', () => {
    const where = (pick: (t: QueryType) => boolean) => Object.values(QueryType).filter(pick);
    expect(where((t) => fieldsForQueryType(t).predictionsUnit)).toEqual([QueryType.PredictionsOverTime]);
    expect(where((t) => fieldsForQueryType(t).operationalMetrics)).toEqual([QueryType.OperationalTimeSeries]);
    expect(where((t) => fieldsForQueryType(t).feature === 'optional')).toEqual([QueryType.DriftOverTime]);
    expect(where((t) => fieldsForQueryType(t).feature === 'required')).toEqual([QueryType.FeatureFrequency]);
  });

  it('falls back to the deployment field for unknown types', () => {
    expect(fieldsForQueryType('somethingNew' as QueryType).deployment).toBe(true);
    expect(fieldsForQueryType(undefined).perModel).toBe(false);
  });
});

describe('showsRole', () => {
  it('shows the role for single-model per-model queries only', () => {
    expect(showsRole({ queryType: QueryType.HealthSummary, modelScope: ModelScope.Single })).toBe(true);
    expect(showsRole({ queryType: QueryType.HealthSummary })).toBe(true);
    expect(showsRole({ queryType: QueryType.HealthSummary, modelScope: ModelScope.All })).toBe(false);
    expect(showsRole({ queryType: QueryType.Models, modelScope: ModelScope.Single })).toBe(false);
  });
});

describe('validateQuery', () => {
  const base = { refId: 'A', schemaVersion: 1 };

  it('requires a deployment where one is shown', () => {
    expect(validateQuery({ ...base, queryType: QueryType.Deployments })).toEqual({});
    expect(validateQuery({ ...base, queryType: QueryType.HealthSummary })).toEqual({
      deploymentId: 'Choose a deployment.',
    });
    expect(validateQuery({ ...base, queryType: QueryType.HealthSummary, deploymentId: '  ' })).toEqual({
      deploymentId: 'Choose a deployment.',
    });
    expect(validateQuery({ ...base, queryType: QueryType.HealthSummary, deploymentId: '$dep' })).toEqual({});
  });

  it('requires the feature for feature frequency only', () => {
    const q = { ...base, deploymentId: 'd1' };
    expect(validateQuery({ ...q, queryType: QueryType.FeatureFrequency })).toEqual({
      feature: 'Choose the feature whose frequency to show.',
    });
    expect(validateQuery({ ...q, queryType: QueryType.FeatureFrequency, feature: 'age' })).toEqual({});
    expect(validateQuery({ ...q, queryType: QueryType.DriftOverTime })).toEqual({});
  });
});

describe('variable queries', () => {
  it('shows the fields each kind needs', () => {
    expect(variableFieldsFor(VariableQueryKind.Deployments)).toEqual({
      monitoredOnly: true,
      deployment: false,
      model: false,
    });
    expect(variableFieldsFor(VariableQueryKind.Models)).toEqual({
      monitoredOnly: false,
      deployment: true,
      model: false,
    });
    expect(variableFieldsFor(VariableQueryKind.Features)).toEqual({
      monitoredOnly: false,
      deployment: true,
      model: true,
    });
    expect(VARIABLE_KIND_OPTIONS.map((o) => o.value).sort()).toEqual(Object.values(VariableQueryKind).sort());
  });
});

describe('deployment events', () => {
  it('takes an optional deployment: empty means every deployment', () => {
    const fields = fieldsForQueryType(QueryType.DeploymentEvents);
    expect(fields).toMatchObject({ deployment: true, anyDeployment: true, perModel: false });
    expect(validateQuery({ refId: 'A', schemaVersion: 1, queryType: QueryType.DeploymentEvents })).toEqual({});
    expect(validateQuery({ refId: 'A', schemaVersion: 1, queryType: QueryType.Models })).toEqual({
      deploymentId: 'Choose a deployment.',
    });
  });
});
