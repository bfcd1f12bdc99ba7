import React from 'react';
import { Combobox } from '@grafana/ui';

import type { EditorDataSource } from '../../editorApi';
import type { Mlops1xVariableQuery } from '../../mlops1x/variableModel';
import type { PickerFieldComponent } from '../pickers';
import { loadFailureMessage, useAsyncOptions, withVariables } from '../useAsyncOptions';

interface Props {
  datasource: EditorDataSource;
  field: PickerFieldComponent;
  /** What to list (a variable query of the same kind); `enabled` false until its parents are set. */
  list: Partial<Mlops1xVariableQuery>;
  enabled: boolean;
  label: string;
  help: string;
  required?: boolean;
  id: string;
  testId: string;
  width: number;
  value: string;
  onChange: (value: string) => void;
}

/**
 * A 1.x picker: live options from MLOps (workspaces, deployments, columns, experiments), the
 * dashboard's variables first, free text accepted, a failed list reported inline.
 */
export function LivePicker(props: Props) {
  const { datasource, list, enabled, label } = props;
  const live = useAsyncOptions(
    () => datasource.mlops1x?.listOptions(list) ?? Promise.resolve([]),
    JSON.stringify(list),
    enabled && datasource.mlops1x !== undefined
  );
  const what = label.toLowerCase();
  const message = loadFailureMessage(live, `${what}s`, `a ${what}`);
  return (
    <props.field label={label} help={props.help} required={props.required} width={props.width} message={message}>
      <Combobox<string>
        id={props.id}
        data-testid={props.testId}
        width={props.width}
        placeholder={props.required ? `Choose a ${what}` : `All`}
        options={withVariables(datasource.getVariableOptions(), live.options)}
        loading={live.loading}
        createCustomValue
        customValueDescription={`Use this ${what}`}
        isClearable
        value={props.value || null}
        onChange={(option) => props.onChange(option?.value ?? '')}
      />
    </props.field>
  );
}
