import { Mlops1xFrameKind } from '../../shared/frameKinds1x';
import { MLOPS1X_QUERY_SCHEMA_VERSION, migrateMlops1xQuery } from './queryModel';
import { Mlops1xVariableKind, migrateMlops1xVariableQuery } from './variableModel';

describe('1.x persisted queries', () => {
  it('gives a missing query the defaults and the current version', () => {
    expect(migrateMlops1xQuery(undefined)).toEqual({
      schemaVersion: MLOPS1X_QUERY_SCHEMA_VERSION,
      queryType: Mlops1xFrameKind.Deployments,
      method: '',
    });
  });

  it('keeps known fields and drops unknown types, methods and non-finite numbers', () => {
    const stored = {
      queryType: 'mlops1x.somethingNew',
      method: 'kl',
      textFacet: 'words',
      warningThreshold: Number.NaN,
      criticalThreshold: 0.3,
      windowSeconds: -5,
      column: 'age',
    };
    const migrated = migrateMlops1xQuery(stored);
    expect(migrated).toEqual({
      schemaVersion: 1,
      queryType: Mlops1xFrameKind.Deployments,
      method: '',
      criticalThreshold: 0.3,
      column: 'age',
    });
    expect(stored.method).toBe('kl');
  });

  it('reads variable queries, unknown kinds as workspaces', () => {
    expect(migrateMlops1xVariableQuery({ kind: 'columns', deploymentId: 'd' })).toEqual({
      schemaVersion: 1,
      kind: Mlops1xVariableKind.Columns,
      deploymentId: 'd',
    });
    expect(migrateMlops1xVariableQuery('legacy string').kind).toBe(Mlops1xVariableKind.Workspaces);
  });
});
