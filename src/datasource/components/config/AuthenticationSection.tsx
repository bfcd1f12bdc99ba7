import React from 'react';
import { ConfigSection } from '@grafana/plugin-ui';
import { Field, RadioButtonGroup } from '@grafana/ui';

import { configInputId, configTestId } from '../../config/fields';
import { AuthMode } from '../../types';
import { ClientSection } from './ClientSection';
import { TokenEndpointSection } from './TokenEndpointSection';
import type { SectionProps } from './sectionProps';

const AUTH_MODE_OPTIONS = [
  {
    value: AuthMode.RefreshToken,
    label: 'Refresh token',
    description: 'Exchanges a stored refresh token for access tokens, as the official MLOps client does.',
  },
  {
    value: AuthMode.ClientCredentials,
    label: 'Client credentials',
    description: 'Signs in as the service account of a confidential client with its id and secret.',
  },
];

/** The grant Grafana's proxy uses, its token endpoint and its client. */
export function AuthenticationSection(props: SectionProps) {
  const { jsonData, readOnly, updateJsonData } = props;
  const authModeOption = AUTH_MODE_OPTIONS.find((o) => o.value === jsonData.authMode) ?? AUTH_MODE_OPTIONS[0];
  return (
    <ConfigSection
      title="Authentication"
      description="Grafana's proxy gets an access token from the OIDC (Keycloak) token endpoint and sends it to the gateway. Secrets are encrypted and never sent back to the browser."
    >
      <Field label="Grant" description={authModeOption.description} useFieldset>
        <RadioButtonGroup
          id={configInputId('authMode')}
          data-testid={configTestId('authMode')}
          options={AUTH_MODE_OPTIONS}
          value={jsonData.authMode}
          onChange={(authMode) => updateJsonData({ authMode })}
          disabled={readOnly}
        />
      </Field>
      <TokenEndpointSection {...props} />
      <ClientSection {...props} />
    </ConfigSection>
  );
}
