import type { ScopedVars, TimeRange } from '@grafana/data';
import type { TemplateSrv } from '@grafana/runtime';

type Format = string | ((value: string | string[]) => string) | undefined;

/**
 * Template variables without a dashboard, for the preview and the tests (src/test re-exports it).
 * Grafana's TemplateSrv lives in its unpublished frontend, so this reproduces the interpolation the
 * data source relies on: `$name` and `${name}` are replaced, scoped variables win over dashboard
 * variables, a format function receives arrays for multi-value variables, 'csv' joins with commas,
 * and unknown variables stay as written.
 */
export class StaticTemplateSrv implements TemplateSrv {
  constructor(private readonly variables: Record<string, string | string[]> = {}) {}

  replace(target?: string, scopedVars?: ScopedVars, format?: Format): string {
    if (!target) {
      return '';
    }
    return target.replace(/\$\{(\w+)\}|\$(\w+)/g, (match, braced: string | undefined, plain: string | undefined) => {
      const name = braced ?? plain ?? '';
      const scoped = scopedVars?.[name]?.value as string | string[] | undefined;
      const value = scoped ?? this.variables[name];
      if (value === undefined) {
        return match;
      }
      if (typeof format === 'function') {
        return format(value);
      }
      if (Array.isArray(value)) {
        return format === 'csv' ? value.join(',') : `{${value.join(',')}}`;
      }
      return value;
    });
  }

  getVariables(): ReturnType<TemplateSrv['getVariables']> {
    return Object.keys(this.variables).map((name) => ({ name, type: 'custom' })) as unknown as ReturnType<
      TemplateSrv['getVariables']
    >;
  }

  containsTemplate(target?: string): boolean {
    return Boolean(target && /\$(\w+|\{\w+\})/.test(target));
  }

  updateTimeRange(_timeRange: TimeRange): void {
    // No dashboard time picker here; nothing depends on it.
  }
}
