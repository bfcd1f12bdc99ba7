import { dateTime } from '@grafana/data';
import { lastValueFrom } from 'rxjs';

import deploymentsPage1 from '../../../tests/fixtures/gateway/deployments-page1.json';
import drift from '../../../tests/fixtures/gateway/drift.json';
import healthExample from '../../../tests/fixtures/gateway/health-documented-example.json';
import { gatewayClientFixture } from '../../test/gatewayClient';
import { FakeTemplateSrv } from '../../test/fakeTemplateSrv';
import { ModelScope, PredictionsUnit, QUERY_SCHEMA_VERSION, QueryType, type MlopsQuery } from '../types';
import { QueryRunner } from './queryRunner';

/**
 * Which models and features a query covers, how a failed part is named, and the settings a query
 * passes on (network mocked at Grafana backendSrv boundary).
 */

const CREDIT = deploymentsPage1.deployment[0];
const SHADOW = deploymentsPage1.deployment[1];
const NO_MODELS = { ...CREDIT, id: 'no-models', name: 'empty', models: [] };
const HINT_500 = "The gateway failed internally. Try again; if it persists, check the gateway's logs.";
const FAIL = { status: 500, data: { code: 13, message: 'boom' } };

const range = {
  from: dateTime('2022-07-19T07:28:40Z'),
  to: dateTime('2022-08-18T07:28:40Z'),
  raw: { from: 'now-30d', to: 'now' },
};

function setup(variables: Record<string, string | string[]> = {}) {
  const { backend, client } = gatewayClientFixture({ cacheTtlMs: 0, maxPages: 100 });
  backend
    .on(`/v1/deployment/${CREDIT.id}`, { status: 200, data: { deployment: CREDIT } })
    .on(`/v1/deployment/${SHADOW.id}`, { status: 200, data: { deployment: SHADOW } })
    .on(`/v1/deployment/${NO_MODELS.id}`, { status: 200, data: { deployment: NO_MODELS } })
    .on('/health', { status: 200, data: healthExample })
    .on('/drift', { status: 200, data: drift });
  return { backend, runner: new QueryRunner(client, new FakeTemplateSrv(variables)) };
}

function run(runner: QueryRunner, query: Partial<MlopsQuery>, scopedVars = {}) {
  const target = { refId: 'A', schemaVersion: QUERY_SCHEMA_VERSION, ...query } as MlopsQuery;
  return lastValueFrom(runner.run(target, { range, scopedVars }));
}

const paths = (calls: string[]) => calls.map((url) => url.split('?')[0].replace(/^.*\/gateway\/model-monitoring/, ''));

describe('QueryRunner targets (network mocked at Grafana backendSrv boundary)', () => {
  it('refuses a query type it does not know, naming it, without reading metrics', async () => {
    const { backend, runner } = setup();
    const { frames, error } = await run(runner, { queryType: 'bogus' as QueryType, deploymentId: CREDIT.id });
    expect(frames).toEqual([]);
    expect(String(error)).toBe('QueryConfigError: Unknown query type "bogus".');
    expect(paths(backend.calls)).toEqual([`/v1/deployment/${CREDIT.id}`]);
  });

  it('all models of a deployment without models: reads the deployment itself, without a role', async () => {
    const { backend, runner } = setup();
    const { frames, error } = await run(runner, {
      queryType: QueryType.HealthSummary,
      deploymentId: NO_MODELS.id,
      modelScope: ModelScope.All,
    });
    expect(error).toBeUndefined();
    expect(paths(backend.calls)).toEqual([
      `/v1/deployment/${NO_MODELS.id}`,
      `/v1/deployment/${NO_MODELS.id}/metrics/${NO_MODELS.id}/health`,
    ]);
    expect(frames).toHaveLength(1);
    expect(frames[0].fields[0].labels).toEqual({ deployment: 'empty', deployment_id: NO_MODELS.id });
  });

  it('reads template variables from the request scope (e.g. a repeated panel)', async () => {
    const { backend, runner } = setup();
    const { error } = await run(
      runner,
      { queryType: QueryType.HealthSummary, deploymentId: '$dep' },
      { dep: { text: 'credit', value: CREDIT.id } }
    );
    expect(error).toBeUndefined();
    expect(paths(backend.calls)[0]).toBe(`/v1/deployment/${CREDIT.id}`);
  });

  it('shows predictions per minute when the query asks for a rate', async () => {
    const { runner } = setup();
    const { frames } = await run(runner, {
      queryType: QueryType.PredictionsOverTime,
      deploymentId: CREDIT.id,
      predictionsUnit: PredictionsUnit.RatePerMinute,
    });
    expect(frames[0].fields[1].config.unit).toBe('suffix: /min');
  });

  it('a failed single-model deployment beside one that answered is named by the deployment only', async () => {
    const { backend, runner } = setup({ dep: [CREDIT.id, SHADOW.id] });
    backend.on(`/metrics/${CREDIT.id}/health`, FAIL);
    const { frames, error } = await run(runner, { queryType: QueryType.HealthSummary, deploymentId: '$dep' });
    expect(frames).toHaveLength(1);
    expect((error as Error).message).toBe(
      `Partial result: 1 part of this query failed, the rest is shown. — deployment "${CREDIT.id}": ` +
        `GET /v1/deployment/${CREDIT.id}/metrics/${CREDIT.id}/health: gateway error (HTTP 500 "boom"). ${HINT_500}`
    );
  });

  it.each([QueryType.DriftOverTime, QueryType.FeatureFrequency])(
    '%s: a failed single feature beside a deployment that answered is named by the deployment only',
    async (queryType) => {
      const { backend, runner } = setup({ dep: [CREDIT.id, SHADOW.id] });
      backend.on((url) => url.includes(`/deployment/${CREDIT.id}/`) && url.includes('/drift'), FAIL);
      const { frames, error } = await run(runner, { queryType, deploymentId: '$dep', feature: 'income' });
      expect(frames.length).toBeGreaterThan(0);
      expect((error as Error).message).toMatch(
        new RegExp(
          `^Partial result: 1 part of this query failed, the rest is shown\\. — deployment "${CREDIT.id}": GET `
        )
      );
    }
  );

  it.each([QueryType.DriftOverTime, QueryType.FeatureFrequency])(
    '%s: of several features, the failed one is named',
    async (queryType) => {
      const { backend, runner } = setup({ features: ['income', 'age'] });
      backend.on((url) => url.includes('/drift') && url.includes('=age'), FAIL);
      const { frames, error } = await run(runner, { queryType, deploymentId: CREDIT.id, feature: '$features' });
      expect(frames.length).toBeGreaterThan(0);
      expect((error as Error).message).toMatch(
        /^Partial result: 1 part of this query failed, the rest is shown\. — feature "age": GET /
      );
    }
  );

  it('feature frequency of a feature the gateway did not return shows an empty distribution for it', async () => {
    const { runner } = setup();
    const { frames, error } = await run(runner, {
      queryType: QueryType.FeatureFrequency,
      deploymentId: CREDIT.id,
      feature: 'age',
    });
    expect(error).toBeUndefined();
    expect(frames).toHaveLength(1);
    expect(frames[0].fields.map((f) => f.values)).toEqual(frames[0].fields.map(() => []));
    expect((frames[0].meta?.notices ?? []).map((n) => n.text)).toEqual([
      expect.stringMatching(/No frequency data for age/),
    ]);
  });
});
