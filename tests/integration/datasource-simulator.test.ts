/** @jest-environment node */
import '../support/nodeGlobals';
import type { DataFrame } from '@grafana/data';
import { lastValueFrom } from 'rxjs';

import { startTestSimulator, type TestSimulator } from '../../simulator/testKit';
import { MARKUP_FEATURE_NAME, SCENARIO_IDS } from '../../simulator/scenarios';
import { MlopsDataSource } from '../../src/datasource/datasource';
import { FakeTemplateSrv } from '../../src/test/fakeTemplateSrv';
import { legacyRequest } from '../../src/test/queryRequest';
import { ModelScope, QueryType, type MlopsQuery } from '../../src/datasource/types';
import { FIELD, FrameKind } from '../../src/shared/frameSchema';
import { HttpBackendSrv } from '../../devtools/httpBackendSrv';
import { FeatureStatus } from '../../src/shared/featureStatus';
import { instanceSettings } from '../../src/test/instanceSettings';

/**
 * The data source's own query() over real HTTP against the real simulator. Grafana's proxy is
 * stood in by a URL rewrite plus a bearer header (the real proxy runs in the real-stack tests);
 * everything else — HTTP, JSON, parsing, frames — is real.
 */

const PROXY = '/api/datasources/proxy/uid/mlops';

let simulator: TestSimulator;
let backend: HttpBackendSrv;
let ds: MlopsDataSource;

beforeAll(async () => {
  simulator = await startTestSimulator({ defaultPageSize: 3 });
  backend = new HttpBackendSrv(
    (url) =>
      `${simulator.sim.url}${url.replace(`${PROXY}/gateway`, '').replace(`${PROXY}/gateway-healthz`, '/healthz')}`,
    () => ({ Authorization: `Bearer ${simulator.token}` })
  );
  ds = new MlopsDataSource(
    instanceSettings({ gatewayUrl: 'http://gateway', tokenUrl: 'http://kc/token', cacheTtlSeconds: 0 }),
    { backendSrv: backend, templateSrv: new FakeTemplateSrv({ ab: [SCENARIO_IDS.shadow, SCENARIO_IDS.split] }) }
  );
});

afterAll(() => simulator.close());
beforeEach(() => simulator.sim.reset());

const end = Date.now();
const request = (...targets: Array<Partial<MlopsQuery>>) => legacyRequest(targets, { requestId: 'it', end });

const values = (frame: DataFrame, name: string) => frame.fields.find((f) => f.name === name)?.values ?? [];

describe('data source ↔ simulator over HTTP (Grafana proxy replaced by a bearer header)', () => {
  it('lists all seven scenarios across pages (page size 3)', async () => {
    const response = await lastValueFrom(ds.query(request({ queryType: QueryType.Deployments })));
    expect(response.errors).toBeUndefined();
    expect(values(response.data[0], FIELD.id)).toEqual(expect.arrayContaining(Object.values(SCENARIO_IDS)));
    expect(response.data[0].length).toBe(7);
    expect(backend.requests.filter((r) => /v1\/deployment(\?|$)/.test(r.url)).length).toBe(3);
  });

  it('health totals equal the sum of the predictions-over-time bins', async () => {
    const response = await lastValueFrom(
      ds.query(
        request(
          { queryType: QueryType.HealthSummary, deploymentId: SCENARIO_IDS.healthy },
          { queryType: QueryType.PredictionsOverTime, deploymentId: SCENARIO_IDS.healthy }
        )
      )
    );
    expect(response.errors).toBeUndefined();
    const [summary, series] = response.data;
    const total = values(summary, FIELD.totalPredictions)[0] as number;
    const bins = values(series, FIELD.predictions) as number[];
    expect(total).toBeGreaterThan(0);
    expect(bins.reduce((a, b) => a + b, 0)).toBe(total);
  });

  it('shadow and split deployments in one query: frames per model with roles', async () => {
    const response = await lastValueFrom(
      ds.query(request({ queryType: QueryType.HealthSummary, deploymentId: '$ab', modelScope: ModelScope.All }))
    );
    expect(response.errors).toBeUndefined();
    const labels = response.data.map((f) => f.fields[0].labels);
    expect(labels.map((l) => `${l?.deployment_id}/${l?.model}:${l?.model_version}/${l?.role}`)).toEqual([
      `${SCENARIO_IDS.shadow}/loan-default-glm:2/champion`,
      `${SCENARIO_IDS.shadow}/loan-default-dnn:1/challenger`,
      `${SCENARIO_IDS.split}/churn-predictor:5/champion`,
      `${SCENARIO_IDS.split}/churn-predictor:6/challenger`,
    ]);
    const totals = response.data.map((f) => values(f, FIELD.totalPredictions)[0]);
    // The simulator honours modelId: champion and challenger differ.
    expect(totals[0]).not.toEqual(totals[1]);
  });

  it('drift of the drifting deployment: statuses from thresholds and the markup feature kept as text', async () => {
    const response = await lastValueFrom(
      ds.query(request({ queryType: QueryType.FeatureDrift, deploymentId: SCENARIO_IDS.drifting }))
    );
    expect(response.errors).toBeUndefined();
    const frame = response.data[0];
    expect(values(frame, FIELD.feature)).toContain(MARKUP_FEATURE_NAME);
    expect(values(frame, FIELD.driftStatusDerived)).toContain(FeatureStatus.DriftingImportant);
  });

  it('the new deployment shows no drift values rather than zeros', async () => {
    const response = await lastValueFrom(
      ds.query(request({ queryType: QueryType.FeatureDrift, deploymentId: SCENARIO_IDS.empty }))
    );
    const frame = response.data[0];
    expect((values(frame, FIELD.drift) as Array<number | null>).every((v) => v === null)).toBe(true);
    expect(new Set(values(frame, FIELD.driftStatusDerived))).toEqual(new Set([FeatureStatus.NotCalculated]));
  });

  it('regression box plots, operational series, frequencies: every query type returns frames', async () => {
    const [firstFeature] = await ds.listFeatureOptions(SCENARIO_IDS.regression);
    const targets = Object.values(QueryType).map((queryType) => ({
      queryType,
      deploymentId: SCENARIO_IDS.regression,
      feature: queryType === QueryType.FeatureFrequency ? String(firstFeature.value) : undefined,
    }));
    const response = await lastValueFrom(ds.query(request(...targets)));
    expect(response.errors).toBeUndefined();
    const kinds = new Set(response.data.map((f) => f.meta?.custom?.kind));
    expect(kinds).toEqual(new Set(Object.values(FrameKind)));
    const box = response.data.find((f) => f.meta?.custom?.kind === FrameKind.PredictionValues)!;
    expect(box.length).toBeGreaterThan(0);
  });

  it('a fault on one endpoint fails only its query, with an actionable message', async () => {
    simulator.sim.faults.add({ path: '/operational', status: 503 });
    simulator.sim.faults.add({ path: '/drift', body: 'truncated' });
    const response = await lastValueFrom(
      ds.query(
        request(
          { queryType: QueryType.HealthSummary, deploymentId: SCENARIO_IDS.healthy },
          { queryType: QueryType.OperationalSummary, deploymentId: SCENARIO_IDS.healthy },
          { queryType: QueryType.DriftSummary, deploymentId: SCENARIO_IDS.healthy }
        )
      )
    );
    expect(response.data.map((f) => f.refId)).toEqual(['Q0']);
    expect(response.errors?.map((e) => e.refId)).toEqual(['Q1', 'Q2']);
    expect(response.errors?.[0].message).toMatch(/operational: unavailable .*Try again shortly/);
    expect(response.errors?.[1].message).toMatch(/drift: malformed response/);
  });

  it('health check against the simulator', async () => {
    await expect(ds.testDatasource()).resolves.toEqual({
      status: 'success',
      message: 'Connected: 7 monitored deployments',
    });
  });
});
