import { FRAME_SCHEMA_VERSION, type FrameLabels } from '../../shared/frameSchema';
import { healthFrame, operationalFrame, opSeriesFrame } from '../../test/panelFrames';
import { collectModels } from './collect';
import { Signal } from './mapping';
import { resolveRoles } from './roles';
import { DEFAULT_OPTIONS } from '../types';
import { IdentityKind } from './types';

/** A deployment without models: our frames carry the deployment labels but no model labels. */
const noModel: FrameLabels = { deployment_id: 'dep-9', deployment: 'fraud', model: '', model_version: '' };

describe('a deployment without models', () => {
  it('is one series named after the deployment, not one "model" per query', () => {
    const { models } = collectModels([healthFrame(noModel, 100, 4, 'A'), operationalFrame(noModel, 99, 6, 'B')]);
    expect(models).toHaveLength(1);
    expect(models[0].identity).toMatchObject({ kind: IdentityKind.Deployment, deploymentId: 'dep-9' });
    const roles = resolveRoles(models, DEFAULT_OPTIONS);
    expect(roles.models.map((m) => m.name)).toEqual(['fraud']);
  });

  it('joins its only model when the other frames name that model', () => {
    const model: FrameLabels = { ...noModel, model: 'gbm', model_version: '3' };
    const { models } = collectModels([healthFrame(model, 100, 4, 'A'), operationalFrame(noModel, 99, 6, 'B')]);
    expect(models).toHaveLength(1);
    expect(models[0].identity.model).toBe('gbm');
    expect(models[0].scalars[Signal.Availability]?.value).toBe(99);
  });
});

describe('values the panel never draws as numbers', () => {
  it('a negative count is no value, with a notice', () => {
    const l: FrameLabels = { ...noModel, model: 'gbm', model_version: '3' };
    const result = collectModels([opSeriesFrame(l, 'failedPrediction', [3, -2])]);
    const gbm = result.models[0];
    expect(gbm.series[Signal.FailedPredictions]!.values).toEqual([3, null]);
    expect(result.notices).toEqual([
      '"Operational time series" has negative values, which it cannot have; they are shown as no value.',
    ]);
  });

  it('non-finite values are no value', () => {
    const l: FrameLabels = { ...noModel, model: 'gbm', model_version: '3' };
    const frame = opSeriesFrame(l, 'scoringLatency', [1, 2]);
    frame.fields[1].values[1] = Infinity;
    const gbm = collectModels([frame]).models[0];
    expect(gbm.series[Signal.Latency]!.values).toEqual([1, null]);
  });
});

describe('frame schema version', () => {
  it('says so when the data is newer than the panel understands', () => {
    const frame = healthFrame({ ...noModel, model: 'gbm', model_version: '3' }, 100, 4);
    frame.meta = { ...frame.meta, custom: { ...frame.meta!.custom, frameSchemaVersion: FRAME_SCHEMA_VERSION + 1 } };
    const { notices } = collectModels([frame]);
    expect(notices).toContain(
      `The data follows frame schema ${FRAME_SCHEMA_VERSION + 1}, newer than this panel understands (${FRAME_SCHEMA_VERSION}); ` +
        'update the plugin. Values the panel does not recognise are left out.'
    );
    expect(collectModels([healthFrame(noModel, 1, 1)]).notices).toEqual([]);
  });
});
