import type { Field } from '@grafana/data';

import { fillIdentity } from './identity';
import { Signal } from './mapping';
import {
  IdentityKind,
  type FeatureData,
  type ModelData,
  type Sample,
  type SampleRank,
  type SeriesSample,
} from './types';

/**
 * Keeping the best value per model and signal (by {@link SampleRank}), and folding partial
 * identities (only model and version, or only a role) into the one full model they name.
 */

/** Whether `sample` replaces `existing`: a value beats no value, then a higher rank wins; ties keep the first. */
function isBetterSample(existing: Sample | undefined, sample: Sample): boolean {
  return (
    !existing ||
    (existing.value === null && sample.value !== null) ||
    (sample.value !== null && sample.rank > existing.rank)
  );
}

/** Keeps the best sample: higher rank wins, a value beats no value; ties keep the first. */
export function setScalar(data: ModelData, signal: Signal, sample: Sample) {
  if (isBetterSample(data.scalars[signal], sample)) {
    data.scalars[signal] = sample;
  }
}

/** Keeps per output column the best sample, like {@link setScalar}. */
export function setOutput(data: ModelData, column: string, sample: Sample) {
  data.outputs ??= new Map();
  if (isBetterSample(data.outputs.get(column), sample)) {
    data.outputs.set(column, sample);
  }
}

/** Keeps per feature the drift of the highest rank and the first importance. */
export function setFeature(
  features: Map<string, FeatureData>,
  name: string,
  signal: Signal,
  value: number | null,
  rank: SampleRank | 0,
  field: Field
) {
  let feature = features.get(name);
  if (!feature) {
    feature = { name, drift: null, importance: null, rank: 0 };
    features.set(name, feature);
  }
  if (signal === Signal.DriftScore) {
    if (feature.drift === null || (value !== null && rank > feature.rank)) {
      feature.drift = value;
      feature.rank = Math.max(feature.rank, rank);
      feature.driftField = field;
    }
  } else if (signal === Signal.FeatureImportance) {
    if (feature.importance === null) {
      feature.importance = value;
      feature.importanceField = field;
    }
  }
}

/**
 * Folds partial identities into full ones: a series labelled only by model and version joins the
 * single deployment-qualified model with that name and version; one labelled only by role joins
 * the single model with that role.
 */
export function mergeOrphans(byKey: Map<string, ModelData>) {
  const all = [...byKey.values()];
  for (const orphan of all) {
    const id = orphan.identity;
    let targets: ModelData[] = [];
    if (id.kind === IdentityKind.Model && !id.deploymentId && !id.deployment) {
      // Neither the orphan itself nor a folded (deleted) entry has a deployment, so neither is a target.
      targets = all.filter(
        (d) =>
          (d.identity.deploymentId || d.identity.deployment) &&
          d.identity.model === id.model &&
          d.identity.version === id.version
      );
    } else if (id.kind === IdentityKind.Deployment) {
      // Deployment-level frames next to the frames of its only model belong to that model.
      // The orphan is no model; a folded model had no deployment, so neither is a target.
      targets = all.filter(
        (d) =>
          d.identity.kind === IdentityKind.Model &&
          (d.identity.deploymentId || d.identity.deployment) === (id.deploymentId || id.deployment)
      );
    } else if (id.kind === IdentityKind.Role) {
      // A model folded into a deployed one already gave it its role: only the deployed one counts.
      targets = all.filter(
        (d) =>
          byKey.has(d.identity.key) &&
          d.identity.kind === IdentityKind.Model &&
          d.identity.role.toLowerCase() === id.role.toLowerCase()
      );
    }
    if (targets.length === 1) {
      mergeInto(targets[0], orphan);
      byKey.delete(id.key);
    }
  }
}

function mergeInto(target: ModelData, source: ModelData) {
  for (const [signal, sample] of Object.entries(source.scalars) as Array<[Signal, Sample]>) {
    setScalar(target, signal, sample);
  }
  for (const [signal, series] of Object.entries(source.series) as Array<[Signal, SeriesSample]>) {
    target.series[signal] = target.series[signal] ?? series;
  }
  for (const feature of source.features.values()) {
    // A drift (or a null drift cell) always comes with its field.
    if (feature.driftField) {
      setFeature(target.features, feature.name, Signal.DriftScore, feature.drift, feature.rank, feature.driftField);
    }
    if (feature.importance !== null && feature.importanceField) {
      setFeature(
        target.features,
        feature.name,
        Signal.FeatureImportance,
        feature.importance,
        feature.rank,
        feature.importanceField
      );
    }
  }
  for (const [column, sample] of source.outputs ?? []) {
    setOutput(target, column, sample);
  }
  target.driftStatus = target.driftStatus || source.driftStatus;
  target.accuracyStatus = target.accuracyStatus || source.accuracyStatus;
  fillIdentity(target.identity, source.identity);
  target.order = Math.min(target.order, source.order);
}

/** Collects the models of a panel's frames. `aliasText` is the "metric aliases" option. */
