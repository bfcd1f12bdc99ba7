import React, { useMemo } from 'react';
import { Combobox, Input, RadioButtonGroup } from '@grafana/ui';
import { EditorRow, EditorRows } from '@grafana/plugin-ui';

import { DEFAULT_THRESHOLDS, type DriftMethod } from '../../../shared/drift';
import { MLOPS1X_FRAME_KINDS, Mlops1xFrameKind } from '../../../shared/frameKinds1x';
import type { EditorDataSource } from '../../editorApi';
import { MLOPS1X_QUERY_FIELDS } from '../../mlops1x/queryFields1x';
import { migrateMlops1xQuery, type Mlops1xQuery } from '../../mlops1x/queryModel';
import { Mlops1xVariableKind } from '../../mlops1x/variableModel';
import type { MlopsQuery } from '../../types';
import { RowField } from '../query/RowField';
import { LivePicker } from './LivePicker';

/** Test ids of the 1.x query editor. */
export const MLOPS1X_QUERY_TEST_IDS = {
  container: 'data-testid mlops1x-query-editor',
  queryType: 'data-testid mlops1x-query query-type',
  workspace: 'data-testid mlops1x-query workspace',
  deployment: 'data-testid mlops1x-query deployment',
  column: 'data-testid mlops1x-query column',
  experiment: 'data-testid mlops1x-query experiment',
  method: 'data-testid mlops1x-query method',
  warning: 'data-testid mlops1x-query warning',
  critical: 'data-testid mlops1x-query critical',
  window: 'data-testid mlops1x-query window',
} as const;

const TYPE_OPTIONS = Object.values(Mlops1xFrameKind).map((value) => ({
  value,
  label: MLOPS1X_FRAME_KINDS[value].label,
  description: MLOPS1X_FRAME_KINDS[value].description,
}));

const METHOD_OPTIONS: Array<{ value: DriftMethod | ''; label: string; description: string }> = [
  { value: '', label: 'Default', description: 'TVD for numerical and text, PSI for categorical columns' },
  { value: 'tvd', label: 'TVD', description: 'Total variation distance, 0 … 1' },
  { value: 'psi', label: 'PSI', description: 'Population stability index: < 0.10 stable, > 0.25 significant' },
  { value: 'hellinger', label: 'Hellinger', description: 'Distribution overlap, 0 … 1' },
  { value: 'zscore', label: 'Z-score', description: 'Mean shift in baseline standard deviations (not categorical)' },
];

interface Props {
  query: MlopsQuery;
  onChange: (query: MlopsQuery) => void;
  onRunQuery: () => void;
  datasource: EditorDataSource;
}

function numberOrUndefined(text: string): number | undefined {
  const value = Number(text);
  return text.trim() === '' || !Number.isFinite(value) ? undefined : value;
}

type PickerKey = 'workspaceId' | 'deploymentId' | 'column' | 'experimentId';

const PICKERS: Record<PickerKey, { kind: Mlops1xVariableKind; label: string; help: string; testId: string }> = {
  workspaceId: {
    kind: Mlops1xVariableKind.Workspaces,
    label: 'Workspace',
    help: 'A workspace, a variable, or a workspace ID.',
    testId: MLOPS1X_QUERY_TEST_IDS.workspace,
  },
  deploymentId: {
    kind: Mlops1xVariableKind.Deployments,
    label: 'Deployment',
    help: 'A deployment, a (multi-value) variable, or an ID.',
    testId: MLOPS1X_QUERY_TEST_IDS.deployment,
  },
  column: {
    kind: Mlops1xVariableKind.Columns,
    label: 'Column',
    help: 'Empty: every monitored column.',
    testId: MLOPS1X_QUERY_TEST_IDS.column,
  },
  experimentId: {
    kind: Mlops1xVariableKind.Experiments,
    label: 'Experiment',
    help: 'Empty: every experiment, each with its role.',
    testId: MLOPS1X_QUERY_TEST_IDS.experiment,
  },
};

interface RowProps {
  q: Mlops1xQuery;
  refId: string;
  datasource: EditorDataSource;
  commit: (patch: Partial<Mlops1xQuery>) => void;
}

function Picker({ q, refId, datasource, commit, name }: RowProps & { name: PickerKey }) {
  const spec = PICKERS[name];
  const parentsSet =
    spec.kind === Mlops1xVariableKind.Workspaces ||
    (Boolean(q.workspaceId) && (spec.kind === Mlops1xVariableKind.Deployments || Boolean(q.deploymentId)));
  return (
    <LivePicker
      datasource={datasource}
      field={RowField}
      list={{ kind: spec.kind, workspaceId: q.workspaceId, deploymentId: q.deploymentId }}
      enabled={parentsSet}
      label={spec.label}
      help={spec.help}
      required={name === 'workspaceId' || name === 'deploymentId'}
      id={`mlops1x-${refId}-${name}`}
      testId={spec.testId}
      width={30}
      value={q[name] ?? ''}
      onChange={(value) => commit({ [name]: value })}
    />
  );
}

function NumberField(props: {
  label: string;
  help: string;
  testId: string;
  id: string;
  placeholder: string;
  value?: number;
  onChange: (value?: number) => void;
}) {
  return (
    <RowField label={props.label} width={12} help={props.help}>
      <Input
        id={props.id}
        data-testid={props.testId}
        width={12}
        placeholder={props.placeholder}
        defaultValue={props.value ?? ''}
        onBlur={(e) => props.onChange(numberOrUndefined(e.currentTarget.value))}
      />
    </RowField>
  );
}

/** Drift method and thresholds, and the over-time window. */
function OptionsRow({ q, refId, commit, drift, window }: RowProps & { drift: boolean; window: boolean }) {
  const defaults = DEFAULT_THRESHOLDS[q.method || 'tvd'];
  const id = (name: string) => `mlops1x-${refId}-${name}`;
  return (
    <EditorRow>
      {drift && (
        <RowField
          label="Drift method"
          width={50}
          help={METHOD_OPTIONS.find((o) => o.value === (q.method ?? ''))?.description}
        >
          <RadioButtonGroup<DriftMethod | ''>
            data-testid={MLOPS1X_QUERY_TEST_IDS.method}
            options={METHOD_OPTIONS}
            value={q.method ?? ''}
            onChange={(method) => commit({ method })}
          />
        </RowField>
      )}
      {drift && (
        <NumberField
          label="Warning at"
          help="Empty: the method's default (H2O's suggested thresholds)."
          testId={MLOPS1X_QUERY_TEST_IDS.warning}
          id={id('warning')}
          placeholder={String(defaults.warning)}
          value={q.warningThreshold}
          onChange={(warningThreshold) => commit({ warningThreshold })}
        />
      )}
      {drift && (
        <NumberField
          label="Drift above"
          help="Empty: the method's default."
          testId={MLOPS1X_QUERY_TEST_IDS.critical}
          id={id('critical')}
          placeholder={String(defaults.critical)}
          value={q.criticalThreshold}
          onChange={(criticalThreshold) => commit({ criticalThreshold })}
        />
      )}
      {window && (
        <NumberField
          label="Window (s)"
          help="Segments are merged per window; empty: the panel's interval (at least a minute)."
          testId={MLOPS1X_QUERY_TEST_IDS.window}
          id={id('window')}
          placeholder="auto"
          value={q.windowSeconds}
          onChange={(windowSeconds) => commit({ windowSeconds })}
        />
      )}
    </EditorRow>
  );
}

/** The query editor of a data source reading H2O MLOps 1.x (the query's `mlops1x` part). */
export function Mlops1xQueryEditor({ query, onChange, onRunQuery, datasource }: Props) {
  const q = useMemo(() => migrateMlops1xQuery(query.mlops1x), [query.mlops1x]);
  const fields = MLOPS1X_QUERY_FIELDS[q.queryType];
  const commit = (patch: Partial<Mlops1xQuery>) => {
    onChange({ ...query, mlops1x: { ...q, ...patch } });
    onRunQuery();
  };
  const row: RowProps = { q, refId: query.refId, datasource, commit };
  return (
    <div data-testid={MLOPS1X_QUERY_TEST_IDS.container}>
      <EditorRows>
        <EditorRow>
          <RowField label="Query type" required width={30}>
            <Combobox<Mlops1xFrameKind>
              id={`mlops1x-${query.refId}-type`}
              data-testid={MLOPS1X_QUERY_TEST_IDS.queryType}
              width={30}
              options={TYPE_OPTIONS}
              value={q.queryType}
              onChange={(option) => commit({ queryType: option.value })}
            />
          </RowField>
          {fields.workspace && <Picker {...row} name="workspaceId" />}
          {fields.deployment && <Picker {...row} name="deploymentId" />}
        </EditorRow>
        {fields.column && (
          <EditorRow>
            <Picker {...row} name="column" />
            <Picker {...row} name="experimentId" />
          </EditorRow>
        )}
        {(fields.drift || fields.window) && <OptionsRow {...row} drift={fields.drift} window={fields.window} />}
      </EditorRows>
    </div>
  );
}
