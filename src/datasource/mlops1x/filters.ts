/**
 * Filter and ordering strings for the 1.x list endpoints, written as the official client writes
 * them (h2o-mlops 1.6.x `options/_options.py` FilterOptions._to_string, FilterExpression, and
 * `_monitoring.py`'s field names): `column_name = 'age' AND experiment_ids:'exp-1' AND
 * (timestamp >= timestamp('…') AND timestamp < timestamp('…'))`, order `timestamp desc`.
 */

/** Filter values the client would quote without escaping; ours must not break out of the quotes. */
export class FilterValueError extends Error {
  constructor(what: string, value: string) {
    super(`The ${what} ${JSON.stringify(value)} cannot be used in a filter: it contains a quote or backslash.`);
    this.name = 'FilterValueError';
  }
}

function quoted(what: string, value: string): string {
  if (/['\\]/.test(value)) {
    throw new FilterValueError(what, value);
  }
  return `'${value}'`;
}

/** A UTC time as the client formats datetimes: `timestamp('YYYY-MM-DDTHH:MM:SS.ffffffZ')`. */
export function timestampLiteral(ms: number): string {
  const iso = new Date(ms).toISOString(); // …T12:34:56.789Z
  return `timestamp('${iso.slice(0, 23)}000Z')`;
}

export interface AggregateFilter {
  column?: string;
  experimentId?: string;
  /** [from, to) in epoch ms: a segment is in when its start time is. */
  range?: { fromMs: number; toMs: number };
}

/** The `filter` of list_aggregates / list_baseline_aggregates; undefined when there is nothing to filter. */
export function aggregateFilter(filter: AggregateFilter): string | undefined {
  const terms: string[] = [];
  if (filter.column) {
    terms.push(`column_name = ${quoted('column', filter.column)}`);
  }
  if (filter.experimentId) {
    terms.push(`experiment_ids:${quoted('experiment ID', filter.experimentId)}`);
  }
  if (filter.range) {
    const { fromMs, toMs } = filter.range;
    terms.push(`(timestamp >= ${timestampLiteral(fromMs)} AND timestamp < ${timestampLiteral(toMs)})`);
  }
  return terms.length > 0 ? terms.join(' AND ') : undefined;
}

/** The client's default order for scoring aggregates. */
export const SCORING_ORDER = 'timestamp desc';
