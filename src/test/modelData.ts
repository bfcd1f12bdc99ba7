import { FeatureStatus } from '../shared/featureStatus';
import type { FeaturePoint } from '../panel/data/driftTypes';
import { makeIdentity, type IdentityParts } from '../panel/data/identity';
import type { Signal } from '../panel/data/mapping';
import { SampleRank, type ModelData, type ModelIdentity, type Sample } from '../panel/data/types';

/**
 * The panel's collected data of one model (`src/panel/data`) as `collectModels` starts it: nothing
 * but the identity and the given parts.
 */
export function emptyModelData(identity: ModelIdentity, parts: Partial<ModelData> = {}): ModelData {
  return {
    identity,
    order: 0,
    scalars: {},
    series: {},
    features: new Map(),
    driftStatus: '',
    accuracyStatus: '',
    ...parts,
  };
}

/** {@link emptyModelData} with the identity `collectModels` makes of these parts. */
export function modelDataOf(parts: IdentityParts, fallbackName = '', more: Partial<ModelData> = {}): ModelData {
  return emptyModelData(makeIdentity(parts, fallbackName), more);
}

/** A value read directly (not derived) from a frame. */
export function directSample(value: number | null, extra: Partial<Sample> = {}, source = 'test data'): Sample {
  return { value, rank: SampleRank.Direct, source, ...extra };
}

/** Direct samples of the given signals, as a model's scalars. */
export function scalarsOf(values: Partial<Record<Signal, number | null>>, source = 'test data'): ModelData['scalars'] {
  const scalars: ModelData['scalars'] = {};
  for (const [signal, value] of Object.entries(values) as Array<[Signal, number | null]>) {
    scalars[signal] = directSample(value, {}, source);
  }
  return scalars;
}

/** A feature of the drift model, outside the quadrant. */
export function featurePoint(
  name: string,
  drift: number | null,
  importance: number | null,
  status = FeatureStatus.Stable
): FeaturePoint {
  return { name, drift, importance, status, quadrant: null };
}
