import { ROLE, type FrameLabels } from '../../shared/frameSchema';
import { deploymentName } from '../frames/common';
import type { Deployment, Model } from '../parse/domain';

/**
 * How models are addressed and which role each plays.
 *
 * The gateway's Model object carries no id and its docs say `{modelId}` is ignored (the answer is
 * for the deployment's first model), with clients passing the deployment id. We therefore send
 * the deployment id for the first (primary) model, and `<registeredModelName>:<version>` for the
 * others of a shadow or split deployment — a gateway that honours modelId (as the simulator
 * does) answers per model; one that ignores it answers for the primary model.
 */
export function modelIdFor(deployment: Deployment, modelIndex: number): string {
  if (modelIndex === 0) {
    return deployment.id;
  }
  const model = deployment.models[modelIndex];
  return `${model.name}:${model.version}`;
}

/** The index of the model a model id names, or -1. An empty id means the primary model. */
export function modelIndexOf(deployment: Deployment, modelId: string): number {
  if (modelId === '' || modelId === deployment.id) {
    return deployment.models.length > 0 ? 0 : -1;
  }
  return deployment.models.findIndex((model, index) => index > 0 && `${model.name}:${model.version}` === modelId);
}

/**
 * Roles of a deployment's models when one query covers them all: in a shadow deployment the
 * primary model serves and the others shadow it; in a split (A/B) deployment the first model is
 * treated as the incumbent. Either way the first is the champion, the rest challengers.
 */
export function rolesFor(models: Model[]): string[] {
  return models.map((_, index) => (index === 0 ? ROLE.champion : ROLE.challenger));
}

/** The models of a deployment as choices: "name vN" for people, the model id for the gateway. */
export function modelChoices(deployment: Deployment): Array<{ label: string; value: string; primary: boolean }> {
  return deployment.models.map((model, index) => ({
    label: `${model.name} v${model.version}`,
    value: modelIdFor(deployment, index),
    primary: index === 0,
  }));
}

export function labelsFor(
  deployment: Deployment,
  model: Model | undefined,
  role: string,
  fallbackModelId = ''
): FrameLabels {
  const labels: FrameLabels = {
    deployment_id: deployment.id,
    deployment: deploymentName(deployment),
    model: model?.name || fallbackModelId,
    model_version: model?.version ?? '',
  };
  if (role) {
    labels.role = role;
  }
  return labels;
}
