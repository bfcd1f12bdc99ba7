import type { DataFrame, DataQueryRequest, QueryResultMetaNotice, ScopedVars } from '@grafana/data';
import type { TemplateSrv } from '@grafana/runtime';
import { Observable, forkJoin, map, mergeMap, of, throwError } from 'rxjs';

import { deploymentsFrame, modelsFrame } from '../frames/deployments';
import { deploymentEventsFrame } from '../frames/events';
import { driftOverTimeFrames, driftSummaryFrame, featureDriftFrame, featureFrequencyFrame } from '../frames/drift';
import { healthSummaryFrame, predictionValuesFrame, predictionsOverTimeFrame } from '../frames/health';
import { operationalSummaryFrame, operationalTimeSeriesFrames } from '../frames/operational';
import type { GatewayClient, TimeRangeParams } from '../gateway/GatewayClient';
import type { Deployment, DriftMetrics } from '../parse/domain';
import { migrateQuery } from '../migrations';
import { fieldsForQueryType } from '../queryFields';
import { ModelScope, PredictionsUnit, QueryType, type MlopsQuery } from '../types';
import type { FrameLabels } from '../../shared/frameSchema';
import { expandField, interpolateText } from './templating';
import { labelsFor, modelIdFor, modelIndexOf, rolesFor } from './models';

/**
 * Orchestration: one query → gateway calls → frames. Knows nothing about HTTP (GatewayClient)
 * or JSON (parsers); failures surface as errors of this query only.
 */

/** A query that cannot run as configured; the message tells the user which field to fill. */
export class QueryConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QueryConfigError';
  }
}

interface ModelTarget {
  modelId: string;
  labels: FrameLabels;
}

export function toRangeParams(request: Pick<DataQueryRequest, 'range'>): TimeRangeParams {
  return {
    startDateTime: request.range.from.toISOString(),
    endDateTime: request.range.to.toISOString(),
  };
}

function truncatedNotice(what: string): QueryResultMetaNotice {
  return {
    severity: 'warning',
    text: `The gateway returned more pages of ${what} than the safety bound allows; the list is incomplete.`,
  };
}

function withNotice(frame: DataFrame, notice: QueryResultMetaNotice | undefined): DataFrame {
  if (!notice) {
    return frame;
  }
  return { ...frame, meta: { ...frame.meta, notices: [...(frame.meta?.notices ?? []), notice] } };
}

export class QueryRunner {
  constructor(
    private readonly client: GatewayClient,
    private readonly templateSrv: Pick<TemplateSrv, 'replace'>
  ) {}

  /** Runs one target; every frame gets the target's refId. */
  run(target: MlopsQuery, request: Pick<DataQueryRequest, 'range' | 'scopedVars'>): Observable<DataFrame[]> {
    const query = migrateQuery(target);
    const range = toRangeParams(request);
    return this.framesFor(query, range, request.scopedVars ?? {}).pipe(
      map((frames) => frames.map((frame) => ({ ...frame, refId: query.refId })))
    );
  }

  private framesFor(query: MlopsQuery, range: TimeRangeParams, scopedVars: ScopedVars): Observable<DataFrame[]> {
    if (query.queryType === QueryType.Deployments) {
      return this.client.listDeployments(range).pipe(
        map((list) => {
          const deployments = query.monitoredOnly
            ? list.items.filter((d) => d.monitoringEnabled !== false)
            : list.items;
          return [
            withNotice(deploymentsFrame(deployments), list.truncated ? truncatedNotice('deployments') : undefined),
          ];
        })
      );
    }

    const deploymentIds = expandField(this.templateSrv, query.deploymentId, scopedVars);
    if (query.queryType === QueryType.DeploymentEvents) {
      return this.eventFrames(deploymentIds, range);
    }
    if (deploymentIds.length === 0) {
      return throwError(
        () => new QueryConfigError('Choose a deployment (or a template variable holding deployment IDs).')
      );
    }
    if (
      query.queryType === QueryType.FeatureFrequency &&
      expandField(this.templateSrv, query.feature, scopedVars).length === 0
    ) {
      return throwError(() => new QueryConfigError('Choose the feature whose frequency distribution to show.'));
    }

    const perDeployment = deploymentIds.map((deploymentId) =>
      this.client.getDeployment(deploymentId).pipe(
        mergeMap((deployment) => {
          if (query.queryType === QueryType.Models) {
            return this.modelsFrames(deployment);
          }
          if (fieldsForQueryType(query.queryType).perModel) {
            const targets = this.modelTargets(query, deployment, scopedVars);
            return forkJoin(targets.map((t) => this.metricFrames(query, deployment.id, t, range, scopedVars))).pipe(
              map((lists) => lists.flat())
            );
          }
          return throwError(() => new QueryConfigError(`Unknown query type "${query.queryType}".`));
        })
      )
    );
    return forkJoin(perDeployment).pipe(map((lists) => lists.flat()));
  }

  /** When the deployments went live: the chosen ones (a single id or a multi-value variable), or all. */
  private eventFrames(deploymentIds: string[], range: TimeRangeParams): Observable<DataFrame[]> {
    const chosen = new Set(deploymentIds);
    return this.client.listDeployments(range).pipe(
      map((list) => {
        const deployments = chosen.size > 0 ? list.items.filter((d) => chosen.has(d.id)) : list.items;
        return [
          withNotice(deploymentEventsFrame(deployments), list.truncated ? truncatedNotice('deployments') : undefined),
        ];
      })
    );
  }

  private modelsFrames(deployment: Deployment): Observable<DataFrame[]> {
    return this.client
      .listModels(deployment.id)
      .pipe(
        map((list) => [
          withNotice(
            modelsFrame(deployment, list.items, rolesFor(list.items)),
            list.truncated ? truncatedNotice('models') : undefined
          ),
        ])
      );
  }

  /** The models a per-model query covers, with their ids and labels. */
  private modelTargets(query: MlopsQuery, deployment: Deployment, scopedVars: ScopedVars): ModelTarget[] {
    if (query.modelScope === ModelScope.All) {
      const roles = rolesFor(deployment.models);
      if (deployment.models.length === 0) {
        return [{ modelId: deployment.id, labels: labelsFor(deployment, undefined, '') }];
      }
      return deployment.models.map((model, index) => ({
        modelId: modelIdFor(deployment, index),
        labels: labelsFor(deployment, model, roles[index]),
      }));
    }
    const role = interpolateText(this.templateSrv, query.role, scopedVars);
    const modelIds = expandField(this.templateSrv, query.modelId, scopedVars);
    return (modelIds.length > 0 ? modelIds : ['']).map((modelId) => {
      const index = modelIndexOf(deployment, modelId);
      if (index < 0) {
        // Unknown to the deployment's model list: pass it through, the gateway decides.
        return { modelId, labels: labelsFor(deployment, undefined, role, modelId) };
      }
      return { modelId: modelIdFor(deployment, index), labels: labelsFor(deployment, deployment.models[index], role) };
    });
  }

  private metricFrames(
    query: MlopsQuery,
    deploymentId: string,
    target: ModelTarget,
    range: TimeRangeParams,
    scopedVars: ScopedVars
  ): Observable<DataFrame[]> {
    const { modelId, labels } = target;
    switch (query.queryType) {
      case QueryType.HealthSummary:
        return this.client
          .healthMetrics(deploymentId, modelId, range)
          .pipe(map((h) => [healthSummaryFrame(h, labels)]));
      case QueryType.PredictionsOverTime:
        return this.client
          .healthMetrics(deploymentId, modelId, range)
          .pipe(
            map((h) => [
              predictionsOverTimeFrame(h.predictions, labels, query.predictionsUnit ?? PredictionsUnit.CountPerBin),
            ])
          );
      case QueryType.PredictionValues:
        return this.client
          .healthMetrics(deploymentId, modelId, range)
          .pipe(map((h) => [predictionValuesFrame(h.predictionValues, labels)]));
      case QueryType.OperationalSummary:
        return this.client
          .operationalSummary(deploymentId, modelId, range)
          .pipe(map((o) => [operationalSummaryFrame(o, labels)]));
      case QueryType.OperationalTimeSeries:
        return this.client
          .operationalSummary(deploymentId, modelId, range)
          .pipe(map((o) => operationalTimeSeriesFrames(o, query.operationalMetrics ?? [], labels)));
      case QueryType.DriftSummary:
        return this.client.driftMetrics(deploymentId, modelId, range).pipe(map((d) => [driftSummaryFrame(d, labels)]));
      case QueryType.FeatureDrift:
        return this.client.driftMetrics(deploymentId, modelId, range).pipe(map((d) => [featureDriftFrame(d, labels)]));
      case QueryType.DriftOverTime:
        return this.driftOverTime(query, deploymentId, target, range, scopedVars);
      case QueryType.FeatureFrequency:
        return this.featureFrequency(query, deploymentId, target, range, scopedVars);
      default:
        return of([]);
    }
  }

  private driftOverTime(
    query: MlopsQuery,
    deploymentId: string,
    target: ModelTarget,
    range: TimeRangeParams,
    scopedVars: ScopedVars
  ) {
    const features = expandField(this.templateSrv, query.feature, scopedVars);
    if (features.length === 0) {
      return this.client
        .driftMetrics(deploymentId, target.modelId, range)
        .pipe(map((d) => driftOverTimeFrames(d, target.labels)));
    }
    return forkJoin(
      features.map((feature) =>
        this.client
          .driftMetrics(deploymentId, target.modelId, range, { importanceFeature: feature })
          .pipe(map((d) => driftOverTimeFrames(d, target.labels, feature)))
      )
    ).pipe(map((lists) => lists.flat()));
  }

  private featureFrequency(
    query: MlopsQuery,
    deploymentId: string,
    target: ModelTarget,
    range: TimeRangeParams,
    scopedVars: ScopedVars
  ) {
    const features = expandField(this.templateSrv, query.feature, scopedVars);
    return forkJoin(
      features.map((feature) =>
        this.client
          .driftMetrics(deploymentId, target.modelId, range, { frequencyFeature: feature })
          .pipe(map((d) => [featureFrequencyFrame(frequencyOf(d, feature), target.labels)]))
      )
    ).pipe(map((lists) => lists.flat()));
  }
}

/** The density the gateway returned for `feature`; an empty one if it sent another feature. */
function frequencyOf(drift: DriftMetrics, feature: string) {
  return drift.frequencies.find((f) => f.featureName === feature) ?? { featureName: feature, kind: 'empty' as const };
}
