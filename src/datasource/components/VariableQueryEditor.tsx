import React, { useMemo } from 'react';
import { migrateVariableQuery } from '../migrations';
import { Field, RadioButtonGroup, Stack, Switch } from '@grafana/ui';

import type { EditorDataSource } from '../editorApi';
import { VARIABLE_KIND_OPTIONS, variableFieldsFor } from '../queryFields';
import type { MlopsVariableQuery, VariableQueryKind } from '../types';
import { dsTestIds } from './testIds';
import { Mlops1xVariableEditor } from './mlops1x/Mlops1xVariableEditor';
import { DeploymentPicker, FormField, ModelPicker } from './pickers';

/**
 * The props Grafana's `CustomVariableSupport.editor` passes (`query`, `onChange`, `datasource`,
 * plus others this editor does not need), with the data source narrowed to `EditorDataSource`.
 */
interface VariableQueryEditorProps {
  query: MlopsVariableQuery;
  onChange: (query: MlopsVariableQuery) => void;
  datasource: EditorDataSource;
}

const kindOptions = VARIABLE_KIND_OPTIONS.map((o) => ({ ...o }));

const ids = {
  kind: 'mlops-variable-kind',
  monitoredOnly: 'mlops-variable-monitored-only',
  deployment: 'mlops-variable-deployment',
  model: 'mlops-variable-model',
};

/** Template-variable query: the 1.x editor for a data source reading H2O MLOps 1.x, else the gateway's. */
export function VariableQueryEditor(props: VariableQueryEditorProps) {
  return props.datasource.mlops1x ? <Mlops1xVariableEditor {...props} /> : <GatewayVariableEditor {...props} />;
}

/** Template-variable query: deployments, models of a deployment, or features of a model. */
function GatewayVariableEditor({ query: rawQuery, onChange, datasource }: VariableQueryEditorProps) {
  const query = useMemo(() => migrateVariableQuery(rawQuery), [rawQuery]);
  const fields = variableFieldsFor(query.kind);
  const deploymentId = query.deploymentId ?? '';

  const commit = (patch: Partial<MlopsVariableQuery>) => onChange({ ...query, ...patch });
  const deploymentMessage = fields.deployment && !deploymentId.trim() ? 'Choose a deployment.' : undefined;

  return (
    <div data-testid={dsTestIds.variableEditor.container}>
      <Stack direction="column" gap={0}>
        <Field label="Values" description={kindOptions.find((o) => o.value === query.kind)?.description}>
          <RadioButtonGroup<VariableQueryKind>
            id={ids.kind}
            data-testid={dsTestIds.variableEditor.kind}
            options={kindOptions}
            value={query.kind}
            onChange={(kind) => commit({ kind })}
          />
        </Field>

        {fields.monitoredOnly && (
          <Field label="Monitored only" description="Only deployments with monitoring enabled.">
            <Switch
              id={ids.monitoredOnly}
              data-testid={dsTestIds.variableEditor.monitoredOnly}
              value={query.monitoredOnly ?? false}
              onChange={(event) => commit({ monitoredOnly: event.currentTarget.checked })}
            />
          </Field>
        )}

        {fields.deployment && (
          <DeploymentPicker
            datasource={datasource}
            field={FormField}
            id={ids.deployment}
            testId={dsTestIds.variableEditor.deployment}
            width={40}
            help="A deployment, another variable (e.g. $deployment), or a deployment id."
            validationMessage={deploymentMessage}
            value={deploymentId}
            onChange={(value) => commit({ deploymentId: value })}
          />
        )}

        {fields.model && (
          <ModelPicker
            datasource={datasource}
            field={FormField}
            id={ids.model}
            testId={dsTestIds.variableEditor.model}
            width={40}
            help="Optional. Empty means the deployment's primary model."
            deploymentId={deploymentId}
            value={query.modelId ?? ''}
            onChange={(modelId) => commit({ modelId })}
          />
        )}
      </Stack>
    </div>
  );
}
