import React from 'react';
import { EditorField, EditorFieldGroup, EditorRow } from '@grafana/plugin-ui';
import { Combobox, MultiCombobox, RadioButtonGroup, type ComboboxOption } from '@grafana/ui';

import type { OperationalMetric } from '../../../shared/operationalMetrics';
import { OPERATIONAL_METRIC_OPTIONS, PREDICTIONS_UNIT_OPTIONS, validateQuery } from '../../queryFields';
import type { PredictionsUnit } from '../../types';
import { dsTestIds } from '../testIds';
import { loadFailureMessage, useAsyncOptions, withVariables } from '../useAsyncOptions';
import type { RowProps } from './rowProps';

const metricOptions: Array<ComboboxOption<OperationalMetric>> = OPERATIONAL_METRIC_OPTIONS.map((o) => ({ ...o }));
const predictionsUnitOptions = PREDICTIONS_UNIT_OPTIONS.map((o) => ({ ...o }));

/** Whether the query type has any of this row's options. */
export function hasOptions(fields: RowProps['fields']): boolean {
  return fields.predictionsUnit || fields.operationalMetrics || fields.feature !== 'none';
}

/** Type-specific options: predictions unit, operational graphs, feature. */
export function OptionsRow(props: RowProps) {
  const { query, fields, ids, commit } = props;
  return (
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
        {fields.feature !== 'none' && <FeaturePicker {...props} />}
      </EditorFieldGroup>
    </EditorRow>
  );
}

/** Feature of the deployment's model: optional (empty: all features) or required, by query type. */
function FeaturePicker({ query, fields, datasource, ids, commit }: RowProps) {
  const deploymentId = query.deploymentId ?? '';
  const modelId = query.modelId ?? '';
  const features = useAsyncOptions(
    () => datasource.listFeatureOptions(deploymentId, modelId || undefined),
    `${deploymentId}\u0000${modelId}`,
    deploymentId !== ''
  );
  const message = loadFailureMessage(features, 'features', 'a feature name') ?? validateQuery(query).feature;
  const optional = fields.feature === 'optional';
  return (
    <EditorField
      label="Feature"
      optional={optional}
      width={30}
      tooltip={optional ? 'Empty means all features' : undefined}
      invalid={Boolean(message)}
      error={message}
    >
      <Combobox<string>
        id={ids.feature}
        data-testid={dsTestIds.queryEditor.feature}
        width={30}
        placeholder={optional ? 'All features' : 'Choose a feature'}
        options={withVariables(datasource.getVariableOptions(), features.options)}
        loading={features.loading}
        createCustomValue
        customValueDescription="Use this feature name"
        isClearable
        invalid={Boolean(message)}
        value={query.feature || null}
        onChange={(option) => commit({ feature: option?.value ?? '' })}
      />
    </EditorField>
  );
}
