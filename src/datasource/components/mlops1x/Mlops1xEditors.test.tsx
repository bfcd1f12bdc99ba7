import React, { useState } from 'react';
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { Mlops1xFrameKind } from '../../../shared/frameKinds1x';
import { fakeEditorDataSource, provideComboboxLayout } from '../../../test/editorHarness';
import type { OptionList } from '../../editorApi';
import type { Mlops1xVariableQuery } from '../../mlops1x/variableModel';
import type { MlopsQuery, MlopsVariableQuery } from '../../types';
import { QueryEditor } from '../QueryEditor';
import { VariableQueryEditor } from '../VariableQueryEditor';
import { MLOPS1X_QUERY_TEST_IDS } from './Mlops1xQueryEditor';
import { MLOPS1X_VARIABLE_TEST_IDS } from './Mlops1xVariableEditor';

let restoreLayout: () => void;
beforeAll(() => {
  restoreLayout = provideComboboxLayout();
});
afterAll(() => restoreLayout());
// Combobox and typing are slow in jsdom on a shared 2-core machine.
jest.setTimeout(60_000);

/** A 1.x editor data source: live options by kind, recorded. */
function datasource1x() {
  const listOptions = jest.fn(async (query: Partial<Mlops1xVariableQuery>): Promise<OptionList> => {
    switch (query.kind) {
      case 'workspaces':
        return [{ label: 'Risk team', value: 'ws-1' }];
      case 'deployments':
        return [{ label: 'Churn shadow', value: 'dep-shadow' }];
      case 'columns':
        return [{ label: 'age', value: 'age' }];
      default:
        return [{ label: 'exp-champ (champion)', value: 'exp-champ' }];
    }
  });
  return { ...fakeEditorDataSource(), mlops1x: { listOptions } };
}

async function setupQuery(initial: Partial<MlopsQuery>, datasource = datasource1x()) {
  const changes: MlopsQuery[] = [];
  function Harness() {
    const [query, setQuery] = useState({ refId: 'A', ...initial } as MlopsQuery);
    return (
      <QueryEditor
        datasource={datasource}
        query={query}
        onChange={(next) => {
          changes.push(next);
          setQuery(next);
        }}
        onRunQuery={() => {}}
      />
    );
  }
  await act(async () => {
    render(<Harness />);
  });
  return { user: userEvent.setup(), datasource, last: () => changes[changes.length - 1] };
}

describe('1.x query editor', () => {
  it('replaces the gateway editor when the data source reads MLOps 1.x', async () => {
    await setupQuery({});
    expect(screen.getByTestId(MLOPS1X_QUERY_TEST_IDS.container)).toBeInTheDocument();
    expect(screen.queryByTestId('data-testid mlops-query-editor')).not.toBeInTheDocument();
  });

  it('picks a type, a workspace and a deployment from live options into the mlops1x part', async () => {
    const { user, last, datasource } = await setupQuery({});
    await user.click(screen.getByTestId(MLOPS1X_QUERY_TEST_IDS.queryType));
    await user.click(await screen.findByRole('option', { name: /Drift per column/ }));
    expect(last().mlops1x?.queryType).toBe(Mlops1xFrameKind.Drift);
    await user.click(screen.getByTestId(MLOPS1X_QUERY_TEST_IDS.workspace));
    await user.click(await screen.findByRole('option', { name: /Risk team/ }));
    await user.click(screen.getByTestId(MLOPS1X_QUERY_TEST_IDS.deployment));
    await user.click(await screen.findByRole('option', { name: /Churn shadow/ }));
    expect(last().mlops1x).toMatchObject({ workspaceId: 'ws-1', deploymentId: 'dep-shadow', schemaVersion: 1 });
    expect(datasource.mlops1x.listOptions).toHaveBeenCalledWith({
      kind: 'deployments',
      workspaceId: 'ws-1',
      deploymentId: undefined,
    });
  });

  it('shows the drift method and thresholds only for drift types, and stores numbers', async () => {
    const { user, last } = await setupQuery({
      mlops1x: { schemaVersion: 1, queryType: Mlops1xFrameKind.DriftOverTime, workspaceId: 'ws-1', deploymentId: 'd' },
    });
    await user.click(screen.getByLabelText('PSI'));
    expect(last().mlops1x?.method).toBe('psi');
    await user.type(screen.getByTestId(MLOPS1X_QUERY_TEST_IDS.warning), '0.2');
    await user.tab();
    expect(last().mlops1x?.warningThreshold).toBe(0.2);
    await user.type(screen.getByTestId(MLOPS1X_QUERY_TEST_IDS.window), '300');
    await user.tab();
    expect(last().mlops1x?.windowSeconds).toBe(300);
  });

  it('hides drift fields for other types', async () => {
    await setupQuery({ mlops1x: { schemaVersion: 1, queryType: Mlops1xFrameKind.Deployments } });
    expect(screen.queryByTestId(MLOPS1X_QUERY_TEST_IDS.method)).not.toBeInTheDocument();
    expect(screen.queryByTestId(MLOPS1X_QUERY_TEST_IDS.deployment)).not.toBeInTheDocument();
    expect(screen.getByTestId(MLOPS1X_QUERY_TEST_IDS.workspace)).toBeInTheDocument();
  });
});

describe('1.x variable editor', () => {
  it('edits a new variable (Grafana hands undefined) into a columns query', async () => {
    const changes: MlopsVariableQuery[] = [];
    const datasource = datasource1x();
    function Harness() {
      const [query, setQuery] = useState<MlopsVariableQuery>(undefined as unknown as MlopsVariableQuery);
      return (
        <VariableQueryEditor
          datasource={datasource}
          query={query}
          onChange={(next) => {
            changes.push(next);
            setQuery(next);
          }}
        />
      );
    }
    await act(async () => {
      render(<Harness />);
    });
    const user = userEvent.setup();
    expect(screen.getByTestId(MLOPS1X_VARIABLE_TEST_IDS.container)).toBeInTheDocument();
    await user.click(screen.getByLabelText('Columns'));
    await user.click(screen.getByTestId(MLOPS1X_VARIABLE_TEST_IDS.workspace));
    await user.click(await screen.findByRole('option', { name: /Risk team/ }));
    await user.click(screen.getByRole('switch'));
    expect(changes[changes.length - 1].mlops1x).toMatchObject({
      kind: 'columns',
      workspaceId: 'ws-1',
      outputsOnly: true,
    });
  });
});
