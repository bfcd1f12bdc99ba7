import type { BackendSrv, FetchResponse } from '@grafana/runtime';
import { EMPTY, Observable, catchError, defer, expand, map, of, reduce, share, tap, throwError, timeout } from 'rxjs';

import {
  parseDeploymentPage,
  parseDeploymentResponse,
  parseDriftMetrics,
  parseHealthMetrics,
  parseModelPage,
  parseOperationalSummary,
} from '../parse/parseResponses';
import type { Deployment, DriftMetrics, HealthMetrics, Model, OperationalSummary } from '../parse/domain';
import { AuthMode } from '../types';
import { FailureCause, GatewayError, classifyFailure } from './errors';

/**
 * The only module that talks HTTP. Every call goes through Grafana's data-source proxy
 * (`/api/datasources/proxy/uid/<uid>/<route>/…`), which adds the bearer token from the route's
 * tokenAuth — the browser never sees a secret or a token.
 *
 * Identical requests in flight are sent once (a dashboard refresh fires many panels at the same
 * deployment), and answers are reused for a short TTL. Unsubscribing from every consumer of a
 * request aborts it (backendSrv.fetch cancels on unsubscribe).
 */

/** Route families declared in `plugin.json`; the auth mode picks one. */
const ROUTE_FAMILY: Record<AuthMode, string> = {
  [AuthMode.RefreshToken]: 'refresh-token',
  [AuthMode.ClientCredentials]: 'client-credentials',
};

/** Route to the gateway's unauthenticated liveness endpoint. */
const HEALTHZ_ROUTE = 'gateway-healthz';

export interface GatewayClientSettings {
  /** The data source's proxy URL (instanceSettings.url). */
  proxyUrl: string;
  authMode: AuthMode;
  timeoutMs: number;
  cacheTtlMs: number;
  /** Safety bound for following nextPageToken. */
  maxPages: number;
}

export interface TimeRangeParams {
  startDateTime: string;
  endDateTime: string;
}

/** A list assembled from pages; `truncated` is set when the page bound stopped it. */
interface PagedList<T> {
  items: T[];
  truncated: boolean;
  totalDeployments?: number | null;
  /** The parser's notes from every page (rows left out, values read leniently). */
  notices: string[];
}

type Params = Record<string, string | number | undefined>;

interface CacheEntry {
  expiresAt: number;
  body: unknown;
}

export class GatewayClient {
  private readonly inFlight = new Map<string, Observable<unknown>>();
  private readonly cache = new Map<string, CacheEntry>();

  constructor(
    private readonly settings: GatewayClientSettings,
    private readonly backendSrv: Pick<BackendSrv, 'fetch'>,
    private readonly now: () => number = Date.now
  ) {}

  private get baseUrl(): string {
    return `${this.settings.proxyUrl}/${ROUTE_FAMILY[this.settings.authMode]}/model-monitoring`;
  }

  /** GET a gateway path; shared while in flight, cached for the TTL, parsed by `parse`. */
  private get<T>(path: string, params: Params, endpoint: string, parse: (body: unknown) => T): Observable<T> {
    return this.getBody(`${this.baseUrl}${path}`, params, endpoint).pipe(
      map((body) => parse(body)),
      catchError((error: unknown) => throwError(() => classifyFailure(error, endpoint)))
    );
  }

  private getBody(url: string, params: Params, endpoint: string): Observable<unknown> {
    const query = Object.entries(params)
      .filter(([, value]) => value !== undefined && value !== '')
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
      .join('&');
    const key = query ? `${url}?${query}` : url;

    return defer(() => {
      const cached = this.cache.get(key);
      if (cached && cached.expiresAt > this.now()) {
        return of(cached.body);
      }
      const pending = this.inFlight.get(key);
      if (pending) {
        return pending;
      }
      const request = this.backendSrv
        .fetch<unknown>({
          url: key,
          method: 'GET',
          headers: { Accept: 'application/json' },
          showErrorAlert: false,
          showSuccessAlert: false,
        })
        .pipe(
          timeout({
            first: this.settings.timeoutMs,
            with: () =>
              throwError(
                () =>
                  new GatewayError(
                    FailureCause.Timeout,
                    endpoint,
                    `no answer within ${Math.round(this.settings.timeoutMs / 1000)} s`
                  )
              ),
          }),
          map((response: FetchResponse<unknown>) => response.data),
          tap((body) => {
            if (this.settings.cacheTtlMs > 0) {
              this.cache.set(key, { expiresAt: this.now() + this.settings.cacheTtlMs, body });
            }
          }),
          // Runs on completion, error, and when the last subscriber leaves (abort).
          tap({ finalize: () => this.inFlight.delete(key) }),
          share()
        );
      this.inFlight.set(key, request);
      return request;
    });
  }

  /**
   * Follows nextPageToken until it is empty. A repeated token (a server bug that would loop
   * forever) or the page bound stops it and marks the list truncated, so the caller can say so.
   */
  private paged<P extends { nextPageToken: string }, T>(
    path: string,
    params: Params,
    endpoint: string,
    parse: (body: unknown) => P,
    itemsOf: (page: P) => T[]
  ): Observable<{ pages: P[]; items: T[]; truncated: boolean }> {
    return defer(() => {
      const seen = new Set<string>();
      let truncated = false;
      const fetchPage = (pageToken: string | undefined) => this.get(path, { ...params, pageToken }, endpoint, parse);
      return fetchPage(undefined).pipe(
        expand((page) => {
          const token = page.nextPageToken;
          if (!token) {
            return EMPTY;
          }
          if (seen.has(token) || seen.size + 1 >= this.settings.maxPages) {
            truncated = true;
            return EMPTY;
          }
          seen.add(token);
          return fetchPage(token);
        }),
        reduce(
          (acc, page) => {
            acc.pages.push(page);
            acc.items.push(...itemsOf(page));
            return acc;
          },
          { pages: [] as P[], items: [] as T[] }
        ),
        map((acc) => ({ ...acc, truncated }))
      );
    });
  }

  /** All monitored deployments (every page). The total comes from the first page. */
  listDeployments(range?: TimeRangeParams): Observable<PagedList<Deployment>> {
    return this.paged(
      '/v1/deployment',
      { ...range },
      'GET /v1/deployment (list deployments)',
      parseDeploymentPage,
      (p) => p.deployments
    ).pipe(
      map(({ pages, items, truncated }) => ({
        items,
        truncated,
        totalDeployments: pages[0]?.totalDeployments ?? null,
        notices: pages.flatMap((page) => page.notices),
      }))
    );
  }

  getDeployment(deploymentId: string): Observable<Deployment> {
    return this.get(
      `/v1/deployment/${encodeURIComponent(deploymentId)}`,
      {},
      `GET /v1/deployment/${deploymentId}`,
      parseDeploymentResponse
    );
  }

  listModels(deploymentId: string): Observable<PagedList<Model>> {
    return this.paged(
      `/v1/deployment/${encodeURIComponent(deploymentId)}/models`,
      {},
      `GET /v1/deployment/${deploymentId}/models`,
      parseModelPage,
      (p) => p.models
    ).pipe(map(({ pages, items, truncated }) => ({ items, truncated, notices: pages.flatMap((page) => page.notices) })));
  }

  private metricsPath(deploymentId: string, modelId: string, kind: string) {
    return `/v1/deployment/${encodeURIComponent(deploymentId)}/metrics/${encodeURIComponent(modelId)}/${kind}`;
  }

  healthMetrics(deploymentId: string, modelId: string, range: TimeRangeParams): Observable<HealthMetrics> {
    return this.get(
      this.metricsPath(deploymentId, modelId, 'health'),
      { ...range },
      `GET /v1/deployment/${deploymentId}/metrics/${modelId}/health`,
      parseHealthMetrics
    );
  }

  operationalSummary(deploymentId: string, modelId: string, range: TimeRangeParams): Observable<OperationalSummary> {
    return this.get(
      this.metricsPath(deploymentId, modelId, 'operational'),
      { ...range },
      `GET /v1/deployment/${deploymentId}/metrics/${modelId}/operational`,
      parseOperationalSummary
    );
  }

  driftMetrics(
    deploymentId: string,
    modelId: string,
    range: TimeRangeParams,
    selected: { importanceFeature?: string; frequencyFeature?: string } = {}
  ): Observable<DriftMetrics> {
    return this.get(
      this.metricsPath(deploymentId, modelId, 'drift'),
      {
        ...range,
        featureImportanceSelectedFeature: selected.importanceFeature,
        featureFrequencySelectedFeature: selected.frequencyFeature,
      },
      `GET /v1/deployment/${deploymentId}/metrics/${modelId}/drift`,
      parseDriftMetrics
    );
  }

  /** Gateway liveness, unauthenticated; resolves to the HTTP status or throws a GatewayError. */
  healthz(): Observable<number> {
    const endpoint = 'GET /healthz';
    return this.backendSrv
      .fetch<unknown>({
        url: `${this.settings.proxyUrl}/${HEALTHZ_ROUTE}`,
        method: 'GET',
        showErrorAlert: false,
        showSuccessAlert: false,
      })
      .pipe(
        timeout({
          first: this.settings.timeoutMs,
          with: () => throwError(() => new GatewayError(FailureCause.Timeout, endpoint, 'no answer')),
        }),
        map((response) => response.status),
        catchError((error: unknown) => throwError(() => classifyFailure(error, endpoint)))
      );
  }

  /** Drops cached answers, e.g. after the settings changed. */
  clearCache(): void {
    this.cache.clear();
  }
}
