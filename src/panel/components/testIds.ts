/**
 * Stable test ids of the champion/challenger panel, shared by the Jest tests and the browser
 * tests. Grafana's convention: `data-testid <description>`.
 */
export const panelTestIds = {
  panel: 'data-testid champion-panel',
  states: {
    loading: 'data-testid champion-panel state-loading',
    noData: 'data-testid champion-panel state-no-data',
    unrecognised: 'data-testid champion-panel state-unrecognised',
    error: 'data-testid champion-panel state-error',
    /** Query errors shown above otherwise usable data. */
    partialErrors: 'data-testid champion-panel partial-errors',
    notices: 'data-testid champion-panel notices',
    onlyChampion: 'data-testid champion-panel only-champion',
    nothingSelected: 'data-testid champion-panel nothing-selected',
  },
  comparison: {
    container: 'data-testid champion-panel comparison',
    table: 'data-testid champion-panel comparison-table',
    /** The table's horizontally scrolling container. */
    scroll: 'data-testid champion-panel comparison-scroll',
    modelHeader: (index: number) => `data-testid champion-panel model-header ${index}`,
    row: (metric: string) => `data-testid champion-panel metric-row ${metric}`,
    cell: (metric: string, modelIndex: number) => `data-testid champion-panel metric-cell ${metric} ${modelIndex}`,
    delta: (metric: string, modelIndex: number) => `data-testid champion-panel delta ${metric} ${modelIndex}`,
    missingMetric: (metric: string) => `data-testid champion-panel missing-metric ${metric}`,
    verdicts: 'data-testid champion-panel verdicts',
    verdict: (modelIndex: number) => `data-testid champion-panel verdict ${modelIndex}`,
  },
  predictions: {
    container: 'data-testid champion-panel predictions',
    series: (modelIndex: number) => `data-testid champion-panel predictions-series ${modelIndex}`,
    name: (modelIndex: number) => `data-testid champion-panel predictions-name ${modelIndex}`,
    axis: 'data-testid champion-panel predictions-axis',
  },
  drift: {
    container: 'data-testid champion-panel drift',
    modelPicker: 'data-testid champion-panel drift-model-picker',
    badge: 'data-testid champion-panel drift-badge',
    counts: 'data-testid champion-panel drift-counts',
    count: (key: string) => `data-testid champion-panel drift-count ${key}`,
    topBars: 'data-testid champion-panel top-drift-bars',
    bar: (feature: string) => `data-testid champion-panel drift-bar ${feature}`,
    thresholdMarker: 'data-testid champion-panel drift-threshold-marker',
    quadrant: 'data-testid champion-panel drift-quadrant',
    quadrantPoints: 'data-testid champion-panel drift-quadrant-points',
    quadrantLabel: 'data-testid champion-panel drift-quadrant-label',
    quadrantCanvas: 'data-testid champion-panel drift-quadrant-canvas',
    quadrantHover: 'data-testid champion-panel drift-quadrant-hover',
    quadrantThreshold: (axis: 'drift' | 'importance') => `data-testid champion-panel drift-quadrant-threshold ${axis}`,
    featureComparison: 'data-testid champion-panel feature-comparison',
    challengerPicker: 'data-testid champion-panel feature-comparison-challenger',
    featureRow: (feature: string) => `data-testid champion-panel feature-row ${feature}`,
    noFeatures: 'data-testid champion-panel drift-no-features',
  },
  editor: {
    metricList: 'data-testid champion-panel-editor metric-list',
    metricToggle: (metric: string) => `data-testid champion-panel-editor metric-toggle ${metric}`,
    moveUp: (metric: string) => `data-testid champion-panel-editor move-up ${metric}`,
    moveDown: (metric: string) => `data-testid champion-panel-editor move-down ${metric}`,
  },
} as const;
