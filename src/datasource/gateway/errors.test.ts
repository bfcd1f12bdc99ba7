import { ResponseShapeError } from '../parse/scalars';
import { ErrorBodyOn200, FailureCause, GatewayError, classifyFailure, withoutRepeatedPrefixes } from './errors';
import { redactSecrets } from './redact';

const CALL = { endpoint: 'GET /v1/deployment/d' };

describe('classifyFailure', () => {
  it.each([
    [
      'backendSrv cancellation',
      { cancelled: true, status: -1, data: null, statusText: 'Request was aborted' },
      FailureCause.Cancelled,
      'cancelled',
    ],
    [
      'AbortError from fetch',
      Object.assign(new Error('The operation was aborted.'), { name: 'AbortError' }),
      FailureCause.Cancelled,
      'cancelled',
    ],
    [
      'browser network failure',
      new TypeError('Failed to fetch'),
      FailureCause.Unreachable,
      'gateway unreachable (network error: Failed to fetch)',
    ],
    [
      'Node network failure',
      new TypeError('fetch failed'),
      FailureCause.Unreachable,
      'gateway unreachable (network error: fetch failed)',
    ],
    ['status 0', { status: 0, data: '' }, FailureCause.Unreachable, 'gateway unreachable (HTTP 0)'],
    [
      "a proxy's HTML error page, quoted by its title",
      {
        status: 502,
        statusText: 'Bad Gateway',
        data: { message: '<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>' },
      },
      FailureCause.Unreachable,
      'gateway unreachable (HTTP 502 HTML page "502 Bad Gateway")',
    ],
    [
      'an HTML page without a title',
      { status: 404, data: { message: '<html><body>404 page not found</body></html>' } },
      FailureCause.WrongBasePath,
      'no model-monitoring API at this URL (HTTP 404 HTML page)',
    ],
    [
      'grpc 16 on a 500',
      { status: 500, data: { code: 16, message: 'jwt expired' } },
      FailureCause.Authentication,
      'authentication failed (HTTP 500 "jwt expired")',
    ],
    [
      'grpc UNAUTHENTICATED as a string',
      { status: 500, data: { code: 'UNAUTHENTICATED', message: 'no' } },
      FailureCause.Authentication,
      'authentication failed (HTTP 500 "no")',
    ],
    [
      '404 with NOT_FOUND as a string',
      { status: 404, data: { code: 'NOT_FOUND', message: 'x' } },
      FailureCause.NotFound,
      'not found (HTTP 404 "x")',
    ],
    ['an unknown error', new Error('boom'), FailureCause.Malformed, 'unexpected failure (boom)'],
    [
      'a grpc-gateway body with an empty message shows the status text, not ""',
      { status: 500, statusText: 'Internal Server Error', data: { code: 13, message: '' } },
      FailureCause.ServerError,
      'gateway error (HTTP 500 Internal Server Error)',
    ],
    [
      'a grpc-gateway body whose message is not a string shows the status text',
      { status: 500, statusText: 'Internal Server Error', data: { code: 13, message: 42 } },
      FailureCause.ServerError,
      'gateway error (HTTP 500 Internal Server Error)',
    ],
    [
      'an error body on HTTP 200 with an empty message shows no empty quote',
      new ErrorBodyOn200({ code: 13, message: '' }),
      FailureCause.ServerError,
      'gateway error (HTTP 200 with gateway error code 13)',
    ],
  ])('%s', (_name, error, cause, detail) => {
    const failure = classifyFailure(error, CALL);
    expect(failure.failure).toBe(cause);
    expect(failure.detail).toBe(detail);
    expect(failure.message.startsWith(`GET /v1/deployment/d: ${detail}. `)).toBe(true);
  });

  it('a cancellation is never called a network failure, and vice versa', () => {
    expect(classifyFailure({ cancelled: true, status: 0 }, CALL).failure).toBe(FailureCause.Cancelled);
    expect(classifyFailure(new TypeError("Cannot read properties of undefined (reading 'x')"), CALL).failure).toBe(
      FailureCause.Malformed
    );
  });

  it('shows a nested parser context once', () => {
    const error = new ResponseShapeError('deployment: expected a string, got 7', 'deployment');
    expect(classifyFailure(error, CALL).detail).toBe('malformed response (deployment: expected a string, got 7)');
    expect(withoutRepeatedPrefixes('deployment: deployment: deployment: bad')).toBe('deployment: bad');
    expect(withoutRepeatedPrefixes('model: deployment: bad')).toBe('model: deployment: bad');
  });
});

describe('redactSecrets', () => {
  it.each([
    ['Authorization: Bearer abc.def-ghi_jkl', 'Authorization: Bearer [redacted]'],
    ['authorization: bearer%20abcdef', 'authorization: bearer [redacted]'],
    ['Basic Z3JhZmFuYTpzZWNyZXQ=', 'Basic [redacted]'],
    [
      'token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U end',
      'token [redacted] end',
    ],
    ['{"refresh_token": "abc123xyz"}', '{"refresh_token": "[redacted]"}'],
    ['client_secret=topsecret&x=1', 'client_secret=[redacted]&x=1'],
  ])('%s', (text, expected) => {
    expect(redactSecrets(text)).toBe(expected);
  });

  it('leaves host names, versions and JSON paths alone', () => {
    const text = 'gateway.example.com v1.2.3 deployment.models[0].registeredModelVersion';
    expect(redactSecrets(text)).toBe(text);
  });

  it.each([
    ['{"access_token":"opaque-value-1","token_type":"Bearer"}', '{"access_token":"[redacted]","token_type":"Bearer"}'],
    ['id_token=abc.def&state=1', 'id_token=[redacted]&state=1'],
    ['password: hunter2-long', 'password: [redacted]'],
    ['Authorization: Bearer a+b/c==', 'Authorization: Bearer [redacted]'],
  ])('field and header forms: %s', (text, expected) => {
    expect(redactSecrets(text)).toBe(expected);
  });

  it('redacts known secret values but ignores very short ones', () => {
    expect(redactSecrets('client my-client-secret-1 is wrong', ['my-client-secret-1', 'ab'])).toBe(
      'client [redacted] is wrong'
    );
  });
});

describe('every quoted upstream text is redacted, whatever the failure path', () => {
  const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJncmFmYW5hIn0.c2lnbmF0dXJlLXNpZ25hdHVyZQ';
  it.each([
    ['an HTTP status text', { status: 502, statusText: `Bad Gateway (Authorization: Bearer ${JWT})`, data: '' }],
    ['a non-JSON error body', { status: 500, data: `echo Authorization: Bearer ${JWT}` }],
    ['a network error message', new TypeError(`fetch failed: Bearer ${JWT}`)],
    ['an unexpected error', new Error(`boom ${JWT}`)],
    ['a parser complaint', new ResponseShapeError(`expected a number, got "${JWT}"`, 'totalPredictions')],
  ])('%s', (_name, error) => {
    const failure = classifyFailure(error, CALL);
    expect(`${failure.message} ${failure.detail}`).not.toContain('eyJ');
  });

  it('a GatewayError built directly redacts its detail too', () => {
    expect(new GatewayError(FailureCause.ServerError, CALL, `echo Bearer ${JWT}`).detail).toBe(
      'echo Bearer [redacted]'
    );
  });
});
