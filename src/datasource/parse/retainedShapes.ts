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
 * have (same keys in the same order, same kinds of values), for a few hundred bytes and no text:
 * only the first item's numbers and booleans stay (whether a number is a small integer is part of
 * the class).
 */

// Weak by kind: a shape made at run time would take its copy with it.
const retained = new WeakMap<object, unknown>();
/** Answers copied already: the parts of one answer (health, operational) are decoded one by one. */
const copied = new WeakSet<object>();

/**
 * Keeps a copy of `body`'s structure for `kind` (one per kind, replaced by the next answer). A body
 * copied already for another kind is not copied again: that copy keeps its classes alive.
 */
export function retainShapes(kind: object, body: object): void {
  if (copied.has(body)) {
    return;
  }
  copied.add(body);
  try {
    retained.set(kind, JSON.parse(JSON.stringify(body, firstItemsOnly)));
  } catch {
    // Nested too deep to copy (past the call stack; the gateway's answers are five levels deep):
    // nothing is kept, the answer itself is unaffected.
  }
}

/** The copy kept for `kind` (tests). */
export function retainedShapes(kind: object): unknown {
  return retained.get(kind);
}

/** JSON.stringify's replacer for the copy: each array cut to its first item, each text emptied. */
function firstItemsOnly(_key: string, value: unknown): unknown {
  return typeof value === 'string' ? '' : Array.isArray(value) ? value.slice(0, 1) : value;
}
