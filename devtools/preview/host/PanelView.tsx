import React, { useEffect, useMemo, useState } from 'react';
import { css } from '@emotion/css';
import {
  applyFieldOverrides,
  CoreApp,
  dateTime,
  EventBusSrv,
  LoadingState,
  type DataQueryRequest,
  type GrafanaTheme2,
  type PanelData,
  type TimeRange,
} from '@grafana/data';
import { useStyles2, useTheme2 } from '@grafana/ui';
import { from } from 'rxjs';

import { SCENARIO_IDS, SCENARIOS, type ScenarioKey } from '../../../simulator/scenarios';
import type { MlopsQuery } from '../../../src/datasource/types';
import type { PanelOptions } from '../../../src/panel/types';
import { PANEL_SIZES, panelQueries, previewTestIds, type PanelSize } from '../shared';
import type { LoadedPlugins, MlopsDataSourceInstance } from './plugins';
import type { StaticTemplateSrv } from '../../templateSrv';

interface Props {
  plugins: LoadedPlugins;
  datasource: MlopsDataSourceInstance;
  templateSrv: StaticTemplateSrv;
  deployment: ScenarioKey;
  size: PanelSize;
  hours: number;
  options: PanelOptions;
  panelId: number;
  /** The panel's targets; default: the legacy gateway queries of `deployment` (shared.ts panelQueries). */
  targets?: MlopsQuery[];
  /** Title suffix and test-id key; default: the scenario's name and key. */
  label?: { title: string; key: string };
}

function timeRangeOf(hours: number): TimeRange {
  const to = dateTime();
  const from = dateTime(to.valueOf() - hours * 3600_000);
  return { from, to, raw: { from: `now-${hours}h`, to: 'now' } };
}

/**
 * One panel of the preview "dashboard": runs the panel's queries through the data source's
 * `query()` (as Grafana's PanelQueryRunner does), applies the panel plugin's field-config defaults
 * to the frames (`applyFieldOverrides`, as Grafana does before a panel sees them) and renders the
 * panel plugin's component at a fixed content size.
 */
export function PanelView(props: Props) {
  const { plugins, datasource, templateSrv, deployment, size, hours, options, panelId, targets, label } = props;
  const theme = useTheme2();
  const styles = useStyles2(getStyles);
  const { width, height } = PANEL_SIZES[size];
  const deploymentId = SCENARIO_IDS[deployment];
  const title = label?.title ?? SCENARIOS.find((s) => s.key === deployment)?.name ?? deployment;
  const [raw, setRaw] = useState<PanelData>(() => ({
    state: LoadingState.NotStarted,
    series: [],
    timeRange: timeRangeOf(hours),
  }));
  const eventBus = useMemo(() => new EventBusSrv(), []);

  useEffect(() => {
    const range = timeRangeOf(hours);
    const intervalMs = Math.max(60_000, Math.round((hours * 3600_000) / width));
    const request: DataQueryRequest<MlopsQuery> = {
      requestId: `preview-panel-${panelId}`,
      interval: `${Math.round(intervalMs / 60_000)}m`,
      intervalMs,
      maxDataPoints: width,
      range,
      scopedVars: {},
      timezone: 'browser',
      app: CoreApp.Dashboard,
      startTime: Date.now(),
      panelId,
      dashboardUID: 'preview',
      targets: targets ?? panelQueries(deploymentId),
    };
    setRaw((previous) => ({ ...previous, state: LoadingState.Loading, timeRange: range }));
    // DataSourceApi.query may return a promise or an observable; Grafana accepts both.
    const sub = from(datasource.query(request)).subscribe({
      next: (response) =>
        setRaw({
          state: response.state ?? LoadingState.Done,
          series: response.data,
          errors: response.errors,
          error: response.error,
          timeRange: range,
          request,
        }),
      error: (error: unknown) =>
        setRaw({ state: LoadingState.Error, series: [], error: { message: String(error) }, timeRange: range, request }),
    });
    return () => sub.unsubscribe();
  }, [datasource, deploymentId, hours, panelId, width, targets]);

  const { panelPlugin } = plugins;
  const data = useMemo<PanelData>(
    () => ({
      ...raw,
      series: applyFieldOverrides({
        data: raw.series,
        fieldConfig: panelPlugin.fieldConfigDefaults,
        fieldConfigRegistry: panelPlugin.fieldConfigRegistry,
        replaceVariables: (value, scopedVars) => templateSrv.replace(value, scopedVars),
        theme,
        timeZone: 'browser',
      }),
    }),
    [raw, panelPlugin, templateSrv, theme]
  );

  const Panel = panelPlugin.panel;
  if (!Panel) {
    return null;
  }
  return (
    <section
      className={styles.box}
      style={{ width: width + 2 }}
      data-testid={previewTestIds.panelBox(label?.key ?? deployment)}
      data-state={raw.state}
    >
      <header className={styles.header} data-testid={previewTestIds.panelTitle}>
        Champion vs challenger · {title}
      </header>
      <div className={styles.content} style={{ width, height }}>
        <Panel
          id={panelId}
          data={data}
          timeRange={data.timeRange}
          timeZone="browser"
          options={options}
          fieldConfig={panelPlugin.fieldConfigDefaults}
          transparent={false}
          width={width}
          height={height}
          renderCounter={0}
          title={title}
          eventBus={eventBus}
          onOptionsChange={() => undefined}
          onFieldConfigChange={() => undefined}
          replaceVariables={(value, scopedVars) => templateSrv.replace(value, scopedVars)}
          onChangeTimeRange={() => undefined}
        />
      </div>
    </section>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  box: css({
    background: theme.colors.background.primary,
    border: `1px solid ${theme.components.panel.borderColor}`,
    borderRadius: theme.shape.radius.default,
    boxShadow: theme.components.panel.boxShadow,
  }),
  header: css({
    height: theme.spacing(theme.components.panel.headerHeight),
    display: 'flex',
    alignItems: 'center',
    padding: theme.spacing(0, 1),
    fontSize: theme.typography.h6.fontSize,
    fontWeight: theme.typography.fontWeightMedium,
  }),
  content: css({ position: 'relative', overflow: 'hidden' }),
});
