import { FieldType, type DataQueryRequest, type DataQueryResponse } from '@grafana/data';
import { lastValueFrom } from 'rxjs';

import deploymentsPage1 from '../../tests/fixtures/gateway/deployments-page1.json';
import deploymentsPage2 from '../../tests/fixtures/gateway/deployments-page2.json';
import drift from '../../tests/fixtures/gateway/drift.json';
import healthExample from '../../tests/fixtures/gateway/health-documented-example.json';
import models from '../../tests/fixtures/gateway/models.json';
import operational from '../../tests/fixtures/gateway/operational.json';
import { MlopsDataSource } from './datasource';
import { FakeBackendSrv } from '../test/fakeBackendSrv';
import { FakeTemplateSrv } from '../test/fakeTemplateSrv';
import { FIELD, FrameKind } from '../shared/frameSchema';
import {
  ModelScope,
  PredictionsUnit,
  QueryType,
  type MlopsDataSourceOptions,
  type MlopsQuery,
  VariableQueryKind,
} from './types';
import type { MlopsVariableSupport } from './variables';
import { instanceSettings } from '../test/instanceSettings';
import { DOCUMENTED_EXAMPLE_RANGE, legacyTargets, queryRequest } from '../test/queryRequest';

const CREDIT = deploymentsPage1.deployment[0];
const SHADOW = deploymentsPage1.deployment[1];

const settings = (jsonData: Partial<MlopsDataSourceOptions> = {}) => instanceSettings(jsonData);

function gateway() {
  const backend = new FakeBackendSrv();
  backend
    .on(/v1\/deployment(\?|$)/, (url) => ({
      status: 200,
      data: url.includes('pageToken=page-2') ? deploymentsPage2 : deploymentsPage1,
    }))
    .on(`/v1/deployment/${CREDIT.id}`, { status: 200, data: { deployment: CREDIT } })
    .on(`/v1/deployment/${SHADOW.id}`, { status: 200, data: { deployment: SHADOW } })
    .on('/models', { status: 200, data: models })
    .on('/health', { status: 200, data: healthExample })
    .on('/operational', { status: 200, data: operational })
    .on('/drift', { status: 200, data: drift });
  return backend;
}

function setup(variables: Record<string, string | string[]> = {}, jsonData?: Partial<MlopsDataSourceOptions>) {
  const backend = gateway();
  const ds = new MlopsDataSource(settings(jsonData), {
    backendSrv: backend,
    templateSrv: new FakeTemplateSrv(variables),
  });
  return { backend, ds };
}

const request = (...targets: Array<Partial<MlopsQuery>>) =>
  queryRequest(legacyTargets(targets), DOCUMENTED_EXAMPLE_RANGE, { requestId: 'r' });

const run = (ds: MlopsDataSource, req: DataQueryRequest<MlopsQuery>): Promise<DataQueryResponse> =>
  lastValueFrom(ds.query(req));

describe('MlopsDataSource.query (network mocked at Grafana backendSrv boundary)', () => {
  it('returns the deployments table from every page', async () => {
    const { ds } = setup();
    const response = await run(ds, request({ queryType: QueryType.Deployments }));
    expect(response.errors).toBeUndefined();
    expect(response.data).toHaveLength(1);
    expect(response.data[0].refId).toBe('A');
    expect(response.data[0].length).toBe(3);
  });

  it('does not run hidden targets', async () => {
    const { backend, ds } = setup();
    const response = await run(
      ds,
      request(
        { queryType: QueryType.DriftSummary, deploymentId: CREDIT.id, hide: true },
        { queryType: QueryType.HealthSummary, deploymentId: CREDIT.id }
      )
    );
    expect(response.data.map((frame) => frame.refId)).toEqual(['B']);
    expect(backend.calls.some((url) => url.includes('/drift'))).toBe(false);
    expect(ds.filterQuery({ refId: 'A', hide: true } as MlopsQuery)).toBe(false);
    expect(ds.filterQuery({ refId: 'A' } as MlopsQuery)).toBe(true);

    const allHidden = await run(ds, request({ queryType: QueryType.Deployments, hide: true }));
    expect(allHidden.data).toEqual([]);
    expect(backend.calls.some((url) => /v1\/deployment(\?|$)/.test(url))).toBe(false);
  });

  it('filters to monitored deployments on request', async () => {
    const { ds } = setup();
    const response = await run(ds, request({ queryType: QueryType.Deployments, monitoredOnly: true }));
    const ids = response.data[0].fields.find((f: { name: string }) => f.name === FIELD.id).values;
    expect(ids).not.toContain('6f1c2a4e-0000-4000-8000-000000000007');
    expect(ids).toHaveLength(2);
  });

  it('maps the dashboard range to startDateTime/endDateTime and labels frames with deployment, model and role', async () => {
    const { ds, backend } = setup();
    const response = await run(
      ds,
      request({ queryType: QueryType.HealthSummary, deploymentId: CREDIT.id, role: 'champion' })
    );
    expect(backend.calls.find((c) => c.includes('/health'))).toContain(
      `/metrics/${CREDIT.id}/health?endDateTime=2022-08-18T07%3A28%3A40.000Z&startDateTime=2022-07-19T07%3A28%3A40.000Z`
    );
    const total = response.data[0].fields.find((f: { name: string }) => f.name === FIELD.totalPredictions);
    expect(total.values).toEqual([17670]);
    expect(total.labels).toEqual({
      deployment_id: CREDIT.id,
      deployment: 'credit-risk',
      model: 'credit-xgb',
      model_version: '3',
      role: 'champion',
    });
  });

  it('one query covers every model of a shadow deployment with roles filled in', async () => {
    const { ds, backend } = setup();
    const response = await run(
      ds,
      request({
        queryType: QueryType.PredictionsOverTime,
        deploymentId: SHADOW.id,
        modelScope: ModelScope.All,
        predictionsUnit: PredictionsUnit.RatePerMinute,
      })
    );
    expect(response.data).toHaveLength(2);
    const labels = response.data.map((frame) => frame.fields[1].labels);
    expect(labels).toEqual([
      { deployment_id: SHADOW.id, deployment: SHADOW.id, model: 'churn-gbm', model_version: '7', role: 'champion' },
      { deployment_id: SHADOW.id, deployment: SHADOW.id, model: 'churn-dnn', model_version: '2', role: 'challenger' },
    ]);
    const healthCalls = backend.calls.filter((c) => c.includes('/health'));
    expect(healthCalls.map((c) => decodeURIComponent(c.split('/metrics/')[1].split('/health')[0]))).toEqual([
      SHADOW.id,
      'churn-dnn:2',
    ]);
  });

  it('multi-value variables fan out, one labelled result per value', async () => {
    const { ds } = setup({ deployment: [CREDIT.id, SHADOW.id] });
    const response = await run(ds, request({ queryType: QueryType.HealthSummary, deploymentId: '$deployment' }));
    expect(response.data.map((f) => f.fields[0].labels?.deployment_id)).toEqual([CREDIT.id, SHADOW.id]);
  });

  it('interpolates variables in model, role and feature', async () => {
    const { ds, backend } = setup({ dep: SHADOW.id, model: 'churn-dnn:2', role: 'challenger', feature: 'income' });
    const response = await run(
      ds,
      request({
        queryType: QueryType.FeatureFrequency,
        deploymentId: '$dep',
        modelId: '${model}',
        role: '$role',
        feature: '$feature',
      })
    );
    expect(response.errors).toBeUndefined();
    expect(backend.calls.find((c) => c.includes('/drift'))).toContain('/metrics/churn-dnn%3A2/drift?');
    expect(backend.calls.find((c) => c.includes('/drift'))).toContain('featureFrequencySelectedFeature=income');
    expect(response.data[0].fields[2].labels).toMatchObject({
      model: 'churn-dnn',
      role: 'challenger',
      feature: 'income',
    });
  });

  it('sends identical gateway requests once while several panels refresh', async () => {
    const { ds, backend } = setup();
    await run(
      ds,
      request(
        { queryType: QueryType.HealthSummary, deploymentId: CREDIT.id },
        { queryType: QueryType.PredictionsOverTime, deploymentId: CREDIT.id },
        { queryType: QueryType.PredictionValues, deploymentId: CREDIT.id }
      )
    );
    expect(backend.calls.filter((c) => c.includes('/health'))).toHaveLength(1);
    expect(backend.calls.filter((c) => c.endsWith(`/v1/deployment/${CREDIT.id}`))).toHaveLength(1);
  });

  it('a failing target fails alone with a message naming endpoint and cause', async () => {
    const { ds, backend } = setup();
    // Retry-After: 0, so the two retries of the 429 do not wait (the backoff is retry.test.ts's concern).
    backend.on('/operational', { status: 429, data: { code: 8, message: 'quota' }, headers: { 'retry-after': '0' } });
    backend.on('/drift', { status: 200, data: '{"countFeatureDrift": 1' });
    const response = await run(
      ds,
      request(
        { queryType: QueryType.HealthSummary, deploymentId: CREDIT.id },
        { queryType: QueryType.OperationalSummary, deploymentId: CREDIT.id },
        { queryType: QueryType.DriftSummary, deploymentId: CREDIT.id }
      )
    );
    expect(response.data.map((f) => f.refId)).toEqual(['A']);
    expect(response.errors).toHaveLength(2);
    expect(response.errors![0]).toMatchObject({ refId: 'B', status: 429 });
    expect(response.errors![0].message).toMatch(/GET \/v1\/deployment\/.*\/operational: rate limited/);
    expect(response.errors![1].refId).toBe('C');
    expect(response.errors![1].message).toMatch(/drift: malformed response .*not valid JSON/);
  });

  it('asks for a deployment or a feature instead of calling the gateway', async () => {
    const { ds, backend } = setup();
    const response = await run(
      ds,
      request(
        { queryType: QueryType.HealthSummary },
        { queryType: QueryType.FeatureFrequency, deploymentId: CREDIT.id }
      )
    );
    expect(response.errors?.map((e) => e.message)).toEqual([
      'Choose a deployment (or a template variable holding deployment IDs).',
      'Choose the feature whose frequency distribution to show.',
    ]);
    expect(backend.calls).toEqual([]);
  });

  it('returns every query type as typed frames', async () => {
    const { ds } = setup();
    const kinds = await Promise.all(
      Object.values(QueryType).map(async (queryType) => {
        const response = await run(ds, request({ queryType, deploymentId: SHADOW.id, feature: 'income' }));
        expect(response.errors).toBeUndefined();
        return [queryType, response.data.map((f) => f.meta?.custom?.kind)];
      })
    );
    expect(Object.fromEntries(kinds)).toEqual({
      deploymentEvents: [FrameKind.DeploymentEvents],
      deployments: [FrameKind.Deployments],
      models: [FrameKind.Models],
      healthSummary: [FrameKind.HealthSummary],
      predictionsOverTime: [FrameKind.PredictionsOverTime],
      predictionValues: [FrameKind.PredictionValues],
      operationalSummary: [FrameKind.OperationalSummary],
      operationalTimeSeries: Array(6).fill(FrameKind.OperationalTimeSeries),
      driftSummary: [FrameKind.DriftSummary],
      featureDrift: [FrameKind.FeatureDrift],
      driftOverTime: [FrameKind.DriftOverTime],
      featureFrequency: [FrameKind.FeatureFrequency],
    });
  });

  it('migrates a query saved without a schema version', async () => {
    const { ds } = setup();
    const response = await run(ds, request({ schemaVersion: undefined, queryType: 'nonsense' as QueryType }));
    expect(response.data[0].meta?.custom?.kind).toBe(FrameKind.Deployments);
  });

  it('unsubscribing aborts the gateway requests', () => {
    const { ds, backend } = setup();
    backend.on('/health', 'never');
    const subscription = ds.query(request({ queryType: QueryType.HealthSummary, deploymentId: CREDIT.id })).subscribe();
    return new Promise<void>((resolve) => {
      setTimeout(() => {
        expect(backend.calls.some((c) => c.includes('/health'))).toBe(true);
        subscription.unsubscribe();
        expect(backend.aborted).toBe(1);
        resolve();
      }, 10);
    });
  });
});

describe('MlopsDataSource.testDatasource', () => {
  it('answers "Connected: N monitored deployments"', async () => {
    const { ds } = setup();
    await expect(ds.testDatasource()).resolves.toEqual({
      status: 'success',
      message: 'Connected: 3 monitored deployments',
    });
  });

  it('names missing settings without calling the gateway', async () => {
    const backend = new FakeBackendSrv();
    const ds = new MlopsDataSource(settings({ gatewayUrl: '', clientId: '' }), {
      backendSrv: backend,
      templateSrv: new FakeTemplateSrv(),
    });
    await expect(ds.testDatasource()).resolves.toMatchObject({
      status: 'error',
      message: 'Missing settings: gateway URL, client ID. Fill them in and save again.',
    });
    expect(backend.calls).toEqual([]);
  });

  const failures: Array<[string, number, unknown, RegExp]> = [
    ['unreachable', 502, { message: 'Bad Gateway' }, /^Gateway unreachable/],
    ['forbidden', 403, { code: 7, message: 'denied' }, /^Forbidden/],
    ['wrong base path (404)', 404, '404 page not found', /^Wrong base path/],
    ['wrong base path (HTML)', 200, '<html><title>Console</title></html>', /^Wrong base path/],
    ['malformed', 200, { deployment: 'nope' }, /^Malformed response/],
  ];
  it.each(failures)('explains %s', async (_name, status, data, expected) => {
    const { ds, backend } = setup();
    backend.on(/v1\/deployment(\?|$)/, { status, data });
    const result = await ds.testDatasource();
    expect(result.status).toBe('error');
    expect(result.message).toMatch(expected);
  });

  it('explains authentication failures and whether the gateway itself is up', async () => {
    const { ds, backend } = setup();
    backend.on(/v1\/deployment(\?|$)/, { status: 400, data: { message: 'Authentication to data source failed' } });
    backend.on('/gateway-healthz', { status: 200, data: { status: 'SERVING' } });
    const result = await ds.testDatasource();
    expect(result.message).toMatch(/^Authentication failed\. Check the token URL, client ID and client secret/);
    expect(result.message).not.toMatch(/Authentication failed.*Authentication failed/);
    expect(result.details?.message).toMatch(/gateway itself is reachable/);
  });

  it('names every missing setting', async () => {
    const ds = new MlopsDataSource(settings({ gatewayUrl: '', tokenUrl: '', clientId: '' }), {
      backendSrv: new FakeBackendSrv(),
      templateSrv: new FakeTemplateSrv(),
    });
    await expect(ds.testDatasource()).resolves.toMatchObject({
      message: 'Missing settings: gateway URL, token URL, client ID. Fill them in and save again.',
    });
  });

  it('counts one deployment in the singular', async () => {
    const { ds, backend } = setup();
    backend.on(/v1\/deployment(\?|$)/, { status: 200, data: { deployment: [CREDIT], totalDeployments: '1' } });
    await expect(ds.testDatasource()).resolves.toEqual({
      status: 'success',
      message: 'Connected: 1 monitored deployment',
    });
  });

  it('warns, connected, when the list of deployments is incomplete', async () => {
    const { ds, backend } = setup();
    backend.on(/v1\/deployment(\?|$)/, { status: 200, data: { deployment: [CREDIT], nextPageToken: 'again' } });
    const warning = 'The gateway repeated a page token while listing deployments; the list is incomplete.';
    await expect(ds.testDatasource()).resolves.toEqual({
      status: 'warning',
      message: `Connected: 2 monitored deployments. ${warning}`,
      details: { message: warning },
    });
  });

  it('names the call that failed', async () => {
    const { ds, backend } = setup();
    backend.on(/v1\/deployment(\?|$)/, { status: 502, data: { message: 'Bad Gateway' } });
    const result = await ds.testDatasource();
    expect(result.details?.message).toMatch(/GET \/v1\/deployment \(list deployments\)/);
  });

  it('does not call the gateway reachable when its liveness route fails too', async () => {
    const { ds, backend } = setup();
    backend.on(/v1\/deployment(\?|$)/, { status: 400, data: { message: 'Authentication to data source failed' } });
    backend.on('/gateway-healthz', { status: 502, data: { message: 'Bad Gateway' } });
    const result = await ds.testDatasource();
    expect(result.message).toMatch(/^Authentication failed/);
    expect(result.details?.message).not.toMatch(/reachable/);
  });

  it('does not answer a second test from the cache', async () => {
    const { ds, backend } = setup();
    await ds.testDatasource();
    await ds.testDatasource();
    expect(backend.calls.filter((c) => /v1\/deployment(\?|$)/.test(c))).toHaveLength(4);
  });
});

describe('MlopsDataSource editor support', () => {
  it('lists deployments, models and features as options', async () => {
    const { ds } = setup({ dep: SHADOW.id });
    const deployments = await ds.listDeploymentOptions();
    expect(deployments.map((o) => o.label)).toEqual(['credit-risk', SHADOW.id, 'fraud']);
    const modelOptions = await ds.listModelOptions('$dep');
    expect(modelOptions).toEqual([
      { label: 'churn-gbm v7', value: SHADOW.id, description: 'primary model' },
      { label: 'churn-dnn v2', value: 'churn-dnn:2', description: undefined },
    ]);
    const features = await ds.listFeatureOptions('$dep');
    expect(features.map((o) => o.value)).toContain('income');
    expect(ds.getVariableOptions()).toEqual([{ label: '$dep', value: '$dep', description: 'Template variable' }]);
  });

  it('describes each deployment option by its type, environment and monitoring', async () => {
    const { ds, backend } = setup();
    backend.on(/v1\/deployment(\?|$)/, {
      status: 200,
      data: { deployment: [CREDIT, { ...SHADOW, type: '', monitoringEnabled: false }] },
    });
    const options = await ds.listDeploymentOptions();
    expect(options.map((o) => o.description)).toEqual(['singleDeployment · PROD', 'DEV · monitoring off']);
    expect(options.incomplete).toBeUndefined();
  });

  it('says when the deployment options are incomplete', async () => {
    const { ds, backend } = setup();
    backend.on(/v1\/deployment(\?|$)/, { status: 200, data: { deployment: [CREDIT], nextPageToken: 'again' } });
    const options = await ds.listDeploymentOptions();
    expect(options.incomplete).toBe(
      'The gateway repeated a page token while listing deployments; the list is incomplete.'
    );
  });

  it('offers the features of the last 24 hours', async () => {
    const { ds, backend } = setup();
    const before = Date.now();
    await ds.listFeatureOptions(CREDIT.id);
    const after = Date.now();
    const call = new URL(
      backend.calls.find((url) => url.includes('/drift'))!,
      'http://grafana'
    );
    const start = Date.parse(call.searchParams.get('startDateTime')!);
    const end = Date.parse(call.searchParams.get('endDateTime')!);
    expect(end - start).toBe(24 * 3600_000);
    expect(end).toBeGreaterThanOrEqual(before);
    expect(end).toBeLessThanOrEqual(after);
  });

  it('variable support returns text/value frames', async () => {
    const { ds } = setup();
    const variables = ds.variables as MlopsVariableSupport;
    const response = await lastValueFrom(
      variables.query({
        ...request(),
        targets: [{ refId: 'v', schemaVersion: 1, kind: VariableQueryKind.Models, deploymentId: SHADOW.id }],
      })
    );
    const frame = response.data[0];
    expect(frame.fields.map((f: { name: string; type: FieldType }) => f.name)).toEqual(['text', 'value']);
    expect(frame.fields[1].values).toEqual([SHADOW.id, 'churn-dnn:2']);
  });

  it('interpolates queries for Explore', () => {
    const { ds } = setup({ dep: CREDIT.id });
    const [query] = ds.interpolateVariablesInQueries(
      [{ refId: 'A', schemaVersion: 1, queryType: QueryType.HealthSummary, deploymentId: '$dep' }],
      {}
    );
    expect(query.deploymentId).toBe(CREDIT.id);
  });
});

describe('annotations: deployment events', () => {
  const support = () => setup({ picked: [CREDIT.id, SHADOW.id] }).ds.annotations!;
  const eventsOf = async (ds: MlopsDataSource, target: MlopsQuery) => {
    const response = await lastValueFrom(ds.query(request(target)));
    expect(response.errors).toBeUndefined();
    const frame = response.data[0];
    expect(frame.meta?.custom?.kind).toBe(FrameKind.DeploymentEvents);
    return frame.fields.find((f: { name: string }) => f.name === FIELD.id).values as string[];
  };

  it('turns a stored annotation without a query type into a deployment-events query', () => {
    const anno = support().prepareAnnotation!({ name: 'Deployments', enable: true, iconColor: 'purple' });
    const query = support().prepareQuery!(anno);
    expect(query).toMatchObject({ queryType: QueryType.DeploymentEvents, refId: 'Anno' });
    // Grafana prepares the annotation first; an annotation without a target is skipped quietly.
    expect(support().prepareQuery!({ name: 'x', enable: true, iconColor: 'red' })).toBeUndefined();
  });

  it('returns one event per dated deployment: every deployment, one, or a multi-value variable', async () => {
    const { ds } = setup({ picked: [CREDIT.id, SHADOW.id] });
    const prepare = (deploymentId?: string) =>
      ds.annotations!.prepareQuery!(
        ds.annotations!.prepareAnnotation!({
          name: 'Deployments',
          enable: true,
          iconColor: 'purple',
          target: { refId: 'Anno', deploymentId } as MlopsQuery,
        })
      )!;
    const all = await eventsOf(ds, prepare());
    expect(all).toEqual(expect.arrayContaining([CREDIT.id, SHADOW.id]));
    expect(await eventsOf(ds, prepare(CREDIT.id))).toEqual([CREDIT.id]);
    expect((await eventsOf(ds, prepare('$picked'))).sort()).toEqual([CREDIT.id, SHADOW.id].sort());
  });
});
