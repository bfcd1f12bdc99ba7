import React, { useMemo } from 'react';
import { Field, RadioButtonGroup, Stack, Switch } from '@grafana/ui';

import type { EditorDataSource } from '../../editorApi';
import {
  Mlops1xVariableKind,
  migrateMlops1xVariableQuery,
  type Mlops1xVariableQuery,
} from '../../mlops1x/variableModel';
import { migrateVariableQuery } from '../../migrations';
import type { MlopsVariableQuery } from '../../types';
import { FormField } from '../pickers';
import { LivePicker } from './LivePicker';

export const MLOPS1X_VARIABLE_TEST_IDS = {
  container: 'data-testid mlops1x-variable-editor',
  kind: 'data-testid mlops1x-variable kind',
  workspace: 'data-testid mlops1x-variable workspace',
  deployment: 'data-testid mlops1x-variable deployment',
  outputsOnly: 'data-testid mlops1x-variable outputs-only',
} as const;

const KIND_OPTIONS = [
  { value: Mlops1xVariableKind.Workspaces, label: 'Workspaces', description: 'Workspaces (needs the authz URL).' },
  { value: Mlops1xVariableKind.Deployments, label: 'Deployments', description: 'Deployments of a workspace.' },
  { value: Mlops1xVariableKind.Columns, label: 'Columns', description: 'Monitored columns of a deployment.' },
  {
    value: Mlops1xVariableKind.Experiments,
    label: 'Experiments',
    description: 'Experiments of a deployment (champion first).',
  },
];

interface Props {
  query: MlopsVariableQuery;
  onChange: (query: MlopsVariableQuery) => void;
  datasource: EditorDataSource;
}

/** Template-variable query of a data source reading H2O MLOps 1.x (the query's `mlops1x` part). */
export function Mlops1xVariableEditor({ query, onChange, datasource }: Props) {
  // Grafana hands a new variable `undefined` (or a legacy string): migrate the outer query first.
  const base = useMemo(() => migrateVariableQuery(query), [query]);
  const q = useMemo(() => migrateMlops1xVariableQuery(base.mlops1x), [base.mlops1x]);
  const commit = (patch: Partial<Mlops1xVariableQuery>) => onChange({ ...base, mlops1x: { ...q, ...patch } });
  const needsWorkspace = q.kind !== Mlops1xVariableKind.Workspaces;
  const needsDeployment = q.kind === Mlops1xVariableKind.Columns || q.kind === Mlops1xVariableKind.Experiments;
  return (
    <div data-testid={MLOPS1X_VARIABLE_TEST_IDS.container}>
      <Stack direction="column" gap={0}>
        <Field label="Values" description={KIND_OPTIONS.find((o) => o.value === q.kind)?.description}>
          <RadioButtonGroup<Mlops1xVariableKind>
            data-testid={MLOPS1X_VARIABLE_TEST_IDS.kind}
            options={KIND_OPTIONS}
            value={q.kind}
            onChange={(kind) => commit({ kind })}
          />
        </Field>
        {needsWorkspace && (
          <LivePicker
            datasource={datasource}
            field={FormField}
            list={{ kind: Mlops1xVariableKind.Workspaces }}
            enabled
            label="Workspace"
            help="A workspace, another variable (e.g. $workspace), or a workspace ID."
            required
            id="mlops1x-variable-workspace"
            testId={MLOPS1X_VARIABLE_TEST_IDS.workspace}
            width={40}
            value={q.workspaceId ?? ''}
            onChange={(workspaceId) => commit({ workspaceId })}
          />
        )}
        {needsDeployment && (
          <LivePicker
            datasource={datasource}
            field={FormField}
            list={{ kind: Mlops1xVariableKind.Deployments, workspaceId: q.workspaceId }}
            enabled={Boolean(q.workspaceId)}
            label="Deployment"
            help="A deployment, another variable (e.g. $deployment), or a deployment ID."
            required
            id="mlops1x-variable-deployment"
            testId={MLOPS1X_VARIABLE_TEST_IDS.deployment}
            width={40}
            value={q.deploymentId ?? ''}
            onChange={(deploymentId) => commit({ deploymentId })}
          />
        )}
        {q.kind === Mlops1xVariableKind.Columns && (
          <Field label="Model outputs only" description="Only columns the model outputs (predictions).">
            <Switch
              data-testid={MLOPS1X_VARIABLE_TEST_IDS.outputsOnly}
              value={q.outputsOnly ?? false}
              onChange={(event) => commit({ outputsOnly: event.currentTarget.checked })}
            />
          </Field>
        )}
      </Stack>
    </div>
  );
}
