import React from 'react';
import { EditorField, EditorFieldGroup, EditorRow } from '@grafana/plugin-ui';
import { Combobox, Switch, type ComboboxOption } from '@grafana/ui';

import { QUERY_TYPE_OPTIONS, validateQuery } from '../../queryFields';
import type { QueryType } from '../../types';
import { DeploymentPicker } from '../pickers';
import { dsTestIds } from '../testIds';
import type { RowProps } from './rowProps';
import { RowField } from './RowField';

const queryTypeOptions: Array<ComboboxOption<QueryType>> = QUERY_TYPE_OPTIONS.map((o) => ({ ...o }));

/** First row: query type, "monitored only" (deployments) and the deployment. */
export function QueryTypeRow({ query, fields, datasource, ids, commit }: RowProps) {
  return (
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
          <DeploymentPicker
            datasource={datasource}
            field={RowField}
            id={ids.deployment}
            testId={dsTestIds.queryEditor.deployment}
            width={36}
            help={
              fields.anyDeployment
                ? 'A deployment, a template variable (several deployments), or empty for every deployment'
                : 'A deployment of the gateway, a template variable, or a deployment id'
            }
            optional={fields.anyDeployment}
            validationMessage={validateQuery(query).deploymentId}
            value={query.deploymentId ?? ''}
            onChange={(deploymentId) => commit({ deploymentId })}
          />
        )}
      </EditorFieldGroup>
    </EditorRow>
  );
}
