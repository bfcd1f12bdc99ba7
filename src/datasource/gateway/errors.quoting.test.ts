import { FailureCause, GatewayError, classifyFailure, withoutRepeatedPrefixes } from './errors';

/** How upstream text is quoted in a failure's detail: trimmed, HTML pages by their title, nothing redacted without cause. */

const CALL = { endpoint: 'GET /v1/deployment/d' };
const fetchError = (status: number, data: unknown, statusText = '') => ({ status, data, statusText });

describe('GatewayError', () => {
  it('names the endpoint whether the call is given as a string or as a described call', () => {
    const byString = new GatewayError(FailureCause.ServerError, 'GET /v1/x', 'boom');
    expect(byString.endpoint).toBe('GET /v1/x');
    expect(byString.message).toBe(`GET /v1/x: boom. ${byString.hint}`);
    const byCall = new GatewayError(FailureCause.ServerError, CALL, 'boom');
    expect(byCall.endpoint).toBe(CALL.endpoint);
    expect(byCall.message).toBe(`${CALL.endpoint}: boom. ${byCall.hint}`);
  });

  it('redacts no ordinary text when no secrets are known', () => {
    const text = 'Stryker was here and so was the gateway';
    expect(new GatewayError(FailureCause.ServerError, CALL, text).detail).toBe(text);
    expect(classifyFailure(fetchError(500, { message: text }), CALL).detail).toBe(`gateway error (HTTP 500 "${text}")`);
  });
});

describe('withoutRepeatedPrefixes', () => {
  it('collapses a repeated context prefix after a space or parenthesis, not inside a word', () => {
    expect(withoutRepeatedPrefixes('failed: deployment: deployment: bad id')).toBe('failed: deployment: bad id');
    expect(withoutRepeatedPrefixes('x (model: model: y)')).toBe('x (model: y)');
  });
});

describe('quoted upstream messages', () => {
  const detailOf = (status: number, data: unknown, statusText = '') =>
    classifyFailure(fetchError(status, data, statusText), CALL).detail;

  it('quotes a message on one trimmed line', () => {
    expect(detailOf(500, { message: '\n  boom\n  again \n' })).toBe('gateway error (HTTP 500 "boom again")');
  });

  it('treats only text that starts with "<" as an HTML page', () => {
    expect(detailOf(500, { message: 'value < 0 is not allowed' })).toBe(
      'gateway error (HTTP 500 "value < 0 is not allowed")'
    );
    expect(detailOf(500, { message: '  <html><body>x</body></html>' })).toBe('gateway error (HTTP 500 HTML page)');
  });

  it('names an HTML page by its title, also with attributes, and not by an empty title', () => {
    expect(detailOf(500, { message: '<html><title lang="en"> Bad  Gateway </title></html>' })).toBe(
      'gateway error (HTTP 500 HTML page "Bad Gateway")'
    );
    expect(detailOf(500, { message: '<html><title>   </title></html>' })).toBe('gateway error (HTTP 500 HTML page)');
  });

  it('falls back to the status text when the body has no string message', () => {
    expect(detailOf(400, { message: 42 }, 'Bad Request')).toBe('request rejected (HTTP 400 Bad Request)');
    expect(detailOf(400, { message: '' }, 'Bad Request')).toBe('request rejected (HTTP 400 Bad Request)');
  });

  it('calls a 404 an HTML page only for a text body starting with "<", not for a JSON array', () => {
    expect(detailOf(404, ['<p>'], 'Not Found')).toBe('no model-monitoring API at this URL (HTTP 404 Not Found)');
    expect(detailOf(404, '<html></html>', 'Not Found')).toBe(
      'no model-monitoring API at this URL (HTTP 404 HTML page)'
    );
  });
});
