import React, { useMemo } from 'react';
import type { DataSourceApi, QueryEditorProps } from '@grafana/data';
import { migrateQuery } from '../migrations';
import { EditorField, EditorFieldGroup, EditorRow, EditorRows } from '@grafana/plugin-ui';
import { Combobox, MultiCombobox, RadioButtonGroup, Switch, type ComboboxOption } from '@grafana/ui';

import type { EditorDataSource } from '../editorApi';
import {
  fieldsForQueryType,
  MODEL_SCOPE_OPTIONS,
  OPERATIONAL_METRIC_OPTIONS,
  PREDICTIONS_UNIT_OPTIONS,
  QUERY_TYPE_OPTIONS,
  ROLE_SUGGESTIONS,
  showsRole,
  validateQuery,
} from '../queryFields';
import {
  ModelScope,
  type MlopsDataSourceOptions,
  type MlopsQuery,
  type PredictionsUnit,
  type QueryType,
} from '../types';
import { dsTestIds } from './testIds';
import { loadFailureMessage, useAsyncOptions, withVariables } from './useAsyncOptions';
import { type OperationalMetric } from '../../shared/operationalMetrics';

/**
 * Grafana's query editor props with the data source narrowed to what the editor uses. The real
 * data source (a `DataSourceApi` implementing `EditorDataSource`) fits, and tests can pass a
 * plain `EditorDataSource` object.
 */
type MlopsQueryEditorProps = Omit<
  QueryEditorProps<DataSourceApi<MlopsQuery, MlopsDataSourceOptions>, MlopsQuery, MlopsDataSourceOptions>,
  'datasource'
> & { datasource: EditorDataSource };

const queryTypeOptions: Array<ComboboxOption<QueryType>> = QUERY_TYPE_OPTIONS.map((o) => ({ ...o }));
const roleOptions: Array<ComboboxOption<string>> = ROLE_SUGGESTIONS.map((role) => ({ value: role, label: role }));
const metricOptions: Array<ComboboxOption<OperationalMetric>> = OPERATIONAL_METRIC_OPTIONS.map((o) => ({ ...o }));
const modelScopeOptions = MODEL_SCOPE_OPTIONS.map((o) => ({ ...o }));
const predictionsUnitOptions = PREDICTIONS_UNIT_OPTIONS.map((o) => ({ ...o }));

/** Element ids are per query row (refId), so labels stay unique with several queries. */
function idsFor(refId: string) {
  const prefix = `mlops-query-${refId}`;
  return {
    queryType: `${prefix}-type`,
    monitoredOnly: `${prefix}-monitored-only`,
    deployment: `${prefix}-deployment`,
    model: `${prefix}-model`,
    modelScope: `${prefix}-model-scope`,
    role: `${prefix}-role`,
    predictionsUnit: `${prefix}-predictions-unit`,
    operationalMetrics: `${prefix}-operational-metrics`,
    feature: `${prefix}-feature`,
  };
}

export function QueryEditor({ query: rawQuery, onChange, onRunQuery, datasource }: MlopsQueryEditorProps) {
  const query = useMemo(() => migrateQuery(rawQuery), [rawQuery]);
  const fields = fieldsForQueryType(query.queryType);
  const errors = validateQuery(query);
  const ids = idsFor(query.refId);
  const deploymentId = query.deploymentId ?? '';
  const modelId = query.modelId ?? '';

  const deployments = useAsyncOptions(() => datasource.listDeploymentOptions(), 'deployments', fields.deployment);
  const models = useAsyncOptions(
    () => datasource.listModelOptions(deploymentId),
    deploymentId,
    fields.perModel && deploymentId !== ''
  );
  const features = useAsyncOptions(
    () => datasource.listFeatureOptions(deploymentId, modelId || undefined),
    `${deploymentId}\u0000${modelId}`,
    fields.feature !== 'none' && deploymentId !== ''
  );
  const variables = datasource.getVariableOptions();

  // A failed option list is reported inline; the field still accepts typed values.
  const deploymentMessage = loadFailureMessage(deployments, 'deployments', 'a deployment id') ?? errors.deploymentId;
  const modelMessage = loadFailureMessage(models, 'models', 'a model id');
  const featureMessage = loadFailureMessage(features, 'features', 'a feature name') ?? errors.feature;

  /** Commit a change: the full query to Grafana, then run it. */
  const commit = (patch: Partial<MlopsQuery>) => {
    onChange({ ...query, ...patch });
    onRunQuery();
  };

  return (
    <div data-testid={dsTestIds.queryEditor.container}>
      <EditorRows>
        <EditorRow>
          <EditorFieldGroup>
            <EditorField label="Query type" width={30}>
              <Combobox<QueryType>
                id={ids.queryType}
                data-testid={dsTestIds.queryEditor.queryType}
                width={30}
                options={queryTypeOptions}
                value={query.queryType}
                onChange={(option) => commit({ queryType: option.value })}
              />
            </EditorField>

            {fields.monitoredOnly && (
              <EditorField label="Monitored only" tooltip="Only deployments with monitoring enabled">
                <Switch
                  id={ids.monitoredOnly}
                  data-testid={dsTestIds.queryEditor.monitoredOnly}
                  value={query.monitoredOnly ?? false}
                  onChange={(event) => commit({ monitoredOnly: event.currentTarget.checked })}
                />
              </EditorField>
            )}

            {fields.deployment && (
              <EditorField
                label="Deployment"
                width={36}
                invalid={Boolean(deploymentMessage)}
                error={deploymentMessage}
                tooltip="A deployment of the gateway, a template variable, or a deployment id"
              >
                <Combobox<string>
                  id={ids.deployment}
                  data-testid={dsTestIds.queryEditor.deployment}
                  width={36}
                  placeholder="Choose a deployment"
                  options={withVariables(variables, deployments.options)}
                  loading={deployments.loading}
                  createCustomValue
                  customValueDescription="Use this deployment id"
                  invalid={Boolean(deploymentMessage)}
                  value={deploymentId || null}
                  onChange={(option) => commit({ deploymentId: option.value })}
                />
              </EditorField>
            )}
          </EditorFieldGroup>
        </EditorRow>

        {fields.perModel && (
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
                <EditorField
                  label="Model"
                  optional
                  width={30}
                  tooltip="Empty means the deployment's primary model"
                  invalid={Boolean(modelMessage)}
                  error={modelMessage}
                >
                  <Combobox<string>
                    id={ids.model}
                    data-testid={dsTestIds.queryEditor.model}
                    width={30}
                    placeholder="Primary model"
                    options={withVariables(variables, models.options)}
                    loading={models.loading}
                    createCustomValue
                    customValueDescription="Use this model id"
                    isClearable
                    value={modelId || null}
                    onChange={(option) => commit({ modelId: option?.value ?? '' })}
                  />
                </EditorField>
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
        )}

        {(fields.predictionsUnit || fields.operationalMetrics || fields.feature !== 'none') && (
          <EditorRow>
            <EditorFieldGroup>
              {fields.predictionsUnit && (
                <EditorField label="Unit">
                  <RadioButtonGroup<PredictionsUnit>
                    id={ids.predictionsUnit}
                    data-testid={dsTestIds.queryEditor.predictionsUnit}
                    aria-label="Unit"
                    options={predictionsUnitOptions}
                    value={query.predictionsUnit}
                    onChange={(predictionsUnit) => commit({ predictionsUnit })}
                  />
                </EditorField>
              )}

              {fields.operationalMetrics && (
                <EditorField label="Metrics" optional width={50} tooltip="Empty means all graphs">
                  <MultiCombobox<OperationalMetric>
                    id={ids.operationalMetrics}
                    data-testid={dsTestIds.queryEditor.operationalMetrics}
                    width={50}
                    placeholder="All graphs"
                    options={metricOptions}
                    isClearable
                    value={query.operationalMetrics ?? []}
                    onChange={(options) => commit({ operationalMetrics: options.map((o) => o.value) })}
                  />
                </EditorField>
              )}

              {fields.feature !== 'none' && (
                <EditorField
                  label="Feature"
                  optional={fields.feature === 'optional'}
                  width={30}
                  tooltip={fields.feature === 'optional' ? 'Empty means all features' : undefined}
                  invalid={Boolean(featureMessage)}
                  error={featureMessage}
                >
                  <Combobox<string>
                    id={ids.feature}
                    data-testid={dsTestIds.queryEditor.feature}
                    width={30}
                    placeholder={fields.feature === 'optional' ? 'All features' : 'Choose a feature'}
                    options={withVariables(variables, features.options)}
                    loading={features.loading}
                    createCustomValue
                    customValueDescription="Use this feature name"
                    isClearable
                    invalid={Boolean(featureMessage)}
                    value={query.feature || null}
                    onChange={(option) => commit({ feature: option?.value ?? '' })}
                  />
                </EditorField>
              )}
            </EditorFieldGroup>
          </EditorRow>
        )}
      </EditorRows>
    </div>
  );
}
