import {
  VisualizationSuggestionScore,
  type DataFrame,
  type PanelDataSummary,
  type VisualizationSuggestion,
  type VisualizationSuggestionsSupplier,
} from '@grafana/data';

import { collectModels } from './data/collect';
import { frameKind, isIgnoredKind } from './data/mapping';
import type { PanelOptions } from './types';

/**
 * Visualization suggestions: offer the panel when the data holds models it can compare — frames
 * of our data source the panel reads (by frame kind, `shared/frameKinds.ts`), series with a role label, or model metrics of other data
 * sources mapped by name (at a lower score, and only with two or more models).
 */

interface DataFit {
  score: VisualizationSuggestionScore;
  models: number;
}

/** How well frames fit the panel; undefined when they do not. Pure. */
export function dataFit(frames: readonly DataFrame[]): DataFit | undefined {
  if (frames.length === 0) {
    return undefined;
  }
  const ours = frames.some((f) => {
    const kind = frameKind(f);
    return kind !== undefined && !isIgnoredKind(kind);
  });
  const hasRoleLabel = frames.some((f) => f.fields.some((field) => Boolean(field.labels?.role)));
  const { models } = collectModels(frames);
  if (models.length === 0) {
    return undefined;
  }
  if (ours || hasRoleLabel) {
    return {
      score: models.length >= 2 ? VisualizationSuggestionScore.Best : VisualizationSuggestionScore.Good,
      models: models.length,
    };
  }
  return models.length >= 2 ? { score: VisualizationSuggestionScore.OK, models: models.length } : undefined;
}

export function suggestionsFor(frames: readonly DataFrame[]): Array<VisualizationSuggestion<PanelOptions>> | undefined {
  const fit = dataFit(frames);
  if (!fit) {
    return undefined;
  }
  return [
    {
      name: 'Champion vs challenger',
      description: 'Compare the champion model with its challengers and show drift status.',
      score: fit.score,
      options: {},
      cardOptions: {
        previewModifier: (suggestion) => {
          // The preview card is small: the comparison alone reads best.
          suggestion.options = { ...suggestion.options, showDrift: false, showPredictions: false, showVerdict: false };
        },
      },
    },
  ];
}

/** Grafana 13's supplier: called with a summary of the panel's data. */
const suggestionsSupplier: VisualizationSuggestionsSupplier<PanelOptions> = (summary: PanelDataSummary) =>
  suggestionsFor(summary.rawFrames ?? []);

/** The parts of Grafana 12's (deprecated) suggestions builder this plugin uses. */
interface LegacySuggestionsBuilder {
  data?: DataFrame[];
  dataSummary?: { rawFrames?: DataFrame[] };
  getListAppender(defaults: {
    name: string;
    pluginId: string;
    options: {};
    fieldConfig: { defaults: {}; overrides: [] };
  }): {
    append(suggestion: VisualizationSuggestion): void;
  };
}

/**
 * Grafana 12 (still in this plugin's grafanaDependency range) loads its own PanelPlugin class,
 * which calls `supplier.getSuggestionsForData(builder)`; Grafana 13 calls the function. The
 * supplier registered in module.ts answers both.
 */
export function getSuggestionsForData(builder: LegacySuggestionsBuilder) {
  const list = suggestionsFor(builder.data ?? builder.dataSummary?.rawFrames ?? []);
  if (!list) {
    return;
  }
  const appender = builder.getListAppender({
    name: 'Champion vs challenger',
    pluginId: 'modelwatch-champion-panel',
    options: {},
    fieldConfig: { defaults: {}, overrides: [] },
  });
  list.forEach((s) => appender.append(s as VisualizationSuggestion));
}

export const compatibleSuggestionsSupplier: VisualizationSuggestionsSupplier<PanelOptions> = Object.assign(
  (summary: PanelDataSummary) => suggestionsSupplier(summary),
  { getSuggestionsForData }
);
