import { dateTime, type DataFrame } from '@grafana/data';
import { lastValueFrom } from 'rxjs';

import deploymentsPage1 from '../../../tests/fixtures/gateway/deployments-page1.json';
import deploymentsPage2 from '../../../tests/fixtures/gateway/deployments-page2.json';
import drift from '../../../tests/fixtures/gateway/drift.json';
import models from '../../../tests/fixtures/gateway/models.json';
import { gatewayClientFixture } from '../../test/gatewayClient';
import { FakeTemplateSrv } from '../../test/fakeTemplateSrv';
import { QUERY_SCHEMA_VERSION, QueryType, type MlopsQuery } from '../types';
import { QueryRunner } from './queryRunner';

/**
 * What a query sends to the gateway and what it keeps of the answer: the parameters of each call
 * (the gateway's answer alone would not show a swapped or missing parameter), de-duplicated
 * multi-value selections, and the notice that a list is incomplete (network mocked at Grafana
 * backendSrv boundary).
 */

const CREDIT = deploymentsPage1.deployment[0];
const SHADOW = deploymentsPage1.deployment[1];
const RETIRED = deploymentsPage2.deployment[0];
const LIST = /v1\/deployment(\?|$)/;
const INCOMPLETE = /the list is incomplete/;
const PAGES_OF_DEPLOYMENTS =
  'The gateway returned more pages of deployments than the safety bound allows; the list is incomplete.';

const range = {
  from: dateTime('2022-07-19T07:28:40Z'),
  to: dateTime('2022-08-18T07:28:40Z'),
  raw: { from: 'now-30d', to: 'now' },
};

function setup(variables: Record<string, string | string[]> = {}, maxPages = 100) {
  const { backend, client } = gatewayClientFixture({ cacheTtlMs: 0, maxPages });
  backend
    .on(LIST, (url) => ({ status: 200, data: url.includes('pageToken=page-2') ? deploymentsPage2 : deploymentsPage1 }))
    .on(`/v1/deployment/${CREDIT.id}`, { status: 200, data: { deployment: CREDIT } })
    .on(`/v1/deployment/${SHADOW.id}`, { status: 200, data: { deployment: SHADOW } })
    .on('/models', { status: 200, data: models })
    .on('/drift', { status: 200, data: drift });
  return { backend, runner: new QueryRunner(client, new FakeTemplateSrv(variables)) };
}

async function run(runner: QueryRunner, query: Partial<MlopsQuery>) {
  const target = { refId: 'A', schemaVersion: QUERY_SCHEMA_VERSION, ...query } as MlopsQuery;
  return lastValueFrom(runner.run(target, { range, scopedVars: {} }));
}

/** The query parameters of every recorded call to `path`, as objects. */
function paramsOf(calls: string[], path: string): Array<Record<string, string>> {
  return calls
    .filter((url) => url.split('?')[0].endsWith(path))
    .map((url) => Object.fromEntries(new URLSearchParams(url.split('?')[1] ?? '')));
}

const noticeTexts = (frame: DataFrame) => (frame.meta?.notices ?? []).map((n) => n.text);
const column = (frame: DataFrame, name: string) => frame.fields.find((f) => f.name === name)?.values;

describe('drift over time asks the gateway for the selected feature (network mocked at Grafana backendSrv boundary)', () => {
  it('sends the feature as the importance-selected feature, one call per distinct feature', async () => {
    const { backend, runner } = setup({ features: ['income', 'income', 'age'] });
    const { frames, error } = await run(runner, {
      queryType: QueryType.DriftOverTime,
      deploymentId: CREDIT.id,
      feature: '$features',
    });
    expect(error).toBeUndefined();
    const params = paramsOf(backend.calls, '/drift');
    expect(params.map((p) => p.featureImportanceSelectedFeature).sort()).toEqual(['age', 'income']);
    expect(params.every((p) => p.featureFrequencySelectedFeature === undefined)).toBe(true);
    expect(params.every((p) => p.startDateTime === '2022-07-19T07:28:40.000Z')).toBe(true);
    expect(params.every((p) => p.endDateTime === '2022-08-18T07:28:40.000Z')).toBe(true);
    // The fixture only has drift over time for income (and a second feature that is not age).
    expect(frames.map((f) => f.fields[1].labels?.feature)).toEqual(['income']);
  });

  it('without a feature, sends no feature parameter and shows every series the gateway returned', async () => {
    const { backend, runner } = setup();
    const { frames } = await run(runner, { queryType: QueryType.DriftOverTime, deploymentId: CREDIT.id });
    const [params] = paramsOf(backend.calls, '/drift');
    expect(params.featureImportanceSelectedFeature).toBeUndefined();
    expect(params.featureFrequencySelectedFeature).toBeUndefined();
    expect(frames).toHaveLength(drift.featureImportance.featureDrift.length);
  });

  it('feature frequency sends the feature as the frequency-selected feature', async () => {
    const { backend, runner } = setup();
    const { frames } = await run(runner, {
      queryType: QueryType.FeatureFrequency,
      deploymentId: CREDIT.id,
      feature: 'income',
    });
    const params = paramsOf(backend.calls, '/drift');
    expect(params).toHaveLength(1);
    expect(params[0].featureFrequencySelectedFeature).toBe('income');
    expect(params[0].featureImportanceSelectedFeature).toBeUndefined();
    expect(frames).toHaveLength(1);
  });
});

describe('multi-value selections are de-duplicated (network mocked at Grafana backendSrv boundary)', () => {
  it('a deployment selected twice is read once and gives one result', async () => {
    const { backend, runner } = setup({ deployments: [CREDIT.id, CREDIT.id] });
    const { frames, error } = await run(runner, {
      queryType: QueryType.DriftSummary,
      deploymentId: '$deployments',
    });
    expect(error).toBeUndefined();
    expect(backend.calls.filter((url) => url.endsWith(`/v1/deployment/${CREDIT.id}`))).toHaveLength(1);
    expect(paramsOf(backend.calls, '/drift')).toHaveLength(1);
    expect(frames).toHaveLength(1);
  });

  it('features selected twice are read once for the frequency distribution', async () => {
    const { backend, runner } = setup({ features: ['income', 'income'] });
    const { frames } = await run(runner, {
      queryType: QueryType.FeatureFrequency,
      deploymentId: CREDIT.id,
      feature: '$features',
    });
    expect(paramsOf(backend.calls, '/drift')).toHaveLength(1);
    expect(frames).toHaveLength(1);
  });
});

describe('lists (network mocked at Grafana backendSrv boundary)', () => {
  it('the deployments table lists every page', async () => {
    const { runner } = setup();
    const { frames } = await run(runner, { queryType: QueryType.Deployments });
    expect(column(frames[0], 'id')).toEqual([CREDIT.id, SHADOW.id, RETIRED.id]);
    expect(noticeTexts(frames[0]).some((t) => INCOMPLETE.test(t))).toBe(false);
  });

  it('monitored only leaves out deployments whose monitoring is switched off', async () => {
    const { runner } = setup();
    const { frames } = await run(runner, { queryType: QueryType.Deployments, monitoredOnly: true });
    expect(column(frames[0], 'id')).toEqual([CREDIT.id, SHADOW.id]);
  });

  it('an incomplete deployment list says so on the table', async () => {
    const { runner } = setup({}, 1);
    const { frames } = await run(runner, { queryType: QueryType.Deployments });
    expect(column(frames[0], 'id')).toEqual([CREDIT.id, SHADOW.id]);
    expect(frames[0].meta?.notices).toEqual([{ severity: 'warning', text: PAGES_OF_DEPLOYMENTS }]);
  });

  it('an incomplete deployment list says so on the deployment events', async () => {
    const { runner } = setup({}, 1);
    const { frames } = await run(runner, { queryType: QueryType.DeploymentEvents });
    expect(frames[0].meta?.notices).toEqual([{ severity: 'warning', text: PAGES_OF_DEPLOYMENTS }]);
  });

  it('deployment events of the chosen deployments only, every deployment when none is chosen', async () => {
    const { runner } = setup({ chosen: [SHADOW.id, SHADOW.id] });
    const all = await run(runner, { queryType: QueryType.DeploymentEvents });
    const chosen = await run(runner, { queryType: QueryType.DeploymentEvents, deploymentId: '$chosen' });
    expect(column(all.frames[0], 'id')?.length).toBeGreaterThan(1);
    expect(column(chosen.frames[0], 'id')).toEqual([SHADOW.id]);
    expect(noticeTexts(chosen.frames[0]).some((t) => INCOMPLETE.test(t))).toBe(false);
  });

  it('an incomplete model list says so on the models table, naming the deployment', async () => {
    const { backend, runner } = setup({}, 1);
    backend.on('/models', { status: 200, data: { ...models, nextPageToken: 'more' } });
    const { frames } = await run(runner, { queryType: QueryType.Models, deploymentId: CREDIT.id });
    const [notice] = noticeTexts(frames[0]).filter((t) => INCOMPLETE.test(t));
    expect(notice).toMatch(/^The gateway returned more pages of models of .+ than the safety bound allows/);
    expect(notice).toContain(CREDIT.name ?? CREDIT.id);
  });

  it('a complete model list carries no such notice', async () => {
    const { runner } = setup();
    const { frames } = await run(runner, { queryType: QueryType.Models, deploymentId: CREDIT.id });
    expect(noticeTexts(frames[0]).some((t) => INCOMPLETE.test(t))).toBe(false);
  });
});
