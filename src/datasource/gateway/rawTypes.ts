import { z } from 'zod';

/**
 * Raw JSON shapes of the MLOps gateway's model-monitoring API, exactly as they arrive on the wire.
 *
 * The authority is the OpenAPI-generated client in the `h2o-mlops` package (0.61–1.3,
 * `_h2o_mlops_client/model_monitoring/models`). These schemas only check *shape*: strings stay
 * strings (int64 and every field inside bins, boxes and points arrive as strings) and conversion
 * to numbers and dates happens in `../parse/`. The gateway emits empty strings and arrays instead
 * of omitting fields, but older servers and proto3 marshallers may omit zero values, so every
 * field is optional and `null` is accepted wherever a message may be unset.
 */

const optionalString = z.string().nullish();
/** A double: a JSON number, or a string ("NaN", "Infinity", "-Infinity", "1.5") as protobuf's JSON mapping allows. */
const optionalNumber = z.union([z.number(), z.string()]).nullish();
/** An int32: a JSON number, or a numeric string (the official client reads both). */
const optionalInt32 = z.union([z.number(), z.string()]).nullish();
const optionalBoolean = z.boolean().nullish();
/** int64 values arrive as JSON strings; some marshallers send small ones as numbers. */
const optionalInt64 = z.union([z.string(), z.number()]).nullish();
const list = <T extends z.ZodType>(item: T) => z.array(item).nullish();

export const rawStatusValues = ['UNKNOWN', 'HEALTHY', 'AT_RISK', 'FAILING'] as const;
/** Model status; unknown future values are kept as strings and shown as-is; enum numbers are read too. */
const rawStatus = z.union([z.string(), z.number()]).nullish();

const rawModelSchema = z.object({
  registeredModelName: optionalString,
  registeredModelVersion: optionalString,
  driftStatus: rawStatus,
  accuracy: rawStatus,
  averageScoringRequests: optionalInt32,
});

const rawDeploymentSchema = z.object({
  id: optionalString,
  name: optionalString,
  description: optionalString,
  mode: optionalString,
  environment: optionalString,
  type: optionalString,
  problemType: optionalString,
  models: list(rawModelSchema),
  deploymentDate: optionalString,
  projectId: optionalString,
  monitoringEnabled: optionalBoolean,
  storeScoringData: optionalBoolean,
});

export const rawListMonitoredDeploymentsSchema = z.object({
  deployment: list(rawDeploymentSchema),
  totalDeployments: optionalInt64,
  totalPredictions: optionalInt64,
  nextPageToken: optionalString,
});

export const rawGetMonitoredDeploymentSchema = z.object({
  deployment: rawDeploymentSchema.nullish(),
});

export const rawGetMonitoredModelsSchema = z.object({
  model: list(rawModelSchema),
  nextPageToken: optionalString,
});

const graphFields = {
  name: optionalString,
  description: optionalString,
  xLabel: optionalString,
  yLabel: optionalString,
};

const rawBinSchema = z.object({ xMin: optionalString, xMax: optionalString, y: optionalString });
const rawHistogramSchema = z.object({ ...graphFields, bin: list(rawBinSchema) });

const rawBoxSchema = z.object({
  x: optionalString,
  xMin: optionalString,
  xMax: optionalString,
  y0: optionalString,
  y1: optionalString,
  y2: optionalString,
  y3: optionalString,
  y4: optionalString,
});
const rawBoxPlotSchema = z.object({ ...graphFields, box: list(rawBoxSchema) });

const rawPointSchema = z.object({ xAxis: optionalString, yAxis: optionalString, value: optionalString });
const rawSimpleGraphSchema = z.object({ ...graphFields, point: list(rawPointSchema) });

export const rawHealthMetricsSchema = z.object({
  totalPredictions: optionalInt64,
  scoringLatency: optionalNumber,
  predictions: rawHistogramSchema.nullish(),
  predictionValues: rawBoxPlotSchema.nullish(),
});

const rawFeatureSchema = z.object({
  name: optionalString,
  dataType: optionalString,
  drift: optionalNumber,
  importance: optionalNumber,
  impact: optionalNumber,
  missingValues: optionalInt64,
  driftCalculated: optionalBoolean,
});

const rawFeatureDriftSchema = z.object({
  drift: list(rawPointSchema),
  // The generated client maps this field to the JSON key `Feature`, capitalised.
  Feature: rawFeatureSchema.nullish(),
});

export const rawDriftMetricsSchema = z.object({
  countFeatureDrift: optionalInt32,
  highFeatureDrift: optionalInt32,
  mediumFeatureDrift: optionalInt32,
  lowFeatureDrift: optionalInt32,
  featureImportance: z
    .object({
      featureDrift: list(rawFeatureDriftSchema),
      driftThreshold: optionalNumber,
      importanceThreshold: optionalNumber,
      description: optionalString,
    })
    .nullish(),
  featureSummary: z.object({ feature: list(rawFeatureSchema), description: optionalString }).nullish(),
  featureFrequency: z
    .object({
      description: optionalString,
      featureDensity: list(
        z.object({
          featureName: optionalString,
          continuous: rawHistogramSchema.nullish(),
          categorical: rawSimpleGraphSchema.nullish(),
        })
      ),
    })
    .nullish(),
});

export const rawOperationalSummarySchema = z.object({
  uptime: optionalNumber,
  avgScoringLatency: optionalNumber,
  scoringLatency: rawSimpleGraphSchema.nullish(),
  memoryUsage: rawSimpleGraphSchema.nullish(),
  cpuUsage: rawSimpleGraphSchema.nullish(),
  availability: rawSimpleGraphSchema.nullish(),
  successPrediction: rawSimpleGraphSchema.nullish(),
  failedPrediction: rawSimpleGraphSchema.nullish(),
});

/** grpc-gateway's error body. */
export const rawGatewayErrorSchema = z.object({
  code: z.union([z.number(), z.string()]).nullish(),
  message: optionalString,
  details: z.array(z.unknown()).nullish(),
});

export type RawModel = z.infer<typeof rawModelSchema>;
export type RawDeployment = z.infer<typeof rawDeploymentSchema>;
export type RawListMonitoredDeployments = z.infer<typeof rawListMonitoredDeploymentsSchema>;
export type RawGetMonitoredDeployment = z.infer<typeof rawGetMonitoredDeploymentSchema>;
export type RawGetMonitoredModels = z.infer<typeof rawGetMonitoredModelsSchema>;
export type RawHistogram = z.infer<typeof rawHistogramSchema>;
export type RawBox = z.infer<typeof rawBoxSchema>;
export type RawBoxPlot = z.infer<typeof rawBoxPlotSchema>;
export type RawPoint = z.infer<typeof rawPointSchema>;
export type RawSimpleGraph = z.infer<typeof rawSimpleGraphSchema>;
export type RawHealthMetrics = z.infer<typeof rawHealthMetricsSchema>;
export type RawFeature = z.infer<typeof rawFeatureSchema>;
export type RawFeatureDrift = z.infer<typeof rawFeatureDriftSchema>;
export type RawDriftMetrics = z.infer<typeof rawDriftMetricsSchema>;
export type RawOperationalSummary = z.infer<typeof rawOperationalSummarySchema>;
export type RawGatewayError = z.infer<typeof rawGatewayErrorSchema>;
