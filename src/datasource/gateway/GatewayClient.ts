import type { BackendSrv } from '@grafana/runtime';
import { Observable, defer, map, of, throwError } from 'rxjs';

import {
  OPERATIONAL_GRAPH_PARSERS,
  parseDeploymentPage,
  parseDeploymentResponse,
  parseModelPage,
} from '../parse/parseResponses';
import type { Deployment, Model, OperationalGraph } from '../parse/domain';
import type { OperationalMetric } from '../../shared/operationalMetrics';
import type { AuthMode } from '../types';
import type { DecodedAnswer } from './decodedAnswer';
import { FailureCause, GatewayError, type GatewayCall } from './errors';
import { printableId, unsafeIdReason } from './ids';
import { KnownDeployments } from './knownDeployments';
import type { PagedList } from './paging';
import { GatewayTransport, type Params, type TransportSettings } from './transport';

export type { PagedList } from './paging';
export { MAX_RESPONSE_BYTES, type Params } from './transport';

/**
 * The gateway's endpoints, and the only module that builds their URLs. Every call goes through
 * Grafana's data-source proxy (`/api/datasources/proxy/uid/<uid>/<route>/…`), which adds the bearer
 * token from the route's tokenAuth — the browser never sees a secret or a token. The transport
 * (transport.ts) gives each call one deadline, in-flight sharing, the bounded cache of decoded
 * answers and retries. Ids that would change the route are refused before any request. A
 * deployment that a list of deployments already returned is answered from that list (within the
 * TTL) instead of `GET /v1/deployment/{id}`. A metrics answer is read in parts (parse/health.ts,
 * operational.ts, drift.ts): a query decodes only the part it shows.
 */

/**
 * The one gateway route of `plugin.json`. Its tokenAuth picks the grant from the stored
 * `jsonData.authMode` (Go template conditionals), so no path a Viewer can call reaches the other
 * identity; the browser does not choose the grant.
 */
const GATEWAY_ROUTE = 'gateway';

/** Route to the gateway's unauthenticated liveness endpoint. */
const HEALTHZ_ROUTE = 'gateway-healthz';

export interface GatewayClientSettings extends TransportSettings {
  /** The data source's proxy URL (instanceSettings.url). */
  proxyUrl: string;
  /** The configured grant. Not part of any URL: the proxy route applies it (see GATEWAY_ROUTE). */
  authMode: AuthMode;
}

export interface TimeRangeParams {
  startDateTime: string;
  endDateTime: string;
}

/** Request and decode counts since the client was created (diagnostics and the benchmark). */
export interface GatewayClientStats {
  requests: number;
  decodes: number;
  /** `GET /v1/deployment/{id}` answered from a list of deployments instead of the gateway. */
  knownDeploymentHits: number;
}

export class GatewayClient {
  private readonly transport: GatewayTransport;
  private readonly known: KnownDeployments;
  private knownDeploymentHits = 0;

  constructor(
    private readonly settings: GatewayClientSettings,
    private readonly backendSrv: Pick<BackendSrv, 'fetch'>,
    now: () => number = Date.now
  ) {
    this.transport = new GatewayTransport(settings, backendSrv, now);
    this.known = new KnownDeployments(now);
  }

  private get baseUrl(): string {
    return `${this.settings.proxyUrl}/${GATEWAY_ROUTE}/model-monitoring`;
  }

  /** Approximate size of the response cache (entries, bytes). */
  get cacheSize(): { entries: number; bytes: number } {
    return this.transport.cacheSize;
  }

  get stats(): GatewayClientStats {
    return { ...this.transport.counts, knownDeploymentHits: this.knownDeploymentHits };
  }

  /** GET one gateway path (relative to the model-monitoring base) under one deadline, read by `read`. */
  private get<T>(path: string, params: Params, call: GatewayCall, read: (answer: DecodedAnswer) => T): Observable<T> {
    return this.transport.get(`${this.baseUrl}${path}`, params, call, read);
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
    return this.transport.list(
      `${this.baseUrl}/v1/deployment`,
      { ...range },
      call,
      (answer) => this.known.remember(answer.decode(parseDeploymentPage), this.settings.cacheTtlMs),
      {
        itemsOf: (page) => page.deployments,
        totalOf: (page) => page.totalDeployments ?? null,
        noticesOf: (page) => page.notices,
      }
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
          this.knownDeploymentHits += 1;
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
    const url = `${this.baseUrl}/v1/deployment/${encodeURIComponent(deploymentId)}/models`;
    return (
      this.checkIds(call, { deployment: deploymentId }) ??
      this.transport.list(url, {}, call, (answer) => answer.decode(parseModelPage), {
        itemsOf: (page) => page.models,
        noticesOf: (page) => page.notices,
      })
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
   * The health answer of a model read by `part` (parse/health.ts: a part, or the whole answer).
   * The answer is fetched once and each part decoded once, however many queries read it.
   */
  healthMetrics<T>(
    deploymentId: string,
    modelId: string,
    range: TimeRangeParams,
    part: (body: unknown) => T
  ): Observable<T> {
    return this.metrics('health', deploymentId, modelId, { ...range }, (answer) => answer.decode(part));
  }

  /** The operational answer read by `part` (parse/operational.ts: a part, or the whole answer). */
  operationalSummary<T>(
    deploymentId: string,
    modelId: string,
    range: TimeRangeParams,
    part: (body: unknown) => T
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

  /** The drift answer read by `part` (parse/drift.ts: a part, or the whole answer). */
  driftMetrics<T>(
    deploymentId: string,
    modelId: string,
    range: TimeRangeParams,
    selected: { importanceFeature?: string; frequencyFeature?: string },
    part: (body: unknown) => T
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
    return this.transport.withDeadline({ endpoint: 'GET /healthz' }, () =>
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
    return this.transport.get(`${this.settings.proxyUrl}/${routePath}`, params, call, (answer) => answer.decode(parse));
  }

  /** {@link getRoute} for a list paged by nextPageToken, within the same bounds as the gateway's lists. */
  listRoute<P extends { nextPageToken: string; notices: string[] }, T>(
    routePath: string,
    params: Params,
    call: GatewayCall,
    parse: (body: unknown) => P,
    itemsOf: (page: P) => T[]
  ): Observable<PagedList<T>> {
    return this.transport.list(
      `${this.settings.proxyUrl}/${routePath}`,
      params,
      call,
      (answer) => answer.decode(parse),
      {
        itemsOf,
        noticesOf: (page) => page.notices,
      }
    );
  }

  /** Drops cached answers, e.g. after the settings changed. */
  clearCache(): void {
    this.transport.clearCache();
    this.known.clear();
  }
}
