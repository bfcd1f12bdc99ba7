/**
 * The panel benchmark's page: the BUILT panel (dist/panel/module.js, loaded through the preview's
 * AMD loader like Grafana loads it) and @grafana/ui's Table, each rendered on the same data —
 * 2,000 features × 5 models — inside Grafana's ThemeContext. The runner (../run.ts) calls
 * `window.__bench.measure(...)` and does the statistics; this page only times one render pair.
 */
import React, { type ReactElement } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import {
  applyFieldOverrides,
  createTheme,
  dateTime,
  EventBusSrv,
  FieldType,
  LoadingState,
  ThemeContext,
  type DataFrame,
  type Field,
  type PanelData,
  type PanelPlugin,
  type PanelProps,
} from '@grafana/data';
import { Table } from '@grafana/ui';
import { TableCellHeight } from '@grafana/schema';

import { installDefine, loadAmdModule } from '../../../devtools/preview/host/amd';
import { provideSharedModules } from '../../../devtools/preview/host/sharedModules';
import { registerStandardFieldOptions } from '../../../devtools/preview/host/standardOptions';
import { largeDataset, T0, HOUR } from '../../../src/test/panelFrames';
import type { PanelOptions } from '../../../src/panel/types';
import { BENCH_SIZE, type RenderTiming, type Subject } from '../protocol';

declare global {
  interface Window {
    __bench?: {
      state: 'loading' | 'ready' | 'error';
      error?: string;
      measure(subject: Subject, features: number, models: number): Promise<RenderTiming>;
      /** Renders the panel on that data and leaves it on the page (for the browser tests). */
      show(features: number, models: number): Promise<void>;
      /** Removes what show() rendered. */
      hide(): void;
    };
  }
}

const theme = createTheme({ colors: { mode: 'dark' } });
const eventBus = new EventBusSrv();

/** The frames as Grafana hands them to the panel: field config applied (display processors). */
function withFieldConfig(frames: DataFrame[], plugin?: PanelPlugin): DataFrame[] {
  return applyFieldOverrides({
    data: frames,
    fieldConfig: plugin?.fieldConfigDefaults ?? { defaults: {}, overrides: [] },
    fieldConfigRegistry: plugin?.fieldConfigRegistry,
    replaceVariables: (value) => value,
    theme,
    timeZone: 'utc',
  });
}

/**
 * The Table's equivalent frame: every feature-drift frame's fields (feature, drift, importance,
 * impact, status, …) concatenated into one table, with a model column — the same 2,000 × 5 rows.
 */
function tableFrame(frames: DataFrame[]): DataFrame {
  const drift = frames.filter((f) => (f.meta?.custom as { kind?: string } | undefined)?.kind === 'featureDrift');
  const model: string[] = [];
  const columns = new Map<string, Field>();
  for (const frame of drift) {
    const rows = frame.fields[0]?.values.length ?? 0;
    const label = frame.fields.find((f) => f.labels)?.labels ?? {};
    for (let i = 0; i < rows; i++) {
      model.push(`${label.model ?? ''} v${label.model_version ?? ''}`);
    }
    for (const field of frame.fields) {
      const column = columns.get(field.name) ?? { name: field.name, type: field.type, config: {}, values: [] };
      column.values.push(...field.values);
      columns.set(field.name, column);
    }
  }
  const fields = [{ name: 'model', type: FieldType.string, config: {}, values: model }, ...columns.values()];
  return { name: 'features', length: model.length, fields };
}

function panelProps(plugin: PanelPlugin<PanelOptions>, series: DataFrame[], options: PanelOptions): PanelProps {
  const from = dateTime(T0);
  const to = dateTime(T0 + 24 * HOUR);
  const data: PanelData = { series, state: LoadingState.Done, timeRange: { from, to, raw: { from, to } } };
  return {
    id: 1,
    data,
    timeRange: data.timeRange,
    timeZone: 'utc',
    options,
    transparent: false,
    width: BENCH_SIZE.width,
    height: BENCH_SIZE.height,
    fieldConfig: plugin.fieldConfigDefaults,
    renderCounter: 0,
    title: 'Champion vs challenger',
    eventBus,
    onOptionsChange: () => undefined,
    onFieldConfigChange: () => undefined,
    replaceVariables: (s: string) => s,
    onChangeTimeRange: () => undefined,
  };
}

/** After the commit: the next frame has been produced (rAF, then a task after its paint). */
function nextFrame(): Promise<void> {
  return new Promise((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(null);
    })
  );
}

/**
 * Times one render: React's synchronous commit (flushSync, layout effects included) plus a forced
 * style/layout of the container ("commit"), and until the next frame was produced ("frame").
 */
async function timeRender(label: string, container: HTMLElement, render: () => void) {
  performance.mark(`${label}:start`);
  const start = performance.now();
  flushSync(render);
  void container.offsetHeight; // forces style recalculation and layout now
  const commit = performance.now() - start;
  performance.mark(`${label}:commit`);
  await nextFrame();
  const frame = performance.now() - start;
  performance.measure(label, `${label}:start`);
  return { commit, frame };
}

function subjects(plugin: PanelPlugin<PanelOptions>) {
  const Panel = plugin.panel as React.ComponentType<PanelProps<PanelOptions>>;
  const defaults = plugin.defaults as PanelOptions;
  return {
    /** Option change: top N 10 → 15 (bars and per-feature comparison grow, the quadrant stays). */
    panel: (series: DataFrame[]) => (changed: boolean) => (
      <Panel {...(panelProps(plugin, series, { ...defaults, topN: changed ? 15 : 10 }) as PanelProps<PanelOptions>)} />
    ),
    /** Option change: cell height small → medium (every visible row re-lays out). */
    table: (series: DataFrame[]) => {
      const frame = withFieldConfig([tableFrame(series)])[0];
      return (changed: boolean) => (
        <Table
          data={frame}
          width={BENCH_SIZE.width}
          height={BENCH_SIZE.height}
          cellHeight={changed ? TableCellHeight.Md : TableCellHeight.Sm}
        />
      );
    },
  };
}

async function boot() {
  const notReady = () => Promise.reject(new Error('not ready'));
  window.__bench = { state: 'loading', measure: notReady, show: notReady, hide: () => undefined };
  provideSharedModules();
  registerStandardFieldOptions();
  installDefine();
  const { plugin } = await loadAmdModule<{ plugin: PanelPlugin<PanelOptions> }>('/plugin/panel/module.js');
  const build = subjects(plugin);
  window.__bench.measure = async (subject, features, models) => {
    // Fresh frames for every run, as after a new query: nothing memoised from a previous run applies.
    const series = withFieldConfig(largeDataset(models, features), plugin);
    const element: (changed: boolean) => ReactElement = build[subject](series);
    const container = document.createElement('div');
    container.style.cssText = `width:${BENCH_SIZE.width}px;height:${BENCH_SIZE.height}px;overflow:hidden`;
    document.getElementById('root')!.append(container);
    const root = createRoot(container);
    const themed = (changed: boolean) => (
      <ThemeContext.Provider value={theme}>{element(changed)}</ThemeContext.Provider>
    );
    try {
      const first = await timeRender(`${subject}:first`, container, () => root.render(themed(false)));
      const rerender = await timeRender(`${subject}:rerender`, container, () => root.render(themed(true)));
      return { first, rerender, nodes: container.querySelectorAll('*').length };
    } finally {
      root.unmount();
      container.remove();
    }
  };
  const shown = createRoot(document.getElementById('shown')!);
  window.__bench.show = async (features, models) => {
    const series = withFieldConfig(largeDataset(models, features), plugin);
    const element = build.panel(series)(false);
    flushSync(() => shown.render(<ThemeContext.Provider value={theme}>{element}</ThemeContext.Provider>));
    await nextFrame();
  };
  window.__bench.hide = () => flushSync(() => shown.render(null));
  window.__bench.state = 'ready';
}

boot().catch((error: unknown) => {
  const failed = () => Promise.reject(error);
  window.__bench = { state: 'error', error: String(error), measure: failed, show: failed, hide: () => undefined };
});
