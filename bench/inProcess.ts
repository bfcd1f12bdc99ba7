import type { BackendSrvRequest, FetchResponse } from '@grafana/runtime';
import { Observable, defer, of, throwError } from 'rxjs';

import { handleApi, type ApiOptions } from '../simulator/api';
import { handleMlops1x } from '../simulator/mlops1x/routes';
import { GrpcError, httpStatusFor } from '../simulator/errors';

/**
 * In-process stand-ins for Grafana's backendSrv.fetch: no sockets, so the benchmark measures the
 * data source, not the network. Like backendSrv they hand over the answer's text for
 * `responseType: 'text'` (the data source then parses it) and parsed JSON otherwise — either way
 * one `JSON.parse` of the text per fetch, as in the browser.
 */

/** The body as backendSrv's parseResponseBody hands it for the request's responseType. */
function bodyAs(options: BackendSrvRequest, text: string): unknown {
  return options.responseType === 'text' ? text : JSON.parse(text);
}

function ok<T>(data: unknown, url: string): FetchResponse<T> {
  return {
    data: data as T,
    status: 200,
    statusText: 'OK',
    ok: true,
    headers: new Headers(),
    redirected: false,
    type: 'basic',
    url,
    config: { url },
  };
}

/** The gateway path of a proxied URL: what follows `/model-monitoring`. */
export function gatewayPath(url: string): string {
  const at = url.indexOf('/model-monitoring');
  return at < 0 ? url : url.slice(at + '/model-monitoring'.length);
}

/** Serves fixed texts chosen by the gateway path; counts requests. */
export class TextBackendSrv {
  requests = 0;

  constructor(private readonly textFor: (path: string) => string | undefined) {}

  fetch = <T>(options: BackendSrvRequest): Observable<FetchResponse<T>> =>
    defer(() => {
      this.requests += 1;
      const text = this.textFor(gatewayPath(options.url));
      if (text === undefined) {
        return throwError(() => ({ status: 404, statusText: 'Not Found', data: { message: options.url } }));
      }
      return of(ok<T>(bodyAs(options, text), options.url));
    });
}

/**
 * The simulator's path of a proxied MLOps 1.x URL (the plugin's `mlops1x/authz` route is the authz
 * URL, `mlops1x/deployer` and `mlops1x/monitoring` are under the MLOps API URL; the simulator
 * serves both from one base), or undefined for a legacy gateway URL.
 */
export function mlops1xPath(url: string): string | undefined {
  const at = url.indexOf('/mlops1x/');
  if (at < 0) {
    return undefined;
  }
  const rest = url.slice(at + '/mlops1x'.length);
  return rest.startsWith('/authz/') ? rest.slice('/authz'.length) : rest;
}

/**
 * Serves the simulator's API in process (seeded, deterministic) — the legacy gateway, and the MLOps
 * 1.x services for a 1.x data source; records every request's path.
 */
export class SimulatorBackendSrv {
  readonly requests: string[] = [];

  constructor(private readonly options: ApiOptions) {}

  fetch = <T>(options: BackendSrvRequest): Observable<FetchResponse<T>> =>
    defer(() => {
      const mlops1x = mlops1xPath(options.url);
      const path = mlops1x ?? gatewayPath(options.url);
      this.requests.push(path);
      try {
        const { status, body } =
          mlops1x === undefined
            ? handleApi('GET', new URL(`http://simulator/model-monitoring${path}`), this.options)
            : { status: 200, body: handleMlops1x('GET', new URL(`http://simulator${path}`), this.options) };
        if (status !== 200) {
          return throwError(() => ({ status, statusText: 'error', data: body }));
        }
        return of(ok<T>(bodyAs(options, JSON.stringify(body)), options.url));
      } catch (error) {
        const status = error instanceof GrpcError ? httpStatusFor(error.code) : 500;
        return throwError(() => ({ status, statusText: 'error', data: { message: String(error) } }));
      }
    });
}
