import type { DataFrame, DataQueryRequest, QueryResultMetaNotice, ScopedVars } from '@grafana/data';
import type { TemplateSrv } from '@grafana/runtime';
import { Observable, catchError, forkJoin, from, map, mergeMap, of, throwError, toArray } from 'rxjs';

import { Mlops1xFrameKind } from '../../shared/frameKinds1x';
import { truncationText, type PagedList } from '../gateway/paging';
import { gather, targetResult, type Outcome, type TargetResult } from '../query/fanOut';
import { expandField, interpolateText } from '../query/templating';
import { QueryConfigError } from '../query/queryRunner';
import { AGGREGATE_QUERY_TYPES, aggregateFrames, driftRequestOf } from './build';
import { ALL_WORKSPACES, type Mlops1xClient } from './client';
import type { Deployment, DeploymentStatus } from './domain';
import { columnsFrame, deploymentsFrame1x, workspacesFrame } from './framesTables';
import { migrateMlops1xQuery, type Mlops1xQuery } from './queryModel';

/**
 * Orchestration of one 1.x query: template variables → client calls → frames (build.ts and the
 * frame modules are pure). A query over several deployments (a multi-value variable) keeps the
 * frames of the parts that worked and names the parts that failed, as the legacy runner does.
 */

/** Deployment statuses are read at most this many at a time (one GET each). */
const STATUS_CONCURRENCY = 4;
/** The deployments table reads statuses only up to this many deployments. */
export const MAX_STATUS_READS = 100;
/** The narrowest over-time window when the panel's interval is smaller (H2O's segments are a minute). */
const MIN_WINDOW_MS = 60_000;

type Request = Pick<DataQueryRequest, 'range' | 'scopedVars' | 'intervalMs'>;

function notice(list: PagedList<unknown>, what: string): QueryResultMetaNotice[] {
  return list.truncated ? [{ severity: 'warning', text: truncationText(what, list.truncation) }] : [];
}

function withNotices(frames: DataFrame[], extra: QueryResultMetaNotice[]): DataFrame[] {
  if (extra.length === 0) {
    return frames;
  }
  return frames.map((f) => ({ ...f, meta: { ...f.meta, notices: [...(f.meta?.notices ?? []), ...extra] } }));
}

export class Mlops1xQueryRunner {
  constructor(
    private readonly client: Mlops1xClient,
    private readonly templateSrv: Pick<TemplateSrv, 'replace'>
  ) {}

  /** Runs the `mlops1x` part of a target; never errors (failures come back beside the frames). */
  run(refId: string, stored: unknown, request: Request): Observable<TargetResult> {
    const query = migrateMlops1xQuery(stored);
    return targetResult(this.framesFor(query, request), refId);
  }

  private framesFor(query: Mlops1xQuery, request: Request): Observable<DataFrame[] | Outcome> {
    const vars: ScopedVars = request.scopedVars ?? {};
    if (query.queryType === Mlops1xFrameKind.Workspaces) {
      return this.client
        .listWorkspaces()
        .pipe(map((list) => withNotices([workspacesFrame(list.items, list.notices)], notice(list, 'workspaces'))));
    }
    const workspaceId = interpolateText(this.templateSrv, query.workspaceId, vars);
    if (!workspaceId) {
      return throwError(() => new QueryConfigError('Choose a workspace (or a template variable holding its ID).'));
    }
    if (query.queryType === Mlops1xFrameKind.Deployments) {
      return this.deploymentsFrames(workspaceId);
    }
    const deploymentIds = expandField(this.templateSrv, query.deploymentId, vars);
    if (deploymentIds.length === 0 || workspaceId === ALL_WORKSPACES) {
      return throwError(() => new QueryConfigError('Choose a workspace and a deployment (or template variables).'));
    }
    try {
      driftRequestOf(query);
    } catch (error) {
      return throwError(() => new QueryConfigError(error instanceof Error ? error.message : String(error)));
    }
    const resolved: Mlops1xQuery = {
      ...query,
      column: interpolateText(this.templateSrv, query.column, vars),
      experimentId: interpolateText(this.templateSrv, query.experimentId, vars),
    };
    return gather(
      deploymentIds.map((deploymentId) => ({
        what: deploymentIds.length > 1 ? `deployment "${deploymentId}"` : '',
        run: () => this.deploymentFrames(resolved, workspaceId, deploymentId, request),
      }))
    );
  }

  private deploymentsFrames(workspaceId: string): Observable<DataFrame[]> {
    return this.client.listDeployments(workspaceId).pipe(
      mergeMap((list) =>
        this.statuses(list.items.slice(0, MAX_STATUS_READS)).pipe(
          map((statuses) => {
            const extra = notice(list, 'deployments');
            if (list.items.length > MAX_STATUS_READS) {
              extra.push({
                severity: 'info',
                text: `States are shown for the first ${MAX_STATUS_READS} deployments only.`,
              });
            }
            return withNotices([deploymentsFrame1x(list.items, statuses, list.notices)], extra);
          })
        )
      )
    );
  }

  /** Statuses by deployment id; a status that cannot be read is left out (the state shows empty). */
  private statuses(deployments: Deployment[]): Observable<Map<string, DeploymentStatus>> {
    if (deployments.length === 0) {
      return of(new Map());
    }
    return from(deployments).pipe(
      mergeMap(
        (d) =>
          this.client.getDeploymentStatus(d.workspaceId, d.id).pipe(
            map((status) => [d.id, status] as const),
            catchError(() => of(undefined))
          ),
        STATUS_CONCURRENCY
      ),
      toArray(),
      map((pairs) => new Map(pairs.filter((p): p is readonly [string, DeploymentStatus] => p !== undefined)))
    );
  }

  private deploymentFrames(
    query: Mlops1xQuery,
    workspaceId: string,
    deploymentId: string,
    request: Request
  ): Observable<DataFrame[]> {
    const deployment$ = this.client.getDeployment(workspaceId, deploymentId);
    if (query.queryType === Mlops1xFrameKind.Columns) {
      return deployment$.pipe(mergeMap(({ deployment, notices }) => this.columnFrames(deployment, notices)));
    }
    if (!AGGREGATE_QUERY_TYPES.includes(query.queryType)) {
      return throwError(() => new QueryConfigError(`Unknown query type "${query.queryType}".`));
    }
    const range = { fromMs: request.range.from.valueOf(), toMs: request.range.to.valueOf() };
    const filter = { column: query.column || undefined, experimentId: query.experimentId || undefined };
    const windowMs = Math.max(
      query.windowSeconds ? query.windowSeconds * 1000 : (request.intervalMs ?? 0),
      MIN_WINDOW_MS
    );
    return forkJoin([
      deployment$,
      this.client.listBaselineAggregates(workspaceId, deploymentId, { column: filter.column }),
      this.client.listScoringAggregates(workspaceId, deploymentId, { ...filter, range }),
    ]).pipe(
      map(([{ deployment, notices }, baselines, segments]) => {
        const frames = aggregateFrames(
          query,
          { deployment, baselines: baselines.items, segments: segments.items },
          windowMs
        );
        const parsed = [...notices, ...baselines.notices, ...segments.notices].map((text): QueryResultMetaNotice => ({
          severity: 'warning',
          text,
        }));
        return withNotices(frames, [
          ...parsed,
          ...notice(baselines, 'baseline aggregates'),
          ...notice(segments, 'scoring aggregates'),
        ]);
      })
    );
  }

  /** The deployment's monitored columns; from its baselines when the deployment lists none. */
  private columnFrames(deployment: Deployment, notices: string[]): Observable<DataFrame[]> {
    const id = {
      workspaceId: deployment.workspaceId,
      deploymentId: deployment.id,
      deploymentName: deployment.displayName,
    };
    if (deployment.monitoredColumns.length > 0) {
      return of([columnsFrame(deployment.monitoredColumns, id, notices)]);
    }
    return this.client.listBaselineAggregates(deployment.workspaceId, deployment.id).pipe(
      map((list) => {
        const seen = new Set<string>();
        const columns = list.items.filter((b) => !seen.has(b.column) && seen.add(b.column));
        return [columnsFrame(columns, id, [...notices, ...list.notices])];
      })
    );
  }
}
