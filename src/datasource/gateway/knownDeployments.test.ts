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

  it('finds a deployment in the newest page that lists it, and the later of two rows with one id', () => {
    const older = page(['d1', 'd2']);
    const newer = page(['d1']);
    newer.deployments[0] = { ...newer.deployments[0], name: 'renamed' };
    known.remember(older, 500);
    clock = 1_100;
    known.remember(newer, 500);
    expect(known.get('d1')?.name).toBe('renamed');
    expect(known.get('d2')?.name).toBe('name-d2');
    clock = 1_500; // the older page has expired, the newer one has not
    expect(known.get('d2')).toBeUndefined();
    expect(known.get('d1')?.name).toBe('renamed');

    const twice = page(['d3', 'd3']);
    twice.deployments[1] = { ...twice.deployments[1], name: 'second row' };
    known.remember(twice, 500);
    expect(known.get('d3')?.name).toBe('second row');
  });

  it('answers alike before and after a page looked up often is indexed', () => {
    const listed = page(['d1', 'd2', 'd1']);
    listed.deployments[2] = { ...listed.deployments[2], name: 'later row' };
    known.remember(listed, 500);
    for (let i = 0; i < 40; i++) {
      expect(known.get('d1')?.name).toBe('later row');
      expect(known.get('d2')?.id).toBe('d2');
      expect(known.get('missing')).toBeUndefined();
    }
  });

  it('remembers the same page again (an answer from the cache) as the newest, from then on', () => {
    const cached = page(['d1']);
    known.remember(cached, 500);
    clock = 1_400;
    const other = page(['d1']);
    other.deployments[0] = { ...other.deployments[0], name: 'other list' };
    known.remember(other, 500);
    known.remember(cached, 500);
    expect(known.get('d1')?.name).toBe('name-d1');
    clock = 1_899;
    expect(known.get('d1')?.name).toBe('name-d1');
  });

  it('counts a page remembered again once towards the bound', () => {
    const first = page(manyIds(5_000, 'a'));
    for (let i = 0; i < 3; i++) {
      known.remember(first, 500);
    }
    known.remember(page(manyIds(5_000, 'b')), 500);
    expect(known.get('a0')?.id).toBe('a0');
    expect(known.get('b4999')?.id).toBe('b4999');
  });

  it('forgets the oldest pages first when a new page would pass the bound', () => {
    known.remember(page(manyIds(6_000, 'a')), 500);
    known.remember(page(manyIds(3_000, 'b')), 500);
    known.remember(page(manyIds(6_000, 'c')), 500);
    expect(known.get('a0')).toBeUndefined();
    expect(known.get('b0')?.id).toBe('b0');
    expect(known.get('c5999')?.id).toBe('c5999');
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
