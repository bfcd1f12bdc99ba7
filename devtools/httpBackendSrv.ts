import type { BackendSrvRequest, FetchResponse } from '@grafana/runtime';
import { Observable } from 'rxjs';

/**
 * `backendSrv.fetch` with real HTTP (`fetch`), for wherever Grafana's own frontend cannot run: in
 * Node, so the data source's `query()` runs against a real server, and in the preview page. The one
 * implementation of the behaviour the data source relies on:
 * - query `params` are appended to the URL; an object body is sent as JSON;
 * - JSON is parsed when it can be, text is handed back otherwise (always, for `responseType: 'text'`);
 * - a non-2xx answer rejects with `{status, statusText, data}`, where — as in backendSrv's
 *   `processRequestError` — a text body becomes `{message: text, error: statusText, response: text}`
 *   and an empty message is filled from `error`;
 * - a network failure rejects with status 0; unsubscribing aborts the request.
 *
 * `resolveUrl` maps the browser-relative URL the data source builds (`/api/datasources/proxy/uid/…`)
 * to an absolute one in Node (identity in a browser); `headers` adds what the browser's session
 * would carry (a Grafana login, or a bearer token when a test talks to the gateway directly).
 */
export interface RecordedRequest {
  method: string;
  url: string;
  status?: number;
}

export class HttpBackendSrv {
  /** Every request made, in order, with its status once answered. */
  readonly requests: RecordedRequest[] = [];

  constructor(
    private readonly resolveUrl: (url: string) => string = (url) => url,
    private readonly headers: () => Record<string, string> = () => ({})
  ) {}

  fetch = <T>(options: BackendSrvRequest): Observable<FetchResponse<T>> =>
    new Observable<FetchResponse<T>>((subscriber) => {
      const controller = new AbortController();
      const method = (options.method ?? 'GET').toUpperCase();
      const url = this.resolveUrl(withParams(options.url, options.params));
      const record: RecordedRequest = { method, url };
      this.requests.push(record);
      const body =
        options.data === undefined
          ? undefined
          : typeof options.data === 'string'
            ? options.data
            : JSON.stringify(options.data);
      fetch(url, {
        method,
        headers: {
          Accept: 'application/json, text/plain, */*',
          ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
          ...(options.headers ?? {}),
          ...this.headers(),
        },
        body,
        credentials: 'same-origin',
        signal: controller.signal,
      })
        .then(async (response) => {
          record.status = response.status;
          const text = await response.text();
          let data: unknown = text;
          try {
            // responseType 'text' hands the text as it is (fetch.ts parseResponseBody).
            data = options.responseType === 'text' ? text : JSON.parse(text);
          } catch {
            // keep text, as Grafana's backendSrv does
          }
          if (!response.ok) {
            subscriber.error({
              status: response.status,
              statusText: response.statusText,
              data: errorData(data, response.statusText),
              config: options,
            });
            return;
          }
          subscriber.next({
            data: data as T,
            status: response.status,
            statusText: response.statusText,
            ok: true,
            headers: response.headers,
            redirected: response.redirected,
            type: response.type,
            url: response.url,
            config: options,
          });
          subscriber.complete();
        })
        .catch((error: unknown) => {
          if (!controller.signal.aborted) {
            subscriber.error({ status: 0, statusText: String(error), data: undefined, config: options });
          }
        });
      return () => controller.abort();
    });
}

function withParams(url: string, params?: BackendSrvRequest['params']): string {
  if (!params || Object.keys(params).length === 0) {
    return url;
  }
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params as Record<string, unknown>)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item !== undefined && item !== null) {
        search.append(key, String(item));
      }
    }
  }
  const query = search.toString();
  return query ? `${url}${url.includes('?') ? '&' : '?'}${query}` : url;
}

/**
 * Grafana's backendSrv.processRequestError: the `data` of a FetchError is always an object. Also
 * the fake backendSrv's (src/test/fakeBackendSrv.ts), so that both wrap a text body alike.
 */
export function errorData(data: unknown, statusText: string): unknown {
  let result: unknown = data ?? { message: 'Unexpected error' };
  if (typeof result === 'string') {
    result = { message: result, error: statusText, response: result };
  }
  const record = result as { message?: unknown; error?: unknown };
  if (record && typeof record === 'object' && !record.message && typeof record.error === 'string') {
    record.message = record.error;
  }
  return result;
}
