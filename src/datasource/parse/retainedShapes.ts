/**
 * Keeps the hidden classes of each kind of gateway answer alive between refreshes.
 *
 * Optimised code that reads an answer's objects checks their hidden classes, and V8 holds those
 * only weakly: a couple of collections after the last object of a class died (the cached answers
 * expired), the class is freed and every parser compiled against it is thrown away ("weak objects"
 * in `--trace-deopt`). The next refresh then runs that parser unoptimised while it compiles again —
 * on the bench's 10,000 boxes, one sample in four paid 15 → 20 ms for it. A copy of an answer cut
 * down to the first item of every array, with its texts emptied, is kept per kind of answer (the
 * raw shape that checked it). Made by `JSON.parse`, its objects get the very classes the answer's
 * have (same keys in the same order, same kinds of values), for a few hundred bytes and no data.
 */

/** Deeper than this, a copy is not made: the gateway's answers are five levels deep. */
const MAX_DEPTH = 16;

const TOO_DEEP = Symbol('too deep');

// Weak by kind: a shape made at run time would take its copy with it.
const retained = new WeakMap<object, unknown>();

/** Keeps a copy of `body`'s structure for `kind` (one per kind, replaced by the next answer). */
export function retainShapes(kind: object, body: object): void {
  const skeleton = firstItems(body, 0);
  if (skeleton !== TOO_DEEP) {
    retained.set(kind, JSON.parse(JSON.stringify(skeleton)));
  }
}

/** The copy kept for `kind` (tests). */
export function retainedShapes(kind: object): unknown {
  return retained.get(kind);
}

function firstItems(value: unknown, depth: number): unknown {
  if (depth > MAX_DEPTH) {
    return TOO_DEEP;
  }
  if (typeof value === 'string') {
    return '';
  }
  if (Array.isArray(value)) {
    const first = value.length > 0 ? firstItems(value[0], depth + 1) : undefined;
    return first === TOO_DEEP ? TOO_DEEP : value.length > 0 ? [first] : [];
  }
  if (typeof value === 'object' && value !== null) {
    const copy: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      const item = firstItems((value as Record<string, unknown>)[key], depth + 1);
      if (item === TOO_DEEP) {
        return TOO_DEEP;
      }
      copy[key] = item;
    }
    return copy;
  }
  return value;
}
