import {
  rawDriftMetricsSchema,
  rawGetMonitoredDeploymentSchema,
  rawGetMonitoredModelsSchema,
  rawHealthMetricsSchema,
  rawListMonitoredDeploymentsSchema,
  rawOperationalSummarySchema,
  type RawDeployment,
  type RawFeature,
  type RawModel,
  type RawPoint,
} from '../gateway/rawTypes';
import type {
  CategoryPoint,
  Deployment,
  DeploymentPage,
  DriftMetrics,
  Feature,
  FeatureFrequency,
  HealthMetrics,
  Model,
  ModelPage,
  OperationalSummary,
  TimeGraph,
} from './domain';
import { ResponseShapeError, optionalText, parseDecimal, parseInt64, parseNumber, parseTime } from './scalars';
import { OperationalMetric } from '../../shared/operationalMetrics';
import { decode } from './decode';
import { parseBoxPlot, parseTimeGraph, parseTimeHistogram, pointNumber, graphLabels, parseTimePoints } from './graphs';

/**
 * Pure parsers: raw response body (unknown) → validated raw shape → typed domain object.
 * Every failure is a {@link ResponseShapeError} whose message names the JSON path, so a user
 * sees "deployment[2].models[0].averageScoringRequests: expected number" rather than a crash.
 */

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
