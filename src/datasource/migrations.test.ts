import { migrateQuery, migrateVariableQuery } from './migrations';
import {
  DEFAULT_QUERY,
  PredictionsUnit,
  QUERY_SCHEMA_VERSION,
  QueryType,
  VariableQueryKind,
  type MlopsQuery,
} from './types';

describe('migrateQuery', () => {
  it('fills unset properties and keeps set ones without mutating its input', () => {
    const query = Object.freeze({ refId: 'A', predictionsUnit: PredictionsUnit.RatePerMinute }) as MlopsQuery;
    expect(migrateQuery(query)).toEqual({
      ...DEFAULT_QUERY,
      refId: 'A',
      predictionsUnit: PredictionsUnit.RatePerMinute,
    });
    expect(query).toEqual({ refId: 'A', predictionsUnit: PredictionsUnit.RatePerMinute });
  });

  it('replaces explicit undefined values with defaults', () => {
    const result = migrateQuery({ refId: 'A', queryType: undefined, predictionsUnit: undefined });
    expect(result.queryType).toBe(QueryType.Deployments);
    expect(result.predictionsUnit).toBe(PredictionsUnit.CountPerBin);
  });

  it('stamps the current schema version on queries saved without one', () => {
    expect(migrateQuery({ refId: 'A', queryType: QueryType.DriftSummary, deploymentId: 'd' })).toMatchObject({
      schemaVersion: QUERY_SCHEMA_VERSION,
      queryType: QueryType.DriftSummary,
      deploymentId: 'd',
    });
  });

  it('drops an unknown query type from an unversioned query', () => {
    expect(migrateQuery({ refId: 'A', queryType: 'metrics' as QueryType }).queryType).toBe(QueryType.Deployments);
  });
});

describe('migrateVariableQuery', () => {
  it('treats a new (undefined) or legacy string variable query as a deployments query', () => {
    expect(migrateVariableQuery(undefined)).toEqual({
      refId: 'MlopsVariableQuery',
      schemaVersion: QUERY_SCHEMA_VERSION,
      kind: VariableQueryKind.Deployments,
    });
    expect(migrateVariableQuery('legacy string')).toMatchObject({ kind: VariableQueryKind.Deployments });
  });

  it('keeps a valid query and its fields without mutating it', () => {
    const partial = Object.freeze({ refId: 'V', kind: VariableQueryKind.Models, deploymentId: 'd' });
    expect(migrateVariableQuery(partial)).toEqual({ ...partial, schemaVersion: QUERY_SCHEMA_VERSION });
  });

  it('repairs an unknown kind', () => {
    expect(migrateVariableQuery({ refId: 'V', kind: 'everything' }).kind).toBe(VariableQueryKind.Deployments);
  });
});
