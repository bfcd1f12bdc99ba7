import {
  anyArray,
  array,
  boolean,
  fieldFits,
  hotObject,
  isObject,
  nullish,
  number,
  object,
  string,
  union,
  unknown,
  type Infer,
  type Shape,
} from './shape';

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

const optionalString = nullish(string);
/** A double: a JSON number, or a string ("NaN", "Infinity", "-Infinity", "1.5") as protobuf's JSON mapping allows. */
const optionalNumber = nullish(union(number, string));
/** An int32: a JSON number, or a numeric string (the official client reads both). */
const optionalInt32 = nullish(union(number, string));
const optionalBoolean = nullish(boolean);
/** int64 values arrive as JSON strings; some marshallers send small ones as numbers. */
const optionalInt64 = nullish(union(string, number));
const list = <T>(item: Shape<T>) => nullish(array(item));

export const rawStatusValues = ['UNKNOWN', 'HEALTHY', 'AT_RISK', 'FAILING'] as const;
/** Model status; unknown future values are kept as strings and shown as-is; enum numbers are read too. */
const rawStatus = nullish(union(string, number));

// A fleet's list has thousands of deployments and models: their tests read each field by name.
const rawModelSchema = hotObject(
  {
    registeredModelName: optionalString,
    registeredModelVersion: optionalString,
    driftStatus: rawStatus,
    accuracy: rawStatus,
    averageScoringRequests: optionalInt32,
  },
  (model) =>
    fieldFits(optionalString, model.registeredModelName) &&
    fieldFits(optionalString, model.registeredModelVersion) &&
    fieldFits(rawStatus, model.driftStatus) &&
    fieldFits(rawStatus, model.accuracy) &&
    fieldFits(optionalInt32, model.averageScoringRequests)
);
const rawModelList = list(rawModelSchema);

const rawDeploymentSchema = hotObject(
  {
    id: optionalString,
    name: optionalString,
    description: optionalString,
    mode: optionalString,
    environment: optionalString,
    type: optionalString,
    problemType: optionalString,
    models: rawModelList,
    deploymentDate: optionalString,
    projectId: optionalString,
    monitoringEnabled: optionalBoolean,
    storeScoringData: optionalBoolean,
  },
  (deployment) =>
    fieldFits(optionalString, deployment.id) &&
    fieldFits(optionalString, deployment.name) &&
    fieldFits(optionalString, deployment.description) &&
    fieldFits(optionalString, deployment.mode) &&
    fieldFits(optionalString, deployment.environment) &&
    fieldFits(optionalString, deployment.type) &&
    fieldFits(optionalString, deployment.problemType) &&
    fieldFits(rawModelList, deployment.models) &&
    fieldFits(optionalString, deployment.deploymentDate) &&
    fieldFits(optionalString, deployment.projectId) &&
    fieldFits(optionalBoolean, deployment.monitoringEnabled) &&
    fieldFits(optionalBoolean, deployment.storeScoringData)
);

export const rawListMonitoredDeploymentsSchema = object({
  deployment: list(rawDeploymentSchema),
  totalDeployments: optionalInt64,
  totalPredictions: optionalInt64,
  nextPageToken: optionalString,
});

export const rawGetMonitoredDeploymentSchema = object({
  deployment: nullish(rawDeploymentSchema),
});

export const rawGetMonitoredModelsSchema = object({
  model: list(rawModelSchema),
  nextPageToken: optionalString,
});

const graphFields = {
  name: optionalString,
  description: optionalString,
  xLabel: optionalString,
  yLabel: optionalString,
};

// Bins, boxes and points come by the ten thousand: their tests read each field by name (hotObject).
const rawBinSchema = hotObject(
  { xMin: optionalString, xMax: optionalString, y: optionalString },
  (bin) =>
    fieldFits(optionalString, bin.xMin) && fieldFits(optionalString, bin.xMax) && fieldFits(optionalString, bin.y)
);
const rawHistogramSchema = object({ ...graphFields, bin: list(rawBinSchema) });

const rawBoxSchema = hotObject(
  {
    x: optionalString,
    xMin: optionalString,
    xMax: optionalString,
    y0: optionalString,
    y1: optionalString,
    y2: optionalString,
    y3: optionalString,
    y4: optionalString,
  },
  (box) =>
    fieldFits(optionalString, box.x) &&
    fieldFits(optionalString, box.xMin) &&
    fieldFits(optionalString, box.xMax) &&
    fieldFits(optionalString, box.y0) &&
    fieldFits(optionalString, box.y1) &&
    fieldFits(optionalString, box.y2) &&
    fieldFits(optionalString, box.y3) &&
    fieldFits(optionalString, box.y4)
);
const rawBoxPlotSchema = object({ ...graphFields, box: list(rawBoxSchema) });

const pointFields = { xAxis: optionalString, yAxis: optionalString, value: optionalString };

/**
 * A point's test, written out: a module function, so that the reader that checks each point where
 * it reads it (parse/graphs.ts parseTimeColumns) has it inlined — a shape's `test` is a closure
 * that all hot shapes share, and a call through it is not.
 */
export function pointFits(point: unknown): point is Infer<typeof rawPointSchema> {
  return (
    isObject(point) &&
    fieldFits(optionalString, point.xAxis) &&
    fieldFits(optionalString, point.yAxis) &&
    fieldFits(optionalString, point.value)
  );
}

const rawPointSchema = hotObject(pointFields, pointFits);
const rawSimpleGraphSchema = object({ ...graphFields, point: list(rawPointSchema) });

/*
 * Points left to their reader: parse/graphs.ts parseTimeColumns checks each point with pointFits as
 * it reads it, and the series parts below do not walk their points before (200,000 on the drift
 * answer: checked once and read once, instead of walked twice). parse/decode.ts decodeWhileReading
 * puts the full shape's first issue first whenever reading fails, so every message stays the full
 * shape's.
 */
const pointsReadLater = nullish(anyArray);
const rawSimpleGraphReadSchema = object({ ...graphFields, point: pointsReadLater });

const healthFields = {
  totalPredictions: optionalInt64,
  scoringLatency: optionalNumber,
  predictions: nullish(rawHistogramSchema),
  predictionValues: nullish(rawBoxPlotSchema),
};
export const rawHealthMetricsSchema = object(healthFields);

/*
 * Parts of an answer that a query reads on its own (parse/health.ts, parse/drift.ts,
 * parse/operational.ts): each checks only the fields its part reads, so a summary does not pay for
 * checking ten thousand bins, and a malformed bin fails the predictions query, not the summary.
 */

export const rawHealthSummarySchema = object({
  totalPredictions: healthFields.totalPredictions,
  scoringLatency: healthFields.scoringLatency,
});
export const rawHealthPredictionsSchema = object({
  totalPredictions: healthFields.totalPredictions,
  predictions: healthFields.predictions,
});
export const rawHealthPredictionValuesSchema = object({ predictionValues: healthFields.predictionValues });

const rawFeatureSchema = object({
  name: optionalString,
  dataType: optionalString,
  drift: optionalNumber,
  importance: optionalNumber,
  impact: optionalNumber,
  missingValues: optionalInt64,
  driftCalculated: optionalBoolean,
});

const rawFeatureDriftSchema = object({
  drift: list(rawPointSchema),
  // The generated client maps this field to the JSON key `Feature`, capitalised.
  Feature: nullish(rawFeatureSchema),
});

const rawFeatureDensitySchema = object({
  featureName: optionalString,
  continuous: nullish(rawHistogramSchema),
  categorical: nullish(rawSimpleGraphSchema),
});

const driftCountFields = {
  countFeatureDrift: optionalInt32,
  highFeatureDrift: optionalInt32,
  mediumFeatureDrift: optionalInt32,
  lowFeatureDrift: optionalInt32,
};
const driftThresholdFields = { driftThreshold: optionalNumber, importanceThreshold: optionalNumber };
const rawFeatureSummarySchema = nullish(object({ feature: list(rawFeatureSchema), description: optionalString }));
const rawFeatureFrequencySchema = nullish(
  object({
    description: optionalString,
    featureDensity: list(rawFeatureDensitySchema),
  })
);

export const rawDriftMetricsSchema = object({
  ...driftCountFields,
  featureImportance: nullish(
    object({
      featureDrift: list(rawFeatureDriftSchema),
      ...driftThresholdFields,
      description: optionalString,
    })
  ),
  featureSummary: rawFeatureSummarySchema,
  featureFrequency: rawFeatureFrequencySchema,
});

/** Counts, thresholds and features; the features inside featureImportance without their points. */
export const rawDriftSummarySchema = object({
  ...driftCountFields,
  featureImportance: nullish(
    object({ featureDrift: list(object({ Feature: nullish(rawFeatureSchema) })), ...driftThresholdFields })
  ),
  featureSummary: rawFeatureSummarySchema,
});
export const rawDriftSeriesSchema = object({
  featureImportance: nullish(object({ featureDrift: list(rawFeatureDriftSchema) })),
});
/** rawDriftSeriesSchema with the points left to their reader (see pointsReadLater). */
export const rawDriftSeriesReadSchema = object({
  featureImportance: nullish(
    object({ featureDrift: list(object({ drift: pointsReadLater, Feature: nullish(rawFeatureSchema) })) })
  ),
});
export const rawDriftFrequenciesSchema = object({ featureFrequency: rawFeatureFrequencySchema });

const operationalGraphFields = {
  scoringLatency: nullish(rawSimpleGraphSchema),
  memoryUsage: nullish(rawSimpleGraphSchema),
  cpuUsage: nullish(rawSimpleGraphSchema),
  availability: nullish(rawSimpleGraphSchema),
  successPrediction: nullish(rawSimpleGraphSchema),
  failedPrediction: nullish(rawSimpleGraphSchema),
};
const operationalTotalFields = { uptime: optionalNumber, avgScoringLatency: optionalNumber };

export const rawOperationalSummarySchema = object({ ...operationalTotalFields, ...operationalGraphFields });
export const rawOperationalTotalsSchema = object(operationalTotalFields);
/**
 * One operational graph of the answer, by its key (an OperationalMetric): its full shape, and the
 * shape that leaves the graph's points to their reader (see pointsReadLater).
 */
export function rawOperationalGraphSchemas(metric: keyof typeof operationalGraphFields) {
  // Stryker disable next-line ObjectLiteral: runs at module load only (parse/operational.ts builds its parsers then), where a mutant is never active; every graph test fails without it
  return {
    full: object({ [metric]: operationalGraphFields[metric] } as Pick<typeof operationalGraphFields, typeof metric>),
    read: object({ [metric]: nullish(rawSimpleGraphReadSchema) }),
  };
}

/** grpc-gateway's error body. */
export const rawGatewayErrorSchema = object({
  code: nullish(union(number, string)),
  message: optionalString,
  details: nullish(array(unknown)),
});

/** The shapes whose tests are written out by hand (hotObject), for the test that compares them with the generic one. */
export const hotItemShapes = {
  bin: rawBinSchema,
  box: rawBoxSchema,
  point: rawPointSchema,
  model: rawModelSchema,
  deployment: rawDeploymentSchema,
};

export type RawModel = Infer<typeof rawModelSchema>;
export type RawDeployment = Infer<typeof rawDeploymentSchema>;
export type RawListMonitoredDeployments = Infer<typeof rawListMonitoredDeploymentsSchema>;
export type RawGetMonitoredDeployment = Infer<typeof rawGetMonitoredDeploymentSchema>;
export type RawGetMonitoredModels = Infer<typeof rawGetMonitoredModelsSchema>;
export type RawHistogram = Infer<typeof rawHistogramSchema>;
export type RawBox = Infer<typeof rawBoxSchema>;
export type RawBoxPlot = Infer<typeof rawBoxPlotSchema>;
export type RawPoint = Infer<typeof rawPointSchema>;
export type RawSimpleGraph = Infer<typeof rawSimpleGraphSchema>;
export type RawHealthMetrics = Infer<typeof rawHealthMetricsSchema>;
export type RawFeature = Infer<typeof rawFeatureSchema>;
export type RawFeatureDrift = Infer<typeof rawFeatureDriftSchema>;
export type RawDriftMetrics = Infer<typeof rawDriftMetricsSchema>;
export type RawOperationalSummary = Infer<typeof rawOperationalSummarySchema>;
export type RawGatewayError = Infer<typeof rawGatewayErrorSchema>;
