import type { BackendSrvRequest, FetchResponse } from '@grafana/runtime';
import { Observable } from 'rxjs';

import { errorData } from '../../devtools/httpBackendSrv';

/**
 * A stand-in for Grafana's backendSrv — the boundary where the browser hands requests to
 * Grafana's server. Routes answer by URL; each call is recorded; tearing down a subscription
 * counts as an abort, as in the real backendSrv (which aborts fetch on unsubscribe). A route's
 * `data` is the body as JSON would parse it (or a string for a text body); a request with
 * `responseType: 'text'` gets it as text, and a failure's text wrapped as backendSrv's
 * `processRequestError` wraps it.
 */
export type Reply =
  | { status: number; data: unknown; headers?: Record<string, string> }
  | { delayMs: number; status: number; data: unknown; headers?: Record<string, string> }
  | 'never';

export class FakeBackendSrv {
  readonly calls: string[] = [];
  aborted = 0;
  private readonly routes: Array<{ match: (url: string) => boolean; reply: (url: string) => Reply }> = [];

  on(match: string | RegExp | ((url: string) => boolean), reply: Reply | ((url: string) => Reply)): this {
    const test =
      typeof match === 'function'
        ? match
        : (url: string) => (typeof match === 'string' ? url.includes(match) : match.test(url));
    this.routes.unshift({ match: test, reply: typeof reply === 'function' ? reply : () => reply });
    return this;
  }

  fetch = <T>(options: BackendSrvRequest): Observable<FetchResponse<T>> => {
    return new Observable<FetchResponse<T>>((subscriber) => {
      const url = options.url;
      this.calls.push(url);
      const route = this.routes.find((r) => r.match(url));
      const reply: Reply = route
        ? route.reply(url)
        : { status: 404, data: { code: 5, message: `no fake route for ${url}` } };
      let done = false;
      const asText = options.responseType === 'text';
      const deliver = (r: { status: number; data: unknown; headers?: Record<string, string> }) => {
        done = true;
        if (r.status >= 200 && r.status < 300) {
          const data = asText ? textOf(r.data) : r.data;
          subscriber.next({ data: data as T, status: r.status, ok: true } as FetchResponse<T>);
          subscriber.complete();
        } else {
          // Grafana's backendSrv drops response headers from its FetchError; `headers` models a
          // backendSrv that passes them on (set only when a test gives them).
          subscriber.error({
            status: r.status,
            // The fake's failures have an empty statusText.
            data: asText ? errorData(textOf(r.data), '') : r.data,
            statusText: '',
            config: options,
            ...(r.headers ? { headers: r.headers } : {}),
          });
        }
      };
      let timer: ReturnType<typeof setTimeout> | undefined;
      let cancelled = false;
      if (reply === 'never') {
        // stays pending until unsubscribed
      } else if ('delayMs' in reply) {
        timer = setTimeout(() => deliver(reply), reply.delayMs);
      } else {
        // Asynchronous like a real answer, but without setTimeout's 1 ms floor: tests that make
        // thousands of calls (cache bounds) would otherwise spend seconds waiting.
        queueMicrotask(() => cancelled || deliver(reply));
      }
      return () => {
        cancelled = true;
        if (timer) {
          clearTimeout(timer);
        }
        if (!done) {
          this.aborted++;
        }
      };
    });
  };
}

/** A body as the text the server would have sent. */
function textOf(data: unknown): unknown {
  return typeof data === 'string' || data === undefined ? data : JSON.stringify(data);
}
