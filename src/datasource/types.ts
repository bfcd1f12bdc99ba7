import type { DataQuery, DataSourceJsonData } from '@grafana/schema';

import { FrameKind as QueryType } from '../shared/frameSchema';
import type { OperationalMetric } from '../shared/operationalMetrics';
import type { Mlops1xQuery } from './mlops1x/queryModel';
import type { Mlops1xVariableQuery } from './mlops1x/variableModel';

/**
 * Query and configuration model of the MLOps gateway data source.
 *
 * These are the *persisted* shapes (dashboard JSON, provisioning): they carry a schema version
 * and change only together with a migration in `migrations.ts`. Raw gateway shapes live in
 * `gateway/rawTypes.ts`, parsed domain objects in `parse/domain.ts`, frame layouts in
 * `../shared/frameSchema.ts`.
 */

/** Version of the persisted query model; bump together with a step in `migrateQuery`. */
export const QUERY_SCHEMA_VERSION = 1;

/** A query type is named after the kind of frames it returns: one enum, see `shared/frameKinds.ts`. */
export { QueryType };

/** How predictions-over-time bins become values: raw counts per bin, or a per-minute rate. */
export enum PredictionsUnit {
  CountPerBin = 'countPerBin',
  RatePerMinute = 'ratePerMinute',
}

/**
 * Which models of a deployment a per-model query covers. `all` fans out over the models of a
 * shadow or split deployment and fills in their roles (see `roles.ts`).
 */
export enum ModelScope {
  Single = 'single',
  All = 'all',
}

export interface MlopsQuery extends DataQuery {
  schemaVersion: number;
  queryType: QueryType;
  /** Deployment id; may hold template variables (multi-value variables fan out). */
  deploymentId?: string;
  /**
   * Model id sent as `{modelId}`. Empty means "the deployment's primary model": the gateway
   * documents that it answers for the first model, and clients pass the deployment id.
   */
  modelId?: string;
  modelScope?: ModelScope;
  /** Role label put on every frame of this query (e.g. champion, challenger). */
  role?: string;
  predictionsUnit?: PredictionsUnit;
  /** Empty means all operational graphs. */
  operationalMetrics?: OperationalMetric[];
  /** Feature for drift over time (empty: all features) and for feature frequency (required). */
  feature?: string;
  /** Deployments query: only deployments with monitoring enabled. */
  monitoredOnly?: boolean;
  /** The query of an H2O MLOps 1.x data source (own schema version: `mlops1x/queryModel.ts`). */
  mlops1x?: Mlops1xQuery;
}

export const DEFAULT_QUERY: Partial<MlopsQuery> = {
  schemaVersion: QUERY_SCHEMA_VERSION,
  queryType: QueryType.Deployments,
  modelScope: ModelScope.Single,
  predictionsUnit: PredictionsUnit.CountPerBin,
  monitoredOnly: false,
};

export enum AuthMode {
  /** grant_type=refresh_token, as the official gateway client does. */
  RefreshToken = 'refreshToken',
  /** grant_type=client_credentials, for service accounts. */
  ClientCredentials = 'clientCredentials',
}

export enum TokenUrlMode {
  /** The user gives the full token endpoint URL. */
  Url = 'url',
  /** The token URL is composed from a Keycloak base URL and realm. */
  Keycloak = 'keycloak',
}

/**
 * Which H2O MLOps API the data source reads. Settings saved before version 2 have no
 * `apiGeneration` and mean the legacy gateway (see `config/apiGeneration.ts`).
 */
export enum ApiGeneration {
  /** The model-monitoring gateway (`/model-monitoring/v1`). */
  Legacy = 'legacy',
  /** Current H2O MLOps 1.x: authz, deployer and monitoring services (docs/h2o-mlops-1x-contract.md). */
  Mlops1x = 'mlops1x',
}

/** Version of the persisted data-source settings (2: `apiGeneration` and the 1.x URLs). */
export const OPTIONS_SCHEMA_VERSION = 2;

/** Non-secret data-source settings (jsonData): readable by every viewer, so never a secret. */
export interface MlopsDataSourceOptions extends DataSourceJsonData {
  schemaVersion?: number;
  /** Gateway base URL without `/model-monitoring`, e.g. https://api.mlops.example.com */
  gatewayUrl?: string;
  authMode?: AuthMode;
  tokenUrlMode?: TokenUrlMode;
  keycloakUrl?: string;
  keycloakRealm?: string;
  /** Keycloak before 17 serves under /auth. */
  keycloakLegacyAuthPath?: boolean;
  /** The effective token endpoint used by the proxy routes (composed in Keycloak mode). */
  tokenUrl?: string;
  clientId?: string;
  /** Sent as the `scope` form field; always present (possibly empty) so the route never renders `<no value>`. */
  scope?: string;
  /** Per-request timeout in seconds for gateway calls. */
  requestTimeoutSeconds?: number;
  /** How long identical gateway responses are reused, in seconds (0 disables the cache). */
  cacheTtlSeconds?: number;
  /** Absent (settings before version 2) means the legacy gateway. */
  apiGeneration?: ApiGeneration;
  /** MLOps 1.x: the MLOps API base URL; the services are under /deployer and /monitoring. */
  mlopsApiUrl?: string;
  /** MLOps 1.x: the authz gateway URL (workspaces); empty means workspaces are entered by ID. */
  authzUrl?: string;
}

/** Secrets (secureJsonData): write-only from the browser, decrypted only inside Grafana's proxy. */
export interface MlopsSecureJsonData {
  clientSecret?: string;
  refreshToken?: string;
}

export const DEFAULT_REQUEST_TIMEOUT_SECONDS = 30;
export const DEFAULT_CACHE_TTL_SECONDS = 15;

/** Template-variable queries (deployments, models of a deployment, features of a model). */
export enum VariableQueryKind {
  Deployments = 'deployments',
  Models = 'models',
  Features = 'features',
}

export interface MlopsVariableQuery extends DataQuery {
  schemaVersion: number;
  kind: VariableQueryKind;
  deploymentId?: string;
  modelId?: string;
  monitoredOnly?: boolean;
  /** The variable query of an H2O MLOps 1.x data source. */
  mlops1x?: Mlops1xVariableQuery;
}

export const DEFAULT_VARIABLE_QUERY: Omit<MlopsVariableQuery, 'refId'> = {
  schemaVersion: QUERY_SCHEMA_VERSION,
  kind: VariableQueryKind.Deployments,
};
