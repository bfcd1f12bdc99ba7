import React, { type ComponentType, type ReactElement } from 'react';
import { Combobox, Field } from '@grafana/ui';

import type { EditorDataSource } from '../editorApi';
import { loadFailureMessage, useAsyncOptions, withVariables } from './useAsyncOptions';

/**
 * The deployment and model pickers the query editor and the variable editor share: live options
 * from the gateway with the dashboard's variables first, free text accepted, and a failed option
 * list reported inline. Each editor keeps its own layout: query-editor rows (`RowField`, help
 * as a tooltip) or a form (`FormField`, help as a description). No `@grafana/plugin-ui` here: the
 * variable editor is loaded with the data source, also in Node (stack tests), where plugin-ui's
 * import of `@grafana/runtime` needs a window.
 */

export interface PickerFieldProps {
  label: string;
  help?: string;
  required?: boolean;
  width: number;
  message?: string;
  /** One input: the field labels it by its `id`. */
  children: ReactElement<Record<string, unknown>>;
}

/** A labelled field in an editor's layout, showing `message` as its error. */
export type PickerFieldComponent = ComponentType<PickerFieldProps>;

/** The variable editor's form layout: help as a description. */
export function FormField({ label, help, required, message, children }: PickerFieldProps) {
  return (
    <Field label={label} description={help} required={required} invalid={Boolean(message)} error={message}>
      {children}
    </Field>
  );
}

interface PickerProps {
  datasource: EditorDataSource;
  /** The editor's field layout (`FormField`, or the query editor's `RowField`). */
  field: PickerFieldComponent;
  id: string;
  testId: string;
  width: number;
  help: string;
  value: string;
  onChange: (value: string) => void;
}

/** A deployment of the gateway, a template variable, or a typed id; required unless `optional`. */
export function DeploymentPicker(props: PickerProps & { validationMessage?: string; optional?: boolean }) {
  const { datasource, value } = props;
  const deployments = useAsyncOptions(() => datasource.listDeploymentOptions(), 'deployments', true);
  const message = loadFailureMessage(deployments, 'deployments', 'a deployment id') ?? props.validationMessage;
  return (
    <props.field label="Deployment" help={props.help} required={!props.optional} width={props.width} message={message}>
      <Combobox<string>
        id={props.id}
        data-testid={props.testId}
        width={props.width}
        placeholder="Choose a deployment"
        options={withVariables(datasource.getVariableOptions(), deployments.options)}
        loading={deployments.loading}
        createCustomValue
        customValueDescription="Use this deployment id"
        invalid={Boolean(message)}
        value={value || null}
        onChange={(option) => props.onChange(option.value)}
      />
    </props.field>
  );
}

/** Optional model of a deployment (empty: its primary model); options load once a deployment is set. */
export function ModelPicker(props: PickerProps & { deploymentId: string }) {
  const { datasource, deploymentId, value } = props;
  const models = useAsyncOptions(() => datasource.listModelOptions(deploymentId), deploymentId, deploymentId !== '');
  const message = loadFailureMessage(models, 'models', 'a model id');
  return (
    <props.field label="Model" help={props.help} width={props.width} message={message}>
      <Combobox<string>
        id={props.id}
        data-testid={props.testId}
        width={props.width}
        placeholder="Primary model"
        options={withVariables(datasource.getVariableOptions(), models.options)}
        loading={models.loading}
        createCustomValue
        customValueDescription="Use this model id"
        isClearable
        value={value || null}
        onChange={(option) => props.onChange(option?.value ?? '')}
      />
    </props.field>
  );
}
