import type { TimeRange } from '@grafana/data';
import type { BackendSrv, BackendSrvRequest, FetchResponse, TemplateSrv } from '@grafana/runtime';
import { lastValueFrom, Observable } from 'rxjs';

import { FakeTemplateSrv } from '../../../src/datasource/testing/fakeTemplateSrv';

/**
 * Stand-ins for the two Grafana services the plugin uses through @grafana/runtime. Grafana's own
 * implementations live in its (unpublished) frontend, so these reproduce the behaviour the plugin
 * relies on, not the whole service.
 */

/** Every request the page made through backendSrv, for tests (`window.__preview.requests`). */
export const requestLog: Array<{ method: string; url: string; status?: number }> = [];

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
 * `backendSrv.fetch` as Grafana implements it, reduced to what matters to a data source: a
 * same-origin `fetch` that parses JSON (text otherwise), errors with `{status, statusText, data}`
 * on a non-2xx answer, and aborts the HTTP request when the subscriber unsubscribes.
 */
function fetchObservable<T>(options: BackendSrvRequest): Observable<FetchResponse<T>> {
  return new Observable<FetchResponse<T>>((subscriber) => {
    const controller = new AbortController();
    const method = (options.method ?? 'GET').toUpperCase();
    const url = withParams(options.url, options.params);
    const entry: (typeof requestLog)[number] = { method, url };
    requestLog.push(entry);
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
        ...options.headers,
      },
      body,
      credentials: 'same-origin',
      signal: controller.signal,
    })
      .then(async (response) => {
        entry.status = response.status;
        const text = await response.text();
        let data: unknown = text;
        if (text !== '') {
          try {
            data = JSON.parse(text);
          } catch {
            // not JSON: keep the text, as Grafana's backendSrv does
          }
        }
        const fetchResponse: FetchResponse<T> = {
          data: data as T,
          status: response.status,
          statusText: response.statusText,
          ok: response.ok,
          headers: response.headers,
          redirected: response.redirected,
          type: response.type,
          url: response.url,
          config: options,
        };
        if (!response.ok) {
          subscriber.error({ ...fetchResponse, isHandled: false });
          return;
        }
        subscriber.next(fetchResponse);
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

/** Only `fetch` (and the promise helpers built on it) are implemented; the plugin uses `fetch`. */
export function createBackendSrv(): BackendSrv {
  const request = <T>(options: BackendSrvRequest) => lastValueFrom(fetchObservable<T>(options)).then((r) => r.data);
  return {
    fetch: fetchObservable,
    request,
    datasourceRequest: <T>(options: BackendSrvRequest) => lastValueFrom(fetchObservable<T>(options)),
    get: (
      url: string,
      params?: BackendSrvRequest['params'],
      _requestId?: string,
      options?: Partial<BackendSrvRequest>
    ) => request({ ...options, url, params, method: 'GET' }),
    delete: (url: string, data?: unknown, options?: Partial<BackendSrvRequest>) =>
      request({ ...options, url, data, method: 'DELETE' }),
    post: (url: string, data?: unknown, options?: Partial<BackendSrvRequest>) =>
      request({ ...options, url, data, method: 'POST' }),
    patch: (url: string, data?: unknown, options?: Partial<BackendSrvRequest>) =>
      request({ ...options, url, data, method: 'PATCH' }),
    put: (url: string, data?: unknown, options?: Partial<BackendSrvRequest>) =>
      request({ ...options, url, data, method: 'PUT' }),
    chunked: () => {
      throw new Error('backendSrv.chunked is not available in the preview');
    },
  };
}

/**
 * Template variables of the preview "dashboard": the data source's `$name` interpolation (with
 * the semantics of {@link FakeTemplateSrv}) plus the rest of the TemplateSrv interface.
 */
export class PreviewTemplateSrv extends FakeTemplateSrv implements TemplateSrv {
  containsTemplate(target?: string): boolean {
    return Boolean(target && /\$(\w+|\{\w+\})/.test(target));
  }

  updateTimeRange(_timeRange: TimeRange): void {
    // The preview has no dashboard time picker; nothing depends on it.
  }
}
