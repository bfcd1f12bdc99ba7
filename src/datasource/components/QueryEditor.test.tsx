import React, { useState } from 'react';
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DataSourceApi, DataSourcePlugin, type DataQueryResponse } from '@grafana/data';

import { QueryEditor } from './QueryEditor';
import { ConfigEditor } from './ConfigEditor';
import { dsTestIds } from './testIds';
import { fakeEditorDataSource, provideComboboxLayout } from '../../test/editorHarness';
import type { EditorDataSource } from '../editorApi';
import {
  ModelScope,
  PredictionsUnit,
  QueryType,
  type MlopsDataSourceOptions,
  type MlopsQuery,
  type MlopsSecureJsonData,
} from '../types';
import { OperationalMetric } from '../../shared/operationalMetrics';

let restoreLayout: () => void;
beforeAll(() => {
  restoreLayout = provideComboboxLayout();
});
afterAll(() => restoreLayout());

const fakeDataSource = fakeEditorDataSource;

// Combobox interactions are slow in jsdom.

/** Renders the editor with state, and lets the option lists it loads on mount arrive. */
async function setup(initial: Partial<MlopsQuery>, datasource = fakeDataSource()) {
  const onChange = jest.fn();
  const onRunQuery = jest.fn();
  function Harness() {
    const [query, setQuery] = useState({ refId: 'A', ...initial } as MlopsQuery);
    return (
      <QueryEditor
        datasource={datasource}
        query={query}
        onChange={(next) => {
          onChange(next);
          setQuery(next);
        }}
        onRunQuery={onRunQuery}
      />
    );
  }
  const user = userEvent.setup();
  await act(async () => {
    render(<Harness />);
  });
  const last = (): MlopsQuery => onChange.mock.calls[onChange.mock.calls.length - 1][0];
  return { user, onChange, onRunQuery, datasource, last };
}

async function choose(user: ReturnType<typeof userEvent.setup>, label: RegExp, option: string | RegExp) {
  await user.click(screen.getByLabelText(label));
  await user.click(await screen.findByRole('option', { name: option }));
}

describe('QueryEditor', () => {
  it('shows only "monitored only" for deployments and normalizes the query without mutating it', async () => {
    const query = Object.freeze({ refId: 'A' }) as MlopsQuery;
    const onChange = jest.fn();
    const onRunQuery = jest.fn();
    await act(async () => {
      render(<QueryEditor datasource={fakeDataSource()} query={query} onChange={onChange} onRunQuery={onRunQuery} />);
    });
    expect(screen.getByLabelText(/query type/i)).toHaveValue('Deployments');
    expect(screen.getByLabelText(/monitored only/i)).not.toBeChecked();
    expect(screen.queryByLabelText(/deployment$/i)).not.toBeInTheDocument();
    expect(screen.queryByTestId(dsTestIds.queryEditor.model)).not.toBeInTheDocument();

    await userEvent.click(screen.getByLabelText(/monitored only/i));
    expect(onChange).toHaveBeenCalledWith(
      expect.objectContaining({ refId: 'A', queryType: QueryType.Deployments, monitoredOnly: true, schemaVersion: 1 })
    );
    expect(onRunQuery).toHaveBeenCalledTimes(1);
    expect(query).toEqual({ refId: 'A' });
  });

  it('switching the query type shows the per-model fields and runs the query', async () => {
    const { user, onChange, onRunQuery, last } = await setup({ queryType: QueryType.Deployments });

    await choose(user, /query type/i, /health summary/i);
    expect(last().queryType).toBe(QueryType.HealthSummary);
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(onRunQuery).toHaveBeenCalledTimes(1);
    expect(screen.queryByLabelText(/monitored only/i)).not.toBeInTheDocument();
    expect(screen.getByTestId(dsTestIds.queryEditor.deployment)).toBeInTheDocument();
    expect(screen.getByTestId(dsTestIds.queryEditor.model)).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'All models' })).toBeInTheDocument();
    expect(screen.getByTestId(dsTestIds.queryEditor.role)).toBeInTheDocument();
    expect(screen.queryByTestId(dsTestIds.queryEditor.feature)).not.toBeInTheDocument();
    expect(screen.queryByTestId(dsTestIds.queryEditor.predictionsUnit)).not.toBeInTheDocument();
    expect(screen.queryByTestId(dsTestIds.queryEditor.operationalMetrics)).not.toBeInTheDocument();
  });

  it('switching to predictions over time adds the unit', async () => {
    const { user, onChange, onRunQuery, last } = await setup({
      queryType: QueryType.HealthSummary,
      deploymentId: 'dep-1',
    });
    await choose(user, /query type/i, /predictions over time/i);
    expect(last()).toMatchObject({ queryType: QueryType.PredictionsOverTime, deploymentId: 'dep-1' });
    await user.click(screen.getByRole('radio', { name: 'Per minute' }));
    expect(last().predictionsUnit).toBe(PredictionsUnit.RatePerMinute);
    expect(onChange).toHaveBeenCalledTimes(2);
    expect(onRunQuery).toHaveBeenCalledTimes(2);
  });

  it('switching to operational time series shows the metrics, empty meaning all', async () => {
    const { user, last } = await setup({ queryType: QueryType.OperationalSummary, deploymentId: 'dep-1' });
    expect(screen.queryByTestId(dsTestIds.queryEditor.operationalMetrics)).not.toBeInTheDocument();
    await choose(user, /query type/i, /operational time series/i);
    expect(screen.getByTestId(dsTestIds.queryEditor.operationalMetrics)).toHaveAttribute('placeholder', 'All graphs');
    await choose(user, /^metrics/i, /cpu usage/i);
    expect(last().operationalMetrics).toEqual([OperationalMetric.CpuUsage]);
  });

  it('switching to models keeps only the deployment', async () => {
    const { user, last, onRunQuery } = await setup({ queryType: QueryType.FeatureFrequency, deploymentId: 'dep-1' });
    expect(screen.getByTestId(dsTestIds.queryEditor.feature)).toBeInTheDocument();
    await choose(user, /query type/i, /^models/i);
    expect(last().queryType).toBe(QueryType.Models);
    expect(onRunQuery).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId(dsTestIds.queryEditor.deployment)).toBeInTheDocument();
    for (const id of ['model', 'role', 'feature', 'predictionsUnit', 'operationalMetrics', 'monitoredOnly'] as const) {
      expect(screen.queryByTestId(dsTestIds.queryEditor[id])).not.toBeInTheDocument();
    }
  });

  it('loads deployment options from the data source and offers template variables', async () => {
    const { user, datasource, last, onRunQuery } = await setup({ queryType: QueryType.Models });
    await waitFor(() => expect(datasource.listDeploymentOptions).toHaveBeenCalled());

    await user.click(screen.getByLabelText(/^deployment/i));
    expect(await screen.findByRole('option', { name: /churn \(singleDeployment\)/ })).toBeInTheDocument();
    expect(screen.getByRole('option', { name: /\$deployment/ })).toBeInTheDocument();
    await user.click(screen.getByRole('option', { name: /fraud/ }));
    expect(last().deploymentId).toBe('dep-2');
    expect(onRunQuery).toHaveBeenCalled();

    await choose(user, /^deployment/i, /\$deployment/);
    expect(last().deploymentId).toBe('$deployment');
  });

  it('accepts a raw deployment id as a custom value', async () => {
    const { user, last } = await setup({ queryType: QueryType.Models });
    await user.type(screen.getByLabelText(/^deployment/i), 'raw-id-42');
    await user.click(await screen.findByRole('option', { name: /raw-id-42/ }));
    expect(last().deploymentId).toBe('raw-id-42');
  });

  it('requires a deployment and shows the error inline', async () => {
    await setup({ queryType: QueryType.DriftSummary });
    expect(screen.getByText(/choose a deployment\./i)).toBeInTheDocument();
  });

  it('loads models of the chosen deployment; empty model means the primary model', async () => {
    const { user, datasource, last } = await setup({ queryType: QueryType.HealthSummary, deploymentId: 'dep-1' });
    await waitFor(() => expect(datasource.listModelOptions).toHaveBeenCalledWith('dep-1'));
    expect(screen.getByTestId(dsTestIds.queryEditor.model)).toHaveAttribute('placeholder', 'Primary model');
    await choose(user, /^model( - optional)?$/i, /model of dep-1 v1/);
    expect(last().modelId).toBe('dep-1-m1');
  });

  it('hides model and role for all models of a deployment', async () => {
    const { user, last } = await setup({ queryType: QueryType.DriftSummary, deploymentId: 'dep-2' });
    expect(screen.getByTestId(dsTestIds.queryEditor.role)).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'All models' }));
    expect(last().modelScope).toBe(ModelScope.All);
    expect(screen.queryByTestId(dsTestIds.queryEditor.role)).not.toBeInTheDocument();
    expect(screen.queryByTestId(dsTestIds.queryEditor.model)).not.toBeInTheDocument();
  });

  it('suggests roles', async () => {
    const { user, last } = await setup({ queryType: QueryType.HealthSummary, deploymentId: 'dep-1' });
    await user.click(screen.getByLabelText(/^role/i));
    expect(await screen.findByRole('option', { name: 'champion' })).toBeInTheDocument();
    await user.click(screen.getByRole('option', { name: 'challenger' }));
    expect(last().role).toBe('challenger');
  });

  it('accepts any role as free text', async () => {
    const { user, last } = await setup({ queryType: QueryType.HealthSummary, deploymentId: 'dep-1' });
    await user.type(screen.getByLabelText(/^role/i), 'blue');
    await user.click(await screen.findByRole('option', { name: /blue/ }));
    expect(last().role).toBe('blue');
  });

  it('requires the feature for feature frequency and offers the features of the model', async () => {
    const { user, datasource, last } = await setup({
      queryType: QueryType.FeatureFrequency,
      deploymentId: 'dep-1',
      modelId: 'm-7',
    });
    expect(screen.getByText(/choose the feature/i)).toBeInTheDocument();
    await waitFor(() => expect(datasource.listFeatureOptions).toHaveBeenCalledWith('dep-1', 'm-7'));
    await choose(user, /^feature/i, 'income');
    expect(last().feature).toBe('income');
    expect(screen.queryByText(/choose the feature/i)).not.toBeInTheDocument();
  });

  it('makes the feature optional for drift over time', async () => {
    await setup({ queryType: QueryType.DriftOverTime, deploymentId: 'dep-1' });
    expect(screen.getByTestId(dsTestIds.queryEditor.feature)).toHaveAttribute('placeholder', 'All features');
    expect(screen.queryByText(/choose the feature/i)).not.toBeInTheDocument();
  });

  it('shows a load failure and still accepts custom values', async () => {
    const datasource = fakeDataSource({
      listDeploymentOptions: jest.fn(async () => {
        throw new Error('Authentication to data source failed');
      }),
    });
    const { user, last } = await setup({ queryType: QueryType.Models }, datasource);
    expect(
      await screen.findByText(/could not load deployments \(authentication to data source failed\)/i)
    ).toBeInTheDocument();
    await user.type(screen.getByLabelText(/^deployment/i), 'dep-x');
    await user.click(await screen.findByRole('option', { name: /dep-x/ }));
    expect(last().deploymentId).toBe('dep-x');
  });
});

describe('QueryEditor and ConfigEditor types', () => {
  // Compile-time check: a DataSourceApi that implements EditorDataSource accepts both editors.
  class TypedDataSource extends DataSourceApi<MlopsQuery, MlopsDataSourceOptions> implements EditorDataSource {
    async query(): Promise<DataQueryResponse> {
      return { data: [] };
    }
    async testDatasource() {
      return { status: 'success', message: 'ok' };
    }
    async listDeploymentOptions() {
      return [];
    }
    async listModelOptions() {
      return [];
    }
    async listFeatureOptions() {
      return [];
    }
    getVariableOptions() {
      return [];
    }
  }

  it('fit DataSourcePlugin', () => {
    const plugin = new DataSourcePlugin<TypedDataSource, MlopsQuery, MlopsDataSourceOptions, MlopsSecureJsonData>(
      TypedDataSource
    )
      .setConfigEditor(ConfigEditor)
      .setQueryEditor(QueryEditor);
    expect(plugin.components.QueryEditor).toBe(QueryEditor);
  });
});
