/**
 * Infinity's real backend (tests/alerting/infinity-harness) evaluating alert-rule queries against a
 * local JSON endpoint: a backend-parser query's numeric frame over the rule's time range, and
 * Infinity's own refusal of a URL outside the data source's allowed hosts.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { FieldType } from '@grafana/data';

import { ensureInfinityHarness } from '../../scripts/setup/infinity';
import { startInfinityHarness, type AlertQuery, type InfinityHarness } from './support/infinityHarness';

const seen: Array<{ url: URL; headers: http.IncomingHttpHeaders }> = [];
const server = http.createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://local');
  seen.push({ url, headers: req.headers });
  if (url.pathname !== '/stats') {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ deploymentId: 'dep-1', totalPredictions: 1234 }));
});
let port = 0;
let harness: InfinityHarness;

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  // Built by the stack's setup; builds here (minutes, cold) only when run without it.
  harness = await startInfinityHarness(await ensureInfinityHarness());
  await harness.newInstance('local', {
    uid: 'infinity-local',
    name: 'Infinity (local endpoint)',
    jsonData: { allowedHosts: [`http://127.0.0.1:${port}`] },
  });
}, 15 * 60_000);

afterAll(async () => {
  await harness?.close();
  await new Promise((resolve) => server.close(resolve));
});

function statsQuery(url: string): AlertQuery {
  return {
    refId: 'A',
    relativeTimeRange: { from: 600, to: 0 },
    model: {
      refId: 'A',
      type: 'json',
      source: 'url',
      parser: 'backend',
      format: 'table',
      url,
      url_options: {
        method: 'GET',
        params: [
          { key: 'from', value: '${__timeFrom:date:iso}' },
          { key: 'to', value: '${__timeTo:date:iso}' },
        ],
      },
      root_selector: '$number(totalPredictions)',
    },
  };
}

it('a backend-parser query yields a one-row numeric frame over the rule time range', async () => {
  const now = new Date('2026-01-15T12:00:00Z');
  const results = await harness.query('local', [statsQuery(`http://127.0.0.1:${port}/stats`)], { now });

  expect(results.A.error).toBeUndefined();
  expect(results.A.frames).toHaveLength(1);
  const [frame] = results.A.frames;
  expect(frame.length).toBe(1);
  expect(frame.fields.map((f) => [f.type, f.values])).toEqual([[FieldType.number, [1234]]]);

  const request = seen.at(-1)!;
  expect(request.url.searchParams.get('from')).toBe('2026-01-15T11:50:00Z');
  expect(request.url.searchParams.get('to')).toBe('2026-01-15T12:00:00Z');
  // Grafana marks alert queries with a FromAlert header, but Infinity's own net/http client does not
  // pass it on: the upstream cannot tell an alert evaluation from a dashboard query.
  expect(request.headers.fromalert).toBeUndefined();
});

it('a URL whose host is not in allowedHosts fails with Infinity’s own error, without a request', async () => {
  const before = seen.length;
  const results = await harness.query('local', [statsQuery(`http://localhost:${port}/stats`)]);

  expect(results.A.error).toContain(
    'requested URL not allowed. To allow this URL, update the data source config in the Security tab, Allowed hosts section'
  );
  expect(results.A.errorSource).toBe('downstream');
  expect(seen.length).toBe(before);
});

it('health check passes, and a disposed instance is gone', async () => {
  await harness.newInstance('short-lived', { uid: 'infinity-short', name: 'Infinity (short-lived)' });
  await expect(harness.checkHealth('short-lived')).resolves.toMatchObject({ status: 'OK' });
  await harness.dispose('short-lived');
  await expect(harness.checkHealth('short-lived')).rejects.toThrow('no instance "short-lived"');
});
