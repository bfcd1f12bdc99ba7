import React from 'react';
import { ConfigSection } from '@grafana/plugin-ui';

import { CACHE_TTL_BOUNDS, REQUEST_TIMEOUT_BOUNDS } from '../../config/validation';
import { configInputId, configTestId, type SecondsSetting } from '../../config/fields';
import { DEFAULT_CACHE_TTL_SECONDS, DEFAULT_REQUEST_TIMEOUT_SECONDS } from '../../types';
import { SecondsField } from './SecondsField';
import type { SectionProps } from './sectionProps';

/** Per-request timeout and response cache of gateway calls. */
export function AdditionalSettingsSection(props: SectionProps) {
  const { jsonData, readOnly, errorOf, touch, updateJsonData } = props;
  const seconds = (setting: SecondsSetting) => ({
    id: configInputId(setting),
    testId: configTestId(setting),
    value: jsonData[setting],
    error: errorOf(setting),
    disabled: readOnly,
    onChange: (value: number | undefined) => updateJsonData({ [setting]: value }),
    onBlur: () => touch(setting),
  });
  return (
    <ConfigSection title="Additional settings" description="Timeouts and response caching of gateway calls.">
      <SecondsField
        {...seconds('requestTimeoutSeconds')}
        label="Request timeout (seconds)"
        description={`How long to wait for one gateway call. Default ${DEFAULT_REQUEST_TIMEOUT_SECONDS}.`}
        placeholder={String(DEFAULT_REQUEST_TIMEOUT_SECONDS)}
        bounds={REQUEST_TIMEOUT_BOUNDS}
      />
      <SecondsField
        {...seconds('cacheTtlSeconds')}
        label="Cache TTL (seconds)"
        description={`How long identical gateway responses are reused; 0 disables the cache. Default ${DEFAULT_CACHE_TTL_SECONDS}.`}
        placeholder={String(DEFAULT_CACHE_TTL_SECONDS)}
        bounds={CACHE_TTL_BOUNDS}
      />
    </ConfigSection>
  );
}
