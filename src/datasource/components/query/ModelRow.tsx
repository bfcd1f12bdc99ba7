import React from 'react';
import { EditorField, EditorFieldGroup, EditorRow } from '@grafana/plugin-ui';
import { Combobox, RadioButtonGroup, type ComboboxOption } from '@grafana/ui';

import { MODEL_SCOPE_OPTIONS, ROLE_SUGGESTIONS, showsRole } from '../../queryFields';
import { ModelScope } from '../../types';
import { ModelPicker } from '../pickers';
import { dsTestIds } from '../testIds';
import type { RowProps } from './rowProps';
import { RowField } from './RowField';

const modelScopeOptions = MODEL_SCOPE_OPTIONS.map((o) => ({ ...o }));
const roleOptions: Array<ComboboxOption<string>> = ROLE_SUGGESTIONS.map((role) => ({ value: role, label: role }));

/** Per-model query types: model scope, the model (single scope) and the role label. */
export function ModelRow({ query, datasource, ids, commit }: RowProps) {
  return (
    <EditorRow>
      <EditorFieldGroup>
        <EditorField label="Model scope">
          <RadioButtonGroup<ModelScope>
            id={ids.modelScope}
            data-testid={dsTestIds.queryEditor.modelScope}
            aria-label="Model scope"
            options={modelScopeOptions}
            value={query.modelScope}
            onChange={(modelScope) => commit({ modelScope })}
          />
        </EditorField>
        {query.modelScope !== ModelScope.All && (
          <ModelPicker
            datasource={datasource}
            field={RowField}
            id={ids.model}
            testId={dsTestIds.queryEditor.model}
            width={30}
            help="Empty means the deployment's primary model"
            deploymentId={query.deploymentId ?? ''}
            value={query.modelId ?? ''}
            onChange={(modelId) => commit({ modelId })}
          />
        )}
        {showsRole(query) && (
          <EditorField label="Role" optional width={20} tooltip="Label put on every frame, e.g. champion">
            <Combobox<string>
              id={ids.role}
              data-testid={dsTestIds.queryEditor.role}
              width={20}
              placeholder="champion"
              options={roleOptions}
              createCustomValue
              customValueDescription="Use this role"
              isClearable
              value={query.role || null}
              onChange={(option) => commit({ role: option?.value ?? '' })}
            />
          </EditorField>
        )}
      </EditorFieldGroup>
    </EditorRow>
  );
}
