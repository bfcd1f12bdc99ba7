import React, { useCallback, useEffect, useMemo, useRef, useState, type ChangeEvent } from 'react';
import type { DataSourcePluginOptionsEditorProps } from '@grafana/data';
import { ConfigSection, ConfigSubSection, DataSourceDescription } from '@grafana/plugin-ui';
import { Divider, Field, Input, RadioButtonGroup, SecretInput, Switch } from '@grafana/ui';

import {
  AuthMode,
  DEFAULT_CACHE_TTL_SECONDS,
  DEFAULT_REQUEST_TIMEOUT_SECONDS,
  TokenUrlMode,
  type MlopsDataSourceOptions,
  type MlopsSecureJsonData,
} from '../types';
import { needsNormalization, normalizeOptions, resetSecret, secretPresence, type SecretKey } from '../config/options';
import { effectiveTokenUrl, splitKeycloakTokenUrl, tidyUrl } from '../config/tokenUrl';
import {
  CACHE_TTL_BOUNDS,
  REQUEST_TIMEOUT_BOUNDS,
  validateOptions,
  type ConfigErrors,
  type ConfigField,
  type SecondsBounds,
} from '../config/validation';
import { dsTestIds } from './testIds';

export type ConfigEditorProps = DataSourcePluginOptionsEditorProps<MlopsDataSourceOptions, MlopsSecureJsonData>;

const DOCS_LINK = 'https://docs.h2o.ai/mlops/';
const LABEL_WIDTH_INPUT = 60;

type TextKey = 'gatewayUrl' | 'tokenUrl' | 'keycloakUrl' | 'keycloakRealm' | 'clientId' | 'scope';
const URL_KEYS = ['gatewayUrl', 'tokenUrl', 'keycloakUrl'] as const;
type UrlKey = (typeof URL_KEYS)[number];
const isUrlKey = (key: TextKey): key is UrlKey => (URL_KEYS as readonly string[]).includes(key);

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

const TOKEN_URL_MODE_OPTIONS = [
  { value: TokenUrlMode.Url, label: 'Full URL', description: 'Enter the OIDC token endpoint URL.' },
  {
    value: TokenUrlMode.Keycloak,
    label: 'Keycloak base URL + realm',
    description: 'The token endpoint is composed from the Keycloak URL and realm.',
  },
];

const ids = {
  gatewayUrl: 'mlops-config-gateway-url',
  authMode: 'mlops-config-auth-mode',
  tokenUrlMode: 'mlops-config-token-url-mode',
  tokenUrl: 'mlops-config-token-url',
  keycloakUrl: 'mlops-config-keycloak-url',
  keycloakRealm: 'mlops-config-keycloak-realm',
  keycloakLegacyAuthPath: 'mlops-config-keycloak-legacy',
  tokenUrlPreview: 'mlops-config-token-url-preview',
  clientId: 'mlops-config-client-id',
  scope: 'mlops-config-scope',
  clientSecret: 'mlops-config-client-secret',
  refreshToken: 'mlops-config-refresh-token',
  requestTimeoutSeconds: 'mlops-config-request-timeout',
  cacheTtlSeconds: 'mlops-config-cache-ttl',
};

/** Fields whose stored value is non-empty count as touched, so a bad saved value shows at once. */
function initiallyTouched(jsonData: MlopsDataSourceOptions | undefined): Set<ConfigField> {
  const touched = new Set<ConfigField>();
  const data = jsonData ?? {};
  const textFields: Array<ConfigField & keyof MlopsDataSourceOptions> = [
    'gatewayUrl',
    'tokenUrl',
    'keycloakUrl',
    'keycloakRealm',
    'clientId',
  ];
  for (const field of textFields) {
    if (String(data[field] ?? '').trim() !== '') {
      touched.add(field);
    }
  }
  if (data.requestTimeoutSeconds !== undefined) {
    touched.add('requestTimeoutSeconds');
  }
  if (data.cacheTtlSeconds !== undefined) {
    touched.add('cacheTtlSeconds');
  }
  return touched;
}

const ALL_FIELDS: ConfigField[] = [
  'gatewayUrl',
  'tokenUrl',
  'keycloakUrl',
  'keycloakRealm',
  'clientId',
  'clientSecret',
  'refreshToken',
  'requestTimeoutSeconds',
  'cacheTtlSeconds',
];

/**
 * Settings of the MLOps gateway data source. Every change writes normalized jsonData (schema
 * version, `scope`, the effective `tokenUrl`), because Grafana's proxy route templates render a
 * missing key as `<no value>`.
 */
export function ConfigEditor({ options, onOptionsChange, validation }: ConfigEditorProps) {
  const jsonData = useMemo(() => normalizeOptions(options.jsonData), [options.jsonData]);
  const secrets = secretPresence(options);
  const errors = validateOptions(jsonData, secrets);
  const readOnly = options.readOnly;

  const [touched, setTouched] = useState<ReadonlySet<ConfigField>>(() => initiallyTouched(options.jsonData));
  const touch = useCallback((field: ConfigField) => {
    setTouched((previous) => (previous.has(field) ? previous : new Set(previous).add(field)));
  }, []);
  const errorOf = (field: ConfigField): string | undefined => (touched.has(field) ? errors[field] : undefined);

  // Write the normalized settings once, so that saving an untouched form stores every route key.
  const initialOptions = useRef(options);
  useEffect(() => {
    const initial = initialOptions.current;
    if (!initial.readOnly && needsNormalization(initial.jsonData)) {
      onOptionsChange({ ...initial, jsonData: normalizeOptions(initial.jsonData) });
    }
    // Only on mount: later changes are normalized by `updateJsonData`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Grafana (12.3+) can ask the editor to validate before saving; show every message then.
  const latestErrors = useRef<ConfigErrors>(errors);
  useEffect(() => {
    latestErrors.current = errors;
  });
  useEffect(() => {
    if (!validation) {
      return undefined;
    }
    return validation.registerValidation(() => {
      setTouched(new Set(ALL_FIELDS));
      return Object.keys(latestErrors.current).length === 0;
    });
  }, [validation]);

  const updateJsonData = (patch: Partial<MlopsDataSourceOptions>) => {
    onOptionsChange({ ...options, jsonData: normalizeOptions({ ...options.jsonData, ...patch }) });
  };

  const onText = (key: TextKey) => (event: ChangeEvent<HTMLInputElement>) =>
    updateJsonData({ [key]: event.currentTarget.value });

  /** On blur: mark touched and drop whitespace and trailing slashes of a URL. */
  const onUrlBlur = (key: UrlKey) => () => {
    touch(key);
    const current = options.jsonData?.[key];
    const tidy = tidyUrl(current);
    if (current !== undefined && tidy !== current) {
      updateJsonData({ [key]: tidy });
    }
  };

  /** One text setting: its label, the inline validation message once touched, URL tidying on blur. */
  const textSetting = (
    key: TextKey,
    field: { label: string; description?: string; placeholder?: string; required?: boolean; width?: number }
  ) => {
    const message = key === 'scope' ? undefined : errorOf(key);
    return (
      <Field
        label={field.label}
        description={field.description}
        required={field.required}
        invalid={Boolean(message)}
        error={message}
      >
        <Input
          id={ids[key]}
          data-testid={dsTestIds.configEditor[key]}
          width={field.width ?? LABEL_WIDTH_INPUT}
          placeholder={field.placeholder}
          value={jsonData[key] ?? ''}
          onChange={onText(key)}
          onBlur={isUrlKey(key) ? onUrlBlur(key) : key === 'scope' ? undefined : () => touch(key)}
          disabled={readOnly}
        />
      </Field>
    );
  };

  const onTokenUrlModeChange = (mode: TokenUrlMode) => {
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

  const onSecretChange = (key: SecretKey) => (event: ChangeEvent<HTMLInputElement>) => {
    onOptionsChange({
      ...options,
      jsonData,
      secureJsonData: { ...options.secureJsonData, [key]: event.currentTarget.value },
    });
  };
  const onSecretReset = (key: SecretKey) => () => {
    touch(key);
    onOptionsChange(resetSecret({ ...options, jsonData }, key));
  };

  const isKeycloak = jsonData.tokenUrlMode === TokenUrlMode.Keycloak;
  const isRefreshToken = jsonData.authMode !== AuthMode.ClientCredentials;
  const authModeOption = AUTH_MODE_OPTIONS.find((o) => o.value === jsonData.authMode) ?? AUTH_MODE_OPTIONS[0];

  return (
    <>
      <DataSourceDescription dataSourceName="H2O MLOps gateway" docsLink={DOCS_LINK} hasRequiredFields />
      <Divider />

      <ConfigSection
        title="Gateway"
        description="Where the MLOps gateway's model monitoring API is served. Requests go through Grafana's data source proxy."
      >
        {textSetting('gatewayUrl', {
          label: 'Gateway URL',
          description:
            'Base URL of the MLOps gateway, without /model-monitoring (the data source appends it), e.g. https://api.mlops.example.com',
          placeholder: 'https://api.mlops.example.com',
          required: true,
        })}
      </ConfigSection>

      <Divider />

      <ConfigSection
        title="Authentication"
        description="Grafana's proxy gets an access token from the OIDC (Keycloak) token endpoint and sends it to the gateway. Secrets are encrypted and never sent back to the browser."
      >
        <Field label="Grant" description={authModeOption.description} useFieldset>
          <RadioButtonGroup
            id={ids.authMode}
            data-testid={dsTestIds.configEditor.authMode}
            options={AUTH_MODE_OPTIONS}
            value={jsonData.authMode}
            onChange={(authMode) => updateJsonData({ authMode })}
            disabled={readOnly}
          />
        </Field>

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
              id={ids.tokenUrlMode}
              data-testid={dsTestIds.configEditor.tokenUrlMode}
              options={TOKEN_URL_MODE_OPTIONS}
              value={jsonData.tokenUrlMode}
              onChange={onTokenUrlModeChange}
              disabled={readOnly}
            />
          </Field>

          {!isKeycloak &&
            textSetting('tokenUrl', {
              label: 'Token URL',
              description: 'e.g. https://keycloak.example.com/realms/mlops/protocol/openid-connect/token',
              placeholder: 'https://keycloak.example.com/realms/mlops/protocol/openid-connect/token',
              required: true,
            })}

          {isKeycloak && (
            <>
              {textSetting('keycloakUrl', {
                label: 'Keycloak URL',
                description: 'Base URL of Keycloak, e.g. https://keycloak.example.com',
                placeholder: 'https://keycloak.example.com',
                required: true,
              })}
              {textSetting('keycloakRealm', { label: 'Realm', placeholder: 'mlops', required: true, width: 30 })}
              <Field
                label="Keycloak < 17 (/auth path)"
                description="Older Keycloak versions serve their endpoints under /auth."
              >
                <Switch
                  id={ids.keycloakLegacyAuthPath}
                  data-testid={dsTestIds.configEditor.keycloakLegacyAuthPath}
                  value={jsonData.keycloakLegacyAuthPath ?? false}
                  onChange={(event) => updateJsonData({ keycloakLegacyAuthPath: event.currentTarget.checked })}
                  disabled={readOnly}
                />
              </Field>
              <Field label="Token URL preview" description="The token endpoint Grafana will call.">
                <Input
                  id={ids.tokenUrlPreview}
                  data-testid={dsTestIds.configEditor.tokenUrlPreview}
                  width={LABEL_WIDTH_INPUT}
                  value={effectiveTokenUrl(jsonData)}
                  placeholder="Enter the Keycloak URL and realm"
                  readOnly
                />
              </Field>
            </>
          )}
        </ConfigSubSection>

        <ConfigSubSection title="Client">
          {textSetting('clientId', {
            label: 'Client ID',
            description: 'The OIDC client the token is issued for.',
            required: true,
            width: 40,
          })}
          {textSetting('scope', {
            label: 'Scope',
            description:
              'Optional. Sent as the scope of the token request; empty sends openid (Grafana cannot leave the field out, and Keycloak rejects an empty scope).',
            width: 40,
          })}
          <Field
            label="Client secret"
            description={
              isRefreshToken
                ? 'Only for a confidential client; leave empty for a public client.'
                : 'The secret of the confidential client (its service account signs in).'
            }
            required={!isRefreshToken}
            invalid={Boolean(errorOf('clientSecret'))}
            error={errorOf('clientSecret')}
          >
            <SecretInput
              id={ids.clientSecret}
              data-testid={dsTestIds.configEditor.clientSecret}
              width={40}
              isConfigured={Boolean(options.secureJsonFields?.clientSecret)}
              value={options.secureJsonData?.clientSecret ?? ''}
              onChange={onSecretChange('clientSecret')}
              onReset={onSecretReset('clientSecret')}
              onBlur={() => touch('clientSecret')}
              autoComplete="off"
              disabled={readOnly}
            />
          </Field>
          {isRefreshToken && (
            <Field
              label="Refresh token"
              description="Use an offline token (scope offline_access): Grafana keeps using the stored refresh token and ignores rotated ones, so a token that Keycloak rotates or ends with the session stops working."
              required
              invalid={Boolean(errorOf('refreshToken'))}
              error={errorOf('refreshToken')}
            >
              <SecretInput
                id={ids.refreshToken}
                data-testid={dsTestIds.configEditor.refreshToken}
                width={LABEL_WIDTH_INPUT}
                isConfigured={Boolean(options.secureJsonFields?.refreshToken)}
                value={options.secureJsonData?.refreshToken ?? ''}
                onChange={onSecretChange('refreshToken')}
                onReset={onSecretReset('refreshToken')}
                onBlur={() => touch('refreshToken')}
                autoComplete="off"
                disabled={readOnly}
              />
            </Field>
          )}
        </ConfigSubSection>
      </ConfigSection>

      <Divider />

      <ConfigSection title="Additional settings" description="Timeouts and response caching of gateway calls.">
        <SecondsField
          id={ids.requestTimeoutSeconds}
          testId={dsTestIds.configEditor.requestTimeout}
          label="Request timeout (seconds)"
          description={`How long to wait for one gateway call. Default ${DEFAULT_REQUEST_TIMEOUT_SECONDS}.`}
          placeholder={String(DEFAULT_REQUEST_TIMEOUT_SECONDS)}
          bounds={REQUEST_TIMEOUT_BOUNDS}
          value={jsonData.requestTimeoutSeconds}
          error={errorOf('requestTimeoutSeconds')}
          disabled={readOnly}
          onChange={(requestTimeoutSeconds) => updateJsonData({ requestTimeoutSeconds })}
          onBlur={() => touch('requestTimeoutSeconds')}
        />
        <SecondsField
          id={ids.cacheTtlSeconds}
          testId={dsTestIds.configEditor.cacheTtl}
          label="Cache TTL (seconds)"
          description={`How long identical gateway responses are reused; 0 disables the cache. Default ${DEFAULT_CACHE_TTL_SECONDS}.`}
          placeholder={String(DEFAULT_CACHE_TTL_SECONDS)}
          bounds={CACHE_TTL_BOUNDS}
          value={jsonData.cacheTtlSeconds}
          error={errorOf('cacheTtlSeconds')}
          disabled={readOnly}
          onChange={(cacheTtlSeconds) => updateJsonData({ cacheTtlSeconds })}
          onBlur={() => touch('cacheTtlSeconds')}
        />
      </ConfigSection>
    </>
  );
}

interface SecondsFieldProps {
  id: string;
  testId: string;
  label: string;
  description: string;
  placeholder: string;
  bounds: SecondsBounds;
  value: number | undefined;
  error: string | undefined;
  disabled?: boolean;
  /** Called with the parsed number, or undefined when the input is empty (= default). */
  onChange: (value: number | undefined) => void;
  onBlur: () => void;
}

/** A number input that keeps the typed text and stores numbers only. */
function SecondsField(props: SecondsFieldProps) {
  const { value, onChange } = props;
  const [text, setText] = useState(value === undefined ? '' : String(value));
  const [notANumber, setNotANumber] = useState(false);

  // Follow outside changes (e.g. a reset) without disturbing what is being typed.
  const [shownValue, setShownValue] = useState(value);
  if (value !== shownValue) {
    setShownValue(value);
    const typed = text.trim() === '' ? undefined : Number(text);
    if (typed !== value) {
      setText(value === undefined ? '' : String(value));
      setNotANumber(false);
    }
  }

  const onInput = (event: ChangeEvent<HTMLInputElement>) => {
    const next = event.currentTarget.value;
    setText(next);
    const trimmed = next.trim();
    if (trimmed === '') {
      setNotANumber(false);
      onChange(undefined);
      return;
    }
    const parsed = Number(trimmed);
    if (Number.isFinite(parsed)) {
      setNotANumber(false);
      onChange(parsed);
    } else {
      setNotANumber(true);
    }
  };

  const error = notANumber
    ? `Enter a whole number of seconds from ${props.bounds.min} to ${props.bounds.max}.`
    : props.error;

  return (
    <Field label={props.label} description={props.description} invalid={Boolean(error)} error={error}>
      <Input
        id={props.id}
        data-testid={props.testId}
        type="number"
        min={props.bounds.min}
        max={props.bounds.max}
        step={1}
        width={20}
        placeholder={props.placeholder}
        value={text}
        onChange={onInput}
        onBlur={props.onBlur}
        disabled={props.disabled}
      />
    </Field>
  );
}
