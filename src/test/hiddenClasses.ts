import { setFlagsFromString } from 'node:v8';

// V8's own answer, not a model of it: `%HaveSameMap` is a runtime function, reachable once natives
// syntax is allowed (it only adds these functions; the test process runs as before).
setFlagsFromString('--allow-natives-syntax');
// The %-syntax is parsed only in a function made at run time, after the flag.
const haveSameMap = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (a: unknown, b: unknown) => boolean;

/** Whether V8 gives `a` and `b` the same hidden class (map): what optimised code checks. */
export function sameHiddenClass(a: object, b: object): boolean {
  return haveSameMap(a, b);
}
