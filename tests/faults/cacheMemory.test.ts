/** @jest-environment node */
import '../support/nodeGlobals';

import { MAX_CACHE_BYTES, MAX_CACHE_ENTRIES } from '../../src/datasource/gateway/responseCache';
import { QueryType, type MlopsQuery } from '../../src/datasource/types';
import { sendJson, startFaultGateway, type FaultGateway, type FaultResponder } from './support/faultGateway';
import { SIBLING, TARGET } from './support/gatewayData';
import { dataSourceFor, outcomesOf, requestOf } from './support/runCell';
import type { MlopsDataSource } from '../../src/datasource/datasource';
import { lastValueFrom } from 'rxjs';

/**
 * Memory (issue #9): a dashboard left open refreshes with a moving time range, so every refresh
 * asks for new URLs. Hundreds of refreshes through the data source's query() over HTTP must keep
 * its response cache within its bounds — entries and bytes — while it still serves what it may.
 */

/** One dashboard refresh: ranged calls for two deployments plus the (unranged) deployment gets. */
const DASHBOARD: Array<Partial<MlopsQuery>> = [TARGET, SIBLING].flatMap((deploymentId) => [
  { queryType: QueryType.HealthSummary, deploymentId },
  { queryType: QueryType.OperationalSummary, deploymentId },
  { queryType: QueryType.DriftSummary, deploymentId },
]);
/** Distinct gateway calls of one refresh: 3 ranged metrics per deployment, and one get each. */
const CALLS_PER_REFRESH = 8;

/** Hundreds of refreshes, and enough to fill the entry bound with a quarter to spare. */
const REFRESHES = Math.max(300, Math.ceil((1.25 * MAX_CACHE_ENTRIES) / (CALLS_PER_REFRESH - 2)));

const START = Date.parse('2026-11-22T12:00:00Z');
const STEP_MS = 10_000;

let gateway: FaultGateway;
beforeAll(async () => {
  gateway = await startFaultGateway();
});
afterAll(() => gateway.close());

async function refresh(ds: MlopsDataSource, step: number): Promise<void> {
  const request = requestOf(DASHBOARD, START + step * STEP_MS);
  const outcomes = outcomesOf(
    await lastValueFrom(ds.query(request)),
    request.targets.map((t) => t.refId)
  );
  const errors = Object.values(outcomes).flatMap((o) => (o.error ? [o.error] : []));
  expect(errors).toEqual([]);
}

/** Every answer padded with a description of `chars` characters (about 2 bytes each in memory). */
const padded =
  (chars: number): FaultResponder =>
  ({ real, res }) =>
    sendJson(res, 200, { ...real, description: 'm'.repeat(chars) });

it(`${REFRESHES} refreshes with a moving time range: at most MAX_CACHE_ENTRIES answers are kept`, async () => {
  gateway.addCell('entries', 'health', () => 'real');
  const ds = dataSourceFor(gateway, 'entries', { cacheTtlSeconds: 3600 });
  const sizes: number[] = [];
  for (let step = 0; step < REFRESHES; step++) {
    await refresh(ds, step);
    const { entries, bytes } = ds.client.cacheSize;
    expect(entries).toBeLessThanOrEqual(MAX_CACHE_ENTRIES);
    expect(bytes).toBeLessThanOrEqual(MAX_CACHE_BYTES);
    sizes.push(entries);
  }
  // The cache fills up to a bound and stays there: it keeps serving, and it evicts. (Small answers:
  // the entry bound binds, unless the byte bound is within a few answers of it.)
  expect(sizes[0]).toBe(CALLS_PER_REFRESH);
  const last = ds.client.cacheSize;
  const atABound = last.entries === MAX_CACHE_ENTRIES || last.bytes > MAX_CACHE_BYTES - 64 * 1024;
  expect({ last, atABound }).toEqual({ last, atABound: true });
  // The deployment gets carry no time range: answered from the cache after the first refresh.
  expect(gateway.counts('entries').requests).toBe(REFRESHES * (CALLS_PER_REFRESH - 2) + 2);
}, 300_000);

it('large answers: the byte bound evicts before the entry bound is reached', async () => {
  // About 1 MB in memory per answer: cached (under a quarter of the bound), 16 fit.
  gateway.addCell('bytes', 'health', padded(512 * 1024));
  const ds = dataSourceFor(gateway, 'bytes', { cacheTtlSeconds: 3600 });
  let most = 0;
  for (let step = 0; step < 60; step++) {
    await refresh(ds, step);
    const { entries, bytes } = ds.client.cacheSize;
    expect(bytes).toBeLessThanOrEqual(MAX_CACHE_BYTES);
    most = Math.max(most, bytes);
    expect(entries).toBeLessThan(MAX_CACHE_ENTRIES);
  }
  // The bound was reached (not just never approached): within one padded answer of it.
  expect(most).toBeGreaterThan(MAX_CACHE_BYTES - 2 * 1024 * 1024);
}, 120_000);

it('expired answers are dropped on the next write, not kept until the bound', async () => {
  gateway.addCell('ttl', 'health', () => 'real');
  const ds = dataSourceFor(gateway, 'ttl', { cacheTtlSeconds: 1 });
  for (let step = 0; step < 5; step++) {
    await refresh(ds, step);
  }
  expect(ds.client.cacheSize.entries).toBe(5 * (CALLS_PER_REFRESH - 2) + 2);
  await new Promise((resolve) => setTimeout(resolve, 1100));
  await refresh(ds, 5);
  expect(ds.client.cacheSize.entries).toBe(CALLS_PER_REFRESH);
}, 60_000);
