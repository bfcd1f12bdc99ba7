import type { BackendSrv, FetchResponse } from '@grafana/runtime';
import { Observable, catchError, defer, map, of, retry, share, tap, throwError, timeout, timer } from 'rxjs';

import { DecodedAnswer } from './decodedAnswer';
import { ErrorBodyOn200, FailureCause, GatewayError, classifyFailure, type GatewayCall } from './errors';
import { grpcErrorOf } from './grpcStatus';
import { followPages, type PagedList } from './paging';
import { readBody, withJsonErrorBody } from './responseBody';
import { ResponseCache } from './responseCache';
import { MAX_RETRIES, retryDelayMs } from './retry';

/**
 * How every call reaches the proxy: one deadline per call (all its pages and retries), identical
 * requests in flight sent once (a dashboard refresh fires many panels at the same deployment),
 * answers reused for a short TTL (bounded, see responseCache.ts), 429/503 retried (retry.ts), and
 * every failure turned into a GatewayError naming the call. What is shared and cached is the
 * decoded answer (decodedAnswer.ts): each distinct response is parsed once per parser, however many
 * panels read it. Unsubscribing from every consumer of a request aborts it (backendSrv.fetch
 * cancels on unsubscribe). The endpoints themselves are GatewayClient's.
 */

/**
 * One answer larger than this (in memory: its text at 2 bytes a character) fails with a "too large"
 * message before it is parsed: a 50 MB body would freeze the dashboard.
 */
export const MAX_RESPONSE_BYTES = 32 * 1024 * 1024;

export interface TransportSettings {
  /** Deadline of one call: all its pages and retries. */
  timeoutMs: number;
  cacheTtlMs: number;
  /** Safety bound for following nextPageToken. */
  maxPages: number;
  /** Secret values known to the browser, redacted from quoted upstream text (besides tokens/JWTs). */
  knownSecrets?: string[];
}

export type Params = Record<string, string | number | undefined>;

/** Requests sent and parser runs since the transport was created. */
export interface TransportCounts {
  requests: number;
  decodes: number;
}

export class GatewayTransport {
  private readonly inFlight = new Map<string, Observable<DecodedAnswer>>();
  private readonly cache: ResponseCache;
  readonly counts: TransportCounts = { requests: 0, decodes: 0 };

  constructor(
    private readonly settings: TransportSettings,
    private readonly backendSrv: Pick<BackendSrv, 'fetch'>,
    private readonly now: () => number
  ) {
    this.cache = new ResponseCache(now);
  }

  /** Approximate size of the response cache (entries, bytes). */
  get cacheSize(): { entries: number; bytes: number } {
    return this.cache.size;
  }

  /** Runs `work` under the call's deadline; every failure becomes a GatewayError naming the call. */
  withDeadline<T>(call: GatewayCall, work: (deadlineAt: number) => Observable<T>): Observable<T> {
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

  /** GET `url` under one deadline, read by `read` (usually one parser: `answer.decode(parse)`). */
  get<T>(url: string, params: Params, call: GatewayCall, read: (answer: DecodedAnswer) => T): Observable<T> {
    return this.withDeadline(call, (deadlineAt) => this.getBody(url, params, call, deadlineAt).pipe(map(read)));
  }

  /**
   * Every page of a list paged by nextPageToken under one deadline, up to the bounds (paging.ts);
   * `totalOf` reads the total from the first page.
   */
  list<P extends { nextPageToken: string }, T>(
    url: string,
    params: Params,
    call: GatewayCall,
    read: (answer: DecodedAnswer) => P,
    page: {
      itemsOf: (page: P) => T[];
      totalOf?: (page: P) => number | null;
      noticesOf: (page: P) => string[];
    }
  ): Observable<PagedList<T>> {
    return this.withDeadline(call, (deadlineAt) =>
      followPages(
        (pageToken) => this.getBody(url, { ...params, pageToken }, call, deadlineAt),
        read,
        page.itemsOf,
        page.totalOf ?? (() => null),
        this.settings.maxPages,
        page.noticesOf
      )
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
        tap({
          next: (answer) => this.cache.set(key, answer, this.settings.cacheTtlMs, answer.bytes),
          // Runs on completion, error, and when the last subscriber leaves (abort).
          finalize: () => this.inFlight.delete(key),
        }),
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
        // Parsed in readBody, after the size check (responseBody.ts).
        responseType: 'text',
        showErrorAlert: false,
        showSuccessAlert: false,
      })
      .pipe(
        tap({ subscribe: () => (this.counts.requests += 1) }),
        catchError((error: unknown) => throwError(() => withJsonErrorBody(error))),
        map((response: FetchResponse<unknown>) => {
          const read = readBody(response.data, MAX_RESPONSE_BYTES);
          if ('tooLarge' in read) {
            throw new GatewayError(
              FailureCause.TooLarge,
              call,
              `the answer is larger than ${MAX_RESPONSE_BYTES / 1024 / 1024} MB, the most one query may load`
            );
          }
          if (grpcErrorOf(read.body)) {
            throw new ErrorBodyOn200(read.body);
          }
          return new DecodedAnswer(read.body, read.bytes, () => (this.counts.decodes += 1));
        })
      );
  }

  /** Drops cached answers, e.g. after the settings changed. */
  clearCache(): void {
    this.cache.clear();
  }
}
