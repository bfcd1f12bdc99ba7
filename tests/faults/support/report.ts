import type { TargetOutcome } from './runCell';

/** What a cell's faulted target showed, as the printed matrix names it. */
export enum OutcomeKind {
  /** An error message, no frames. */
  Error = 'E',
  /** Frames with values shown as no value or a list cut short, and notices saying so. */
  Notice = 'N',
  /** The same frames as without the fault (a retry succeeded, or the fault touched nothing shown). */
  Data = 'D',
  /** The query threw instead of answering. */
  Crash = 'X',
  /** The fault does not exist for this endpoint (pagination on an endpoint that does not page). */
  NotApplicable = '-',
}

export function kindOf(outcome: TargetOutcome | undefined, baseline: TargetOutcome): OutcomeKind {
  if (!outcome) {
    return OutcomeKind.Crash;
  }
  if (outcome.error !== undefined) {
    return OutcomeKind.Error;
  }
  return JSON.stringify(outcome.frames) === JSON.stringify(baseline.frames) ? OutcomeKind.Data : OutcomeKind.Notice;
}

/** The matrix as text: one line per fault, one column per row, and the count of each kind. */
export function formatMatrix(
  faults: string[],
  rows: string[],
  kindAt: (fault: string, row: string) => OutcomeKind
): string {
  const width = Math.max(...faults.map((f) => f.length)) + 2;
  const short = rows.map((_, i) => String.fromCharCode(97 + i));
  const lines = [
    'Fault matrix (tests/faults): E error message, N notice / no value, D unchanged data, X crash, - n/a',
    `  columns: ${rows.map((r, i) => `${short[i]}=${r}`).join(', ')}`,
    `${''.padEnd(width)}${short.join(' ')}`,
  ];
  const counts = new Map<OutcomeKind, number>();
  for (const fault of faults) {
    const kinds = rows.map((row) => kindAt(fault, row));
    kinds.forEach((k) => counts.set(k, (counts.get(k) ?? 0) + 1));
    lines.push(`${fault.padEnd(width)}${kinds.join(' ')}`);
  }
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  lines.push(`${total} cells: ${[...counts.entries()].map(([kind, n]) => `${n} ${kind}`).join(', ')}`);
  return `${lines.join('\n')}\n`;
}
