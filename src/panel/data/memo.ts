/**
 * Memoisation of the view model's pure stages by the identity of their input object (frames
 * array, collected model data, feature list) and a key of the options they read. Grafana hands a
 * panel the same `data.series` array until the query runs again, so an option change (or a
 * re-mount) reuses what does not depend on it, and the components downstream see the same objects
 * and skip re-rendering. Entries live as long as their input object (WeakMap); per object only the
 * last few option keys are kept.
 */

const KEYS_PER_OBJECT = 4;

/** `compute(input)` cached per `input` object and `key`. Only for pure functions of (input, key). */
export function memoByObject<I extends object, V>(): (input: I, key: string, compute: () => V) => V {
  const cache = new WeakMap<I, Map<string, V>>();
  return (input, key, compute) => {
    let entries = cache.get(input);
    if (!entries) {
      entries = new Map();
      cache.set(input, entries);
    }
    if (entries.has(key)) {
      return entries.get(key)!;
    }
    const value = compute();
    if (entries.size >= KEYS_PER_OBJECT) {
      entries.delete(entries.keys().next().value!);
    }
    entries.set(key, value);
    return value;
  };
}

/** A cache key from option values (numbers, strings, booleans, plain objects). */
export function optionKey(...values: unknown[]): string {
  return JSON.stringify(values);
}
