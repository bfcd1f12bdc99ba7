/**
 * The model-status vocabulary both plugins share: the gateway reports a model's drift and accuracy
 * as HEALTHY, AT_RISK, FAILING or UNKNOWN (future values are kept verbatim by the parser); the
 * data source ranks them to find a deployment's worst model, the panel shows and compares them.
 * One rank for both: lower is healthier, UNKNOWN has no rank.
 */

/** A model status as the panel shows it. */
export enum ModelStatus {
  Healthy = 'healthy',
  AtRisk = 'atRisk',
  Failing = 'failing',
  Unknown = 'unknown',
}

/** Labels shown for each status. */
export const MODEL_STATUS_LABELS: Readonly<Record<ModelStatus, string>> = {
  [ModelStatus.Healthy]: 'Healthy',
  [ModelStatus.AtRisk]: 'At risk',
  [ModelStatus.Failing]: 'Failing',
  [ModelStatus.Unknown]: 'Unknown',
};

/** Severity rank: lower is healthier; Unknown has none (nothing to compare). */
export const MODEL_STATUS_RANK: Readonly<Record<ModelStatus, number | null>> = {
  [ModelStatus.Healthy]: 1,
  [ModelStatus.AtRisk]: 2,
  [ModelStatus.Failing]: 3,
  [ModelStatus.Unknown]: null,
};

/**
 * Gateway status strings → status, tolerant of case, spaces and dashes (data from other sources
 * writes "at risk" or "At-Risk"); UNKNOWN, empty and unknown future values → undefined.
 */
export function parseGatewayStatus(value: string): ModelStatus | undefined {
  // The gateway's own spelling first: a fleet list has thousands of statuses.
  switch (value) {
    case 'HEALTHY':
      return ModelStatus.Healthy;
    case 'AT_RISK':
      return ModelStatus.AtRisk;
    case 'FAILING':
      return ModelStatus.Failing;
    case 'UNKNOWN':
    case '':
      return undefined;
  }
  switch (value.trim().toUpperCase().replace(/[\s-]/g, '_')) {
    case 'HEALTHY':
      return ModelStatus.Healthy;
    case 'AT_RISK':
    case 'ATRISK':
      return ModelStatus.AtRisk;
    case 'FAILING':
      return ModelStatus.Failing;
    default:
      return undefined;
  }
}

/** Rank of a gateway status string; UNKNOWN and unknown future values rank lowest (0). */
function gatewayRank(value: string): number {
  const status = parseGatewayStatus(value);
  return (status && MODEL_STATUS_RANK[status]) ?? 0;
}

/**
 * The more severe of a deployment's worst status so far (`''` before the first) and one more
 * gateway status string, returned verbatim: `statuses.reduce(worseGatewayStatus, '')` is the most
 * severe of them. UNKNOWN ranks lowest so that an unmeasured accuracy does not hide a healthy drift
 * status; ties keep the first. A fold step rather than a function of a list, so that a fleet of
 * deployments is ranked without a list of statuses per deployment.
 */
export function worseGatewayStatus(worst: string, status: string): string {
  return worst === '' || gatewayRank(status) > gatewayRank(worst) ? status : worst;
}
