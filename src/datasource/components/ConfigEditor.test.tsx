import React, { useState } from 'react';
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { ConfigEditor, type ConfigEditorProps } from './ConfigEditor';
import { dsTestIds } from './testIds';
import { AuthMode, OPTIONS_SCHEMA_VERSION, TokenUrlMode, type MlopsDataSourceOptions } from '../types';
import type { MlopsDataSourceSettings } from '../config/options';
import { dataSourceSettings } from '../../test/instanceSettings';

function makeOptions(overrides: Partial<MlopsDataSourceSettings> = {}): MlopsDataSourceSettings {
  return dataSourceSettings(overrides);
}

/** Feeds every change back into the editor, as Grafana's settings page does. */
function setup(initial: MlopsDataSourceSettings, extraProps: Partial<ConfigEditorProps> = {}) {
  const onOptionsChange = jest.fn();
  function Harness() {
    const [options, setOptions] = useState(initial);
    return (
      <ConfigEditor
        {...extraProps}
        options={options}
        onOptionsChange={(next) => {
          onOptionsChange(next);
          setOptions(next);
        }}
      />
    );
  }
  const user = userEvent.setup();
  const view = render(<Harness />);
  const last = (): MlopsDataSourceSettings => onOptionsChange.mock.calls[onOptionsChange.mock.calls.length - 1][0];
  return { ...view, user, onOptionsChange, last };
}

/** Text and password inputs, not the radio buttons whose labels overlap the field labels. */
const TEXT_INPUT = { selector: 'input:not([type="radio"])' };

// Typing whole URLs with user-event in jsdom takes seconds on a busy 2-core machine (this suite
// timed out at Jest's default 5 s under load, before and after the editor was split); the
// assertions are unchanged.
jest.setTimeout(20_000);

const complete: MlopsDataSourceOptions = {
  schemaVersion: OPTIONS_SCHEMA_VERSION,
  gatewayUrl: 'https://api.mlops.example.com',
  authMode: AuthMode.RefreshToken,
  tokenUrlMode: TokenUrlMode.Url,
  tokenUrl: 'https://kc.example.com/realms/mlops/protocol/openid-connect/token',
  clientId: 'mlops-api',
  scope: '',
};

describe('ConfigEditor', () => {
  it('writes schemaVersion, scope and tokenUrl when opened with empty settings', () => {
    const { last } = setup(makeOptions());
    expect(last().jsonData).toMatchObject({
      schemaVersion: OPTIONS_SCHEMA_VERSION,
      scope: '',
      tokenUrl: '',
      clientId: '',
    });
  });

  it('does not write anything for settings that are already normalized', () => {
    expect(setup(makeOptions({ jsonData: complete })).onOptionsChange).not.toHaveBeenCalled();
  });

  it('does not write read-only (provisioned) settings and disables the inputs', () => {
    const { onOptionsChange } = setup(makeOptions({ readOnly: true }));
    expect(onOptionsChange).not.toHaveBeenCalled();
    expect(screen.getByLabelText(/gateway url/i)).toBeDisabled();
  });

  it('includes schemaVersion and scope in every change', async () => {
    const { user, last } = setup(makeOptions({ jsonData: { gatewayUrl: '' } }));
    await user.type(screen.getByLabelText(/client id/i), 'abc');
    expect(last().jsonData).toMatchObject({ clientId: 'abc', scope: '', schemaVersion: OPTIONS_SCHEMA_VERSION });
    await user.type(screen.getByLabelText(/^scope/i), 'openid');
    expect(last().jsonData.scope).toBe('openid');
    expect(last().jsonData.schemaVersion).toBe(OPTIONS_SCHEMA_VERSION);
  });

  it('shows the refresh token only in refresh-token mode', async () => {
    const { user, last } = setup(makeOptions({ jsonData: complete }));
    expect(screen.getByLabelText(/refresh token/i, TEXT_INPUT)).toBeInTheDocument();
    expect(screen.getByText(/use an offline token/i)).toBeInTheDocument();
    expect(screen.getByLabelText(/client secret/i)).toBeInTheDocument();

    await user.click(screen.getByRole('radio', { name: 'Client credentials' }));
    expect(last().jsonData.authMode).toBe(AuthMode.ClientCredentials);
    expect(screen.queryByLabelText(/refresh token/i, TEXT_INPUT)).not.toBeInTheDocument();
    expect(screen.getByLabelText(/client secret/i)).toBeInTheDocument();
    expect(screen.getByRole('group', { name: /^grant/i })).toHaveTextContent(/signs in as the service account/i);

    await user.click(screen.getByRole('radio', { name: 'Refresh token' }));
    expect(last().jsonData.authMode).toBe(AuthMode.RefreshToken);
    expect(screen.getByLabelText(/refresh token/i, TEXT_INPUT)).toBeInTheDocument();
  });

  it('shows an inline message for a bad gateway URL', async () => {
    const { user } = setup(makeOptions({ jsonData: complete }));
    const input = screen.getByLabelText(/gateway url/i);
    await user.clear(input);
    await user.type(input, 'api.example.com');
    await user.tab();
    expect(screen.getByText(/enter an absolute http\(s\) url/i)).toBeInTheDocument();

    await user.clear(input);
    await user.type(input, 'https://api.example.com/model-monitoring');
    expect(screen.getByText(/leave out \/model-monitoring/i)).toBeInTheDocument();

    await user.clear(input);
    await user.type(input, 'https://api.example.com/');
    await user.tab();
    expect(screen.queryByText(/leave out|absolute http/i)).not.toBeInTheDocument();
    expect(input).toHaveValue('https://api.example.com');
  });

  it('shows a bad stored URL at once, and required messages only after a field was visited', async () => {
    const { user } = setup(makeOptions({ jsonData: { ...complete, tokenUrl: 'not a url', clientId: '' } }));
    expect(screen.getByText(/enter an absolute http\(s\) url/i)).toBeInTheDocument();
    expect(screen.queryByText(/enter the oidc client id/i)).not.toBeInTheDocument();
    await user.click(screen.getByLabelText(/client id/i));
    await user.tab();
    expect(screen.getByText(/enter the oidc client id/i)).toBeInTheDocument();
  });

  it('composes the token URL in Keycloak mode, previews it and writes it to jsonData', async () => {
    const { user, last } = setup(makeOptions({ jsonData: { ...complete, tokenUrl: '' } }));
    await user.click(screen.getByRole('radio', { name: /keycloak base url/i }));
    expect(screen.queryByLabelText(/^token url\b/i, { selector: 'input:not([readonly])' })).not.toBeInTheDocument();

    await user.type(screen.getByLabelText(/keycloak url/i), 'https://kc.example.com/');
    await user.type(screen.getByLabelText(/^realm/i, TEXT_INPUT), 'mlops');
    const preview = screen.getByTestId(dsTestIds.configEditor.tokenUrlPreview);
    expect(preview).toHaveAttribute('readonly');
    expect(preview).toHaveValue('https://kc.example.com/realms/mlops/protocol/openid-connect/token');
    expect(last().jsonData).toMatchObject({
      tokenUrlMode: TokenUrlMode.Keycloak,
      tokenUrl: 'https://kc.example.com/realms/mlops/protocol/openid-connect/token',
    });

    await user.click(screen.getByLabelText(/keycloak < 17/i));
    expect(preview).toHaveValue('https://kc.example.com/auth/realms/mlops/protocol/openid-connect/token');
    expect(last().jsonData).toMatchObject({
      keycloakLegacyAuthPath: true,
      tokenUrl: 'https://kc.example.com/auth/realms/mlops/protocol/openid-connect/token',
    });
  });

  it('requires the realm in Keycloak mode', async () => {
    const { user } = setup(makeOptions({ jsonData: { ...complete, tokenUrlMode: TokenUrlMode.Keycloak } }));
    await user.click(screen.getByLabelText(/^realm/i, TEXT_INPUT));
    await user.tab();
    expect(screen.getByText(/enter the keycloak realm/i)).toBeInTheDocument();
  });

  it('prefills the Keycloak fields from a Keycloak-shaped token URL', async () => {
    const { user, last } = setup(
      makeOptions({
        jsonData: { ...complete, tokenUrl: 'https://kc.example.com/auth/realms/prod/protocol/openid-connect/token' },
      })
    );
    await user.click(screen.getByRole('radio', { name: /keycloak base url/i }));
    expect(screen.getByLabelText(/keycloak url/i)).toHaveValue('https://kc.example.com');
    expect(screen.getByLabelText(/^realm/i, TEXT_INPUT)).toHaveValue('prod');
    expect(screen.getByLabelText(/keycloak < 17/i)).toBeChecked();
    expect(last().jsonData.tokenUrl).toBe('https://kc.example.com/auth/realms/prod/protocol/openid-connect/token');
  });

  it('shows a configured secret as configured, never its value, and resets it', async () => {
    const { user, last, container } = setup(
      makeOptions({ jsonData: complete, secureJsonFields: { clientSecret: true, refreshToken: true } })
    );
    const secret = screen.getByLabelText(/client secret/i);
    expect(secret).toHaveValue('configured');
    expect(secret).toBeDisabled();

    const [resetClientSecret] = screen.getAllByRole('button', { name: 'Reset' });
    await user.click(resetClientSecret);
    expect(last().secureJsonFields).toEqual({ clientSecret: false, refreshToken: true });
    expect(last().secureJsonData).toEqual({ clientSecret: '' });
    expect(last().jsonData.scope).toBe('');

    const input = screen.getByLabelText(/client secret/i);
    expect(input).toBeEnabled();
    expect(input).toHaveAttribute('type', 'password');
    await user.type(input, 's3cr3t-value');
    expect(last().secureJsonData).toEqual({ clientSecret: 's3cr3t-value' });
    expect(input).toHaveAttribute('type', 'password');
    expect(container).not.toHaveTextContent('s3cr3t-value');
  });

  it('writes a typed refresh token to secureJsonData only', async () => {
    const { user, last } = setup(makeOptions({ jsonData: complete }));
    await user.type(screen.getByTestId(dsTestIds.configEditor.refreshToken), 'offline-token');
    expect(last().secureJsonData).toEqual({ refreshToken: 'offline-token' });
    expect(JSON.stringify(last().jsonData)).not.toContain('offline-token');
  });

  it('validates timeout and cache TTL as whole numbers within bounds', async () => {
    const { user, last } = setup(makeOptions({ jsonData: complete }));
    const timeout = screen.getByLabelText(/request timeout/i);
    await user.type(timeout, '0');
    await user.tab();
    expect(screen.getByText(/whole number of seconds from 1 to 300/i)).toBeInTheDocument();
    await user.clear(timeout);
    await user.type(timeout, '45');
    expect(screen.queryByText(/whole number of seconds from 1/i)).not.toBeInTheDocument();
    expect(last().jsonData.requestTimeoutSeconds).toBe(45);

    const ttl = screen.getByLabelText(/cache ttl/i);
    await user.type(ttl, '0');
    await user.tab();
    expect(last().jsonData.cacheTtlSeconds).toBe(0);
    expect(screen.queryByText(/whole number of seconds from 0/i)).not.toBeInTheDocument();
    await user.clear(ttl);
    await user.type(ttl, '5000');
    expect(screen.getByText(/whole number of seconds from 0 to 3600/i)).toBeInTheDocument();

    await user.clear(ttl);
    expect(last().jsonData.cacheTtlSeconds).toBeUndefined();
  });

  it('registers a validator that reports and shows all errors', async () => {
    let validator: (() => Promise<boolean> | boolean) | undefined;
    const validation = {
      registerValidation: jest.fn((fn: () => Promise<boolean> | boolean) => {
        validator = fn;
        return () => undefined;
      }),
      validate: jest.fn(),
      isValid: jest.fn(),
      getErrors: jest.fn(),
      setError: jest.fn(),
      clearError: jest.fn(),
    };
    setup(makeOptions(), { validation });
    expect(validation.registerValidation).toHaveBeenCalled();
    let result: boolean | undefined;
    await act(async () => {
      result = await validator?.();
    });
    expect(result).toBe(false);
    expect(screen.getByText(/enter the gateway url/i)).toBeInTheDocument();
    expect(screen.getByText(/enter a refresh token/i)).toBeInTheDocument();
    expect(screen.getByText(/enter the oidc client id/i)).toBeInTheDocument();
  });
});
