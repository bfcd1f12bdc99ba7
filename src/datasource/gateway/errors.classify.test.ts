import { ResponseShapeError } from '../parse/scalars';
import { ErrorBodyOn200, FailureCause, GatewayError, classifyFailure, grpcErrorOf } from './errors';
import { grpcCode, httpStatusOfGrpcCode } from './grpcStatus';
import { FAILURE_TITLES } from './titles';

/**
 * Every branch of the failure classification, with the status and detail the user sees. Each
 * status sits beside its neighbours, so a status read as another (a cancellation as a network
 * failure, gRPC 16 as a server error) changes the cause.
 */

const CALL = { endpoint: 'GET /v1/deployment/d' };
const RANGED = { endpoint: 'GET /v1/deployment/d/metrics/m/health', ranged: true };
const LIST = { endpoint: 'GET /v1/deployment (list deployments)', list: true };

const fetchError = (status: number, data: unknown = '', statusText = '') => ({ status, data, statusText });

describe('classifyFailure by HTTP status', () => {
  it.each([
    [0, FailureCause.Unreachable, 'gateway unreachable (HTTP 0)'],
    [502, FailureCause.Unreachable, 'gateway unreachable (HTTP 502)'],
    [504, FailureCause.Timeout, 'gateway timed out (HTTP 504)'],
    [401, FailureCause.Authentication, 'authentication failed (HTTP 401)'],
    [403, FailureCause.Forbidden, 'forbidden (HTTP 403)'],
    [404, FailureCause.WrongBasePath, 'no model-monitoring API at this URL (HTTP 404)'],
    [429, FailureCause.RateLimited, 'rate limited (HTTP 429)'],
    [503, FailureCause.Unavailable, 'unavailable (HTTP 503)'],
    [499, FailureCause.Cancelled, 'cancelled by the gateway (HTTP 499)'],
    [500, FailureCause.ServerError, 'gateway error (HTTP 500)'],
    [501, FailureCause.ServerError, 'gateway error (HTTP 501)'],
    [400, FailureCause.BadRequest, 'request rejected (HTTP 400)'],
    [409, FailureCause.BadRequest, 'request rejected (HTTP 409)'],
    [498, FailureCause.BadRequest, 'request rejected (HTTP 498)'],
  ])('HTTP %d → %s', (status, cause, detail) => {
    const failure = classifyFailure(fetchError(status), CALL);
    expect(failure).toBeInstanceOf(GatewayError);
    expect(failure.failure).toBe(cause);
    expect(failure.detail).toBe(detail);
    expect(failure.status).toBe(status);
    expect(failure.endpoint).toBe(CALL.endpoint);
    expect(failure.message).toBe(`${CALL.endpoint}: ${detail}. ${failure.hint}`);
  });

  it('a failure without a status counts as HTTP 0: unreachable', () => {
    const failure = classifyFailure({ data: 'x' }, CALL);
    expect(failure.failure).toBe(FailureCause.Unreachable);
    expect(failure.detail).toBe('gateway unreachable (HTTP 0)');
    expect(failure.status).toBe(0);
  });

  it('quotes the gateway message, else the status text', () => {
    expect(classifyFailure(fetchError(500, { code: 13, message: 'boom' }, 'Internal'), CALL).detail).toBe(
      'gateway error (HTTP 500 "boom")'
    );
    expect(classifyFailure(fetchError(500, { code: 13, message: '' }, 'Internal'), CALL).detail).toBe(
      'gateway error (HTTP 500 Internal)'
    );
    expect(classifyFailure(fetchError(500, 'plain text', 'Internal'), CALL).detail).toBe(
      'gateway error (HTTP 500 Internal)'
    );
  });

  it('Grafana\'s proxy turns an upstream 401 into 400 "Authentication to data source failed"', () => {
    const failure = classifyFailure(fetchError(400, { message: 'Authentication to data source failed' }), CALL);
    expect(failure.failure).toBe(FailureCause.Authentication);
    expect(failure.detail).toBe('authentication failed (HTTP 400 "Authentication to data source failed")');
    expect(classifyFailure(fetchError(400, { message: 'bad range' }), CALL).failure).toBe(FailureCause.BadRequest);
    expect(classifyFailure(fetchError(500, { message: 'Authentication to data source failed' }), CALL).failure).toBe(
      FailureCause.ServerError
    );
  });

  it('gRPC 16 (UNAUTHENTICATED) is an authentication failure whatever the status; 15 and 17 are not', () => {
    expect(classifyFailure(fetchError(500, { code: 16, message: 'x' }), CALL).failure).toBe(
      FailureCause.Authentication
    );
    expect(classifyFailure(fetchError(400, { code: '16', message: 'x' }), CALL).failure).toBe(
      FailureCause.Authentication
    );
    expect(classifyFailure(fetchError(500, { code: 15, message: 'x' }), CALL).failure).toBe(FailureCause.ServerError);
    expect(classifyFailure(fetchError(500, { code: 17, message: 'x' }), CALL).failure).toBe(FailureCause.ServerError);
  });

  it('a 404 with a grpc-gateway NOT_FOUND body is "not found"; an HTML 404 a wrong base path', () => {
    const notFound = classifyFailure(fetchError(404, { code: 5, message: 'no such deployment' }), CALL);
    expect(notFound.failure).toBe(FailureCause.NotFound);
    expect(notFound.detail).toBe('not found (HTTP 404 "no such deployment")');
    const html = classifyFailure(fetchError(404, '  <html><body>Not Found</body></html>'), CALL);
    expect(html.failure).toBe(FailureCause.WrongBasePath);
    expect(html.detail).toBe('no model-monitoring API at this URL (HTTP 404 HTML page)');
    const otherCode = classifyFailure(fetchError(404, { code: 12, message: 'unimplemented' }), CALL);
    expect(otherCode.failure).toBe(FailureCause.WrongBasePath);
    expect(otherCode.detail).toBe('no model-monitoring API at this URL (HTTP 404 "unimplemented")');
    const text = classifyFailure(fetchError(404, 'page not found'), CALL);
    expect(text.detail).toBe('no model-monitoring API at this URL (HTTP 404)');
  });
});

describe('cancellations and network failures', () => {
  it('backendSrv marks a cancellation by `cancelled` or by status -1', () => {
    for (const error of [
      { cancelled: true, status: 500, data: null },
      { status: -1, data: null },
    ]) {
      const failure = classifyFailure(error, CALL);
      expect(failure.failure).toBe(FailureCause.Cancelled);
      expect(failure.detail).toBe('cancelled');
      expect(failure.status).toBe(error.status);
    }
  });

  it('an AbortError is a cancellation, any other Error name is not', () => {
    const abort = Object.assign(new Error('aborted'), { name: 'AbortError' });
    expect(classifyFailure(abort, CALL).failure).toBe(FailureCause.Cancelled);
    expect(classifyFailure(abort, CALL).status).toBeUndefined();
    const other = Object.assign(new Error('aborted'), { name: 'TimeoutError' });
    expect(classifyFailure(other, CALL).failure).toBe(FailureCause.Malformed);
    expect(classifyFailure({ name: 'AbortError' }, CALL).failure).toBe(FailureCause.Malformed);
  });

  it.each([
    'Failed to fetch',
    'NetworkError when attempting to fetch resource.',
    'Network request failed',
    'Load failed',
    'fetch failed',
    'connect ECONNREFUSED 127.0.0.1:1',
    'read ECONNRESET',
    'getaddrinfo ENOTFOUND gw.example',
    'socket hang up',
  ])('TypeError "%s" → unreachable, status 0', (text) => {
    const failure = classifyFailure(new TypeError(text), CALL);
    expect(failure.failure).toBe(FailureCause.Unreachable);
    expect(failure.detail).toBe(`gateway unreachable (network error: ${text})`);
    expect(failure.status).toBe(0);
  });

  it('the same words in a plain Error are no network failure', () => {
    const failure = classifyFailure(new Error('fetch failed'), CALL);
    expect(failure.failure).toBe(FailureCause.Malformed);
    expect(failure.detail).toBe('unexpected failure (fetch failed)');
    expect(failure.status).toBeUndefined();
  });

  it('something thrown that is not an Error is quoted as text', () => {
    expect(classifyFailure('weird', CALL).detail).toBe('unexpected failure (weird)');
    expect(classifyFailure(null, CALL).detail).toBe('unexpected failure (null)');
  });
});

describe('other failures', () => {
  it('a GatewayError passes through unchanged', () => {
    const original = new GatewayError(FailureCause.TooLarge, CALL, 'too big');
    expect(classifyFailure(original, LIST)).toBe(original);
  });

  it('a shape error is malformed, an HTML page a wrong base path', () => {
    const shape = classifyFailure(new ResponseShapeError('expected an object', 'deployment'), CALL);
    expect(shape.failure).toBe(FailureCause.Malformed);
    expect(shape.detail).toBe('malformed response (deployment: expected an object)');
    const html = classifyFailure(new ResponseShapeError('got an HTML page', 'body'), CALL);
    expect(html.failure).toBe(FailureCause.WrongBasePath);
  });

  it('a gateway error body on HTTP 200 is classified by its gRPC code', () => {
    const cases: Array<[unknown, FailureCause, string]> = [
      [{ code: 16, message: 'expired' }, FailureCause.Authentication, 'HTTP 200 with gateway error code 16 "expired"'],
      [{ code: 'NOT_FOUND', message: 'gone' }, FailureCause.NotFound, 'HTTP 200 with gateway error code 5 "gone"'],
      [{ code: 14, details: [] }, FailureCause.Unavailable, 'HTTP 200 with gateway error code 14'],
      [{ code: 4, message: '' }, FailureCause.Timeout, 'HTTP 200 with gateway error code 4'],
      [{ code: 1, message: 'x' }, FailureCause.Cancelled, 'HTTP 200 with gateway error code 1 "x"'],
      [{ code: 99, message: 'x' }, FailureCause.ServerError, 'HTTP 200 with gateway error code 99 "x"'],
      [{ code: 'nonsense', message: 'x' }, FailureCause.ServerError, 'HTTP 200 with gateway error code undefined "x"'],
      [{ code: 3, message: 'bad' }, FailureCause.BadRequest, 'HTTP 200 with gateway error code 3 "bad"'],
    ];
    for (const [body, cause, detailStart] of cases) {
      const failure = classifyFailure(new ErrorBodyOn200(body), CALL);
      expect({ body, cause: failure.failure }).toEqual({ body, cause });
      expect(failure.detail).toContain(detailStart);
    }
  });

  it('quotes at most 160 characters of upstream text, on one line, secrets redacted', () => {
    const long = `first\n\n line ${'x'.repeat(300)}`;
    const detail = classifyFailure(fetchError(500, { code: 13, message: long }), CALL).detail;
    expect(detail).toBe(`gateway error (HTTP 500 "${`first line ${'x'.repeat(300)}`.slice(0, 160)}…")`);
    const exact = 'y'.repeat(160);
    expect(classifyFailure(fetchError(500, { code: 13, message: exact }), CALL).detail).toBe(
      `gateway error (HTTP 500 "${exact}")`
    );
    const secret = classifyFailure(fetchError(500, { code: 13, message: 'bad s3cr3t-value!' }), CALL, [
      's3cr3t-value!',
    ]);
    expect(secret.detail).toBe('gateway error (HTTP 500 "bad [redacted]")');
    expect(secret.message).not.toContain('s3cr3t');
  });

  it('a shape error message is quoted up to 300 characters', () => {
    const detail = classifyFailure(new ResponseShapeError('z'.repeat(400), 'p'), CALL).detail;
    expect(detail).toBe(`malformed response (${`p: ${'z'.repeat(400)}`.slice(0, 300)}…)`);
  });
});

describe('hints and titles', () => {
  it('every cause has its own title and hint', () => {
    const causes = Object.values(FailureCause);
    const made = causes.map((cause) => new GatewayError(cause, CALL, 'x'));
    const titles = causes.map((cause) => FAILURE_TITLES[cause]);
    expect(new Set(titles).size).toBe(causes.length);
    expect(new Set(made.map((e) => e.hint)).size).toBe(causes.length);
    for (const title of titles) {
      expect(title.length).toBeGreaterThan(10);
    }
    for (const e of made) {
      expect(e.hint.length).toBeGreaterThan(10);
      expect(e.name).toBe('GatewayError');
    }
  });

  it('a timeout of a ranged call suggests a shorter range; a list not found suggests the base URL', () => {
    const plain = new GatewayError(FailureCause.Timeout, CALL, 'x').hint;
    const ranged = new GatewayError(FailureCause.Timeout, RANGED, 'x').hint;
    expect(ranged).toMatch(/shorter time range/);
    expect(plain).not.toMatch(/shorter time range/);
    expect(new GatewayError(FailureCause.NotFound, LIST, 'x').hint).toMatch(/may list monitored deployments/);
    expect(new GatewayError(FailureCause.NotFound, CALL, 'x').hint).toMatch(/deployment and model IDs/);
    expect(new GatewayError(FailureCause.Timeout, LIST, 'x').hint).toBe(plain);
    expect(new GatewayError(FailureCause.NotFound, RANGED, 'x').hint).not.toMatch(/may list/);
  });
});

describe('gRPC codes', () => {
  it.each([
    [16, 16],
    ['16', 16],
    [' 16 ', 16],
    ['UNAUTHENTICATED', 16],
    ['unauthenticated', 16],
    [' not_found ', 5],
    ['OK', 0],
    [0, 0],
    [1.5, undefined],
    ['', undefined],
    ['   ', undefined],
    ['NOPE', undefined],
    ['1e3', undefined],
    [null, undefined],
    [true, undefined],
  ])('%p → %p', (code, expected) => {
    expect(grpcCode(code)).toBe(expected);
  });

  it('maps codes to the HTTP status grpc-gateway uses, 500 for unknown ones', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16].map(httpStatusOfGrpcCode)).toEqual([
      200, 499, 500, 400, 504, 404, 409, 403, 429, 400, 409, 400, 501, 500, 503, 500, 401,
    ]);
    expect(httpStatusOfGrpcCode(17)).toBe(500);
  });

  it('recognises a grpc-gateway error body, never a success answer', () => {
    expect(grpcErrorOf({ code: 5, message: 'gone' })).toEqual({ code: 5, message: 'gone' });
    expect(grpcErrorOf({ code: 'NOT_FOUND', details: [] })).toEqual({ code: 5, message: '' });
    expect(grpcErrorOf({ code: 5, message: 7 })).toEqual({ code: 5, message: '' });
    expect(grpcErrorOf({ code: 0, message: 'ok' })).toBeUndefined();
    expect(grpcErrorOf({ code: 5 })).toBeUndefined();
    expect(grpcErrorOf({ code: 'nonsense', message: 'x' })).toBeUndefined();
    expect(grpcErrorOf({ message: 'x' })).toBeUndefined();
    expect(grpcErrorOf([{ code: 5, message: 'x' }])).toBeUndefined();
    expect(grpcErrorOf(null)).toBeUndefined();
    expect(grpcErrorOf('code')).toBeUndefined();
  });
});
