import React, { type ChangeEvent } from 'react';
import { ConfigSubSection } from '@grafana/plugin-ui';
import { Field, SecretInput } from '@grafana/ui';

import { configInputId, configTestId, type SecretSetting } from '../../config/fields';
import { resetSecret } from '../../config/options';
import { AuthMode } from '../../types';
import { TextSettingField } from './TextSettingField';
import { WIDE_INPUT, type SectionProps } from './sectionProps';

/** The OIDC client: id, scope, secret, and the refresh token in refresh-token mode. */
export function ClientSection(props: SectionProps) {
  const isRefreshToken = props.jsonData.authMode !== AuthMode.ClientCredentials;
  return (
    <ConfigSubSection title="Client">
      <TextSettingField
        {...props}
        setting="clientId"
        label="Client ID"
        description="The OIDC client the token is issued for."
        required
        width={40}
      />
      <TextSettingField
        {...props}
        setting="scope"
        label="Scope"
        description="Optional. Sent as the scope of the token request; empty sends openid (Grafana cannot leave the field out, and Keycloak rejects an empty scope)."
        width={40}
      />
      <SecretField
        {...props}
        setting="clientSecret"
        label="Client secret"
        description={
          isRefreshToken
            ? 'Only for a confidential client; leave empty for a public client.'
            : 'The secret of the confidential client (its service account signs in).'
        }
        required={!isRefreshToken}
        width={40}
      />
      {isRefreshToken && (
        <SecretField
          {...props}
          setting="refreshToken"
          label="Refresh token"
          description="Use an offline token (scope offline_access): Grafana keeps using the stored refresh token and ignores rotated ones, so a token that Keycloak rotates or ends with the session stops working."
          required
          width={WIDE_INPUT}
        />
      )}
    </ConfigSubSection>
  );
}

interface SecretFieldProps extends SectionProps {
  setting: SecretSetting;
  label: string;
  description: string;
  required: boolean;
  width: number;
}

/** A write-only secret: shows "configured" once stored, and can be reset. */
function SecretField({ setting, label, description, required, width, ...section }: SecretFieldProps) {
  const { options, jsonData, readOnly, errorOf, touch, onOptionsChange } = section;
  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    onOptionsChange({
      ...options,
      jsonData,
      secureJsonData: { ...options.secureJsonData, [setting]: event.currentTarget.value },
    });
  };
  const onReset = () => {
    touch(setting);
    onOptionsChange(resetSecret({ ...options, jsonData }, setting));
  };
  return (
    <Field
      label={label}
      description={description}
      required={required}
      invalid={Boolean(errorOf(setting))}
      error={errorOf(setting)}
    >
      <SecretInput
        id={configInputId(setting)}
        data-testid={configTestId(setting)}
        width={width}
        isConfigured={Boolean(options.secureJsonFields?.[setting])}
        value={options.secureJsonData?.[setting] ?? ''}
        onChange={onChange}
        onReset={onReset}
        onBlur={() => touch(setting)}
        autoComplete="off"
        disabled={readOnly}
      />
    </Field>
  );
}
