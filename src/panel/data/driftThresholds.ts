import { ThresholdsMode, type Field } from '@grafana/data';

import type { PanelOptions } from '../types';
import type { DriftThresholds, ThresholdSource } from './driftTypes';
import { Signal } from './mapping';
import type { ModelData } from './types';

/**
 * The drift and importance thresholds of a model: from its data (a drift summary), else from a
 * threshold step on its drift or importance field, else from the panel's options.
 */

/** The first step above the base of a field's absolute thresholds, if the field has one. */
export function firstThresholdStep(field: Field | undefined): number | undefined {
  const thresholds = field?.config.thresholds;
  if (!thresholds || thresholds.mode === ThresholdsMode.Percentage) {
    return undefined;
  }
  const values = thresholds.steps.map((s) => s.value).filter((v) => Number.isFinite(v));
  return values.length > 0 ? Math.min(...values) : undefined;
}

function isFiniteNumber(value: number | null | undefined): value is number {
  return Number.isFinite(value);
}

export function resolveThresholds(
  data: ModelData,
  options: Pick<PanelOptions, 'driftThreshold' | 'importanceThreshold'>
): DriftThresholds {
  const pick = (
    scalar: number | null | undefined,
    fields: Array<Field | undefined>,
    fallback: number
  ): [number, ThresholdSource] => {
    if (isFiniteNumber(scalar)) {
      return [scalar, 'data'];
    }
    for (const field of fields) {
      const step = firstThresholdStep(field);
      if (step !== undefined) {
        return [step, 'field'];
      }
    }
    return [fallback, 'option'];
  };
  // One field per source frame is enough: features of a table share their fields.
  const driftFields = new Set<Field>();
  const importanceFields = new Set<Field>();
  let lastDrift: Field | undefined;
  let lastImportance: Field | undefined;
  for (const f of data.features.values()) {
    // Consecutive features mostly come from the same table: skip the set for a repeated field.
    // Stryker disable next-line ConditionalExpression,LogicalOperator: the set dedups and an undefined field has no step; the check only saves set lookups
    if (f.driftField && f.driftField !== lastDrift) {
      driftFields.add(f.driftField);
      lastDrift = f.driftField;
    }
    // Stryker disable next-line ConditionalExpression,LogicalOperator: the set dedups and an undefined field has no step; the check only saves set lookups
    if (f.importanceField && f.importanceField !== lastImportance) {
      importanceFields.add(f.importanceField);
      lastImportance = f.importanceField;
    }
  }
  const [drift, driftSource] = pick(
    data.scalars[Signal.DriftThreshold]?.value,
    [...driftFields],
    options.driftThreshold
  );
  const [importance, importanceSource] = pick(
    data.scalars[Signal.ImportanceThreshold]?.value,
    [...importanceFields],
    options.importanceThreshold
  );
  return { drift, importance, driftSource, importanceSource };
}
