import type { DataFrame, DataQueryRequest, QueryResultMetaNotice, ScopedVars } from '@grafana/data';
import type { TemplateSrv } from '@grafana/runtime';
import { Observable, map, mergeMap, of, throwError } from 'rxjs';

import { deploymentsFrame, modelsFrame } from '../frames/deployments';
import { deploymentEventsFrame } from '../frames/events';
import { driftOverTimeFrames, driftSummaryFrame, featureDriftFrame, featureFrequencyFrame } from '../frames/drift';
import { healthSummaryFrame, predictionValuesFrame, predictionsOverTimeFrame } from '../frames/health';
import { operationalGraphFrame, operationalSummaryFrame, selectedMetrics } from '../frames/operational';
import type { GatewayClient, TimeRangeParams } from '../gateway/GatewayClient';
import type { Deployment, DriftFrequencies } from '../parse/domain';
import { parseDriftFrequencies, parseDriftSeries, parseDriftSummary } from '../parse/drift';
import { parseHealthPredictionValues, parseHealthPredictions, parseHealthSummary } from '../parse/health';
import { parseOperationalTotals } from '../parse/operational';
import { migrateQuery } from '../migrations';
import { fieldsForQueryType } from '../queryTypeFields';
import { PredictionsUnit, QueryType, type MlopsQuery } from '../types';
import { truncationText, type PagedList } from '../gateway/paging';
import { gather, targetResult, type Outcome, type TargetResult } from './fanOut';
import { Limiter } from './limiter';
import { modelTargetName, modelTargets, type ModelTarget } from './modelTargets';
import { deploymentName } from '../frames/common';
import { rolesFor } from './models';
import { expandField } from './templating';

/**
 * Orchestration: one query → gateway calls → frames. Knows nothing about HTTP (GatewayClient)
 * or JSON (parsers); failures surface as errors of this query only. A query fanned out over
 * several deployments, models or features keeps the frames of the parts that succeeded and names
 * the parts that failed (fanOut.ts); its gateway calls run at most
 * MAX_CALLS_IN_FLIGHT_PER_QUERY at a time (limiter.ts).
 */

/** A query that cannot run as configured; the message tells the user which field to fill. */
export class QueryConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QueryConfigError';
  }
}

/** What every step of one query run needs. */
interface RunContext {
  query: MlopsQuery;
  range: TimeRangeParams;
  scopedVars: ScopedVars;
  /** Queues a gateway call behind the query's concurrency bound. */
  limit: <T>(call: Observable<T>) => Observable<T>;
}

export function toRangeParams(request: Pick<DataQueryRequest, 'range'>): TimeRangeParams {
  // The same text as moment's toISOString, which first clones the moment (a tenth of a small
  // query's fixed cost with cold caches).
  return {
    startDateTime: new Date(request.range.from.valueOf()).toISOString(),
    endDateTime: new Date(request.range.to.valueOf()).toISOString(),
  };
}

function truncatedNotice(what: string, list: PagedList<unknown>): QueryResultMetaNotice | undefined {
  return list.truncated ? { severity: 'warning', text: truncationText(what, list.truncation) } : undefined;
}

function withNotice(frame: DataFrame, notice: QueryResultMetaNotice | undefined): DataFrame {
  if (!notice) {
    return frame;
  }
  // Stryker disable next-line OptionalChaining: every frame given here comes from frames/common meta(), so meta is set
  return { ...frame, meta: { ...frame.meta, notices: [...(frame.meta?.notices ?? []), notice] } };
}

export class QueryRunner {
  constructor(
    private readonly client: GatewayClient,
    private readonly templateSrv: Pick<TemplateSrv, 'replace'>
  ) {}

  /**
   * Runs one target; every frame gets the target's refId. Never errors: a failure is returned
   * beside the frames that could be loaded.
   */
  run(target: MlopsQuery, request: Pick<DataQueryRequest, 'range' | 'scopedVars'>): Observable<TargetResult> {
    const query = migrateQuery(target);
    const limiter = new Limiter();
    const ctx: RunContext = {
      query,
      range: toRangeParams(request),
      scopedVars: request.scopedVars ?? {},
      limit: (call) => limiter.run(call),
    };
    return targetResult(this.framesFor(ctx), query.refId);
  }

  private framesFor(ctx: RunContext): Observable<DataFrame[] | Outcome> {
    const { query, range, scopedVars } = ctx;
    if (query.queryType === QueryType.Deployments) {
      return ctx.limit(this.client.listDeployments(range)).pipe(
        map((list) => {
          const deployments = query.monitoredOnly
            ? list.items.filter((d) => d.monitoringEnabled !== false)
            : list.items;
          return [withNotice(deploymentsFrame(deployments, list.notices), truncatedNotice('deployments', list))];
        })
      );
    }

    const deploymentIds = expandField(this.templateSrv, query.deploymentId, scopedVars);
    if (query.queryType === QueryType.DeploymentEvents) {
      return this.eventFrames(ctx, deploymentIds, range);
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

    const named = deploymentIds.length > 1;
    return gather(
      deploymentIds.map((deploymentId) => ({
        what: named ? `deployment "${deploymentId}"` : '',
        run: () =>
          ctx.limit(this.client.getDeployment(deploymentId)).pipe(mergeMap((d) => this.deploymentFrames(ctx, d))),
      }))
    );
  }

  private deploymentFrames(ctx: RunContext, deployment: Deployment): Observable<DataFrame[] | Outcome> {
    const { query } = ctx;
    if (query.queryType === QueryType.Models) {
      return this.modelsFrames(ctx, deployment);
    }
    if (fieldsForQueryType(query.queryType).perModel) {
      const targets = modelTargets(query, deployment, this.templateSrv, ctx.scopedVars);
      return gather(
        targets.map((target) => ({
          what: targets.length > 1 ? modelTargetName(target) : '',
          run: () => this.metricFrames(ctx, deployment.id, target),
        }))
      );
    }
    return throwError(() => new QueryConfigError(`Unknown query type "${query.queryType}".`));
  }

  /** When the deployments went live: the chosen ones (a single id or a multi-value variable), or all. */
  private eventFrames(ctx: RunContext, deploymentIds: string[], range: TimeRangeParams): Observable<DataFrame[]> {
    const chosen = new Set(deploymentIds);
    return ctx.limit(this.client.listDeployments(range)).pipe(
      map((list) => {
        const deployments = chosen.size > 0 ? list.items.filter((d) => chosen.has(d.id)) : list.items;
        return [withNotice(deploymentEventsFrame(deployments, list.notices), truncatedNotice('deployments', list))];
      })
    );
  }

  private modelsFrames(ctx: RunContext, deployment: Deployment): Observable<DataFrame[]> {
    return ctx
      .limit(this.client.listModels(deployment.id))
      .pipe(
        map((list) => [
          withNotice(
            modelsFrame(deployment, list.items, rolesFor(list.items), list.notices),
            truncatedNotice(`models of ${deploymentName(deployment)}`, list)
          ),
        ])
      );
  }

  /** The frames of a per-model query; each reads only the part of the answer it shows. */
  private metricFrames(ctx: RunContext, deploymentId: string, target: ModelTarget): Observable<DataFrame[] | Outcome> {
    const { query, range } = ctx;
    const { modelId, labels } = target;
    const health = <T>(part: (body: unknown) => T) =>
      ctx.limit(this.client.healthMetrics(deploymentId, modelId, range, part));
    const operational = <T>(part: (body: unknown) => T) =>
      ctx.limit(this.client.operationalSummary(deploymentId, modelId, range, part));
    const drift = () => ctx.limit(this.client.driftMetrics(deploymentId, modelId, range, {}, parseDriftSummary));
    switch (query.queryType) {
      case QueryType.HealthSummary:
        return health(parseHealthSummary).pipe(map((h) => [healthSummaryFrame(h, labels)]));
      case QueryType.PredictionsOverTime:
        return health(parseHealthPredictions).pipe(
          map((h) => [
            predictionsOverTimeFrame(
              h.predictions,
              labels,
              query.predictionsUnit ?? PredictionsUnit.CountPerBin,
              h.notices
            ),
          ])
        );
      case QueryType.PredictionValues:
        return health(parseHealthPredictionValues).pipe(
          map((h) => [predictionValuesFrame(h.predictionValues, labels, h.notices)])
        );
      case QueryType.OperationalSummary:
        return operational(parseOperationalTotals).pipe(map((o) => [operationalSummaryFrame(o, labels)]));
      case QueryType.OperationalTimeSeries:
        return this.operationalGraphs(ctx, deploymentId, target);
      case QueryType.DriftSummary:
        return drift().pipe(map((d) => [driftSummaryFrame(d, labels)]));
      case QueryType.FeatureDrift:
        return drift().pipe(map((d) => [featureDriftFrame(d, labels)]));
      case QueryType.DriftOverTime:
        return this.driftOverTime(ctx, deploymentId, target);
      case QueryType.FeatureFrequency:
        return this.featureFrequency(ctx, deploymentId, target);
      // Stryker disable next-line ConditionalExpression: unreachable, deploymentFrames sends only per-model types here and each has a case
      default:
        // Stryker disable next-line ArrayDeclaration: unreachable, see the default case above
        return of([]);
    }
  }

  /** One frame per selected graph, from one operational answer; a malformed graph fails the query. */
  private operationalGraphs(ctx: RunContext, deploymentId: string, target: ModelTarget): Observable<DataFrame[]> {
    const metrics = selectedMetrics(ctx.query.operationalMetrics ?? []);
    return ctx
      .limit(this.client.operationalGraphs(deploymentId, target.modelId, ctx.range, metrics))
      .pipe(map((parts) => parts.map((part, i) => operationalGraphFrame(metrics[i], part, target.labels))));
  }

  /** Drift over time of the selected features (one call each), or of the gateway's default. */
  private driftOverTime(ctx: RunContext, deploymentId: string, target: ModelTarget): Observable<DataFrame[] | Outcome> {
    const features = expandField(this.templateSrv, ctx.query.feature, ctx.scopedVars);
    const drift = (importanceFeature?: string) =>
      ctx.limit(
        this.client.driftMetrics(deploymentId, target.modelId, ctx.range, { importanceFeature }, parseDriftSeries)
      );
    if (features.length === 0) {
      return drift().pipe(map((d) => driftOverTimeFrames(d, target.labels)));
    }
    return gather(
      features.map((feature) => ({
        what: features.length > 1 ? `feature "${feature}"` : '',
        run: () => drift(feature).pipe(map((d) => driftOverTimeFrames(d, target.labels, feature))),
      }))
    );
  }

  /** The frequency distribution of each selected feature (one call each). */
  private featureFrequency(
    ctx: RunContext,
    deploymentId: string,
    target: ModelTarget
  ): Observable<DataFrame[] | Outcome> {
    const features = expandField(this.templateSrv, ctx.query.feature, ctx.scopedVars);
    const frequencies = (feature: string) =>
      this.client.driftMetrics(
        deploymentId,
        target.modelId,
        ctx.range,
        { frequencyFeature: feature },
        parseDriftFrequencies
      );
    return gather(
      features.map((feature) => ({
        what: features.length > 1 ? `feature "${feature}"` : '',
        run: () =>
          ctx
            .limit(frequencies(feature))
            .pipe(map((d) => [featureFrequencyFrame(frequencyOf(d, feature), target.labels)])),
      }))
    );
  }
}

/** The density the gateway returned for `feature`; an empty one if it sent another feature. */
function frequencyOf(drift: DriftFrequencies, feature: string) {
  return drift.frequencies.find((f) => f.featureName === feature) ?? { featureName: feature, kind: 'empty' as const };
}
