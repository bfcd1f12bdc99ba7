/**
 * The settings of the config editor, once: each one's kind and slug. The editor's input ids
 * (`mlops-config-<slug>`), the test ids (`data-testid mlops-config <slug>`), the fields that carry a
 * validation message (`ConfigField`, the keys of `validateOptions`' answer) and the fields a stored
 * value marks as touched are all derived from this table.
 */

/** How a setting is edited; decides tidying, touching and validation. */
export type SettingKind = 'url' | 'text' | 'optionalText' | 'secret' | 'seconds' | 'choice' | 'switch' | 'preview';

interface SettingSpec {
  slug: string;
  kind: SettingKind;
}

export const CONFIG_SETTINGS = {
  gatewayUrl: { slug: 'gateway-url', kind: 'url' },
  authMode: { slug: 'auth-mode', kind: 'choice' },
  tokenUrlMode: { slug: 'token-url-mode', kind: 'choice' },
  tokenUrl: { slug: 'token-url', kind: 'url' },
  keycloakUrl: { slug: 'keycloak-url', kind: 'url' },
  keycloakRealm: { slug: 'keycloak-realm', kind: 'text' },
  keycloakLegacyAuthPath: { slug: 'keycloak-legacy-auth-path', kind: 'switch' },
  tokenUrlPreview: { slug: 'token-url-preview', kind: 'preview' },
  clientId: { slug: 'client-id', kind: 'text' },
  scope: { slug: 'scope', kind: 'optionalText' },
  clientSecret: { slug: 'client-secret', kind: 'secret' },
  refreshToken: { slug: 'refresh-token', kind: 'secret' },
  requestTimeoutSeconds: { slug: 'request-timeout', kind: 'seconds' },
  cacheTtlSeconds: { slug: 'cache-ttl', kind: 'seconds' },
} as const satisfies Record<string, SettingSpec>;

export type ConfigSetting = keyof typeof CONFIG_SETTINGS;

type SettingsOfKind<K extends SettingKind> = {
  [S in ConfigSetting]: (typeof CONFIG_SETTINGS)[S]['kind'] extends K ? S : never;
}[ConfigSetting];

/** The kinds whose value can be wrong, so they carry a validation message. */
const VALIDATED_KINDS: readonly SettingKind[] = ['url', 'text', 'secret', 'seconds'];

/** Settings that can carry a validation message. */
export type ConfigField = SettingsOfKind<'url' | 'text' | 'secret' | 'seconds'>;
/** Plain text settings (URLs among them). */
export type TextSetting = SettingsOfKind<'url' | 'text' | 'optionalText'>;
export type UrlSetting = SettingsOfKind<'url'>;
export type SecretSetting = SettingsOfKind<'secret'>;
export type SecondsSetting = SettingsOfKind<'seconds'>;

const ALL_SETTINGS = Object.keys(CONFIG_SETTINGS) as ConfigSetting[];

export function isValidated(key: ConfigSetting): key is ConfigField {
  return VALIDATED_KINDS.includes(CONFIG_SETTINGS[key].kind);
}

export function isUrlSetting(key: ConfigSetting): key is UrlSetting {
  return CONFIG_SETTINGS[key].kind === 'url';
}

/** Every field that can carry a validation message (all shown when Grafana validates before saving). */
export const CONFIG_FIELDS: readonly ConfigField[] = ALL_SETTINGS.filter(isValidated);

/** The DOM id of a setting's input (labels point at it). */
export function configInputId(key: ConfigSetting): string {
  return `mlops-config-${CONFIG_SETTINGS[key].slug}`;
}

/** The test id of a setting's input, shared by the Jest and browser tests. */
export function configTestId(key: ConfigSetting): string {
  return `data-testid mlops-config ${CONFIG_SETTINGS[key].slug}`;
}

/** Test ids of all settings, by setting. */
export const CONFIG_TEST_IDS = Object.fromEntries(ALL_SETTINGS.map((key) => [key, configTestId(key)])) as Readonly<
  Record<ConfigSetting, string>
>;

/**
 * Fields whose stored value counts as touched when the editor opens, so a bad saved value shows
 * at once: validated text and URL settings that are non-empty, seconds settings that are set.
 */
export function initiallyTouched(jsonData: Partial<Record<ConfigSetting, unknown>> | undefined): Set<ConfigField> {
  const touched = new Set<ConfigField>();
  for (const key of CONFIG_FIELDS) {
    const value = jsonData?.[key];
    const kind = CONFIG_SETTINGS[key].kind;
    const stored = kind === 'seconds' ? value !== undefined : kind !== 'secret' && String(value ?? '').trim() !== '';
    if (stored) {
      touched.add(key);
    }
  }
  return touched;
}
