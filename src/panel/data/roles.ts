import { ChampionFallback, type PanelOptions } from '../types';
import { type ModelData, type ModelInfo, IdentityKind } from './types';

/**
 * Which model is the champion, and the order the panel shows models in (champion first, then the
 * challengers in query order). The `role` label decides when present; otherwise the configured
 * fallback does.
 */

interface RoleResult {
  /** Champion first; empty when there are no models. */
  models: ModelInfo[];
  /** The data of each model, in the same order. */
  data: ModelData[];
  notices: string[];
}

/** Natural version order: "2" < "10", "1.9" < "1.10"; models without a version sort last. */
export function compareVersions(a: string, b: string): number {
  if (a === b) {
    return 0;
  }
  if (a === '') {
    return 1;
  }
  if (b === '') {
    return -1;
  }
  return a.localeCompare(b, undefined, { numeric: true, sensitivity: 'base' });
}

/** The plain name of a model: "name v3", "v3", the query name, or a placeholder. */
export function modelName(data: ModelData): string {
  const { model, version, fallbackName, role, deployment, deploymentId } = data.identity;
  if (model) {
    return version ? `${model} v${version}` : model;
  }
  if (version) {
    return `v${version}`;
  }
  // Series told apart only by their role are named by it; unlabelled ones by their query (a Query
  // identity has no role or deployment: see makeIdentity).
  if (data.identity.kind === IdentityKind.Role) {
    return role;
  }
  if (data.identity.kind === IdentityKind.Deployment) {
    return deployment || deploymentId;
  }
  return fallbackName || 'Unlabelled series';
}

/** True when `match` names this model: its name, version, name:version, "name vN" or role. */
export function matchesModel(data: ModelData, match: string): boolean {
  const needle = match.trim().toLowerCase();
  if (needle === '') {
    return false;
  }
  const { model, version, role, fallbackName } = data.identity;
  const candidates = [
    model,
    version,
    `${model}:${version}`,
    role,
    fallbackName,
    // "name vN" (and "vN", the role or the query name when those are all there is).
    modelName(data),
  ];
  // The needle is not empty, so empty candidates never match.
  return candidates.some((c) => c.toLowerCase() === needle);
}

function pickFallback(
  models: ModelData[],
  options: Pick<PanelOptions, 'championFallback' | 'championMatch'>,
  notices: string[]
): ModelData {
  switch (options.championFallback) {
    case ChampionFallback.OldestVersion:
      // Sorts are stable and `models` arrive in query order, so equal versions keep query order.
      return [...models].sort((a, b) => compareVersions(a.identity.version, b.identity.version))[0];
    case ChampionFallback.NewestVersion: {
      const withVersion = models.filter((m) => m.identity.version !== '');
      const pool = withVersion.length > 0 ? withVersion : models;
      return [...pool].sort((a, b) => compareVersions(b.identity.version, a.identity.version))[0];
    }
    case ChampionFallback.Match: {
      const found = models.find((m) => matchesModel(m, options.championMatch));
      if (found) {
        return found;
      }
      notices.push(
        options.championMatch.trim() === ''
          ? 'No champion name is configured; the first model is used as the champion.'
          : `No model matches "${options.championMatch.trim()}"; the first model is used as the champion.`
      );
      return models[0];
    }
    default:
      return models[0];
  }
}

/** Resolves roles and order. Pure. */
export function resolveRoles(
  collected: ModelData[],
  options: Pick<PanelOptions, 'championRole' | 'championFallback' | 'championMatch'>
): RoleResult {
  const notices: string[] = [];
  if (collected.length === 0) {
    return { models: [], data: [], notices };
  }
  const models = [...collected].sort((a, b) => a.order - b.order);
  const championRole = options.championRole.trim().toLowerCase();
  const labelled = models.filter((m) => m.identity.role.toLowerCase() === championRole);
  let champion: ModelData;
  let roleSource: ModelInfo['roleSource'];
  if (labelled.length > 0) {
    champion = labelled[0];
    roleSource = 'label';
    if (labelled.length > 1) {
      notices.push(
        `${labelled.length} models carry the role "${options.championRole}"; the first, ${modelName(champion)}, is the champion.`
      );
    }
  } else {
    champion = pickFallback(models, options, notices);
    roleSource = 'fallback';
  }
  const ordered = [champion, ...models.filter((m) => m !== champion)];
  const names = ordered.map(modelName);
  const duplicates = new Set(names.filter((n, i) => names.indexOf(n) !== i));
  const infos = ordered.map((data, index): ModelInfo => {
    const isChampion = index === 0;
    const base = names[index];
    const where = data.identity.deployment || data.identity.deploymentId;
    return {
      key: data.identity.key,
      name: duplicates.has(base) && where ? `${base} · ${where}` : base,
      role: data.identity.role || (isChampion ? 'champion' : 'challenger'),
      isChampion,
      roleSource: isChampion ? roleSource : data.identity.role ? 'label' : 'fallback',
      identity: data.identity,
      index,
    };
  });
  return { models: infos, data: ordered, notices };
}
