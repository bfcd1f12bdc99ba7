import React, { useMemo } from 'react';
import { migrateVariableQuery } from '../migrations';
import { Combobox, Field, RadioButtonGroup, Stack, Switch } from '@grafana/ui';

import type { EditorDataSource } from '../editorApi';
import { VARIABLE_KIND_OPTIONS, variableFieldsFor } from '../queryFields';
import type { MlopsVariableQuery, VariableQueryKind } from '../types';
import { dsTestIds } from './testIds';
import { loadFailureMessage, useAsyncOptions, withVariables } from './useAsyncOptions';

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

/** Template-variable query: deployments, models of a deployment, or features of a model. */
export function VariableQueryEditor({ query: rawQuery, onChange, datasource }: VariableQueryEditorProps) {
  const query = useMemo(() => migrateVariableQuery(rawQuery), [rawQuery]);
  const fields = variableFieldsFor(query.kind);
  const deploymentId = query.deploymentId ?? '';

  const deployments = useAsyncOptions(() => datasource.listDeploymentOptions(), 'deployments', fields.deployment);
  const models = useAsyncOptions(
    () => datasource.listModelOptions(deploymentId),
    deploymentId,
    fields.model && deploymentId !== ''
  );
  const variables = datasource.getVariableOptions();

  const commit = (patch: Partial<MlopsVariableQuery>) => onChange({ ...query, ...patch });

  const deploymentMessage =
    loadFailureMessage(deployments, 'deployments', 'a deployment id') ??
    (fields.deployment && !deploymentId.trim() ? 'Choose a deployment.' : undefined);
  const modelMessage = loadFailureMessage(models, 'models', 'a model id');

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
          <Field
            label="Deployment"
            description="A deployment, another variable (e.g. $deployment), or a deployment id."
            required
            invalid={Boolean(deploymentMessage)}
            error={deploymentMessage}
          >
            <Combobox<string>
              id={ids.deployment}
              data-testid={dsTestIds.variableEditor.deployment}
              width={40}
              placeholder="Choose a deployment"
              options={withVariables(variables, deployments.options)}
              loading={deployments.loading}
              createCustomValue
              customValueDescription="Use this deployment id"
              value={deploymentId || null}
              onChange={(option) => commit({ deploymentId: option.value })}
            />
          </Field>
        )}

        {fields.model && (
          <Field
            label="Model"
            description="Optional. Empty means the deployment's primary model."
            invalid={Boolean(modelMessage)}
            error={modelMessage}
          >
            <Combobox<string>
              id={ids.model}
              data-testid={dsTestIds.variableEditor.model}
              width={40}
              placeholder="Primary model"
              options={withVariables(variables, models.options)}
              loading={models.loading}
              createCustomValue
              customValueDescription="Use this model id"
              isClearable
              value={query.modelId || null}
              onChange={(option) => commit({ modelId: option?.value ?? '' })}
            />
          </Field>
        )}
      </Stack>
    </div>
  );
}
