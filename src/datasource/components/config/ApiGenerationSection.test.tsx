import React, { useState } from 'react';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { ConfigEditor } from '../ConfigEditor';
import type { MlopsDataSourceSettings } from '../../config/options';
import { ApiGeneration } from '../../types';
import { dataSourceSettings } from '../../../test/instanceSettings';

jest.setTimeout(20_000);

function setup(initial: MlopsDataSourceSettings) {
  const changes: MlopsDataSourceSettings[] = [];
  function Harness() {
    const [options, setOptions] = useState(initial);
    return (
      <ConfigEditor
        options={options}
        onOptionsChange={(next) => {
          changes.push(next);
          setOptions(next);
        }}
      />
    );
  }
  render(<Harness />);
  return { user: userEvent.setup(), last: () => changes[changes.length - 1] };
}

describe('config editor: API generation', () => {
  it('switches to MLOps 1.x: the gateway URL gives way to the MLOps API and authz URLs', async () => {
    const { user, last } = setup(dataSourceSettings({ jsonData: { gatewayUrl: 'https://gw.example.com' } }));
    expect(screen.getByLabelText(/gateway url/i)).toBeInTheDocument();
    await user.click(screen.getByLabelText('H2O MLOps 1.x'));
    expect(last().jsonData).toMatchObject({ apiGeneration: ApiGeneration.Mlops1x, mlopsApiUrl: '', authzUrl: '' });
    expect(screen.queryByLabelText(/gateway url/i)).not.toBeInTheDocument();
    const api = screen.getByLabelText(/MLOps API URL/);
    await user.type(api, 'https://mlops-api.example.com/deployer');
    await user.tab();
    expect(screen.getByText(/Leave out the service path/)).toBeInTheDocument();
    expect(last().jsonData.mlopsApiUrl).toBe('https://mlops-api.example.com/deployer');
  });

  it('keeps a legacy data source on the gateway', () => {
    setup(dataSourceSettings({ jsonData: { gatewayUrl: 'https://gw.example.com' } }));
    expect(screen.getByLabelText('Model-monitoring gateway (legacy)')).toBeChecked();
  });
});
