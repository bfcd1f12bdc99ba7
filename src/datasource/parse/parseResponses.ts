import type { z } from 'zod';

import {
  rawDriftMetricsSchema,
  rawGetMonitoredDeploymentSchema,
  rawGetMonitoredModelsSchema,
  rawHealthMetricsSchema,
  rawListMonitoredDeploymentsSchema,
  rawOperationalSummarySchema,
  type RawBoxPlot,
  type RawDeployment,
  type RawFeature,
  type RawHistogram,
  type RawModel,
  type RawPoint,
  type RawSimpleGraph,
} from '../gateway/rawTypes';
import type {
  BoxPlot,
  CategoryPoint,
  Deployment,
  DeploymentPage,
  DriftMetrics,
  Feature,
  FeatureFrequency,
  GraphLabels,
  HealthMetrics,
  Model,
  ModelPage,
  OperationalSummary,
  TimeGraph,
  TimeHistogram,
  TimePoint,
} from './domain';
import {
  ResponseShapeError,
  optionalText,
  parseDecimal,
  parseInt64,
  parseNumber,
  parseTime,
  requireTime,
} from './scalars';
import { OperationalMetric } from '../../shared/operationalMetrics';

/**
 * Pure parsers: raw response body (unknown) → validated raw shape → typed domain object.
 * Every failure is a {@link ResponseShapeError} whose message names the JSON path, so a user
 * sees "deployment[2].models[0].averageScoringRequests: expected number" rather than a crash.
 */

/** Checks the body against a raw schema. Non-objects (HTML pages, text, truncated JSON) fail here. */
function decode<S extends z.ZodType>(schema: S, body: unknown, what: string): z.infer<S> {
  if (body === '') {
    throw new ResponseShapeError(`${what}: the gateway returned an empty body`, '');
  }
  if (typeof body === 'string') {
    const looksLikeHtml = /^\s*</.test(body);
    throw new ResponseShapeError(
      looksLikeHtml
        ? `${what}: the gateway answered with an HTML page instead of JSON (check the gateway URL and base path)`
        : `${what}: the response is not valid JSON`,
      ''
    );
  }
  if (body === null || body === undefined || typeof body !== 'object' || Array.isArray(body)) {
    throw new ResponseShapeError(`${what}: expected a JSON object, got ${describe(body)}`, '');
  }
  const result = schema.safeParse(body);
  if (!result.success) {
    const issue = result.error.issues[0];
    const path = issue.path
      .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
      .join('')
      .replace(/^\./, '');
    throw new ResponseShapeError(`${what}: ${issue.message}`, path);
  }
  return result.data;
}

function describe(body: unknown): string {
  if (body === null || body === undefined) {
    return 'an empty body';
  }
  return Array.isArray(body) ? 'an array' : typeof body;
}

function parseModel(raw: RawModel, path: string): Model {
  return {
    name: optionalText(raw.registeredModelName),
    version: optionalText(raw.registeredModelVersion),
    driftStatus: optionalText(raw.driftStatus) || 'UNKNOWN',
    accuracy: optionalText(raw.accuracy) || 'UNKNOWN',
    averageScoringRequests: parseNumber(raw.averageScoringRequests, `${path}.averageScoringRequests`),
  };
}

function parseDeployment(raw: RawDeployment, path: string): Deployment {
  const id = optionalText(raw.id);
  if (!id) {
    throw new ResponseShapeError('deployment without an id', path);
  }
  return {
    id,
    name: optionalText(raw.name),
    description: optionalText(raw.description),
    mode: optionalText(raw.mode),
    environment: optionalText(raw.environment),
    type: optionalText(raw.type),
    problemType: optionalText(raw.problemType),
    models: (raw.models ?? []).map((m, i) => parseModel(m, `${path}.models[${i}]`)),
    deploymentDate: parseTime(raw.deploymentDate, `${path}.deploymentDate`),
    projectId: optionalText(raw.projectId),
    monitoringEnabled: raw.monitoringEnabled ?? null,
    storeScoringData: raw.storeScoringData ?? null,
  };
}

export function parseDeploymentPage(body: unknown): DeploymentPage {
  const raw = decode(rawListMonitoredDeploymentsSchema, body, 'list of deployments');
  return {
    deployments: (raw.deployment ?? []).map((d, i) => parseDeployment(d, `deployment[${i}]`)),
    totalDeployments: parseInt64(raw.totalDeployments, 'totalDeployments'),
    totalPredictions: parseInt64(raw.totalPredictions, 'totalPredictions'),
    nextPageToken: optionalText(raw.nextPageToken),
  };
}

export function parseDeploymentResponse(body: unknown): Deployment {
  const raw = decode(rawGetMonitoredDeploymentSchema, body, 'deployment');
  if (!raw.deployment) {
    throw new ResponseShapeError('deployment: the response has no deployment', 'deployment');
  }
  return parseDeployment(raw.deployment, 'deployment');
}

export function parseModelPage(body: unknown): ModelPage {
  const raw = decode(rawGetMonitoredModelsSchema, body, 'models of the deployment');
  return {
    models: (raw.model ?? []).map((m, i) => parseModel(m, `model[${i}]`)),
    nextPageToken: optionalText(raw.nextPageToken),
  };
}

function graphLabels(raw: {
  name?: string | null;
  description?: string | null;
  xLabel?: string | null;
  yLabel?: string | null;
}): GraphLabels {
  return {
    name: optionalText(raw.name),
    description: optionalText(raw.description),
    xLabel: optionalText(raw.xLabel),
    yLabel: optionalText(raw.yLabel),
  };
}

function parseTimeHistogram(raw: RawHistogram | null | undefined, path: string): TimeHistogram | null {
  if (!raw) {
    return null;
  }
  const bins = (raw.bin ?? []).map((bin, i) => {
    const binPath = `${path}.bin[${i}]`;
    const start = requireTime(bin.xMin, `${binPath}.xMin`);
    const end = requireTime(bin.xMax, `${binPath}.xMax`);
    if (end < start) {
      throw new ResponseShapeError('bin ends before it starts', binPath);
    }
    return { start, end, count: parseDecimal(bin.y, `${binPath}.y`) };
  });
  bins.sort((a, b) => a.start - b.start);
  return { ...graphLabels(raw), bins };
}

function parseBoxPlot(raw: RawBoxPlot | null | undefined, path: string): BoxPlot | null {
  if (!raw) {
    return null;
  }
  const boxes = (raw.box ?? []).map((box, i) => {
    const boxPath = `${path}.box[${i}]`;
    // xMin/xMax bound the interval; x alone (some servers) marks it.
    const start = parseTime(box.xMin, `${boxPath}.xMin`) ?? requireTime(box.x, `${boxPath}.x`);
    return {
      start,
      end: parseTime(box.xMax, `${boxPath}.xMax`),
      min: parseDecimal(box.y0, `${boxPath}.y0`),
      q1: parseDecimal(box.y1, `${boxPath}.y1`),
      median: parseDecimal(box.y2, `${boxPath}.y2`),
      q3: parseDecimal(box.y3, `${boxPath}.y3`),
      max: parseDecimal(box.y4, `${boxPath}.y4`),
    };
  });
  boxes.sort((a, b) => a.start - b.start);
  return { ...graphLabels(raw), boxes };
}

/**
 * The number a SimpleGraph point carries. Decision (README, "Open points"): `yAxis` holds the
 * number, as in every graph the official UI draws (x against y); `value` is read only when
 * `yAxis` is empty, so servers that put the number there still work. Neither: no value (null).
 */
export function pointNumber(point: RawPoint, path: string): number | null {
  const y = parseDecimal(point.yAxis, `${path}.yAxis`);
  if (y !== null || (point.yAxis ?? '').trim() !== '') {
    return y;
  }
  return parseDecimal(point.value, `${path}.value`);
}

function parseTimePoints(points: RawPoint[] | null | undefined, path: string): TimePoint[] {
  return (points ?? [])
    .map((point, i) => ({
      time: requireTime(point.xAxis, `${path}[${i}].xAxis`),
      value: pointNumber(point, `${path}[${i}]`),
    }))
    .sort((a, b) => a.time - b.time);
}

function parseTimeGraph(raw: RawSimpleGraph | null | undefined, path: string): TimeGraph | null {
  if (!raw) {
    return null;
  }
  return { ...graphLabels(raw), points: parseTimePoints(raw.point, `${path}.point`) };
}

export function parseHealthMetrics(body: unknown): HealthMetrics {
  const raw = decode(rawHealthMetricsSchema, body, 'health metrics');
  return {
    totalPredictions: parseInt64(raw.totalPredictions, 'totalPredictions'),
    scoringLatencyMs: parseNumber(raw.scoringLatency, 'scoringLatency'),
    predictions: parseTimeHistogram(raw.predictions, 'predictions'),
    predictionValues: parseBoxPlot(raw.predictionValues, 'predictionValues'),
  };
}

export function parseOperationalSummary(body: unknown): OperationalSummary {
  const raw = decode(rawOperationalSummarySchema, body, 'operational summary');
  const graphs = {} as Record<OperationalMetric, TimeGraph | null>;
  for (const metric of Object.values(OperationalMetric)) {
    graphs[metric] = parseTimeGraph(raw[metric], metric);
  }
  return {
    uptime: parseNumber(raw.uptime, 'uptime'),
    avgScoringLatencyMs: parseNumber(raw.avgScoringLatency, 'avgScoringLatency'),
    graphs,
  };
}

/**
 * proto3 semantics: an absent `driftCalculated` is false. When drift was not calculated the
 * gateway's drift, importance and impact are defaults, so they become null rather than 0.
 */
function parseFeature(raw: RawFeature, path: string): Feature {
  const driftCalculated = raw.driftCalculated === true;
  const measured = (value: number | null | undefined, field: string) =>
    driftCalculated ? parseNumber(value, `${path}.${field}`) : null;
  return {
    name: optionalText(raw.name),
    dataType: optionalText(raw.dataType),
    driftCalculated,
    drift: measured(raw.drift, 'drift'),
    importance: measured(raw.importance, 'importance'),
    impact: measured(raw.impact, 'impact'),
    missingValues: parseInt64(raw.missingValues, `${path}.missingValues`),
  };
}

function parseCategoryPoints(points: RawPoint[] | null | undefined, path: string): CategoryPoint[] {
  return (points ?? []).map((point, i) => ({
    category: optionalText(point.xAxis),
    value: pointNumber(point, `${path}[${i}]`),
  }));
}

export function parseDriftMetrics(body: unknown): DriftMetrics {
  const raw = decode(rawDriftMetricsSchema, body, 'drift metrics');
  const importance = raw.featureImportance;
  const driftOverTime = (importance?.featureDrift ?? []).map((item, i) => {
    const path = `featureImportance.featureDrift[${i}]`;
    return {
      feature: parseFeature(item.Feature ?? {}, `${path}.Feature`),
      points: parseTimePoints(item.drift, `${path}.drift`),
    };
  });
  const summaryFeatures = (raw.featureSummary?.feature ?? []).map((f, i) =>
    parseFeature(f, `featureSummary.feature[${i}]`)
  );
  const frequencies: FeatureFrequency[] = (raw.featureFrequency?.featureDensity ?? []).map((density, i) => {
    const path = `featureFrequency.featureDensity[${i}]`;
    const featureName = optionalText(density.featureName);
    if (density.continuous && (density.continuous.bin ?? []).length > 0) {
      const bins = (density.continuous.bin ?? []).map((bin, j) => {
        const binPath = `${path}.continuous.bin[${j}]`;
        const min = parseDecimal(bin.xMin, `${binPath}.xMin`);
        const max = parseDecimal(bin.xMax, `${binPath}.xMax`);
        if (min === null || max === null) {
          throw new ResponseShapeError('bin without bounds', binPath);
        }
        return { min, max, count: parseDecimal(bin.y, `${binPath}.y`) };
      });
      return { featureName, kind: 'continuous', histogram: graphLabels(density.continuous), bins };
    }
    if (density.categorical && (density.categorical.point ?? []).length > 0) {
      return {
        featureName,
        kind: 'categorical',
        graph: graphLabels(density.categorical),
        categories: parseCategoryPoints(density.categorical.point, `${path}.categorical.point`),
      };
    }
    return { featureName, kind: 'empty' };
  });
  return {
    countFeatureDrift: parseNumber(raw.countFeatureDrift, 'countFeatureDrift'),
    highFeatureDrift: parseNumber(raw.highFeatureDrift, 'highFeatureDrift'),
    mediumFeatureDrift: parseNumber(raw.mediumFeatureDrift, 'mediumFeatureDrift'),
    lowFeatureDrift: parseNumber(raw.lowFeatureDrift, 'lowFeatureDrift'),
    driftThreshold: parseNumber(importance?.driftThreshold, 'featureImportance.driftThreshold'),
    importanceThreshold: parseNumber(importance?.importanceThreshold, 'featureImportance.importanceThreshold'),
    features: summaryFeatures.length > 0 ? summaryFeatures : driftOverTime.map((series) => series.feature),
    driftOverTime,
    frequencies,
  };
}
