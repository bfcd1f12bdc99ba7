/**
 * The data source's own query() in Node, through Grafana's data-source proxy — STOOD IN by
 * devtools/grafanaProxy/ (Grafana's server cannot run here) — with Keycloak tokens, against
 * every scenario of the gateway simulator and every query type.
 */
import type { DataFrame, Field } from '@grafana/data';
import { lastValueFrom } from 'rxjs';

import { SCENARIOS, SCENARIO_IDS } from '../../simulator/scenarios';
import { ModelScope, QueryType, type MlopsQuery } from '../../src/datasource/types';
import { FIELD, FrameKind } from '../../src/shared/frameSchema';
import { legacyRequest } from '../../src/test/queryRequest';
import type { ProxyStandIn } from '../../devtools/grafanaProxy/server';
import { dataSourceThroughProxy, provisionedDataSources, startGrafanaProxyStandIn } from './support/grafanaLike';
import { stackInfo } from './support/stackInfo';

const info = stackInfo();
const provisioned = provisionedDataSources({ ...info.provisioningEnv });
const refreshDs = provisioned.find((ds) => ds.uid === 'mlops-gateway')!;
const ccDs = provisioned.find((ds) => ds.uid === 'mlops-gateway-cc')!;

let proxy: ProxyStandIn;
beforeAll(async () => {
  proxy = await startGrafanaProxyStandIn(info);
});
afterAll(() => proxy.close());

const end = Date.now();
const request = (targets: Array<Partial<MlopsQuery>>, hours = 24) =>
  legacyRequest(targets, { requestId: 'stack', end, hours });

const values = (frame: DataFrame, name: string) => frame.fields.find((f) => f.name === name)?.values ?? [];
const kindOf = (frame: DataFrame) => frame.meta?.custom?.kind as FrameKind | undefined;

describe('query() through the Grafana proxy stand-in, refresh-token mode', () => {
  it('deployments: all seven scenarios with their names and model counts', async () => {
    const { ds } = dataSourceThroughProxy(proxy, refreshDs);
    const response = await lastValueFrom(ds.query(request([{ queryType: QueryType.Deployments }])));
    expect(response.errors).toBeUndefined();
    const [frame] = response.data;
    expect(kindOf(frame)).toBe(FrameKind.Deployments);
    const rows = (values(frame, FIELD.id) as string[]).map((id, i) => [
      id,
      values(frame, FIELD.name)[i],
      values(frame, FIELD.modelCount)[i],
    ]);
    expect(rows.sort()).toEqual(SCENARIOS.map((s) => [s.id, s.name, s.models.length]).sort());
    expect(proxy.tokenRequests({ uid: 'mlops-gateway' })).toBe(1);
  });

  describe.each(SCENARIOS.map((s) => [s.key, s] as const))('scenario %s', (_key, scenario) => {
    it('every query type returns frames of its kind, without errors', async () => {
      const { ds } = dataSourceThroughProxy(proxy, refreshDs);
      const features = await ds.listFeatureOptions(scenario.id);
      // A deployment with monitoring switched off reports no features (nor any metric).
      const expectedFeatures = scenario.monitoringEnabled ? scenario.features.map((f) => f.name).sort() : [];
      expect(features.map((f) => f.value).sort()).toEqual(expectedFeatures);
      const feature = scenario.features[0].name;
      const targets = Object.values(QueryType).map((queryType) => ({
        queryType,
        deploymentId: scenario.id,
        feature: queryType === QueryType.FeatureFrequency ? feature : undefined,
      }));
      const response = await lastValueFrom(ds.query(request(targets, 24 * 7)));
      expect(response.errors).toBeUndefined();
      const kinds = new Set(response.data.map(kindOf));
      // Drift over time is one frame per feature: none when monitoring is off (no features reported).
      const expectedKinds = Object.values(FrameKind).filter(
        (k) => scenario.monitoringEnabled || k !== FrameKind.DriftOverTime
      );
      expect(kinds).toEqual(new Set(expectedKinds));
      for (const target of targets.map((t, i) => ({ ...t, refId: `Q${i}` }))) {
        if (scenario.monitoringEnabled || target.queryType !== QueryType.DriftOverTime) {
          expect({
            queryType: target.queryType,
            frames: response.data.some((f: DataFrame) => f.refId === target.refId),
          }).toEqual({ queryType: target.queryType, frames: true });
        }
      }
      for (const frame of response.data) {
        if (kindOf(frame) === FrameKind.Deployments) {
          continue;
        }
        if (kindOf(frame) === FrameKind.DeploymentEvents) {
          // Annotation events name their deployment in the id column, not in labels.
          expect(values(frame, FIELD.id)).toEqual([scenario.id]);
          continue;
        }
        const labels = frame.fields.find((f: Field) => f.labels)?.labels;
        expect({ kind: kindOf(frame), deployment: labels?.deployment_id }).toEqual({
          kind: kindOf(frame),
          deployment: scenario.id,
        });
      }
      const frequency = response.data.find((f) => kindOf(f) === FrameKind.FeatureFrequency)!;
      expect(frequency.fields.find((f: Field) => f.labels)?.labels?.feature).toBe(feature);
      if (scenario.monitoringEnabled && scenario.trafficPerHour > 0) {
        const counts = values(frequency, FIELD.count) as number[];
        expect(counts.length).toBeGreaterThan(0);
        expect(counts.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
      }
    });
  });

  it('health totals equal the sum of the predictions-over-time bins, for every model of every scenario', async () => {
    const { ds } = dataSourceThroughProxy(proxy, refreshDs);
    const targets = SCENARIOS.flatMap((s) => [
      { queryType: QueryType.HealthSummary, deploymentId: s.id, modelScope: ModelScope.All },
      { queryType: QueryType.PredictionsOverTime, deploymentId: s.id, modelScope: ModelScope.All },
    ]);
    const response = await lastValueFrom(ds.query(request(targets)));
    expect(response.errors).toBeUndefined();
    const key = (f: DataFrame) => {
      const l = f.fields.find((x: Field) => x.labels)?.labels ?? {};
      return `${l.deployment_id}/${l.model}:${l.model_version}`;
    };
    const totals = new Map(
      response.data
        .filter((f) => kindOf(f) === FrameKind.HealthSummary)
        .map((f) => [key(f), values(f, FIELD.totalPredictions)[0] as number])
    );
    const series = response.data.filter((f) => kindOf(f) === FrameKind.PredictionsOverTime);
    expect(totals.size).toBe(SCENARIOS.reduce((n, s) => n + s.models.length, 0));
    expect(series.length).toBe(totals.size);
    for (const frame of series) {
      const sum = (values(frame, FIELD.predictions) as number[]).reduce((a, b) => a + b, 0);
      expect({ model: key(frame), sum }).toEqual({ model: key(frame), sum: totals.get(key(frame)) });
    }
    expect(
      totals.get(
        `${SCENARIO_IDS.empty}/${SCENARIOS.find((s) => s.key === 'empty')!.models[0].registeredModelName}:${SCENARIOS.find((s) => s.key === 'empty')!.models[0].registeredModelVersion}`
      )
    ).toBe(0);
  });

  it('shadow and split: model scope "all" gives champion and challengers with names and versions', async () => {
    const { ds } = dataSourceThroughProxy(proxy, refreshDs);
    const response = await lastValueFrom(
      ds.query(
        request(
          [SCENARIO_IDS.shadow, SCENARIO_IDS.split].map((id) => ({
            queryType: QueryType.OperationalSummary,
            deploymentId: id,
            modelScope: ModelScope.All,
          }))
        )
      )
    );
    expect(response.errors).toBeUndefined();
    const got = response.data.map((f) => {
      const l = f.fields.find((x: Field) => x.labels)?.labels ?? {};
      return `${l.deployment_id}/${l.model}:${l.model_version}/${l.role}`;
    });
    const expected = ['shadow', 'split'].flatMap((key) => {
      const s = SCENARIOS.find((x) => x.key === key)!;
      return s.models.map(
        (m, i) => `${s.id}/${m.registeredModelName}:${m.registeredModelVersion}/${i === 0 ? 'champion' : 'challenger'}`
      );
    });
    expect(got).toEqual(expected);
  });

  it('the empty deployment reports drift as not calculated (no values, not zeros)', async () => {
    const { ds } = dataSourceThroughProxy(proxy, refreshDs);
    const response = await lastValueFrom(
      ds.query(request([{ queryType: QueryType.FeatureDrift, deploymentId: SCENARIO_IDS.empty }]))
    );
    expect(response.errors).toBeUndefined();
    const frame = response.data[0];
    expect((values(frame, FIELD.drift) as Array<number | null>).every((v) => v === null)).toBe(true);
    expect(new Set(values(frame, FIELD.driftStatusDerived))).toEqual(new Set(['not calculated']));
  });
});

describe('query() through the Grafana proxy stand-in, client-credentials mode', () => {
  it('every query type for the drifting deployment, one token for all requests', async () => {
    const { ds } = dataSourceThroughProxy(proxy, ccDs);
    const before = proxy.tokenRequests({ uid: 'mlops-gateway-cc' });
    const targets = Object.values(QueryType).map((queryType) => ({
      queryType,
      deploymentId: SCENARIO_IDS.drifting,
      feature: queryType === QueryType.FeatureFrequency ? 'merchant_category' : undefined,
    }));
    const response = await lastValueFrom(ds.query(request(targets)));
    expect(response.errors).toBeUndefined();
    expect(new Set(response.data.map(kindOf))).toEqual(new Set(Object.values(FrameKind)));
    const frequency = response.data.find((f) => kindOf(f) === FrameKind.FeatureFrequency)!;
    expect((values(frequency, FIELD.category) as string[]).length).toBeGreaterThan(0);
    expect(proxy.tokenRequests({ uid: 'mlops-gateway-cc' }) - before).toBeLessThanOrEqual(1);
    expect(proxy.tokenRequests({ uid: 'mlops-gateway-cc' })).toBe(1);
  });
});
