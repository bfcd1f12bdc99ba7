import {
  FieldConfigProperty,
  ThresholdsMode,
  type PanelOptionsEditorBuilder,
  type SetFieldConfigOptionsArgs,
} from '@grafana/data';

import { MetricListEditor } from './components/editors/MetricListEditor';
import {
  ALL_METRICS,
  ChampionFallback,
  DEFAULT_OPTIONS,
  DeltaMode,
  Direction,
  LayoutMode,
  MAX_QUADRANT_LABELS,
  MAX_TOP_N,
  METRIC_LABELS,
  OPTIONS_SCHEMA_VERSION,
  type PanelOptions,
} from './types';

const LAYOUT = ['Layout'];
const COMPARISON = ['Comparison'];
const DIRECTIONS = ['Better when'];
const DRIFT = ['Drift'];
const MODELS = ['Models and data mapping'];

const directionOptions = [
  { value: Direction.LowerIsBetter, label: 'Lower' },
  { value: Direction.HigherIsBetter, label: 'Higher' },
  { value: Direction.Neutral, label: 'Neither' },
];

/**
 * Standard field options the panel honours (unit, decimals, thresholds, links); min/max and colour
 * are meaningless for a comparison and are hidden.
 */
export const fieldConfig: SetFieldConfigOptionsArgs = {
  disableStandardOptions: [
    FieldConfigProperty.Min,
    FieldConfigProperty.Max,
    FieldConfigProperty.FieldMinMax,
    FieldConfigProperty.Color,
  ],
  standardOptions: {
    // No threshold steps by default: a step on the drift or importance field is read as that
    // threshold, and on a metric field it marks values at or above it.
    [FieldConfigProperty.Thresholds]: {
      defaultValue: { mode: ThresholdsMode.Absolute, steps: [{ value: -Infinity, color: 'green' }] },
    },
  },
};

type Builder = PanelOptionsEditorBuilder<PanelOptions>;

/** The panel's options, grouped by category; dependent options only show when relevant. */
export function buildPanelOptions(builder: Builder): void {
  builder.addCustomEditor({
    id: 'schemaVersion',
    path: 'schemaVersion',
    name: 'Options schema version',
    editor: () => null,
    defaultValue: OPTIONS_SCHEMA_VERSION,
    showIf: () => false,
  });
  addLayoutOptions(builder);
  addComparisonOptions(builder);
  addDirectionOptions(builder);
  addDriftOptions(builder);
  addModelOptions(builder);
}

/** Layout: arrangement and which sections show. */
function addLayoutOptions(builder: Builder) {
  builder
    .addRadio({
      path: 'layout',
      name: 'Layout',
      description: 'Auto places comparison and drift side by side when the panel is wide enough.',
      category: LAYOUT,
      defaultValue: DEFAULT_OPTIONS.layout,
      settings: {
        options: [
          { value: LayoutMode.Auto, label: 'Auto' },
          { value: LayoutMode.Horizontal, label: 'Horizontal' },
          { value: LayoutMode.Vertical, label: 'Vertical' },
        ],
      },
    })
    .addBooleanSwitch({
      path: 'showComparison',
      name: 'Show comparison',
      category: LAYOUT,
      defaultValue: DEFAULT_OPTIONS.showComparison,
    })
    .addBooleanSwitch({
      path: 'showPredictions',
      name: 'Show predictions over time',
      category: LAYOUT,
      defaultValue: DEFAULT_OPTIONS.showPredictions,
    })
    .addBooleanSwitch({
      path: 'showDrift',
      name: 'Show drift',
      category: LAYOUT,
      defaultValue: DEFAULT_OPTIONS.showDrift,
    });
}

/** Comparison: metrics, how deltas are written, tolerance and verdict. */
function addComparisonOptions(builder: Builder) {
  builder
    .addCustomEditor({
      id: 'metrics',
      path: 'metrics',
      name: 'Metrics',
      description: 'Which metrics to compare, in display order.',
      category: COMPARISON,
      editor: MetricListEditor,
      defaultValue: DEFAULT_OPTIONS.metrics,
      showIf: (o) => o.showComparison !== false,
    })
    .addRadio({
      path: 'deltaMode',
      name: 'Challenger delta',
      category: COMPARISON,
      defaultValue: DEFAULT_OPTIONS.deltaMode,
      settings: {
        options: [
          { value: DeltaMode.Both, label: 'Both' },
          { value: DeltaMode.Absolute, label: 'Absolute' },
          { value: DeltaMode.Relative, label: 'Percent' },
        ],
      },
      showIf: (o) => o.showComparison !== false,
    })
    .addNumberInput({
      path: 'equalTolerancePercent',
      name: 'Equal within (%)',
      description: "Differences within this share of the champion's value count as the same, neither better nor worse.",
      category: COMPARISON,
      defaultValue: DEFAULT_OPTIONS.equalTolerancePercent,
      settings: { min: 0, max: 100, step: 0.5 },
      showIf: (o) => o.showComparison !== false,
    })
    .addNumberInput({
      path: 'minPredictions',
      name: 'Minimum predictions',
      description:
        'With fewer predictions than this on either side, a row says "not enough data" instead of better or worse.',
      category: COMPARISON,
      defaultValue: DEFAULT_OPTIONS.minPredictions,
      settings: { min: 0, integer: true },
      showIf: (o) => o.showComparison !== false,
    })
    .addBooleanSwitch({
      path: 'showVerdict',
      name: 'Show verdict',
      description: 'One line per challenger: "better on 3 of 4 metrics".',
      category: COMPARISON,
      defaultValue: DEFAULT_OPTIONS.showVerdict,
      showIf: (o) => o.showComparison !== false,
    });
}

/** "Better when": one direction per metric, shown only for metrics that are compared. */
function addDirectionOptions(builder: Builder) {
  for (const metric of ALL_METRICS) {
    builder.addRadio({
      path: `directions.${metric}`,
      name: METRIC_LABELS[metric],
      category: DIRECTIONS,
      defaultValue: DEFAULT_OPTIONS.directions[metric],
      settings: { options: directionOptions },
      showIf: (o) => o.showComparison !== false && (o.metrics ?? DEFAULT_OPTIONS.metrics).includes(metric),
    });
  }
}

/** Drift: top N, quadrant, fallback thresholds. */
function addDriftOptions(builder: Builder) {
  builder
    .addSliderInput({
      path: 'topN',
      name: 'Top drifting features',
      category: DRIFT,
      defaultValue: DEFAULT_OPTIONS.topN,
      settings: { min: 1, max: MAX_TOP_N, step: 1 },
      showIf: (o) => o.showDrift !== false,
    })
    .addBooleanSwitch({
      path: 'showQuadrant',
      name: 'Drift vs importance chart',
      category: DRIFT,
      defaultValue: DEFAULT_OPTIONS.showQuadrant,
      showIf: (o) => o.showDrift !== false,
    })
    .addSliderInput({
      path: 'quadrantLabels',
      name: 'Labelled features in the chart',
      description: 'How many drifted-and-important features get a name label.',
      category: DRIFT,
      defaultValue: DEFAULT_OPTIONS.quadrantLabels,
      settings: { min: 0, max: MAX_QUADRANT_LABELS, step: 1 },
      showIf: (o) => o.showDrift !== false && o.showQuadrant !== false,
    })
    .addBooleanSwitch({
      path: 'showFeatureComparison',
      name: 'Per-feature drift of challenger vs champion',
      category: DRIFT,
      defaultValue: DEFAULT_OPTIONS.showFeatureComparison,
      showIf: (o) => o.showDrift !== false,
    })
    .addNumberInput({
      path: 'driftThreshold',
      name: 'Drift threshold (fallback)',
      description:
        "Used when neither the data nor a threshold step on the drift field gives one (the gateway's default is 0.1).",
      category: DRIFT,
      defaultValue: DEFAULT_OPTIONS.driftThreshold,
      settings: { min: 0, step: 0.01 },
      showIf: (o) => o.showDrift !== false,
    })
    .addNumberInput({
      path: 'importanceThreshold',
      name: 'Importance threshold (fallback)',
      description: 'Used when neither the data nor a threshold step on the importance field gives one.',
      category: DRIFT,
      defaultValue: DEFAULT_OPTIONS.importanceThreshold,
      settings: { min: 0, step: 0.01 },
      showIf: (o) => o.showDrift !== false,
    });
}

/** Models and data mapping: who the champion is, and metric aliases. */
function addModelOptions(builder: Builder) {
  builder
    .addTextInput({
      path: 'championRole',
      name: 'Champion role',
      description: 'The value of the "role" label that marks the champion; every other model is a challenger.',
      category: MODELS,
      defaultValue: DEFAULT_OPTIONS.championRole,
    })
    .addSelect({
      path: 'championFallback',
      name: 'Champion when no role label',
      description: 'Which model is the champion when no model carries the champion role.',
      category: MODELS,
      defaultValue: DEFAULT_OPTIONS.championFallback,
      settings: {
        options: [
          { value: ChampionFallback.First, label: 'First model (query order)' },
          { value: ChampionFallback.OldestVersion, label: 'Oldest version' },
          { value: ChampionFallback.NewestVersion, label: 'Newest version' },
          { value: ChampionFallback.Match, label: 'Model named below' },
        ],
      },
    })
    .addTextInput({
      path: 'championMatch',
      name: 'Champion model',
      description: 'Model name, version, "name:version" or role of the champion.',
      category: MODELS,
      defaultValue: DEFAULT_OPTIONS.championMatch,
      settings: { placeholder: 'fraud-xgb:7' },
      showIf: (o) => o.championFallback === ChampionFallback.Match,
    })
    .addTextInput({
      path: 'metricAliases',
      name: 'Metric aliases',
      description:
        'Extra metric names of other data sources, one per line: "signal[(unit)][:reducer] = name, …", e.g. "latency(s) = scoring_time_seconds". Signals: predictions, latency, failureRate, failures, successes, availability, accuracy, drift, importance.',
      category: MODELS,
      defaultValue: DEFAULT_OPTIONS.metricAliases,
      settings: { useTextarea: true, rows: 3, placeholder: 'latency(s) = scoring_time_seconds' },
    });
}
