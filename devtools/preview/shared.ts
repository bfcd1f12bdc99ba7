import { SCENARIO_IDS, type ScenarioKey } from '../../simulator/scenarios';
import {
  ModelScope,
  PredictionsUnit,
  QUERY_SCHEMA_VERSION,
  QueryType,
  type MlopsQuery,
} from '../../src/datasource/types';
import { OperationalMetric } from '../../src/shared/operationalMetrics';
import mlops1xDetailDashboard from '../../provisioning/dashboards/mlops/mlops1x-deployment-detail.json';

/**
 * What the preview page (browser), its server and the browser tests (Node) agree on: the data
 * source's uid and URLs, the URL parameters of the page, the test ids of the preview's own chrome,
 * and the queries behind a preview panel.
 */

export const PREVIEW_DS_UID = 'mlops-gateway';
/** The preview's H2O MLOps 1.x data source (the provisioned one's uid: provisioning/datasources/mlops.yaml). */
export const PREVIEW_DS_1X_UID = 'mlops-1x';
export const PROXY_PREFIX = '/api/datasources/proxy/uid/';
/** Where Grafana serves a plugin's files; the app's nested plugins live in sub-folders of `dist/`. */
export const PLUGIN_BASE = '/public/plugins/';
export const APP_ID = 'modelwatch-mlops-app';
export const DATASOURCE_ID = 'modelwatch-mlopsgateway-datasource';
export const PANEL_ID = 'modelwatch-champion-panel';

export type PreviewView = 'panel' | 'panel1x' | 'query' | 'variable' | 'config' | 'annotations';
export type PreviewTheme = 'light' | 'dark';
export type PanelSize = 'small' | 'medium' | 'large';

/** Panel content sizes (what Grafana passes as width/height, i.e. without the panel header). */
export const PANEL_SIZES: Readonly<Record<PanelSize, { width: number; height: number }>> = {
  small: { width: 420, height: 340 },
  medium: { width: 820, height: 560 },
  large: { width: 1240, height: 840 },
};

export interface PreviewParams {
  view: PreviewView;
  theme: PreviewTheme;
  size: PanelSize;
  /** Scenario keys; the panel view renders one panel per deployment. */
  deployments: ScenarioKey[];
  /** Hours of history up to now (the dashboard time range). */
  hours: number;
  /** Panel option overrides, merged over the plugin's defaults. */
  options: Record<string, unknown>;
}

const VIEWS: readonly PreviewView[] = ['panel', 'panel1x', 'query', 'variable', 'config', 'annotations'];
const SIZES = Object.keys(PANEL_SIZES) as PanelSize[];

export function isScenarioKey(key: string): key is ScenarioKey {
  return Object.prototype.hasOwnProperty.call(SCENARIO_IDS, key);
}

/**
 * Reads the page's URL parameters:
 * `view` (panel|panel1x|query|variable|config|annotations), `theme` (light|dark), `size` (small|medium|large),
 * `deployment` (scenario keys, comma-separated: shadow, drifting, healthy, split, …), `hours`,
 * and `options` (JSON of panel option overrides, e.g. `{"topN":3}`).
 */
export function parsePreviewParams(search: string): PreviewParams {
  const params = new URLSearchParams(search);
  const view = params.get('view') as PreviewView | null;
  const size = params.get('size') as PanelSize | null;
  const deployments = (params.get('deployment') ?? 'shadow')
    .split(',')
    .map((d) => d.trim())
    .filter(isScenarioKey);
  let options: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(params.get('options') ?? '{}');
    options = parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  } catch {
    options = {};
  }
  const hours = Number(params.get('hours') ?? 24);
  return {
    view: view && VIEWS.includes(view) ? view : 'panel',
    theme: params.get('theme') === 'dark' ? 'dark' : 'light',
    size: size && SIZES.includes(size) ? size : 'medium',
    deployments: deployments.length > 0 ? deployments : ['shadow'],
    hours: Number.isFinite(hours) && hours > 0 ? hours : 24,
    options,
  };
}

/** Builds a preview URL path (relative to the server root). */
export function previewPath(
  params: Partial<Omit<PreviewParams, 'deployments'>> & { deployments?: ScenarioKey[] }
): string {
  const search = new URLSearchParams();
  if (params.view) {
    search.set('view', params.view);
  }
  if (params.theme) {
    search.set('theme', params.theme);
  }
  if (params.size) {
    search.set('size', params.size);
  }
  if (params.deployments) {
    search.set('deployment', params.deployments.join(','));
  }
  if (params.hours) {
    search.set('hours', String(params.hours));
  }
  if (params.options && Object.keys(params.options).length > 0) {
    search.set('options', JSON.stringify(params.options));
  }
  return `/?${search.toString()}`;
}

/**
 * The queries of a preview panel for one deployment — what a dashboard author would set up for
 * the champion/challenger panel (see the README, "Data mapping"): every model of the deployment
 * (model scope "all", which fills in the roles) for health, operational summary, failed/successful
 * predictions, predictions over time, drift summary and feature drift, plus the models table
 * (gateway drift and accuracy status).
 */
export function panelQueries(deploymentId: string): MlopsQuery[] {
  const perModel = (refId: string, queryType: QueryType, extra: Partial<MlopsQuery> = {}): MlopsQuery => ({
    refId,
    schemaVersion: QUERY_SCHEMA_VERSION,
    queryType,
    deploymentId,
    modelScope: ModelScope.All,
    ...extra,
  });
  return [
    perModel('health', QueryType.HealthSummary),
    perModel('operational', QueryType.OperationalSummary),
    perModel('failures', QueryType.OperationalTimeSeries, {
      operationalMetrics: [OperationalMetric.FailedPrediction, OperationalMetric.SuccessPrediction],
    }),
    perModel('predictions', QueryType.PredictionsOverTime, { predictionsUnit: PredictionsUnit.CountPerBin }),
    perModel('driftSummary', QueryType.DriftSummary),
    perModel('featureDrift', QueryType.FeatureDrift),
    { refId: 'models', schemaVersion: QUERY_SCHEMA_VERSION, queryType: QueryType.Models, deploymentId },
  ];
}

interface DashboardPanelJson {
  type: string;
  targets: MlopsQuery[];
  options: Record<string, unknown>;
}

/**
 * The champion panel of the provisioned "MLOps 1.x deployment detail" dashboard, read from its
 * JSON so the `panel1x` view runs exactly the dashboard's targets (with `$workspace` and
 * `$deployment` set by the preview's template variables) and options.
 */
export function mlops1xChampionPanel(): { targets: MlopsQuery[]; options: Record<string, unknown> } {
  const panels = (mlops1xDetailDashboard as { panels: DashboardPanelJson[] }).panels;
  const panel = panels.find((p) => p.type === PANEL_ID);
  if (!panel) {
    throw new Error('mlops1x-deployment-detail.json has no champion panel');
  }
  // The preview runs every target on the 1.x data source itself: drop the `${datasource}` refs.
  const targets = panel.targets.map((target) => {
    const copy = { ...target };
    delete copy.datasource;
    return copy;
  });
  return { targets, options: panel.options };
}

/** Test ids of the preview's own elements (the plugin's ids are in src/…/testIds.ts). */
export const previewTestIds = {
  /** Set on <body> as `data-preview-state`: loading | ready | error. */
  bootError: 'data-testid preview boot-error',
  panelBox: (deployment: string) => `data-testid preview panel ${deployment}`,
  panelTitle: 'data-testid preview panel-title',
  championRole: 'data-testid preview champion-role',
  topN: 'data-testid preview top-n',
  themeToggle: 'data-testid preview theme-toggle',
  queryView: 'data-testid preview query-view',
  queryEditorBox: 'data-testid preview query-editor-box',
  configEditorBox: 'data-testid preview config-editor-box',
  frames: 'data-testid preview frames',
  frame: (index: number) => `data-testid preview frame ${index}`,
  queryErrors: 'data-testid preview query-errors',
  queryMeta: 'data-testid preview query-meta',
  runCount: 'data-testid preview run-count',
  queryJson: 'data-testid preview query-json',
  testButton: 'data-testid preview test-datasource',
  testResult: 'data-testid preview test-result',
  validateButton: 'data-testid preview validate',
  validateResult: 'data-testid preview validate-result',
  settingsJson: 'data-testid preview settings-json',
  variableValues: 'data-testid preview variable-values',
  annotationsView: 'data-testid preview annotations-view',
  annotation: (dashboard: string) => `data-testid preview annotation ${dashboard}`,
  annotationEvent: 'data-testid preview annotation-event',
  annotationError: 'data-testid preview annotation-error',
} as const;
