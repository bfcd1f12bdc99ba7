import { fillIdentity, makeIdentity } from './identity';

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
