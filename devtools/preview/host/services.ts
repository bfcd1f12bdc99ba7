import type { BackendSrv, BackendSrvRequest } from '@grafana/runtime';
import { lastValueFrom } from 'rxjs';

import { HttpBackendSrv } from '../../httpBackendSrv';

/**
 * Stand-ins for the two Grafana services the plugin uses through @grafana/runtime. Grafana's own
 * implementations live in its (unpublished) frontend, so these reproduce the behaviour the plugin
 * relies on, not the whole service.
 */

const http = new HttpBackendSrv();

/** Every request the page made through backendSrv, for tests (`window.__preview.requests`). */
export const requestLog = http.requests;

/** `backendSrv.fetch`: same-origin requests with Grafana's semantics (devtools/httpBackendSrv.ts). */
const fetchObservable = http.fetch;

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
