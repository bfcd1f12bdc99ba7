/**
 * The preview host: plays Grafana's part for the BUILT plugin modules in dist/, so the panel and
 * the editors can be seen and tested in a real browser without a Grafana server.
 *
 * Order matters and mirrors Grafana's boot: `window.grafanaBootData` is set by index.html before
 * this bundle runs (@grafana/runtime reads it at import time); then the runtime services are set,
 * the shared modules are registered with the AMD loader, the plugins are loaded from dist/, and
 * the view chosen by the URL is rendered inside Grafana's theme context.
 */
import React, { Component, useMemo, useState, type ErrorInfo, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { createTheme, ThemeContext, type GrafanaTheme2 } from '@grafana/data';
import { config, setBackendSrv, setTemplateSrv } from '@grafana/runtime';
import { Field, GlobalStyles, Input, PortalContainer, RadioButtonGroup, useStyles2 } from '@grafana/ui';

import { DEPLOYMENTS } from '../../../simulator/mlops1x/catalog';
import { SCENARIO_IDS, SCENARIOS } from '../../../simulator/scenarios';
import type { PanelOptions } from '../../../src/panel/types';
import {
  mlops1xChampionPanel,
  parsePreviewParams,
  previewTestIds,
  type PreviewParams,
  type PreviewTheme,
} from '../shared';
import { installDefine } from './amd';
import { provideSharedModules } from './sharedModules';
import { ConfigEditorView, QueryEditorView, VariableEditorView } from './EditorViews';
import { PanelView } from './PanelView';
import { loadPlugins, type LoadedPlugins, type MlopsDataSourceInstance } from './plugins';
import { AnnotationsView } from './AnnotationsView';
import { createBackendSrv, requestLog } from './services';
import { StaticTemplateSrv } from '../../templateSrv';
import { registerStandardFieldOptions } from './standardOptions';
import { css } from '@emotion/css';

declare global {
  interface Window {
    /** Handle for the browser tests. */
    __preview?: {
      state: 'loading' | 'ready' | 'error';
      error?: string;
      requests: typeof requestLog;
      params: PreviewParams;
      datasource?: MlopsDataSourceInstance;
    };
  }
}

function setState(state: 'loading' | 'ready' | 'error', error?: string) {
  document.body.dataset.previewState = state;
  if (window.__preview) {
    window.__preview.state = state;
    window.__preview.error = error;
  }
}

class ErrorBoundary extends Component<{ children: ReactNode }, { error?: Error }> {
  state: { error?: Error } = {};
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  componentDidCatch(error: Error, info: ErrorInfo) {
    console.error('preview: render error', error, info.componentStack);
    setState('error', error.message);
  }
  render() {
    return this.state.error ? (
      <pre data-testid={previewTestIds.bootError}>Render error: {this.state.error.message}</pre>
    ) : (
      this.props.children
    );
  }
}

const themeOptions = [
  { value: 'light' as const, label: 'Light' },
  { value: 'dark' as const, label: 'Dark' },
];

function Toolbar({
  params,
  theme,
  onTheme,
  championRole,
  onChampionRole,
  topN,
  onTopN,
}: {
  params: PreviewParams;
  theme: PreviewTheme;
  onTheme: (t: PreviewTheme) => void;
  championRole: string;
  onChampionRole: (v: string) => void;
  topN: number;
  onTopN: (v: number) => void;
}) {
  const styles = useStyles2(getStyles);
  return (
    <div className={styles.toolbar}>
      <strong>Plugin preview</strong>
      <span className={styles.muted}>
        view: {params.view} · deployment: {params.deployments.join(', ')} · size: {params.size} · last {params.hours} h
      </span>
      <RadioButtonGroup
        size="sm"
        options={themeOptions}
        value={theme}
        onChange={onTheme}
        data-testid={previewTestIds.themeToggle}
      />
      {(params.view === 'panel' || params.view === 'panel1x') && (
        <>
          <Field label="Champion role" horizontal className={styles.field}>
            <Input
              width={16}
              value={championRole}
              onChange={(e) => onChampionRole(e.currentTarget.value)}
              data-testid={previewTestIds.championRole}
            />
          </Field>
          <Field label="Top N" horizontal className={styles.field}>
            <Input
              type="number"
              width={8}
              min={1}
              max={50}
              value={topN}
              onChange={(e) => onTopN(Number(e.currentTarget.value))}
              data-testid={previewTestIds.topN}
            />
          </Field>
        </>
      )}
    </div>
  );
}

/** The 1.x view's panel: the 1.x deployment-detail dashboard's champion panel (targets and options). */
const CHAMPION_PANEL_1X = mlops1xChampionPanel();

function App({
  params,
  plugins,
  datasource,
  datasource1x,
  templateSrv,
}: {
  params: PreviewParams;
  plugins: LoadedPlugins;
  datasource: MlopsDataSourceInstance;
  datasource1x: MlopsDataSourceInstance;
  templateSrv: StaticTemplateSrv;
}) {
  const [themeName, setThemeName] = useState<PreviewTheme>(params.theme);
  const theme = useMemo<GrafanaTheme2>(() => createTheme({ colors: { mode: themeName } }), [themeName]);
  // Components that read the theme from config (not the context) follow the switch too.
  config.theme2 = theme;
  config.bootData.user.lightTheme = theme.isLight;
  document.body.className = `theme-${themeName}`;

  const baseOptions = useMemo(
    () => ({
      ...(plugins.panelPlugin.defaults as PanelOptions),
      ...(params.view === 'panel1x' ? (CHAMPION_PANEL_1X.options as Partial<PanelOptions>) : {}),
      ...(params.options as Partial<PanelOptions>),
    }),
    [plugins.panelPlugin, params.options, params.view]
  );
  const [championRole, setChampionRole] = useState(baseOptions.championRole);
  const [topN, setTopN] = useState(baseOptions.topN);
  const options = useMemo<PanelOptions>(
    () => ({ ...baseOptions, championRole, topN }),
    [baseOptions, championRole, topN]
  );

  return (
    <ThemeContext.Provider value={theme}>
      <GlobalStyles />
      <Page>
        <Toolbar
          params={params}
          theme={themeName}
          onTheme={setThemeName}
          championRole={championRole}
          onChampionRole={setChampionRole}
          topN={topN}
          onTopN={setTopN}
        />
        <ErrorBoundary>
          {params.view === 'panel' && (
            <PanelGrid>
              {params.deployments.map((deployment, index) => (
                <PanelView
                  key={deployment}
                  plugins={plugins}
                  datasource={datasource}
                  templateSrv={templateSrv}
                  deployment={deployment}
                  size={params.size}
                  hours={params.hours}
                  options={options}
                  panelId={index + 1}
                />
              ))}
            </PanelGrid>
          )}
          {params.view === 'panel1x' && (
            <PanelGrid>
              <PanelView
                plugins={plugins}
                datasource={datasource1x}
                templateSrv={templateSrv}
                deployment={params.deployments[0]}
                size={params.size}
                hours={params.hours}
                options={options}
                panelId={1}
                targets={CHAMPION_PANEL_1X.targets}
                label={mlops1xLabel(params.deployments[0])}
              />
            </PanelGrid>
          )}
          {params.view === 'query' && (
            <QueryEditorView
              plugins={plugins}
              datasource={datasource}
              deployment={params.deployments[0]}
              hours={params.hours}
            />
          )}
          {params.view === 'variable' && (
            <VariableEditorView datasource={datasource} deployment={params.deployments[0]} hours={params.hours} />
          )}
          {params.view === 'config' && <ConfigEditorView plugins={plugins} />}
          {params.view === 'annotations' && <AnnotationsView datasource={datasource} hours={params.hours} />}
        </ErrorBoundary>
      </Page>
      <PortalContainer />
    </ThemeContext.Provider>
  );
}

/** The 1.x panel's title and test-id key (`mlops1x-<scenario key>`). */
function mlops1xLabel(deployment: PreviewParams['deployments'][number]) {
  const name = SCENARIOS.find((s) => s.key === deployment)?.name ?? deployment;
  return { title: `${name} (H2O MLOps 1.x)`, key: `mlops1x-${deployment}` };
}

function Page({ children }: { children: ReactNode }) {
  const styles = useStyles2(getStyles);
  return <main className={styles.page}>{children}</main>;
}

function PanelGrid({ children }: { children: ReactNode }) {
  const styles = useStyles2(getStyles);
  return <div className={styles.grid}>{children}</div>;
}

const getStyles = (theme: GrafanaTheme2) => ({
  page: css({
    padding: theme.spacing(2),
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(2),
    minHeight: '100vh',
    background: theme.colors.background.canvas,
  }),
  toolbar: css({ display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: theme.spacing(2) }),
  field: css({ marginBottom: 0 }),
  muted: css({ color: theme.colors.text.secondary }),
  grid: css({ display: 'flex', flexWrap: 'wrap', gap: theme.spacing(2), alignItems: 'flex-start' }),
});

async function boot() {
  const params = parsePreviewParams(window.location.search);
  window.__preview = { state: 'loading', requests: requestLog, params };
  setState('loading');

  setBackendSrv(createBackendSrv());
  // One dashboard variable, so the editors' "$variable" options have something to offer; the
  // annotations view runs the dashboards' annotation queries for every chosen deployment (multi-value).
  const deploymentIds = params.deployments.map((key) => SCENARIO_IDS[key]);
  // The 1.x view's dashboard targets also name `$workspace` (the 1.x deployment's workspace) and
  // `$output` (its numerical model output column, whose prediction distribution the panel compares).
  const deployment1x = DEPLOYMENTS.find((d) => d.id === deploymentIds[0]);
  const templateSrv = new StaticTemplateSrv({
    deployment: params.view === 'annotations' ? deploymentIds : deploymentIds[0],
    workspace: deployment1x?.workspaceId ?? '-',
    output: deployment1x?.columns.find((c) => c.isModelOutput && c.logicalType === 'NUMERICAL')?.spec.name ?? '-',
  });
  setTemplateSrv(templateSrv);
  registerStandardFieldOptions();
  provideSharedModules();
  installDefine();

  const plugins = await loadPlugins();
  const datasource = plugins.createDataSource(plugins.settings);
  const datasource1x = plugins.createDataSource(plugins.settings1x);
  window.__preview.datasource = params.view === 'panel1x' ? datasource1x : datasource;

  const container = document.getElementById('root');
  if (!container) {
    throw new Error('index.html has no #root');
  }
  createRoot(container).render(
    <App
      params={params}
      plugins={plugins}
      datasource={datasource}
      datasource1x={datasource1x}
      templateSrv={templateSrv}
    />
  );
  setState('ready');
}

boot().catch((error: unknown) => {
  const message = error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error);
  console.error('preview: boot failed', error);
  const pre = document.createElement('pre');
  pre.dataset.testid = previewTestIds.bootError;
  pre.textContent = `Preview failed to start: ${message}`;
  document.body.append(pre);
  setState('error', message);
});
