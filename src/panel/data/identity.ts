import type { DataFrame, Labels } from '@grafana/data';

import { MODEL_LABELS, pickLabel } from './mapping';
import { IdentityKind, type ModelIdentity } from './types';

/**
 * Series identity: which model a value belongs to, from labels (or table columns). A model is
 * named by model and version (qualified by deployment when known); failing those, by its role;
 * failing that, by its deployment (frames of a deployment without models are one series, never one
 * "model" per query); failing that, by its query.
 */

export interface IdentityParts {
  model?: string;
  version?: string;
  role?: string;
  deploymentId?: string;
  deployment?: string;
}

export function makeIdentity(parts: IdentityParts, fallbackName: string): ModelIdentity {
  const model = (parts.model ?? '').trim();
  const version = (parts.version ?? '').trim();
  const role = (parts.role ?? '').trim();
  const deploymentId = (parts.deploymentId ?? '').trim();
  const deployment = (parts.deployment ?? '').trim();
  const [kind, name] =
    model !== '' || version !== ''
      ? [IdentityKind.Model, `${deploymentId || deployment}|${model}|${version}`]
      : role !== ''
        ? [IdentityKind.Role, role.toLowerCase()]
        : deploymentId !== '' || deployment !== ''
          ? [IdentityKind.Deployment, deploymentId || deployment]
          : [IdentityKind.Query, fallbackName];
  return { kind, key: `${kind}|${name}`, model, version, role, deploymentId, deployment, fallbackName };
}

/** The identity parts found in labels (model, version, role, deployment). */
export function partsFromLabels(labels: Labels | undefined): IdentityParts {
  return {
    model: pickLabel(labels, MODEL_LABELS.model),
    version: pickLabel(labels, MODEL_LABELS.version),
    role: pickLabel(labels, MODEL_LABELS.role),
    deploymentId: pickLabel(labels, MODEL_LABELS.deploymentId),
    deployment: pickLabel(labels, MODEL_LABELS.deployment),
  };
}

export function identityFromLabels(labels: Labels | undefined, fallbackName: string): ModelIdentity {
  return makeIdentity(partsFromLabels(labels), fallbackName);
}

/** The name of a model that nothing else names: its query's refId, else the frame name. */
export function fallbackNameOf(frame: DataFrame): string {
  return frame.refId || frame.name || '';
}

/** Fills what `target` lacks (role, deployment, fallback name) from another identity of the same model. */
export function fillIdentity(target: ModelIdentity, from: ModelIdentity) {
  if (!target.role && from.role) {
    target.role = from.role;
  }
  if (!target.deployment && from.deployment) {
    target.deployment = from.deployment;
  }
  if (!target.deploymentId && from.deploymentId) {
    target.deploymentId = from.deploymentId;
  }
  if (!target.fallbackName && from.fallbackName) {
    target.fallbackName = from.fallbackName;
  }
}
