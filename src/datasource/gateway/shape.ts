/**
 * A small shape checker for the gateway's raw JSON, in place of a schema library: the data source
 * checks a handful of shapes (objects of optional strings, numbers, booleans, arrays), and on
 * bodies of several megabytes the check must cost little next to `JSON.parse` and the bundle must
 * stay small. The happy path (`test`) allocates nothing and builds no strings; only when a body
 * fails is it walked again (`explain`) to name the first problem, with the wording and path a
 * zod 4 schema reported for the same body ("Invalid input: expected string, received number").
 * Bodies pass through unchanged (unknown keys are kept, never read).
 */

/** Where a body first differs from its shape, and what zod 4 would have said about it. */
export interface ShapeIssue {
  path: Array<string | number>;
  message: string;
}

export interface Shape<T> {
  /** True when `value` has the shape; cheap, no allocation. */
  test(value: unknown): value is T;
  /** The first issue in `value` (depth first, in declaration order), or undefined. */
  explain(value: unknown, path: Array<string | number>): ShapeIssue | undefined;
  /** `value` typed, or an Error naming the first issue (for tests and tools). */
  parse(value: unknown): T;
  /**
   * For a shape of scalars only (string, number, boolean, their unions, nullish): the kinds it
   * accepts as {@link Scalar} bits, so an object checks such a field inline instead of calling
   * `test` — most fields of a body are scalars. 0 for every other shape.
   */
  readonly scalars: number;
}

/** Kinds of scalar a shape accepts, as bits. */
const Scalar = { string: 1, number: 2, boolean: 4, nullish: 8 } as const;

/** Whether `value` is a scalar of one of the `kinds` (a finite number only, as zod 4 checks). */
function scalarFits(kinds: number, value: unknown): boolean {
  switch (typeof value) {
    case 'string':
      return (kinds & Scalar.string) !== 0;
    case 'number':
      return (kinds & Scalar.number) !== 0 && Number.isFinite(value);
    case 'boolean':
      return (kinds & Scalar.boolean) !== 0;
    case 'undefined':
      return (kinds & Scalar.nullish) !== 0;
    case 'object':
      return value === null && (kinds & Scalar.nullish) !== 0;
    default:
      return false;
  }
}

/**
 * Whether a field's `value` has `shape`: the kinds of a scalar shape are checked inline, any other
 * shape by its own test. Every object test checks its fields with it — the generic one by a
 * variable key, the hand-written ones of hotObject by name.
 */
export function fieldFits(shape: Shape<unknown>, value: unknown): boolean {
  // Stryker disable next-line ConditionalExpression: → true only makes scalar fields call their own test (same verdict); → false is killed in shape.test.ts
  return shape.scalars === 0 ? shape.test(value) : scalarFits(shape.scalars, value);
}

function make<T>(test: Shape<T>['test'], explain: Shape<T>['explain'], scalars = 0): Shape<T> {
  return {
    test,
    explain,
    scalars,
    parse: (value) => {
      if (test(value)) {
        return value;
      }
      const issue = explain(value, []);
      // Stryker disable next-line OptionalChaining,StringLiteral: explain names an issue for every value test refuses, so no fallback applies
      throw new Error(`${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'Invalid input'}`);
    },
  };
}

/** The TypeScript type a shape checks. */
export type Infer<S> = S extends Shape<infer T> ? T : never;

/** How zod 4 names a value's type in "received …". */
function received(value: unknown): string {
  if (typeof value === 'number') {
    return Number.isNaN(value) ? 'NaN' : Number.isFinite(value) ? 'number' : String(value);
  }
  if (typeof value !== 'object') {
    return typeof value;
  }
  if (value === null) {
    return 'null';
  }
  if (Array.isArray(value)) {
    return 'array';
  }
  const proto: unknown = Object.getPrototypeOf(value);
  const name = (value as { constructor?: { name?: string } }).constructor?.name;
  return proto !== Object.prototype && name ? name : 'object';
}

function typeIssue(expected: string, value: unknown, path: Array<string | number>): ShapeIssue {
  return { path: [...path], message: `Invalid input: expected ${expected}, received ${received(value)}` };
}

function primitive<T>(expected: keyof typeof Scalar): Shape<T> {
  const kinds = Scalar[expected];
  const test = (value: unknown): value is T => scalarFits(kinds, value);
  return make(test, (value, path) => (test(value) ? undefined : typeIssue(expected, value, path)), kinds);
}

export const string = primitive<string>('string');
export const boolean = primitive<boolean>('boolean');
/** A finite JSON number (zod 4 refuses NaN and ±Infinity). */
export const number = primitive<number>('number');
export const unknown: Shape<unknown> = make(
  (_value): _value is unknown => true,
  () => undefined
);

/** `null` and absent are accepted besides the shape itself. */
export function nullish<T>(shape: Shape<T>): Shape<T | null | undefined> {
  return make(
    (value): value is T | null | undefined => value === null || value === undefined || shape.test(value),
    (value, path) => (value === null || value === undefined ? undefined : shape.explain(value, path)),
    // Stryker disable next-line ConditionalExpression: a mask of 0 only makes objects call this shape's test, with the same verdict
    shape.scalars === 0 ? 0 : shape.scalars | Scalar.nullish
  );
}

/** Either shape; a value matching neither is "Invalid input", as zod 4 reports a failed union. */
export function union<A, B>(a: Shape<A>, b: Shape<B>): Shape<A | B> {
  const test = (value: unknown): value is A | B => a.test(value) || b.test(value);
  // Stryker disable next-line ConditionalExpression: → true (a mask of 0) only makes objects call this union's test, with the same verdict; the other mutants are killed in shape.test.ts
  const scalars = a.scalars === 0 || b.scalars === 0 ? 0 : a.scalars | b.scalars;
  return make(
    test,
    (value, path) => (test(value) ? undefined : { path: [...path], message: 'Invalid input' }),
    scalars
  );
}

export function array<T>(item: Shape<T>): Shape<T[]> {
  return make(
    (value): value is T[] => {
      if (!Array.isArray(value)) {
        return false;
      }
      for (let i = 0; i < value.length; i++) {
        if (!item.test(value[i])) {
          return false;
        }
      }
      return true;
    },
    (value, path) => {
      if (!Array.isArray(value)) {
        return typeIssue('array', value, path);
      }
      for (let i = 0; i < value.length; i++) {
        const issue = item.explain(value[i], [...path, i]);
        if (issue) {
          return issue;
        }
      }
      return undefined;
    }
  );
}

/**
 * An array whose items are left to be checked where they are read (see rawTypes' pointsReadLater):
 * no walk over the items here.
 */
export const anyArray: Shape<unknown[]> = make(
  (value): value is unknown[] => Array.isArray(value),
  (value, path) => (Array.isArray(value) ? undefined : typeIssue('array', value, path))
);

type ObjectOf<P extends Record<string, Shape<unknown>>> = { [K in keyof P]?: Infer<P[K]> };

/** A JSON object: not null, not an array. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * `object(props)` for an item that comes by the thousand (a bin, a box, a point, a deployment), with
 * a test written out by hand: `fieldsFit` reads each field by name. The generic test reads fields by
 * a variable key, a load that every object shape shares and that is therefore megamorphic — six
 * times the cost on the drift answer's 200,000 points. `fieldsFit` must give the generic verdict for
 * every object (rawTypes.hot.test.ts checks it against `explain` on random values); explain stays
 * the generic one.
 */
export function hotObject<P extends Record<string, Shape<unknown>>>(
  props: P,
  fieldsFit: (value: Record<string, unknown>) => boolean
): Shape<ObjectOf<P>> {
  const generic = object(props);
  return make((value): value is ObjectOf<P> => isObject(value) && fieldsFit(value), generic.explain);
}

/** An object whose listed keys have their shapes; every key is optional (all our fields are nullish). */
export function object<P extends Record<string, Shape<unknown>>>(props: P): Shape<ObjectOf<P>> {
  const keys = Object.keys(props);
  const shapes = keys.map((key) => props[key]);
  return make(
    (value): value is ObjectOf<P> => {
      if (!isObject(value)) {
        return false;
      }
      for (let i = 0; i < keys.length; i++) {
        if (!fieldFits(shapes[i], value[keys[i]])) {
          return false;
        }
      }
      return true;
    },
    (value, path) => {
      if (!isObject(value)) {
        return typeIssue('object', value, path);
      }
      for (let i = 0; i < keys.length; i++) {
        const issue = shapes[i].explain(value[keys[i]], [...path, keys[i]]);
        if (issue) {
          return issue;
        }
      }
      return undefined;
    }
  );
}
