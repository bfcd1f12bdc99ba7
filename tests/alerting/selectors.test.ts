/**
 * The fleet status rule's JSONata through Infinity's REAL backend on answers the simulator does not
 * send: statuses as enum numbers (read as the data source reads them), deployments without the
 * monitoring flag (older gateways: kept) or with it off (left out), and an empty page (the
 * never-firing placeholder). Served by a local JSON endpoint (no auth needed for these checks).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { NO_MODEL_MONITOR } from '../../scripts/alerting/fleetRules';
import { ensureInfinityHarness } from '../../scripts/setup/infinity';
import { startInfinityHarness, type InfinityHarness } from './support/infinityHarness';
import { evaluateRule, provisionedRules } from './support/ruleRunner';

let body: unknown = {};
const server = http.createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
});
let harness: InfinityHarness;

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  harness = await startInfinityHarness(await ensureInfinityHarness());
  await harness.newInstance('local', { uid: 'local', name: 'local gateway', url, jsonData: { allowedHosts: [url] } });
}, 15 * 60_000);
afterAll(async () => {
  await harness?.close();
  await new Promise((resolve) => server.close(resolve));
});

const rule = provisionedRules()
  .map((r) => r.rule)
  .find((r) => r.uid === 'mlops-model-status-failing')!;
const model = (name: string, driftStatus: unknown, accuracy: unknown) => ({
  registeredModelName: name,
  registeredModelVersion: '1',
  driftStatus,
  accuracy,
});

async function levels() {
  const e = await evaluateRule(harness, rule, new Date(), () => 'local');
  if (e.kind !== 'values') {
    throw new Error(`expected values, got ${JSON.stringify(e)}`);
  }
  return Object.fromEntries(e.instances.map((i) => [`${i.labels.model}/${i.labels.monitor}`, i.values.A]));
}

it('reads statuses sent as enum numbers like the data source (2 FAILING, 3 AT_RISK)', async () => {
  body = { deployment: [{ id: 'd1', name: 'n1', models: [model('m', 2, 3)] }], nextPageToken: '' };
  expect(await levels()).toEqual({ 'm/drift_status': 2, 'm/accuracy': 1 });
});

it('keeps deployments without the monitoring flag and leaves out those with it off', async () => {
  body = {
    deployment: [
      { id: 'old', name: 'old', models: [model('kept', 'FAILING', 'HEALTHY')] },
      { id: 'off', name: 'off', monitoringEnabled: false, models: [model('left-out', 'FAILING', 'FAILING')] },
    ],
    nextPageToken: '',
  };
  expect(await levels()).toEqual({ 'kept/drift_status': 2, 'kept/accuracy': 0 });
});

it('an empty page yields the placeholder, which never fires', async () => {
  body = { deployment: [], nextPageToken: '' };
  const e = await evaluateRule(harness, rule, new Date(), () => 'local');
  expect(e).toMatchObject({ kind: 'values' });
  expect(e.kind === 'values' && e.instances.map((i) => [i.labels.monitor, i.firing])).toEqual([
    [NO_MODEL_MONITOR, false],
  ]);
});
