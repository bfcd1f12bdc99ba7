import React, { useState } from 'react';
import { ConfigSection } from '@grafana/plugin-ui';
import { Field, Input, RadioButtonGroup } from '@grafana/ui';

import { apiGenerationOf, validateMlops1xUrls, type Mlops1xUrlErrors } from '../../config/apiGeneration';
import { tidyUrl } from '../../config/tokenUrl';
import { ApiGeneration } from '../../types';
import { WIDE_INPUT, type SectionProps } from './sectionProps';

/** Test ids of this section (the settings table in config/fields.ts covers the legacy settings). */
export const API_GENERATION_TEST_IDS = {
  apiGeneration: 'data-testid mlops-config api-generation',
  mlopsApiUrl: 'data-testid mlops-config mlops-api-url',
  authzUrl: 'data-testid mlops-config authz-url',
} as const;

const GENERATION_OPTIONS = [
  {
    value: ApiGeneration.Legacy,
    label: 'Model-monitoring gateway (legacy)',
    description: 'The MLOps gateway that serves /model-monitoring/v1 (drift, health and operational metrics).',
  },
  {
    value: ApiGeneration.Mlops1x,
    label: 'H2O MLOps 1.x',
    description:
      'Current H2O MLOps: deployments from the deployer service, monitoring aggregates; drift is computed here.',
  },
];

type UrlKey = keyof Mlops1xUrlErrors;

/** Which H2O MLOps API the data source reads; for 1.x, where its services are. */
export function ApiGenerationSection(props: SectionProps) {
  const { jsonData, readOnly, updateJsonData } = props;
  const generation = apiGenerationOf(jsonData);
  const option = GENERATION_OPTIONS.find((o) => o.value === generation) ?? GENERATION_OPTIONS[0];
  return (
    <ConfigSection
      title="API"
      description="Which H2O MLOps API this data source reads. Both use the same sign-in below."
    >
      <Field label="API generation" description={option.description} useFieldset>
        <RadioButtonGroup
          data-testid={API_GENERATION_TEST_IDS.apiGeneration}
          options={GENERATION_OPTIONS}
          value={generation}
          onChange={(apiGeneration) => updateJsonData({ apiGeneration })}
          disabled={readOnly}
        />
      </Field>
      {generation === ApiGeneration.Mlops1x && <Mlops1xUrls {...props} />}
    </ConfigSection>
  );
}

function Mlops1xUrls({ jsonData, readOnly, updateJsonData }: SectionProps) {
  const [touched, setTouched] = useState<ReadonlySet<UrlKey>>(
    () => new Set((['mlopsApiUrl', 'authzUrl'] as const).filter((key) => Boolean(jsonData[key])))
  );
  const errors = validateMlops1xUrls(jsonData);
  const field = (key: UrlKey, label: string, description: string, placeholder: string, required: boolean) => {
    const message = touched.has(key) ? errors[key] : undefined;
    return (
      <Field label={label} description={description} required={required} invalid={Boolean(message)} error={message}>
        <Input
          id={`mlops-config-${key}`}
          data-testid={API_GENERATION_TEST_IDS[key]}
          width={WIDE_INPUT}
          placeholder={placeholder}
          value={jsonData[key] ?? ''}
          onChange={(event) => updateJsonData({ [key]: event.currentTarget.value })}
          onBlur={() => {
            setTouched((previous) => new Set(previous).add(key));
            const tidy = tidyUrl(jsonData[key]);
            if (jsonData[key] !== undefined && tidy !== jsonData[key]) {
              updateJsonData({ [key]: tidy });
            }
          }}
          disabled={readOnly}
        />
      </Field>
    );
  };
  return (
    <>
      {field(
        'mlopsApiUrl',
        'MLOps API URL',
        'The MLOps API gateway (discovery service "mlops-api"); the data source appends /deployer/v2 and /monitoring/v2.',
        'https://mlops-api.example.com',
        true
      )}
      {field(
        'authzUrl',
        'Authz URL',
        'Optional: the authz gateway (discovery service "authz-gateway") to list workspaces. Empty: workspaces are entered by ID.',
        'https://authz.example.com',
        false
      )}
    </>
  );
}
