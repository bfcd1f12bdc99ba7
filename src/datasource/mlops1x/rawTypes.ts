/**
 * Wire shapes of the H2O MLOps 1.x services as JSON arrives (lowerCamelCase), restated from the
 * official client h2o-mlops 1.6.x (`h2o_mlops/_client/models/{workspace,deployer,monitoring}.py`,
 * pydantic models generated from the services' OpenAPI). Only the fields this data source reads;
 * everything is optional and loosely typed because a server may omit any of it — the parsers in
 * `parse.ts` decide what is required. int64 values may arrive as JSON strings (grpc-gateway).
 * See docs/h2o-mlops-1x-contract.md.
 */

/** int64 in protobuf JSON: a string, or a number from lenient marshallers. */
export type RawInt64 = string | number;

/** V1Workspace (authz `/v1/workspaces`). */
export interface RawWorkspace {
  name?: string;
  displayName?: string;
  description?: string;
  createTime?: string;
}

/** V1ListWorkspacesResponse. */
export interface RawListWorkspacesResponse {
  workspaces?: RawWorkspace[];
  nextPageToken?: string;
}

/** V2DeploymentComposition. */
export interface RawDeploymentComposition {
  experimentId?: string;
  deployableArtifactType?: string;
  artifactProcessor?: string;
  runtime?: string;
}

/** V2SingleDeployment / V2ShadowElement / V2SplitElement, the parts we read. */
export interface RawDeploymentElement {
  deploymentComposition?: RawDeploymentComposition;
  /** Split elements only. */
  weight?: RawInt64;
  /** Split elements only: the share of traffic actually routed, 0–100. */
  effectivePercentage?: number;
}

/** V2Column: a monitored column. */
export interface RawColumn {
  id?: string;
  column?: string;
  logicalType?: string;
  isModelOutput?: boolean;
}

/** V2MonitoringOptions. */
export interface RawMonitoringOptions {
  enabled?: boolean;
  columns?: RawColumn[];
  timestampColumn?: string;
}

/** V2Deployment. */
export interface RawDeployment {
  name?: string;
  displayName?: string;
  description?: string;
  createTime?: string;
  updateTime?: string;
  creator?: string;
  single?: RawDeploymentElement;
  shadow?: { primaryElement?: RawDeploymentElement; secondaryElement?: RawDeploymentElement };
  split?: { splitElements?: RawDeploymentElement[] };
  external?: Record<string, unknown>;
  monitoringOptions?: RawMonitoringOptions;
  paused?: boolean;
}

/** V2ListDeploymentsResponse. */
export interface RawListDeploymentsResponse {
  deployments?: RawDeployment[];
  nextPageToken?: string;
}

/** V2GetDeploymentResponse. */
export interface RawGetDeploymentResponse {
  deployment?: RawDeployment;
}

/** V2DeploymentStatus. */
export interface RawDeploymentStatus {
  name?: string;
  state?: string;
  message?: string;
  updateTime?: string;
}

/** V2GetDeploymentStatusResponse. */
export interface RawGetDeploymentStatusResponse {
  deploymentStatus?: RawDeploymentStatus;
}

/** V2GetMonitoringConfigResponse (`/v2/configuration/monitoring`). */
export interface RawGetMonitoringConfigResponse {
  monitoringConfig?: { enabled?: boolean; frontendUri?: string; maxAllowedFeatures?: RawInt64 };
}

/** V2NumericalAggregate; also the length statistics of V2TextAggregate. */
export interface RawNumericalAggregate {
  binEdges?: Array<number | string>;
  binCount?: RawInt64[];
  mean?: number | string;
  standardDeviation?: number | string;
  min?: number | string;
  max?: number | string;
  sum?: number | string;
}

/** V2CategoricalAggregate. */
export interface RawCategoricalAggregate {
  valueCounts?: Record<string, RawInt64>;
}

/** V2TextAggregate: length histogram and statistics, plus top words. */
export interface RawTextAggregate extends RawNumericalAggregate {
  topWords?: Record<string, RawInt64>;
  vocabSize?: RawInt64;
  totalWords?: RawInt64;
  oovRate?: number | string;
}

/** V2MissingValues. */
export interface RawMissingValues {
  rowCount?: RawInt64;
}

/** The fields V2BaselineAggregation and V2ScoringAggregation share. */
export interface RawAggregation {
  id?: string;
  column?: string;
  logicalType?: string;
  numericalAggregate?: RawNumericalAggregate;
  categoricalAggregate?: RawCategoricalAggregate;
  textAggregate?: RawTextAggregate;
  missingValues?: RawMissingValues;
  deploymentId?: string;
  isModelOutput?: boolean;
  experimentIds?: string[];
}

/** V2ScoringAggregation: one column, one time segment, one experiment. */
export interface RawScoringAggregation extends RawAggregation {
  startTime?: string;
  segmentDuration?: string;
}

/** V2ListBaselineAggregatesResponse. */
export interface RawListBaselineAggregatesResponse {
  baselineAggregates?: RawAggregation[];
  nextPageToken?: string;
}

/** V2ListAggregatesResponse. */
export interface RawListAggregatesResponse {
  aggregates?: RawScoringAggregation[];
  nextPageToken?: string;
}
