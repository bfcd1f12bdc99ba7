import { FeatureStatus } from '../../shared/featureStatus';
import { MODEL_STATUS_LABELS, ModelStatus, parseGatewayStatus } from '../../shared/modelStatus';
import type { DriftBadge, DriftCount, DriftThresholds, FeaturePoint } from './driftTypes';
import { Signal } from './mapping';
import type { ModelData } from './types';

/**
 * A model's drift badge (from the gateway's status, else the features against the thresholds,
 * else the gateway's high/medium counts) and its counts by feature status.
 */

/** How many features have each status (one pass). */
function countByStatus(features: FeaturePoint[]): Record<FeatureStatus, number> {
  const counts = {
    [FeatureStatus.DriftingImportant]: 0,
    [FeatureStatus.Drifting]: 0,
    [FeatureStatus.Stable]: 0,
    [FeatureStatus.NotCalculated]: 0,
  };
  for (const f of features) {
    counts[f.status]++;
  }
  return counts;
}

export function statusCounts(features: FeaturePoint[]): DriftCount[] {
  const counts = countByStatus(features);
  const n = (s: FeatureStatus) => counts[s];
  return [
    {
      key: 'driftingImportant',
      label: 'Drifting & important',
      count: n(FeatureStatus.DriftingImportant),
      severity: 'critical',
    },
    { key: 'drifting', label: 'Drifting', count: n(FeatureStatus.Drifting), severity: 'warning' },
    { key: 'stable', label: 'Stable', count: n(FeatureStatus.Stable), severity: 'ok' },
    { key: 'notCalculated', label: 'Not calculated', count: n(FeatureStatus.NotCalculated), severity: 'info' },
  ];
}

export function summaryCountsOf(data: ModelData): DriftCount[] {
  const v = (s: Signal) => data.scalars[s]?.value;
  const high = v(Signal.HighDrift);
  const medium = v(Signal.MediumDrift);
  const low = v(Signal.LowDrift);
  const out: DriftCount[] = [];
  if (high !== null && high !== undefined) {
    out.push({ key: 'high', label: 'High drift', count: high, severity: 'critical' });
  }
  if (medium !== null && medium !== undefined) {
    out.push({ key: 'medium', label: 'Medium drift', count: medium, severity: 'warning' });
  }
  if (low !== null && low !== undefined) {
    out.push({ key: 'low', label: 'Low drift', count: low, severity: 'ok' });
  }
  return out;
}

export function badgeOf(data: ModelData, features: FeaturePoint[], t: DriftThresholds): DriftBadge {
  const gateway = parseGatewayStatus(data.driftStatus);
  if (gateway) {
    return {
      status: gateway,
      label: MODEL_STATUS_LABELS[gateway],
      source: 'gateway',
      detail: "From the gateway's model drift status.",
    };
  }
  const counts = countByStatus(features);
  const calculated = features.length - counts[FeatureStatus.NotCalculated];
  if (calculated > 0) {
    const important = counts[FeatureStatus.DriftingImportant];
    const drifting = important + counts[FeatureStatus.Drifting];
    const status = important > 0 ? ModelStatus.Failing : drifting > 0 ? ModelStatus.AtRisk : ModelStatus.Healthy;
    const detail =
      drifting === 0
        ? `No feature at or above the drift threshold ${formatNumber(t.drift)}.`
        : `${drifting} of ${calculated} features at or above the drift threshold ${formatNumber(t.drift)}` +
          (important > 0
            ? `, ${important} of them important (importance ≥ ${formatNumber(t.importance)}).`
            : ', none of them important.');
    return { status, label: MODEL_STATUS_LABELS[status], source: 'thresholds', detail };
  }
  const high = data.scalars[Signal.HighDrift]?.value;
  const medium = data.scalars[Signal.MediumDrift]?.value;
  const low = data.scalars[Signal.LowDrift]?.value;
  if ([high, medium, low].some((v) => v !== null && v !== undefined)) {
    const status = (high ?? 0) > 0 ? ModelStatus.Failing : (medium ?? 0) > 0 ? ModelStatus.AtRisk : ModelStatus.Healthy;
    return {
      status,
      label: MODEL_STATUS_LABELS[status],
      source: 'summary',
      detail: "From the gateway's high/medium drift counts.",
    };
  }
  return {
    status: ModelStatus.Unknown,
    label: MODEL_STATUS_LABELS[ModelStatus.Unknown],
    source: 'none',
    detail: 'No drift information for this model.',
  };
}

function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(3)));
}

export function hasDriftInfo(data: ModelData): boolean {
  return (
    data.features.size > 0 ||
    parseGatewayStatus(data.driftStatus) !== undefined ||
    [Signal.HighDrift, Signal.MediumDrift, Signal.LowDrift, Signal.FeaturesDrifting].some(
      (s) => data.scalars[s] !== undefined
    )
  );
}
