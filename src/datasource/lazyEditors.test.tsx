import React from 'react';
import { render, screen } from '@testing-library/react';

import { fakeEditorDataSource, provideComboboxLayout } from '../test/editorHarness';
import { LazyVariableQueryEditor } from './lazyEditors';
import type { MlopsVariableQuery } from './types';

let restoreLayout: () => void;
beforeAll(() => {
  restoreLayout = provideComboboxLayout();
});
afterAll(() => restoreLayout());

describe('lazy editors', () => {
  it("shows Grafana's loading placeholder, then the editor itself once its chunk is loaded", async () => {
    render(
      <LazyVariableQueryEditor
        datasource={fakeEditorDataSource()}
        query={{ refId: 'V' } as MlopsVariableQuery}
        onChange={jest.fn()}
      />
    );
    expect(screen.getByText('Loading variable editor…')).toBeInTheDocument();
    expect(await screen.findByRole('radio', { name: 'Deployments' })).toBeChecked();
    expect(screen.queryByText('Loading variable editor…')).not.toBeInTheDocument();
  });
});
