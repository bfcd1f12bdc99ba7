import { dateTime } from '@grafana/data';
import { lastValueFrom } from 'rxjs';

import { Mlops1xFrameKind } from '../../shared/frameKinds1x';
import { FakeBackendSrv } from '../../test/fakeBackendSrv';
import { FakeTemplateSrv } from '../../test/fakeTemplateSrv';
import { instanceSettings } from '../../test/instanceSettings';
import { mlops1xFixture } from '../../test/mlops1xFixtures';
import { mlops1xTargets, queryRequest } from '../../test/queryRequest';
import { MlopsDataSource } from '../datasource';
import { ApiGeneration, type MlopsDataSourceOptions } from '../types';
import type { MlopsVariableSupport } from '../variables';
import type { Mlops1xQuery } from './queryModel';
import { Mlops1xVariableKind } from './variableModel';

/** The data source with the 1.x generation chosen, against client-shaped answers at the proxy boundary. */
function mlops1x() {
  return new FakeBackendSrv()
    .on('/authz/v1/workspaces', { status: 200, data: mlops1xFixture('list-workspaces.json') })
    .on(/\/v2\/workspaces\/[^/]+\/deployments\?/, { status: 200, data: mlops1xFixture('list-deployments.json') })
    .on(/deployments\/dep-shadow$/, { status: 200, data: mlops1xFixture('get-deployment-shadow.json') })
    .on('/status', { status: 200, data: mlops1xFixture('get-deployment-status.json') })
    .on('/configuration/monitoring', { status: 200, data: mlops1xFixture('get-monitoring-config.json') })
    .on('/baselineAggregates', { status: 200, data: mlops1xFixture('list-baseline-aggregates.json') })
    .on('/aggregates?', { status: 200, data: mlops1xFixture('list-aggregates.json') });
}

const JSON_1X: Partial<MlopsDataSourceOptions> = {
  apiGeneration: ApiGeneration.Mlops1x,
  mlopsApiUrl: 'https://mlops-api.example.com',
  authzUrl: 'https://authz.example.com',
};

function setup(backend = mlops1x(), jsonData: Partial<MlopsDataSourceOptions> = JSON_1X, variables = {}) {
  const ds = new MlopsDataSource(instanceSettings(jsonData), {
    backendSrv: backend,
    templateSrv: new FakeTemplateSrv(variables),
  });
  return { backend, ds };
}

const RANGE = {
  from: dateTime('2026-01-05T10:00:00Z'),
  to: dateTime('2026-01-05T11:00:00Z'),
  raw: { from: 'now-1h', to: 'now' },
};
const request = (...queries: Array<Partial<Mlops1xQuery>>) =>
  queryRequest(mlops1xTargets(queries), RANGE, { requestId: 'r' });

describe('data source with the MLOps 1.x generation', () => {
  it('answers drift, deployments and workspaces queries from the 1.x routes', async () => {
    const { ds, backend } = setup(mlops1x(), JSON_1X, { dep: 'dep-shadow' });
    const response = await lastValueFrom(
      ds.query(
        request(
          { queryType: Mlops1xFrameKind.Drift, workspaceId: 'w1', deploymentId: '$dep', column: 'age' },
          { queryType: Mlops1xFrameKind.Deployments, workspaceId: 'w1' },
          { queryType: Mlops1xFrameKind.Workspaces }
        )
      )
    );
    expect(response.errors).toBeUndefined();
    const [champion, challenger, deployments, workspaces] = response.data;
    expect(champion.refId).toBe('A');
    expect(challenger.fields.find((f: { name: string }) => f.name === 'status').values).toEqual(['drift']);
    expect(deployments.fields.find((f: { name: string }) => f.name === 'state').values).toEqual([
      'HEALTHY',
      'HEALTHY',
      'HEALTHY',
    ]);
    expect(deployments.fields.find((f: { name: string }) => f.name === 'mode').values).toEqual([
      'single',
      'shadow',
      'split',
    ]);
    expect(workspaces.length).toBe(2);
    expect(backend.calls.some((c) => c.includes('/model-monitoring'))).toBe(false);
  });

  it('says which field to fill when a query lacks the workspace or deployment', async () => {
    const { ds } = setup();
    const response = await lastValueFrom(ds.query(request({ queryType: Mlops1xFrameKind.Drift, workspaceId: 'w1' })));
    expect(response.errors?.[0]).toMatchObject({
      refId: 'A',
      message: expect.stringMatching(/Choose a workspace and a deployment/),
    });
  });

  it('asks for workspace IDs when no authz URL is set, without calling anything', async () => {
    const { ds, backend } = setup(mlops1x(), { ...JSON_1X, authzUrl: '' });
    const response = await lastValueFrom(ds.query(request({ queryType: Mlops1xFrameKind.Workspaces })));
    expect(response.errors?.[0].message).toMatch(/No authz URL is set/);
    expect(backend.calls).toHaveLength(0);
  });

  it('keeps the legacy runner when the generation is not chosen', async () => {
    const backend = new FakeBackendSrv().on('/model-monitoring/v1/deployment', {
      status: 200,
      data: { deployment: [] },
    });
    const { ds } = setup(backend, {});
    expect(ds.mlops1x).toBeUndefined();
    await lastValueFrom(ds.query(request({ queryType: Mlops1xFrameKind.Workspaces })));
    expect(backend.calls[0]).toContain('/model-monitoring/v1/deployment');
    expect(backend.calls.some((c) => c.includes('/mlops1x/'))).toBe(false);
  });

  it('offers workspaces, deployments, columns and experiments as variables', async () => {
    const { ds } = setup();
    const variables = ds.variables as MlopsVariableSupport;
    const valuesOf = async (mlops1xQuery: object) => {
      const response = await lastValueFrom(
        variables.query({
          ...request(),
          targets: [{ refId: 'V', schemaVersion: 1, kind: 'deployments', mlops1x: mlops1xQuery }],
        } as never)
      );
      return response.data[0].fields.find((f: { name: string }) => f.name === 'value').values;
    };
    expect(await valuesOf({ kind: Mlops1xVariableKind.Workspaces })).toHaveLength(2);
    expect(await valuesOf({ kind: Mlops1xVariableKind.Deployments, workspaceId: 'w1' })).toEqual([
      'dep-single',
      'dep-shadow',
      'dep-split',
    ]);
    expect(
      await valuesOf({
        kind: Mlops1xVariableKind.Columns,
        workspaceId: 'w1',
        deploymentId: 'dep-shadow',
        outputsOnly: true,
      })
    ).toEqual(['prediction', 'label']);
    expect(
      await valuesOf({ kind: Mlops1xVariableKind.Experiments, workspaceId: 'w1', deploymentId: 'dep-shadow' })
    ).toEqual(['exp-champ', 'exp-chall']);
  });
});

describe('Save & test with the MLOps 1.x generation', () => {
  it('connects and counts workspaces', async () => {
    const { ds } = setup();
    await expect(ds.testDatasource()).resolves.toEqual({
      status: 'success',
      message: 'Connected to H2O MLOps: 2 workspaces.',
    });
  });

  it('does not answer a second test from the cache', async () => {
    const { ds, backend } = setup();
    await ds.testDatasource();
    const first = backend.calls.length;
    await ds.testDatasource();
    expect(backend.calls.length).toBe(2 * first);
  });

  it('names missing 1.x settings', async () => {
    const { ds } = setup(mlops1x(), { ...JSON_1X, mlopsApiUrl: '' });
    await expect(ds.testDatasource()).resolves.toMatchObject({
      status: 'error',
      message: expect.stringContaining('MLOps API URL'),
    });
  });

  it.each([
    [401, 16, /^Authentication failed: check the token URL, client ID/],
    [403, 7, /^Forbidden: .*read access to deployments and monitoring/],
    [404, 5, /^Not found: .*appends \/deployer and \/monitoring/],
    [503, 14, /^MLOps is temporarily unavailable/],
  ])('explains HTTP %d from the deployer', async (status, code, message) => {
    // Retry-After: 0, so the retries of a 503 do not wait (the backoff itself is retry.test.ts's concern).
    const backend = mlops1x().on('/configuration/monitoring', {
      status,
      data: { code, message: 'no' },
      headers: { 'retry-after': '0' },
    });
    const { ds } = setup(backend);
    await expect(ds.testDatasource()).resolves.toMatchObject({
      status: 'error',
      message: expect.stringMatching(message),
    });
  });

  it('explains a legacy gateway behind the 1.x URL (an answer of another shape)', async () => {
    const backend = mlops1x().on('/configuration/monitoring', { status: 200, data: [] });
    const { ds } = setup(backend);
    await expect(ds.testDatasource()).resolves.toMatchObject({
      message: expect.stringMatching(/choose the legacy API generation/),
    });
  });

  it('warns when monitoring is off or workspaces cannot be listed', async () => {
    const off = mlops1x().on('/configuration/monitoring', {
      status: 200,
      data: { monitoringConfig: { enabled: false } },
    });
    await expect(setup(off).ds.testDatasource()).resolves.toMatchObject({
      status: 'warning',
      message: expect.stringMatching(/monitoring is disabled/),
    });
    const noAuthz = mlops1x().on('/authz/v1/workspaces', { status: 404, data: {} });
    await expect(setup(noAuthz).ds.testDatasource()).resolves.toMatchObject({
      status: 'warning',
      message: expect.stringMatching(/check the authz URL/),
    });
    await expect(setup(mlops1x(), { ...JSON_1X, authzUrl: '' }).ds.testDatasource()).resolves.toMatchObject({
      status: 'success',
      message: expect.stringMatching(/workspaces are entered by ID/),
    });
  });
});
