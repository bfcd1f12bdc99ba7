import type { Deployment, DeploymentPage } from '../parse/domain';
import { KnownDeployments } from './knownDeployments';

function deployment(id: string): Deployment {
  return {
    id,
    name: `name-${id}`,
    description: '',
    mode: 'SINGLE_MODEL',
    environment: 'PROD',
    type: 'KUBERNETES',
    problemType: 'REGRESSION',
    models: [],
    deploymentDate: null,
    projectId: 'p1',
    monitoringEnabled: true,
    storeScoringData: null,
    notices: ['row notice that a single answer must not show'],
  };
}

function page(ids: string[], notices: string[] = []): DeploymentPage {
  return {
    deployments: ids.map(deployment),
    totalDeployments: ids.length,
    totalPredictions: null,
    nextPageToken: '',
    notices,
  };
}

function manyIds(count: number, prefix: string): string[] {
  return Array.from({ length: count }, (_, i) => `${prefix}${i}`);
}

describe('KnownDeployments', () => {
  let clock = 1_000;
  let known: KnownDeployments;
  beforeEach(() => {
    clock = 1_000;
    known = new KnownDeployments(() => clock);
  });

  it('returns a remembered deployment without notices and the page unchanged', () => {
    const listed = page(['d1']);
    expect(known.remember(listed, 500)).toBe(listed);
    expect(known.get('d1')).toEqual({ ...deployment('d1'), notices: [] });
    expect(known.get('other')).toBeUndefined();
  });

  it('remembers nothing when the TTL is 0 (no cache)', () => {
    known.remember(page(['d1']), 0);
    expect(known.get('d1')).toBeUndefined();
    clock = 999; // the wall clock stepped back (NTP): still nothing was cached
    expect(known.get('d1')).toBeUndefined();
  });

  it('remembers nothing from a page the parser read with notices, even with a TTL', () => {
    known.remember(page(['d1'], ['a row was left out']), 500);
    expect(known.get('d1')).toBeUndefined();
  });

  it('forgets a deployment once its TTL has run out, at exactly the expiry instant', () => {
    known.remember(page(['d1']), 500);
    clock = 1_499;
    expect(known.get('d1')?.id).toBe('d1');
    clock = 1_500;
    expect(known.get('d1')).toBeUndefined();
  });

  it('keeps unexpired deployments of an earlier page when remembering another', () => {
    known.remember(page(['d1']), 500);
    clock = 1_200;
    known.remember(page(['d2']), 500);
    expect(known.get('d1')?.id).toBe('d1');
    expect(known.get('d2')?.id).toBe('d2');
  });

  it('forgets everything on clear', () => {
    known.remember(page(['d1']), 500);
    known.clear();
    expect(known.get('d1')).toBeUndefined();
  });

  it('remembers at most 10 000 deployments', () => {
    known.remember(page([...manyIds(10_000, 'a'), 'one-too-many']), 500);
    expect(known.get('a9999')?.id).toBe('a9999');
    expect(known.get('one-too-many')).toBeUndefined();
  });

  it('frees the room of deployments expired exactly now before remembering a new page', () => {
    known.remember(page(manyIds(10_000, 'a')), 500);
    clock = 1_500;
    known.remember(page(['fresh']), 500);
    expect(known.get('fresh')?.id).toBe('fresh');
  });
});
