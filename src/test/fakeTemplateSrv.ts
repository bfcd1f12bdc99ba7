import type { ScopedVars } from '@grafana/data';
import type { TemplateSrv } from '@grafana/runtime';

type Format = string | ((value: string | string[]) => string) | undefined;

/**
 * A stand-in for Grafana's TemplateSrv with the semantics the data source relies on: `$name`
 * and `${name}` are replaced, scoped variables win over dashboard variables, a format function
 * receives arrays for multi-value variables, 'csv' joins with commas, and unknown variables stay.
 */
export class FakeTemplateSrv implements Pick<TemplateSrv, 'replace' | 'getVariables'> {
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

  getVariables() {
    return Object.keys(this.variables).map((name) => ({ name, type: 'custom' })) as unknown as ReturnType<
      TemplateSrv['getVariables']
    >;
  }
}
