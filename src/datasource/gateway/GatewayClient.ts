import type { BackendSrv, FetchResponse } from '@grafana/runtime';
import { Observable, catchError, defer, map, of, retry, share, tap, throwError, timeout, timer } from 'rxjs';

import {
  OPERATIONAL_GRAPH_PARSERS,
  parseDeploymentPage,
  parseDeploymentResponse,
  parseDriftMetrics,
  parseHealthMetrics,
  parseModelPage,
  parseOperationalSummary,
} from '../parse/parseResponses';
import type {
  Deployment,
  DriftMetrics,
  HealthMetrics,
  Model,
  OperationalGraph,
  OperationalSummary,
} from '../parse/domain';
import type { OperationalMetric } from '../../shared/operationalMetrics';
import type { AuthMode } from '../types';
import { ErrorBodyOn200, FailureCause, GatewayError, classifyFailure, type GatewayCall } from './errors';
import { grpcErrorOf } from './grpcStatus';
import { printableId, unsafeIdReason } from './ids';
import { followPages, type PagedList } from './paging';
import { DecodedAnswer, decodeAnswer } from './decodedAnswer';
import { KnownDeployments } from './knownDeployments';
import { ResponseCache, approximateBytes } from './responseCache';
import { MAX_RETRIES, retryDelayMs } from './retry';

export type { PagedList } from './paging';

/**
 * The only module that talks HTTP. Every call goes through Grafana's data-source proxy
 * (`/api/datasources/proxy/uid/<uid>/<route>/…`), which adds the bearer token from the route's
 * tokenAuth — the browser never sees a secret or a token.
 *
 * Identical requests in flight are sent once (a dashboard refresh fires many panels at the same
 * deployment), and answers are reused for a short TTL (bounded, see responseCache.ts). What is
 * shared and cached is the decoded answer (decodedAnswer.ts): each distinct response is parsed
 * once per parser, however many panels read it. A deployment that a list of deployments already
 * returned is answered from that list (within the TTL) instead of `GET /v1/deployment/{id}`.
 * Unsubscribing from every consumer of a request aborts it (backendSrv.fetch cancels on
 * unsubscribe). Each call has one deadline — the request timeout — covering all its pages and
 * retries (see retry.ts).
 */

/**
 * The one gateway route of `plugin.json`. Its tokenAuth picks the grant from the stored
 * `jsonData.authMode` (Go template conditionals), so no path a Viewer can call reaches the other
 * identity; the browser does not choose the grant.
 */
const GATEWAY_ROUTE = 'gateway';

/** Route to the gateway's unauthenticated liveness endpoint. */
const HEALTHZ_ROUTE = 'gateway-healthz';

/**
 * One answer larger than this (approximate in-memory size) fails with a "too large" message
 * instead of being parsed into frames: a 50 MB body would freeze the dashboard.
 */
export const MAX_RESPONSE_BYTES = 32 * 1024 * 1024;

export interface GatewayClientSettings {
  /** The data source's proxy URL (instanceSettings.url). */
  proxyUrl: string;
  /** The configured grant. Not part of any URL: the proxy route applies it (see GATEWAY_ROUTE). */
  authMode: AuthMode;
  /** Deadline of one call: all its pages and retries. */
  timeoutMs: number;
  cacheTtlMs: number;
  /** Safety bound for following nextPageToken. */
  maxPages: number;
  /** Secret values known to the browser, redacted from quoted upstream text (besides tokens/JWTs). */
  knownSecrets?: string[];
}

export interface TimeRangeParams {
  startDateTime: string;
  endDateTime: string;
}

export type Params = Record<string, string | number | undefined>;

/** Request and decode counts since the client was created (diagnostics and the benchmark). */
export interface GatewayClientStats {
  requests: number;
  decodes: number;
  /** `GET /v1/deployment/{id}` answered from a list of deployments instead of the gateway. */
  knownDeploymentHits: number;
}

export class GatewayClient {
  private readonly inFlight = new Map<string, Observable<DecodedAnswer>>();
  private readonly cache: ResponseCache;
  private readonly known: KnownDeployments;
  private readonly counts: GatewayClientStats = { requests: 0, decodes: 0, knownDeploymentHits: 0 };

  constructor(
    private readonly settings: GatewayClientSettings,
    private readonly backendSrv: Pick<BackendSrv, 'fetch'>,
    private readonly now: () => number = Date.now
  ) {
    this.cache = new ResponseCache(now);
    this.known = new KnownDeployments(now);
  }

  private get baseUrl(): string {
    return `${this.settings.proxyUrl}/${GATEWAY_ROUTE}/model-monitoring`;
  }

  /** Approximate size of the response cache (entries, bytes). */
  get cacheSize(): { entries: number; bytes: number } {
    return this.cache.size;
  }

  get stats(): GatewayClientStats {
    return { ...this.counts };
  }

  /** Runs `work` under the call's deadline; every failure becomes a GatewayError naming the call. */
  private withDeadline<T>(call: GatewayCall, work: (deadlineAt: number) => Observable<T>): Observable<T> {
    const { timeoutMs, knownSecrets } = this.settings;
    return defer(() => work(this.now() + timeoutMs)).pipe(
      timeout({
        first: timeoutMs,
        with: () =>
          throwError(
            () => new GatewayError(FailureCause.Timeout, call, `no answer within ${Math.round(timeoutMs / 1000)} s`)
          ),
      }),
      catchError((error: unknown) => throwError(() => classifyFailure(error, call, knownSecrets)))
    );
  }

  /** GET one gateway path under one deadline, read by `read` (usually one parser: `answer.decode(parse)`). */
  private get<T>(path: string, params: Params, call: GatewayCall, read: (answer: DecodedAnswer) => T): Observable<T> {
    return this.withDeadline(call, (deadlineAt) =>
      this.getBody(`${this.baseUrl}${path}`, params, call, deadlineAt).pipe(map(read))
    );
  }

  /** GET a body: shared while in flight, cached for the TTL, retried on 429/503 before `deadlineAt`. */
  private getBody(url: string, params: Params, call: GatewayCall, deadlineAt: number): Observable<DecodedAnswer> {
    const query = Object.entries(params)
      .filter(([, value]) => value !== undefined && value !== '')
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
      .join('&');
    const key = query ? `${url}?${query}` : url;

    return defer(() => {
      const cached = this.cache.get(key);
      if (cached instanceof DecodedAnswer) {
        return of(cached);
      }
      const pending = this.inFlight.get(key);
      if (pending) {
        return pending;
      }
      const request = this.fetchOnce(key, call).pipe(
        retry({
          count: MAX_RETRIES,
          delay: (error: unknown, attempt: number) => {
            const wait = retryDelayMs(error, attempt, this.now(), deadlineAt - this.now());
            return wait === undefined ? throwError(() => error) : timer(wait);
          },
        }),
        tap((answer) => this.cache.set(key, answer, this.settings.cacheTtlMs, answer.bytes)),
        // Runs on completion, error, and when the last subscriber leaves (abort).
        tap({ finalize: () => this.inFlight.delete(key) }),
        share()
      );
      this.inFlight.set(key, request);
      return request;
    });
  }

  /** One HTTP GET; a grpc-gateway error body on a 200 and oversized bodies fail here (never cached). */
  private fetchOnce(url: string, call: GatewayCall): Observable<DecodedAnswer> {
    return this.backendSrv
      .fetch<unknown>({
        url,
        method: 'GET',
        headers: { Accept: 'application/json' },
        showErrorAlert: false,
        showSuccessAlert: false,
      })
      .pipe(
        tap({ subscribe: () => (this.counts.requests += 1) }),
        map((response: FetchResponse<unknown>) => {
          if (grpcErrorOf(response.data)) {
            throw new ErrorBodyOn200(response.data);
          }
          const bytes = approximateBytes(response.data, MAX_RESPONSE_BYTES);
          if (bytes > MAX_RESPONSE_BYTES) {
            throw new GatewayError(
              FailureCause.TooLarge,
              call,
              `the answer is larger than ${MAX_RESPONSE_BYTES / 1024 / 1024} MB, the most one query may load`
            );
          }
          return new DecodedAnswer(response.data, bytes, () => (this.counts.decodes += 1));
        })
      );
  }

  /** Rejects ids that would change the route (".", "..", encoded forms) or carry control characters. */
  private checkIds(call: GatewayCall, ids: Record<string, string>): Observable<never> | undefined {
    for (const [what, id] of Object.entries(ids)) {
      const reason = unsafeIdReason(id);
      if (reason) {
        const detail = `${what} ID "${printableId(id)}" is not sent to the gateway: ${reason}`;
        return throwError(() => new GatewayError(FailureCause.InvalidId, call, detail));
      }
    }
    return undefined;
  }

  /** All monitored deployments (every page, up to the bounds). The total comes from the first page. */
  listDeployments(range?: TimeRangeParams): Observable<PagedList<Deployment>> {
    const call = { endpoint: 'GET /v1/deployment (list deployments)', ranged: range !== undefined, list: true };
    return this.withDeadline(call, (deadlineAt) =>
      followPages(
        (pageToken) => this.getBody(`${this.baseUrl}/v1/deployment`, { ...range, pageToken }, call, deadlineAt),
        (answer) => this.known.remember(decodeAnswer(answer, parseDeploymentPage), this.settings.cacheTtlMs),
        (page) => page.deployments,
        (page) => page.totalDeployments ?? null,
        this.settings.maxPages,
        (page) => page.notices
      )
    );
  }

  /**
   * One deployment: from a list of deployments read within the cache TTL when that list holds it,
   * from `GET /v1/deployment/{id}` otherwise.
   */
  getDeployment(deploymentId: string): Observable<Deployment> {
    const call = { endpoint: `GET /v1/deployment/${printableId(deploymentId)}` };
    return (
      this.checkIds(call, { deployment: deploymentId }) ??
      defer(() => {
        const known = this.known.get(deploymentId);
        if (known) {
          this.counts.knownDeploymentHits += 1;
        }
        return known
          ? of(known)
          : this.get(`/v1/deployment/${encodeURIComponent(deploymentId)}`, {}, call, (answer) =>
              answer.decode(parseDeploymentResponse)
            );
      })
    );
  }

  listModels(deploymentId: string): Observable<PagedList<Model>> {
    const call = { endpoint: `GET /v1/deployment/${printableId(deploymentId)}/models` };
    const path = `${this.baseUrl}/v1/deployment/${encodeURIComponent(deploymentId)}/models`;
    return (
      this.checkIds(call, { deployment: deploymentId }) ??
      this.withDeadline(call, (deadlineAt) =>
        followPages(
          (pageToken) => this.getBody(path, { pageToken }, call, deadlineAt),
          (answer) => decodeAnswer(answer, parseModelPage),
          (page) => page.models,
          () => null,
          this.settings.maxPages,
          (page) => page.notices
        )
      )
    );
  }

  /** GET one metrics family of a model under the query's range, read by `read`. */
  private metrics<T>(
    kind: string,
    deploymentId: string,
    modelId: string,
    params: Params,
    read: (answer: DecodedAnswer) => T
  ): Observable<T> {
    const call = {
      endpoint: `GET /v1/deployment/${printableId(deploymentId)}/metrics/${printableId(modelId)}/${kind}`,
      ranged: true,
    };
    const path = `/v1/deployment/${encodeURIComponent(deploymentId)}/metrics/${encodeURIComponent(modelId)}/${kind}`;
    return this.checkIds(call, { deployment: deploymentId, model: modelId }) ?? this.get(path, params, call, read);
  }

  /**
   * The health answer of a model read by `part` (parse/health.ts; the whole answer by default).
   * The answer is fetched once and each part decoded once, however many queries read it.
   */
  healthMetrics<T = HealthMetrics>(
    deploymentId: string,
    modelId: string,
    range: TimeRangeParams,
    part: (body: unknown) => T = parseHealthMetrics as (body: unknown) => T
  ): Observable<T> {
    return this.metrics('health', deploymentId, modelId, { ...range }, (answer) => answer.decode(part));
  }

  /** The operational answer read by `part` (parse/operational.ts; the whole answer by default). */
  operationalSummary<T = OperationalSummary>(
    deploymentId: string,
    modelId: string,
    range: TimeRangeParams,
    part: (body: unknown) => T = parseOperationalSummary as (body: unknown) => T
  ): Observable<T> {
    return this.metrics('operational', deploymentId, modelId, { ...range }, (answer) => answer.decode(part));
  }

  /** Graphs of the operational answer, one request for all, each graph decoded once per answer. */
  operationalGraphs(
    deploymentId: string,
    modelId: string,
    range: TimeRangeParams,
    metrics: OperationalMetric[]
  ): Observable<OperationalGraph[]> {
    return this.metrics('operational', deploymentId, modelId, { ...range }, (answer) =>
      metrics.map((metric) => answer.decode(OPERATIONAL_GRAPH_PARSERS[metric]))
    );
  }

  /** The drift answer read by `part` (parse/drift.ts; the whole answer by default). */
  driftMetrics<T = DriftMetrics>(
    deploymentId: string,
    modelId: string,
    range: TimeRangeParams,
    selected: { importanceFeature?: string; frequencyFeature?: string } = {},
    part: (body: unknown) => T = parseDriftMetrics as (body: unknown) => T
  ): Observable<T> {
    const params = {
      ...range,
      featureImportanceSelectedFeature: selected.importanceFeature,
      featureFrequencySelectedFeature: selected.frequencyFeature,
    };
    return this.metrics('drift', deploymentId, modelId, params, (answer) => answer.decode(part));
  }

  /** Gateway liveness, unauthenticated; resolves to the HTTP status or throws a GatewayError. */
  healthz(): Observable<number> {
    return this.withDeadline({ endpoint: 'GET /healthz' }, () =>
      this.backendSrv
        .fetch<unknown>({
          url: `${this.settings.proxyUrl}/${HEALTHZ_ROUTE}`,
          method: 'GET',
          showErrorAlert: false,
          showSuccessAlert: false,
        })
        .pipe(map((response) => response.status))
    );
  }

  /**
   * GET a route of the proxy other than the legacy gateway's (the MLOps 1.x services, see
   * `mlops1x/client.ts`), with this client's deadline, sharing, cache, retries and error messages.
   * `routePath` is relative to the proxy URL, e.g. `mlops1x/deployer/v2/configuration/monitoring`.
   */
  getRoute<T>(routePath: string, params: Params, call: GatewayCall, parse: (body: unknown) => T): Observable<T> {
    return this.withDeadline(call, (deadlineAt) =>
      this.getBody(`${this.settings.proxyUrl}/${routePath}`, params, call, deadlineAt).pipe(
        map((answer) => answer.decode(parse))
      )
    );
  }

  /** {@link getRoute} for a list paged by nextPageToken, within the same bounds as the gateway's lists. */
  listRoute<P extends { nextPageToken: string; notices: string[] }, T>(
    routePath: string,
    params: Params,
    call: GatewayCall,
    parse: (body: unknown) => P,
    itemsOf: (page: P) => T[]
  ): Observable<PagedList<T>> {
    const url = `${this.settings.proxyUrl}/${routePath}`;
    return this.withDeadline(call, (deadlineAt) =>
      followPages(
        (pageToken) => this.getBody(url, { ...params, pageToken }, call, deadlineAt),
        (answer) => decodeAnswer(answer, parse),
        itemsOf,
        () => null,
        this.settings.maxPages,
        (page) => page.notices
      )
    );
  }

  /** Drops cached answers, e.g. after the settings changed. */
  clearCache(): void {
    this.cache.clear();
    this.known.clear();
  }
}
