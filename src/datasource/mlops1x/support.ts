import { lastValueFrom, map } from 'rxjs';

import type { Mlops1xEditorApi, OptionList } from '../editorApi';
import type { Mlops1xClient } from './client';
import type { Mlops1xQueryRunner } from './queries';
import type { Mlops1xVariableQuery } from './variableModel';
import { mlops1xVariableValues } from './variables';

/** The 1.x side of the data source: its client, its query runner and the editors' live options. */
export class Mlops1xSupport implements Mlops1xEditorApi {
  constructor(
    readonly client: Mlops1xClient,
    readonly runner: Mlops1xQueryRunner,
    private readonly replace: (text?: string) => string
  ) {}

  /** Options for a picker: the values a variable of the same kind would offer. */
  listOptions(query: Partial<Mlops1xVariableQuery>): Promise<OptionList> {
    return lastValueFrom(
      mlops1xVariableValues(this.client, query, this.replace).pipe(
        map((values) => {
          const options: OptionList = values
            .filter((v) => v.value !== '' && v.value !== undefined)
            .map((v) => ({ label: v.text, value: String(v.value) }));
          const incomplete = values.find((v) => v.value === '');
          if (incomplete) {
            options.incomplete = incomplete.text.replace(/^⚠ /, '');
          }
          return options;
        })
      )
    );
  }
}
