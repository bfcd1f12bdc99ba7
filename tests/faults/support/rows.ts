import { QueryType, type MlopsQuery } from '../../../src/datasource/types';
import type { GatewayCall } from '../../../src/datasource/gateway/messages';
import type { Endpoint } from './faultGateway';
import { TARGET } from './gatewayData';

/**
 * The rows of the matrix: each query type, named by the endpoint family it reads. A fault is put on
 * the row's endpoint for the deployment `target` (the list endpoint has no deployment).
 */
export interface Row {
  name: string;
  endpoint: Endpoint;
  query: Partial<MlopsQuery>;
  /** The endpoint follows nextPageToken. */
  paged: boolean;
}

export const ROWS: Row[] = [
  { name: 'deployment list', endpoint: 'list', query: { queryType: QueryType.Deployments }, paged: true },
  {
    name: 'deployment events',
    endpoint: 'list',
    query: { queryType: QueryType.DeploymentEvents, deploymentId: TARGET },
    paged: true,
  },
  { name: 'deployment get', endpoint: 'get', query: { queryType: QueryType.HealthSummary }, paged: false },
  { name: 'models', endpoint: 'models', query: { queryType: QueryType.Models }, paged: true },
  { name: 'health summary', endpoint: 'health', query: { queryType: QueryType.HealthSummary }, paged: false },
  {
    name: 'predictions over time',
    endpoint: 'health',
    query: { queryType: QueryType.PredictionsOverTime },
    paged: false,
  },
  {
    name: 'operational summary',
    endpoint: 'operational',
    query: { queryType: QueryType.OperationalSummary },
    paged: false,
  },
  {
    name: 'operational series',
    endpoint: 'operational',
    query: { queryType: QueryType.OperationalTimeSeries },
    paged: false,
  },
  { name: 'drift summary', endpoint: 'drift', query: { queryType: QueryType.DriftSummary }, paged: false },
  { name: 'feature drift', endpoint: 'drift', query: { queryType: QueryType.FeatureDrift }, paged: false },
  {
    name: 'drift over time',
    endpoint: 'drift',
    query: { queryType: QueryType.DriftOverTime, feature: 'income' },
    paged: false,
  },
  {
    name: 'feature frequency',
    endpoint: 'drift',
    query: { queryType: QueryType.FeatureFrequency, feature: 'income' },
    paged: false,
  },
];

/** The row queries the deployment list rather than one deployment. */
export const isListRow = (row: Row) => row.endpoint === 'list';

/** How the data source names the faulted call in its messages (model id = deployment id). */
export function callOf(endpoint: Endpoint): GatewayCall {
  switch (endpoint) {
    case 'list':
      return { endpoint: 'GET /v1/deployment (list deployments)', ranged: true, list: true };
    case 'get':
      return { endpoint: `GET /v1/deployment/${TARGET}` };
    case 'models':
      return { endpoint: `GET /v1/deployment/${TARGET}/models` };
    default:
      return { endpoint: `GET /v1/deployment/${TARGET}/metrics/${TARGET}/${endpoint}`, ranged: true };
  }
}
