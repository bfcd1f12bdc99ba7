import React, { useState } from 'react';
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CustomVariableSupport, DataSourceApi, type DataQueryRequest, type DataQueryResponse } from '@grafana/data';
import { of, type Observable } from 'rxjs';

import { VariableQueryEditor } from './VariableQueryEditor';
import { dsTestIds } from './testIds';
import { fakeEditorDataSource, provideComboboxLayout } from '../../test/editorHarness';
import type { EditorDataSource } from '../editorApi';
import { VariableQueryKind, type MlopsDataSourceOptions, type MlopsQuery, type MlopsVariableQuery } from '../types';

let restoreLayout: () => void;
beforeAll(() => {
  restoreLayout = provideComboboxLayout();
});
afterAll(() => restoreLayout());

// Combobox interactions are slow in jsdom.

async function setup(initial: Partial<MlopsVariableQuery>, datasource = fakeEditorDataSource()) {
  const onChange = jest.fn();
  function Harness() {
    const [query, setQuery] = useState({ refId: 'V', schemaVersion: 1, ...initial } as MlopsVariableQuery);
    return (
      <VariableQueryEditor
        datasource={datasource}
        query={query}
        onChange={(next) => {
          onChange(next);
          setQuery(next);
        }}
      />
    );
  }
  const user = userEvent.setup();
  await act(async () => {
    render(<Harness />);
  });
  const last = (): MlopsVariableQuery => onChange.mock.calls[onChange.mock.calls.length - 1][0];
  return { user, onChange, datasource, last };
}

describe('VariableQueryEditor', () => {
  it('defaults to deployments with the "monitored only" switch', async () => {
    const datasource = fakeEditorDataSource();
    const onChange = jest.fn();
    await act(async () => {
      render(
        <VariableQueryEditor datasource={datasource} query={{ refId: 'V' } as MlopsVariableQuery} onChange={onChange} />
      );
    });
    expect(screen.getByRole('radio', { name: 'Deployments' })).toBeChecked();
    expect(screen.getByLabelText(/monitored only/i)).toBeInTheDocument();
    expect(screen.queryByTestId(dsTestIds.variableEditor.deployment)).not.toBeInTheDocument();
    expect(datasource.listDeploymentOptions).not.toHaveBeenCalled();

    await userEvent.click(screen.getByLabelText(/monitored only/i));
    expect(onChange).toHaveBeenCalledWith({
      refId: 'V',
      schemaVersion: 1,
      kind: VariableQueryKind.Deployments,
      monitoredOnly: true,
    });
  });

  it('switching kinds shows the deployment and model fields', async () => {
    const { user, last } = await setup({ kind: VariableQueryKind.Deployments });

    await user.click(screen.getByRole('radio', { name: 'Models' }));
    expect(last().kind).toBe(VariableQueryKind.Models);
    expect(screen.queryByLabelText(/monitored only/i)).not.toBeInTheDocument();
    expect(screen.getByTestId(dsTestIds.variableEditor.deployment)).toBeInTheDocument();
    expect(screen.queryByTestId(dsTestIds.variableEditor.model)).not.toBeInTheDocument();
    expect(screen.getByText(/choose a deployment\./i)).toBeInTheDocument();

    await user.click(screen.getByRole('radio', { name: 'Features' }));
    expect(last().kind).toBe(VariableQueryKind.Features);
    expect(screen.getByTestId(dsTestIds.variableEditor.deployment)).toBeInTheDocument();
    expect(screen.getByTestId(dsTestIds.variableEditor.model)).toHaveAttribute('placeholder', 'Primary model');

    await user.click(screen.getByRole('radio', { name: 'Deployments' }));
    expect(screen.getByLabelText(/monitored only/i)).toBeInTheDocument();
    expect(screen.queryByTestId(dsTestIds.variableEditor.deployment)).not.toBeInTheDocument();
  });

  it('offers deployments and other variables, then the models of the chosen deployment', async () => {
    const { user, last, datasource } = await setup({ kind: VariableQueryKind.Features });
    await waitFor(() => expect(datasource.listDeploymentOptions).toHaveBeenCalled());
    expect(datasource.listModelOptions).not.toHaveBeenCalled();

    await user.click(screen.getByRole('combobox', { name: /^deployment/i }));
    expect(await screen.findByRole('option', { name: /\$deployment/ })).toBeInTheDocument();
    await user.click(screen.getByRole('option', { name: /churn/ }));
    expect(last().deploymentId).toBe('dep-1');
    await waitFor(() => expect(datasource.listModelOptions).toHaveBeenCalledWith('dep-1'));

    await user.click(screen.getByRole('combobox', { name: /^model/i }));
    await user.click(await screen.findByRole('option', { name: /model of dep-1 v1/ }));
    expect(last()).toMatchObject({ kind: VariableQueryKind.Features, deploymentId: 'dep-1', modelId: 'dep-1-m1' });
  });
});

describe('VariableQueryEditor types', () => {
  // Compile-time check: the editor fits CustomVariableSupport of a data source implementing EditorDataSource.
  abstract class TypedDataSource extends DataSourceApi<MlopsQuery, MlopsDataSourceOptions> implements EditorDataSource {
    abstract listDeploymentOptions: EditorDataSource['listDeploymentOptions'];
    abstract listModelOptions: EditorDataSource['listModelOptions'];
    abstract listFeatureOptions: EditorDataSource['listFeatureOptions'];
    abstract getVariableOptions: EditorDataSource['getVariableOptions'];
  }
  class VariableSupport extends CustomVariableSupport<TypedDataSource, MlopsVariableQuery> {
    editor = VariableQueryEditor;
    query(_request: DataQueryRequest<MlopsVariableQuery>): Observable<DataQueryResponse> {
      return of({ data: [] });
    }
  }

  it('fits CustomVariableSupport', () => {
    expect(new VariableSupport().editor).toBe(VariableQueryEditor);
  });
});
