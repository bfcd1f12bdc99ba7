import type { BackendSrvRequest, FetchResponse } from '@grafana/runtime';
import { Observable } from 'rxjs';

/**
 * A backendSrv for Node that performs real HTTP with `fetch`, so the data source's own `query()`
 * can run outside a browser against a real server. `resolveUrl` maps the browser-relative URL the
 * data source builds (e.g. `/api/datasources/proxy/uid/<uid>/…`) to an absolute one, and
 * `headers` adds what the browser's session would carry (a Grafana login, or — when a test
 * talks to the gateway without Grafana's proxy — a bearer token).
 *
 * Like Grafana's backendSrv it parses JSON when it can and hands back text otherwise, rejects
 * non-2xx answers with `{status, statusText, data}` — where, as in backendSrv's
 * `processRequestError`, a text body becomes `{message: text, error: statusText, response: text}`
 * and an empty message is filled from `error` — and aborts the request on unsubscribe.
 */
export class HttpBackendSrv {
  readonly requests: string[] = [];

  constructor(
    private readonly resolveUrl: (url: string) => string,
    private readonly headers: () => Record<string, string> = () => ({})
  ) {}

  fetch = <T>(options: BackendSrvRequest): Observable<FetchResponse<T>> =>
    new Observable<FetchResponse<T>>((subscriber) => {
      const controller = new AbortController();
      const url = this.resolveUrl(options.url);
      this.requests.push(`${options.method ?? 'GET'} ${url}`);
      fetch(url, {
        method: options.method ?? 'GET',
        headers: { ...(options.headers ?? {}), ...this.headers() },
        body: options.data === undefined ? undefined : JSON.stringify(options.data),
        signal: controller.signal,
      })
        .then(async (response) => {
          const text = await response.text();
          let data: unknown = text;
          try {
            data = JSON.parse(text);
          } catch {
            // keep text, as Grafana's backendSrv does
          }
          if (!response.ok) {
            subscriber.error({ status: response.status, statusText: response.statusText, data: errorData(data, response.statusText), config: options });
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

/** Grafana's backendSrv.processRequestError: the `data` of a FetchError is always an object. */
function errorData(data: unknown, statusText: string): unknown {
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
