import React, { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DataSourcePluginOptionsEditorProps } from '@grafana/data';
import { DataSourceDescription } from '@grafana/plugin-ui';
import { Divider } from '@grafana/ui';

import { CONFIG_FIELDS, initiallyTouched, type ConfigField } from '../config/fields';
import { needsNormalization, normalizeOptions, secretPresence } from '../config/options';
import { validateOptions, type ConfigErrors } from '../config/validation';
import { ApiGeneration, type MlopsDataSourceOptions, type MlopsSecureJsonData } from '../types';
import { apiGenerationOf } from '../config/apiGeneration';
import { AdditionalSettingsSection } from './config/AdditionalSettingsSection';
import { ApiGenerationSection } from './config/ApiGenerationSection';
import { AuthenticationSection } from './config/AuthenticationSection';
import { GatewaySection } from './config/GatewaySection';
import type { SectionProps } from './config/sectionProps';

export type ConfigEditorProps = DataSourcePluginOptionsEditorProps<MlopsDataSourceOptions, MlopsSecureJsonData>;

const DOCS_LINK = 'https://docs.h2o.ai/mlops/';

/**
 * Settings of the MLOps gateway data source, composed of sections (gateway, authentication,
 * additional settings) as Grafana's Infinity data source composes its config editor. This
 * component owns the state the sections share: normalized jsonData, validation and which fields
 * were touched. Every change writes normalized jsonData (schema version, `scope`, the effective
 * `tokenUrl`), because Grafana's proxy route templates render a missing key as `<no value>`.
 */
export function ConfigEditor({ options, onOptionsChange, validation }: ConfigEditorProps) {
  const jsonData = useMemo(() => normalizeOptions(options.jsonData), [options.jsonData]);
  const errors = validateOptions(jsonData, secretPresence(options));

  const [touched, setTouched] = useState<ReadonlySet<ConfigField>>(() => initiallyTouched(options.jsonData));
  const touch = useCallback((field: ConfigField) => {
    setTouched((previous) => (previous.has(field) ? previous : new Set(previous).add(field)));
  }, []);

  useNormalizeOnMount(options, onOptionsChange);
  useSaveValidation(validation, errors, setTouched);

  const section: SectionProps = {
    options,
    jsonData,
    readOnly: Boolean(options.readOnly),
    errorOf: (field) => (touched.has(field) ? errors[field] : undefined),
    touch,
    updateJsonData: (patch) =>
      onOptionsChange({ ...options, jsonData: normalizeOptions({ ...options.jsonData, ...patch }) }),
    onOptionsChange,
  };

  return (
    <>
      <DataSourceDescription dataSourceName="H2O MLOps gateway" docsLink={DOCS_LINK} hasRequiredFields />
      <Divider />
      <ApiGenerationSection {...section} />
      <Divider />
      {apiGenerationOf(jsonData) === ApiGeneration.Legacy && (
        <>
          <GatewaySection {...section} />
          <Divider />
        </>
      )}
      <AuthenticationSection {...section} />
      <Divider />
      <AdditionalSettingsSection {...section} />
    </>
  );
}

/** Writes the normalized settings once, so that saving an untouched form stores every route key. */
function useNormalizeOnMount(
  options: ConfigEditorProps['options'],
  onOptionsChange: ConfigEditorProps['onOptionsChange']
) {
  const initialOptions = useRef(options);
  useEffect(() => {
    const initial = initialOptions.current;
    if (!initial.readOnly && needsNormalization(initial.jsonData)) {
      onOptionsChange({ ...initial, jsonData: normalizeOptions(initial.jsonData) });
    }
    // Only on mount: later changes are normalized by `updateJsonData`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
}

/** Grafana (12.3+) can ask the editor to validate before saving; every message shows then. */
function useSaveValidation(
  validation: ConfigEditorProps['validation'],
  errors: ConfigErrors,
  setTouched: (touched: ReadonlySet<ConfigField>) => void
) {
  const latestErrors = useRef<ConfigErrors>(errors);
  useEffect(() => {
    latestErrors.current = errors;
  });
  useEffect(() => {
    if (!validation) {
      return undefined;
    }
    return validation.registerValidation(() => {
      setTouched(new Set(CONFIG_FIELDS));
      return Object.keys(latestErrors.current).length === 0;
    });
  }, [validation, setTouched]);
}
