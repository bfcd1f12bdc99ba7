import React from 'react';
import { ConfigSection } from '@grafana/plugin-ui';

import { TextSettingField } from './TextSettingField';
import type { SectionProps } from './sectionProps';

/** Where the gateway is. */
export function GatewaySection(props: SectionProps) {
  return (
    <ConfigSection
      title="Gateway"
      description="Where the MLOps gateway's model monitoring API is served. Requests go through Grafana's data source proxy."
    >
      <TextSettingField
        {...props}
        setting="gatewayUrl"
        label="Gateway URL"
        description="Base URL of the MLOps gateway, without /model-monitoring (the data source appends it), e.g. https://api.mlops.example.com"
        placeholder="https://api.mlops.example.com"
        required
      />
    </ConfigSection>
  );
}
