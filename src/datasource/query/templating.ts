import type { ScopedVars } from '@grafana/data';
import type { TemplateSrv } from '@grafana/runtime';

/**
 * Template-variable interpolation with fan-out. A multi-value variable (or "All") in a query
 * field becomes one value per selection, so one query can cover several deployments, models or
 * features — each result is labelled with what it came from.
 */

// ASCII "unit separator": cannot occur in ids or feature names a user types.
const SEPARATOR = '\u001f';

/** The values a field expands to: [] for an empty field, one entry per selected value otherwise. */
export function expandField(
  templateSrv: Pick<TemplateSrv, 'replace'>,
  text: string | undefined,
  scopedVars: ScopedVars
): string[] {
  // Stryker disable next-line ConditionalExpression,MethodExpression,StringLiteral,BlockStatement: fast path; for missing or blank text replace() gives '' or blanks, which the general path also turns into []
  if (!text || text.trim() === '') {
    return [];
  }
  const replaced = templateSrv.replace(text, scopedVars, (value: string | string[]) =>
    Array.isArray(value) ? value.join(SEPARATOR) : value
  );
  const values = replaced
    .split(SEPARATOR)
    .map((value) => value.trim())
    .filter((value) => value !== '');
  return Array.from(new Set(values));
}

/** A single-valued field (role, free text): multi-value selections are joined with commas. */
export function interpolateText(
  templateSrv: Pick<TemplateSrv, 'replace'>,
  text: string | undefined,
  scopedVars: ScopedVars
): string {
  return text ? templateSrv.replace(text, scopedVars, 'csv').trim() : '';
}
