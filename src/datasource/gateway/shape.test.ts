import fc from 'fast-check';
import { z } from 'zod';

import { anyArray, array, boolean, nullish, number, object, string, union, unknown } from './shape';

/** Names NaN and ±Infinity in a test title (JSON.stringify would print null for each). */
const nonFiniteAsText = (_key: string, value: unknown) =>
  typeof value === 'number' && !Number.isFinite(value) ? String(value) : value;

/** The hand-written shapes replace zod schemas: same verdicts, same first message and path. */
describe('shape checks agree with the zod 4 schemas they replace', () => {
  // Built inside each test, not once at collection: combinators decide at construction (e.g. an
  // object's scalar bit masks), and mutation testing only sees code a test runs.
  const ourShapes = () =>
    object({
      a: nullish(string),
      b: nullish(union(number, string)),
      c: nullish(array(object({ d: nullish(boolean) }))),
      e: nullish(object({ f: nullish(string) })),
      g: nullish(array(unknown)),
    });
  const theirs = z.object({
    a: z.string().nullish(),
    b: z.union([z.number(), z.string()]).nullish(),
    c: z.array(z.object({ d: z.boolean().nullish() })).nullish(),
    e: z.object({ f: z.string().nullish() }).nullish(),
    g: z.array(z.unknown()).nullish(),
  });
  const bodies: unknown[] = [
    {},
    { a: 'x', b: 1, c: [{ d: true }], e: { f: null }, g: [1, 'x'], extra: 1 },
    { a: 1 },
    { b: true },
    { b: NaN },
    { b: Infinity },
    { a: NaN },
    { a: -Infinity },
    { b: [1] },
    { c: {} },
    { c: [{ d: 'x' }] },
    { c: [1] },
    { c: [null] },
    { e: 'x' },
    { e: [] },
    { a: [] },
    { a: new Date(0) },
    { g: {} },
    { a: 2, c: [{ d: 1 }] },
    [],
    null,
  ];
  it.each(bodies.map((body) => [JSON.stringify(body, nonFiniteAsText) ?? String(body), body]))('%s', (_name, body) => {
    const ours = ourShapes();
    const expected = theirs.safeParse(body);
    expect(ours.test(body)).toBe(expected.success);
    const issue = ours.explain(body, []);
    if (expected.success) {
      expect(issue).toBeUndefined();
    } else {
      const first = expected.error.issues[0];
      expect(issue).toEqual({ path: first.path, message: first.message });
    }
  });

  it('passes a valid body through unchanged and parse() throws on an invalid one', () => {
    const ours = ourShapes();
    const body = { a: 'x', unknownKey: [1] };
    expect(ours.parse(body)).toBe(body);
    expect(() => ours.parse({ a: 1 })).toThrow('a: Invalid input: expected string, received number');
    expect(() => ours.parse({ a: NaN })).toThrow('a: Invalid input: expected string, received NaN');
  });

  // Objects check scalar fields inline (Shape.scalars) instead of calling each field's test: any
  // value in any field, at any depth, must get the verdict and first issue zod gives.
  const anyValue = fc.oneof(
    fc.jsonValue(),
    fc.constantFrom<unknown>(undefined, NaN, Infinity, -Infinity, new Date(0), [], {}, [null])
  );
  const fields = fc.record(
    { a: anyValue, b: anyValue, c: fc.oneof(anyValue, fc.array(fc.record({ d: anyValue }))), e: anyValue, g: anyValue },
    { requiredKeys: [] }
  );
  it('agrees with zod on any value in any field', () => {
    const ours = ourShapes();
    fc.assert(
      fc.property(fc.oneof(fields, anyValue), (body) => {
        const expected = theirs.safeParse(body);
        expect(ours.test(body)).toBe(expected.success);
        const issue = ours.explain(body, []);
        const first = expected.success ? undefined : expected.error.issues[0];
        expect(issue).toEqual(first && { path: first.path, message: first.message });
      }),
      { numRuns: 300 }
    );
  });
});

describe('shape edge cases, checked against zod 4', () => {
  const messageOf = (run: () => unknown) => {
    try {
      run();
    } catch (error) {
      return (error as Error).message;
    }
    return 'no error';
  };

  it('refuses symbols, bigints and functions as any scalar, naming their type as zod does', () => {
    const nullProtoWithConstructor = Object.assign(Object.create(null) as object, { constructor: { name: 'Foo' } });
    for (const value of [Symbol('s'), BigInt(10), () => 1, Object.create(null) as object, nullProtoWithConstructor]) {
      const zodMessage = z.string().safeParse(value).error?.issues[0]?.message;
      expect(messageOf(() => string.parse(value))).toBe(`: ${zodMessage}`);
      expect(nullish(union(string, number)).test(value)).toBe(false);
      expect(object({ a: nullish(string) }).test({ a: value })).toBe(false);
    }
    expect(messageOf(() => string.parse(Object.create(null)))).toBe(
      ': Invalid input: expected string, received object'
    );
  });

  it('refuses absent and null for a scalar that is not nullish, also inline in an object', () => {
    for (const value of [undefined, null]) {
      expect(string.test(value)).toBe(false);
      expect(object({ a: string }).test({ a: value })).toBe(false);
    }
    expect(object({ a: nullish(string) }).test({ a: null })).toBe(true);
    expect(object({ a: nullish(string) }).test({})).toBe(true);
  });

  it('names the exact dotted path of the first issue, after earlier valid items', () => {
    const shape = object({ c: array(object({ d: string })) });
    expect(messageOf(() => shape.parse({ c: [{ d: 'ok' }, { d: 1 }] }))).toBe(
      'c.1.d: Invalid input: expected string, received number'
    );
    expect(messageOf(() => array(string).parse(['ok', 5]))).toBe('1: Invalid input: expected string, received number');
    expect(messageOf(() => number.parse('5'))).toBe(': Invalid input: expected number, received string');
  });
});

describe('a union of a scalar and an object, checked against zod 4', () => {
  it.each([
    [{ u: 'x' }],
    [{ u: { v: 1 } }],
    [{ u: { v: 'x' } }],
    [{ u: 1 }],
    [{ w: 1 }],
    [{ w: { v: null } }],
    [{ w: { v: true } }],
    [{ w: 'x' }],
  ])('%j', (body) => {
    // Either side may be the object: only a union of two scalars is checked from a bit mask.
    const ours = object({
      u: nullish(union(string, object({ v: nullish(number) }))),
      w: nullish(union(object({ v: nullish(number) }), number)),
    });
    const theirs = z.object({
      u: z.union([z.string(), z.object({ v: z.number().nullish() })]).nullish(),
      w: z.union([z.object({ v: z.number().nullish() }), z.number()]).nullish(),
    });
    const expected = theirs.safeParse(body);
    expect(ours.test(body)).toBe(expected.success);
    const first = expected.success ? undefined : expected.error.issues[0];
    expect(ours.explain(body, [])).toEqual(first && { path: first.path, message: first.message });
  });
});

describe('anyArray: an array whose items are checked where they are read', () => {
  it('accepts any array without looking at its items, and names anything else', () => {
    expect(anyArray.test([null, 4, 'x'])).toBe(true);
    expect(anyArray.explain([null], ['points'])).toBeUndefined();
    for (const value of [{}, 'x', null]) {
      expect(anyArray.test(value)).toBe(false);
    }
    expect(anyArray.explain({}, ['points'])).toEqual({
      path: ['points'],
      message: 'Invalid input: expected array, received object',
    });
  });
});
