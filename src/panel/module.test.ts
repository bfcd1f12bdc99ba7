import {
  FieldType,
  VisualizationSuggestionScore,
  createDataFrame,
  getPanelDataSummary,
  type PanelPluginMeta,
} from '@grafana/data';

import { plugin } from './module';
import { dataFit, getSuggestionsForData, suggestionsFor } from './suggestions';
import { gatewayPair, healthFrame, labels, promSeries } from '../test/panelFrames';
import { ChampionFallback, DEFAULT_OPTIONS, MetricId, OPTIONS_SCHEMA_VERSION, type PanelOptions } from './types';

describe('panel plugin wiring', () => {
  it('migrates saved options through the registered handler, and only older ones', async () => {
    const panel = { id: 1, type: 'x', options: { schemaVersion: 1, topN: 3 }, fieldConfig: {} } as never;
    expect(plugin.shouldMigrate?.(panel)).toBe(true);
    expect(plugin.shouldMigrate?.({ options: { schemaVersion: OPTIONS_SCHEMA_VERSION } } as never)).toBe(false);
    expect(await plugin.onPanelMigration?.(panel)).toMatchObject({
      topN: 3,
      minPredictions: DEFAULT_OPTIONS.minPredictions,
      schemaVersion: OPTIONS_SCHEMA_VERSION,
    });
  });

  it('declares every option with its default, dependent options shown only when relevant', () => {
    const items: Array<{
      path: string;
      defaultValue?: unknown;
      category?: string[];
      showIf?: (o: PanelOptions) => boolean | undefined;
    }> = [];
    const builder: Record<string, unknown> = new Proxy(
      {},
      {
        get: (_, method: string) => (config: (typeof items)[number]) => {
          if (method.startsWith('add')) {
            items.push(config);
          }
          return builder;
        },
      }
    );
    plugin.getPanelOptionsSupplier()(builder as never, { data: [] });
    const byPath = Object.fromEntries(items.map((i) => [i.path, i]));
    const defaults: Record<string, unknown> = {};
    for (const item of items) {
      const [head, tail] = item.path.split('.');
      if (tail) {
        defaults[head] = { ...(defaults[head] as object), [tail]: item.defaultValue };
      } else {
        defaults[head] = item.defaultValue;
      }
    }
    expect(defaults).toEqual({ ...DEFAULT_OPTIONS, schemaVersion: OPTIONS_SCHEMA_VERSION });
    const shown = (path: string, o: Partial<PanelOptions>) =>
      byPath[path].showIf?.({ ...DEFAULT_OPTIONS, ...o }) ?? true;
    expect(shown('championMatch', {})).toBe(false);
    expect(shown('championMatch', { championFallback: ChampionFallback.Match })).toBe(true);
    expect(shown('directions.accuracy', { metrics: [MetricId.Latency] })).toBe(false);
    expect(shown('directions.latency', { metrics: [MetricId.Latency] })).toBe(true);
    expect(shown('directions.latency', { showComparison: false })).toBe(false);
    expect(shown('quadrantLabels', { showQuadrant: false })).toBe(false);
    expect(shown('topN', { showDrift: false })).toBe(false);
    expect(shown('schemaVersion', {})).toBe(false);
    expect(new Set(items.map((i) => i.category?.[0]).filter(Boolean))).toEqual(
      new Set(['Layout', 'Comparison', 'Better when', 'Drift', 'Models and data mapping'])
    );
  });
});

describe('suggestions', () => {
  it('offers the panel for our frames, best with two or more models', () => {
    expect(dataFit(gatewayPair())).toEqual({ score: VisualizationSuggestionScore.Best, models: 2 });
    expect(dataFit([healthFrame(labels('a', '1'), 1, 1)])?.score).toBe(VisualizationSuggestionScore.Good);
  });

  it('offers the panel for series with role labels', () => {
    expect(dataFit([promSeries('ml_model_accuracy', { role: 'champion' }, [0.9])])?.score).toBe(
      VisualizationSuggestionScore.Good
    );
  });

  it('offers mapped metrics of two models from other sources at a lower score', () => {
    const frames = [
      promSeries('ml_model_accuracy', { model_version: '1' }, [0.9]),
      promSeries('ml_model_accuracy', { model_version: '2' }, [0.8]),
    ];
    expect(dataFit(frames)?.score).toBe(VisualizationSuggestionScore.OK);
    expect(dataFit(frames.slice(0, 1))).toBeUndefined();
  });

  it('does not offer the panel for unrelated data', () => {
    expect(dataFit([])).toBeUndefined();
    expect(
      dataFit([createDataFrame({ fields: [{ name: 'x', type: FieldType.number, values: [1, 2] }] })])
    ).toBeUndefined();
  });

  it('works through Grafana 13 getSuggestions and the older builder API', () => {
    plugin.meta = { id: 'modelwatch-champion-panel', name: 'Champion vs Challenger' } as PanelPluginMeta;
    const list = plugin.getSuggestions(getPanelDataSummary(gatewayPair()));
    expect(list).toHaveLength(1);
    expect(list?.[0]).toMatchObject({
      pluginId: 'modelwatch-champion-panel',
      score: VisualizationSuggestionScore.Best,
    });
    const appended: unknown[] = [];
    getSuggestionsForData({
      dataSummary: getPanelDataSummary(gatewayPair()),
      getListAppender: () => ({ append: (s: unknown) => appended.push(s) }),
    } as never);
    expect(appended).toHaveLength(1);
  });

  it('simplifies the preview card', () => {
    const [suggestion] = suggestionsFor(gatewayPair())!;
    suggestion.cardOptions?.previewModifier?.(suggestion);
    expect(suggestion.options).toMatchObject({ showDrift: false, showPredictions: false });
  });
});
