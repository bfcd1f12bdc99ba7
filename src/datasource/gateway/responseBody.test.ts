import { readBody, withJsonErrorBody } from './responseBody';
import { approximateBytes } from './responseCache';

describe('readBody', () => {
  it('parses JSON text and measures the text at 2 bytes a character', () => {
    const text = JSON.stringify({ code: 0, rows: [1, 2, 3] });
    expect(readBody(text, 1_000)).toEqual({ body: { code: 0, rows: [1, 2, 3] }, bytes: 2 * text.length });
  });

  it('keeps text that is not JSON as text (an HTML page, an empty body), as backendSrv does', () => {
    expect(readBody('<html>login</html>', 1_000)).toEqual({ body: '<html>login</html>', bytes: 36 });
    expect(readBody('', 1_000)).toEqual({ body: '', bytes: 0 });
  });

  it('refuses text past the bound by its length, whatever it holds', () => {
    expect(readBody('x'.repeat(500), 1_000)).toEqual({ body: 'x'.repeat(500), bytes: 1_000 });
    expect(readBody('x'.repeat(501), 1_000)).toEqual({ tooLarge: true, bytes: 1_002 });
    expect(readBody(`[${'1,'.repeat(300)}1]`, 1_000)).toEqual({ tooLarge: true, bytes: 1_206 });
  });

  it('measures a body a backendSrv parsed itself by walking it', () => {
    const body = { rows: ['a', 'b'] };
    expect(readBody(body, 1_000)).toEqual({ body, bytes: approximateBytes(body) });
    expect(readBody(body, approximateBytes(body))).toEqual({ body, bytes: approximateBytes(body) });
    expect(readBody(body, approximateBytes(body) - 1)).toEqual({ tooLarge: true, bytes: approximateBytes(body) });
    expect(readBody({ text: 'x'.repeat(600) }, 1_000)).toEqual({
      tooLarge: true,
      bytes: approximateBytes({ text: 'x'.repeat(600) }),
    });
  });
});

describe('withJsonErrorBody', () => {
  const grpc = { code: 5, message: 'deployment not found' };

  it('unwraps the JSON body backendSrv wrapped as text', () => {
    const text = JSON.stringify(grpc);
    const error = { status: 404, statusText: 'Not Found', data: { message: text, error: 'Not Found', response: text } };
    expect(withJsonErrorBody(error)).toEqual({ status: 404, statusText: 'Not Found', data: grpc });
  });

  it('parses a JSON body handed over as bare text', () => {
    expect(withJsonErrorBody({ status: 500, data: JSON.stringify(grpc) })).toEqual({ status: 500, data: grpc });
  });

  it('leaves everything else exactly as it came', () => {
    const html = { status: 502, data: { message: '<html>', error: 'Bad Gateway', response: '<html>' } };
    const scalarJson = { status: 500, data: { message: '42', response: '42' } };
    const parsed = { status: 500, data: grpc };
    const nullJson = { status: 500, data: { message: 'null', response: 'null' } };
    const responseObject = { status: 500, data: { message: 'x', response: { code: 5 } } };
    const noBody = [null, undefined, 5].map((data) => ({ status: 500, data }));
    const others: unknown[] = [
      html,
      scalarJson,
      nullJson,
      responseObject,
      parsed,
      ...noBody,
      { status: 0 },
      new TypeError('Failed to fetch'),
      'text',
      null,
    ];
    for (const error of others) {
      expect(withJsonErrorBody(error)).toBe(error);
    }
  });
});
