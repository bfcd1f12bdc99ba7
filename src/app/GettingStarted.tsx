import React from 'react';
import type { AppPluginMeta, PluginConfigPageProps } from '@grafana/data';
import { LinkButton, Stack, Text, TextLink } from '@grafana/ui';

import datasourcePlugin from '../datasource/plugin.json';

/**
 * The app's configuration page. The app itself has no settings: it bundles the data source and
 * the panel, so this page says what they are and where to configure the data source.
 */
export function GettingStarted(_props: PluginConfigPageProps<AppPluginMeta<{}>>) {
  return (
    <Stack direction="column" gap={2}>
      <Text element="p">
        This app bundles the <strong>MLOps Gateway</strong> data source, which reads deployments, health, operational
        and drift metrics from an H2O MLOps gateway through Grafana&apos;s data-source proxy, and the{' '}
        <strong>Champion vs Challenger</strong> panel.
      </Text>
      <Text element="p">
        Add a data source, choose the authentication mode (refresh token or client credentials) and use{' '}
        <em>Save &amp; test</em>. Secrets stay on the Grafana server.
      </Text>
      <div>
        <LinkButton href={`/connections/datasources/new?type=${datasourcePlugin.id}`} icon="plus" variant="primary">
          Add an MLOps Gateway data source
        </LinkButton>
      </div>
      <TextLink href="https://docs.h2o.ai/mlops/" external>
        H2O MLOps documentation
      </TextLink>
    </Stack>
  );
}
