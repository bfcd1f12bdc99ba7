import React from 'react';
import { ConfigSubSection } from '@grafana/plugin-ui';
import { Field, Input, RadioButtonGroup, Switch } from '@grafana/ui';

import { configInputId, configTestId } from '../../config/fields';
import { effectiveTokenUrl, splitKeycloakTokenUrl } from '../../config/tokenUrl';
import { TokenUrlMode, type MlopsDataSourceOptions } from '../../types';
import { TextSettingField } from './TextSettingField';
import { WIDE_INPUT, type SectionProps } from './sectionProps';

const TOKEN_URL_MODE_OPTIONS = [
  { value: TokenUrlMode.Url, label: 'Full URL', description: 'Enter the OIDC token endpoint URL.' },
  {
    value: TokenUrlMode.Keycloak,
    label: 'Keycloak base URL + realm',
    description: 'The token endpoint is composed from the Keycloak URL and realm.',
  },
];

/** The OIDC token endpoint: a full URL, or composed from a Keycloak base URL and realm. */
export function TokenEndpointSection(props: SectionProps) {
  const { jsonData, readOnly, updateJsonData } = props;
  const isKeycloak = jsonData.tokenUrlMode === TokenUrlMode.Keycloak;

  const onModeChange = (mode: TokenUrlMode) => {
    const patch: Partial<MlopsDataSourceOptions> = { tokenUrlMode: mode };
    if (mode === TokenUrlMode.Keycloak && !jsonData.keycloakUrl && !jsonData.keycloakRealm) {
      // Prefill from a Keycloak-shaped token URL so switching modes loses nothing.
      const parts = splitKeycloakTokenUrl(jsonData.tokenUrl);
      if (parts) {
        patch.keycloakUrl = parts.baseUrl;
        patch.keycloakRealm = parts.realm;
        patch.keycloakLegacyAuthPath = parts.legacyAuthPath;
      }
    }
    updateJsonData(patch);
  };

  return (
    <ConfigSubSection title="Token endpoint">
      <Field
        label="Token URL from"
        description={
          isKeycloak
            ? 'Composed as <Keycloak URL>[/auth]/realms/<realm>/protocol/openid-connect/token.'
            : 'The full URL of the OIDC token endpoint.'
        }
        useFieldset
      >
        <RadioButtonGroup
          id={configInputId('tokenUrlMode')}
          data-testid={configTestId('tokenUrlMode')}
          options={TOKEN_URL_MODE_OPTIONS}
          value={jsonData.tokenUrlMode}
          onChange={onModeChange}
          disabled={readOnly}
        />
      </Field>
      {isKeycloak ? (
        <KeycloakFields {...props} />
      ) : (
        <TextSettingField
          {...props}
          setting="tokenUrl"
          label="Token URL"
          description="e.g. https://keycloak.example.com/realms/mlops/protocol/openid-connect/token"
          placeholder="https://keycloak.example.com/realms/mlops/protocol/openid-connect/token"
          required
        />
      )}
    </ConfigSubSection>
  );
}

/** Keycloak base URL, realm, the pre-17 `/auth` path, and a preview of the composed token URL. */
function KeycloakFields(props: SectionProps) {
  const { jsonData, readOnly, updateJsonData } = props;
  return (
    <>
      <TextSettingField
        {...props}
        setting="keycloakUrl"
        label="Keycloak URL"
        description="Base URL of Keycloak, e.g. https://keycloak.example.com"
        placeholder="https://keycloak.example.com"
        required
      />
      <TextSettingField {...props} setting="keycloakRealm" label="Realm" placeholder="mlops" required width={30} />
      <Field
        label="Keycloak < 17 (/auth path)"
        description="Older Keycloak versions serve their endpoints under /auth."
      >
        <Switch
          id={configInputId('keycloakLegacyAuthPath')}
          data-testid={configTestId('keycloakLegacyAuthPath')}
          value={jsonData.keycloakLegacyAuthPath ?? false}
          onChange={(event) => updateJsonData({ keycloakLegacyAuthPath: event.currentTarget.checked })}
          disabled={readOnly}
        />
      </Field>
      <Field label="Token URL preview" description="The token endpoint Grafana will call.">
        <Input
          id={configInputId('tokenUrlPreview')}
          data-testid={configTestId('tokenUrlPreview')}
          width={WIDE_INPUT}
          value={effectiveTokenUrl(jsonData)}
          placeholder="Enter the Keycloak URL and realm"
          readOnly
        />
      </Field>
    </>
  );
}
