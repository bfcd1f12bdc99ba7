import type { DataFrame } from '@grafana/data';
import { Observable, catchError, forkJoin, map, of } from 'rxjs';

/**
 * Partial results: a query fanned out over several deployments, models or features keeps what
 * succeeded; what failed is named in one error beside the frames (the champion stays on screen
 * when the challenger's call fails).
 */

/** One failed part of a fan-out: what it was ("deployment \"x\", model \"y v2\"") and why. */
export interface PartFailure {
  what: string;
  error: unknown;
}

export interface Outcome {
  frames: DataFrame[];
  failures: PartFailure[];
}

export interface Part {
  /** Names the part in an error; empty for a part that needs no name (the only one). */
  what: string;
  run: () => Observable<DataFrame[] | Outcome>;
}

function isOutcome(value: DataFrame[] | Outcome): value is Outcome {
  return !Array.isArray(value);
}

/**
 * Runs every part; frames keep the parts' order, failures are collected instead of thrown. A single
 * unnamed part (one deployment, one model: most panels) is handed back as it is, without a join or a
 * catch around it — every operator is a subscription that a query pays for on each refresh. Its
 * failure is then caught by the enclosing part, whose name it would have carried anyway, or by
 * {@link targetResult}.
 */
export function gather(parts: Part[]): Observable<DataFrame[] | Outcome> {
  if (parts.length === 1 && !parts[0].what) {
    return parts[0].run();
  }
  if (parts.length === 0) {
    return of({ frames: [], failures: [] });
  }
  return forkJoin(parts.map(outcomeOf)).pipe(
    map((list) => ({ frames: list.flatMap((o) => o.frames), failures: list.flatMap((o) => o.failures) }))
  );
}

/** The frames of one query target, each with its refId, and the error to show beside them. */
export interface TargetResult {
  frames: DataFrame[];
  error?: unknown;
}

/**
 * A whole target's result: the frames `frames$` gives, each with the target's `refId`, and its
 * failure settled (see {@link settle}) — a failure of all of it included. Never errors.
 */
export function targetResult(frames$: Observable<DataFrame[] | Outcome>, refId: string): Observable<TargetResult> {
  return frames$.pipe(
    map((value) => {
      const { frames, error } = settle(isOutcome(value) ? value : { frames: value, failures: [] });
      return { frames: frames.map((frame) => ({ ...frame, refId })), error };
    }),
    catchError((error: unknown) => of({ frames: [], error }))
  );
}

function outcomeOf(part: Part): Observable<Outcome> {
  return part.run().pipe(
    map((value): Outcome => (isOutcome(value) ? withContext(value, part.what) : { frames: value, failures: [] })),
    catchError((error: unknown) => of<Outcome>({ frames: [], failures: [{ what: part.what, error }] }))
  );
}

/** Prefixes nested failures with the outer part's name: "deployment \"x\", model \"y\"". */
function withContext(outcome: Outcome, what: string): Outcome {
  if (!what) {
    return outcome;
  }
  return {
    frames: outcome.frames,
    failures: outcome.failures.map((f) => ({ what: f.what ? `${what}, ${f.what}` : what, error: f.error })),
  };
}

/** How many failures an error message spells out; the rest are counted. */
const FAILURES_SPELLED_OUT = 3;

/** Some parts of a fanned-out query failed; `message` names each (up to three) with its reason. */
export class PartialFailureError extends Error {
  constructor(
    readonly failures: PartFailure[],
    readonly framesKept: number
  ) {
    super(partialMessage(failures, framesKept));
    this.name = 'PartialFailureError';
  }
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function partialMessage(failures: PartFailure[], framesKept: number): string {
  const head =
    framesKept > 0
      ? `Partial result: ${failures.length} part${failures.length === 1 ? '' : 's'} of this query failed, the rest is shown.`
      : `Every part of this query failed (${failures.length}).`;
  const spelled = failures.slice(0, FAILURES_SPELLED_OUT).map((f) => `${f.what || 'query'}: ${reason(f.error)}`);
  const more = failures.length > FAILURES_SPELLED_OUT ? [`…and ${failures.length - FAILURES_SPELLED_OUT} more.`] : [];
  return [head, ...spelled, ...more].join(' — ');
}

/**
 * The frames of an outcome, or its failure: the original error when the query had a single part
 * and it failed (its message says everything), a PartialFailureError otherwise.
 */
export function settle(outcome: Outcome): { frames: DataFrame[]; error?: unknown } {
  const { frames, failures } = outcome;
  if (failures.length === 0) {
    return { frames };
  }
  if (frames.length === 0 && failures.length === 1) {
    return { frames, error: failures[0].error };
  }
  return { frames, error: new PartialFailureError(failures, frames.length) };
}
