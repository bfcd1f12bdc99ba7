import { fillIdentity, makeIdentity } from './identity';
import { IdentityKind } from './types';

describe('fillIdentity', () => {
  it('takes the deployment name and the query name the model lacks from another identity of it', () => {
    const target = makeIdentity({ model: 'churn', version: '3' }, '');
    fillIdentity(target, makeIdentity({ model: 'churn', version: '3', deployment: 'prod-east' }, 'B'));
    expect(target.deployment).toBe('prod-east');
    expect(target.fallbackName).toBe('B');
  });

  it('keeps the deployment name and the query name the model already has', () => {
    const target = makeIdentity({ model: 'churn', version: '3', deployment: 'prod-east' }, 'A');
    fillIdentity(target, makeIdentity({ model: 'churn', version: '3', deployment: 'prod-west' }, 'B'));
    expect(target.deployment).toBe('prod-east');
    expect(target.fallbackName).toBe('A');
  });

  it('never blanks a deployment or query name with the empty one of the other identity', () => {
    const target = makeIdentity({ model: 'churn', version: '3', deployment: 'prod-east' }, 'A');
    fillIdentity(target, makeIdentity({ model: 'churn', version: '3' }, ''));
    expect(target.deployment).toBe('prod-east');
    expect(target.fallbackName).toBe('A');
  });
});

describe('makeIdentity', () => {
  it('names a model by deployment, model and version, all trimmed', () => {
    expect(
      makeIdentity(
        { model: ' churn ', version: ' 3 ', role: ' Champion ', deploymentId: ' d1 ', deployment: ' prod ' },
        'A'
      )
    ).toEqual({
      kind: IdentityKind.Model,
      key: 'model|d1|churn|3',
      model: 'churn',
      version: '3',
      role: 'Champion',
      deploymentId: 'd1',
      deployment: 'prod',
      fallbackName: 'A',
    });
    expect(makeIdentity({ version: '3', deployment: ' prod ' }, 'A').key).toBe('model|prod||3');
    expect(makeIdentity({ model: 'churn', role: 'champion' }, 'A').key).toBe('model||churn|');
  });

  it('names a series without model by its role, else its deployment, else its query', () => {
    expect([
      makeIdentity({ role: ' Champion ' }, 'A').key,
      makeIdentity({ deploymentId: ' d1 ' }, 'A').key,
      makeIdentity({ deployment: ' prod ' }, 'A').key,
      makeIdentity({ deployment: '  ' }, 'A').key,
    ]).toEqual(['role|champion', 'deployment|d1', 'deployment|prod', 'query|A']);
  });
});

describe('fillIdentity (role and deployment id)', () => {
  it('takes the role and deployment id the model lacks, keeps the ones it has', () => {
    const bare = makeIdentity({ model: 'churn', version: '3' }, 'A');
    fillIdentity(bare, makeIdentity({ model: 'churn', version: '3', role: 'challenger', deploymentId: 'd2' }, 'B'));
    expect([bare.role, bare.deploymentId]).toEqual(['challenger', 'd2']);

    const full = makeIdentity({ model: 'churn', version: '3', role: 'champion', deploymentId: 'd1' }, 'A');
    fillIdentity(full, makeIdentity({ model: 'churn', version: '3', role: 'challenger', deploymentId: 'd2' }, 'B'));
    expect([full.role, full.deploymentId]).toEqual(['champion', 'd1']);
  });
});
