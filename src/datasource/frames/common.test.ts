import { FieldType } from '@grafana/data';

import { FrameKind, FRAME_SCHEMA_VERSION } from '../../shared/frameSchema';
import { DEPLOYMENT_ID, labels as frameLabels } from '../../test/panelFrames';
import { frameName, labelsOf, meta, valueField } from './common';

const labels = frameLabels('churn-gbm', '7', 'champion');

describe('meta', () => {
  it('has no notices (undefined, not []) when neither notices nor parser notes exist', () => {
    // Grafana shows a warning icon whenever `notices` is an array, even an empty one.
    expect(meta(FrameKind.Deployments)).toStrictEqual({
      type: undefined,
      custom: { kind: FrameKind.Deployments, frameSchemaVersion: FRAME_SCHEMA_VERSION },
      notices: undefined,
    });
    expect(meta(FrameKind.Deployments, { notices: [], parsed: [] }).notices).toBeUndefined();
  });

  it('puts given notices first, then each parser note once as a warning', () => {
    expect(
      meta(FrameKind.Models, {
        notices: [{ severity: 'info', text: 'given' }],
        parsed: ['read leniently', 'read leniently', 'no value'],
      }).notices
    ).toStrictEqual([
      { severity: 'info', text: 'given' },
      { severity: 'warning', text: 'read leniently' },
      { severity: 'warning', text: 'no value' },
    ]);
  });
});

describe('labels of value fields', () => {
  it('leave out labels that are unset or empty, keeping the others as they are', () => {
    expect(labelsOf({ ...labels, model_version: '', role: undefined })).toStrictEqual({
      deployment_id: DEPLOYMENT_ID,
      deployment: `deployment-${DEPLOYMENT_ID}`,
      model: 'churn-gbm',
    });
    expect(
      valueField('x', FieldType.number, [1], { deployment_id: 'd1', deployment: '', model: 'm', model_version: '' })
        .labels
    ).toStrictEqual({ deployment_id: 'd1', model: 'm' });
  });
});

describe('frameName', () => {
  it('is "<base> – <series name>"', () => {
    expect(frameName('Health', labels)).toBe('Health – churn-gbm v7 (champion)');
    expect(frameName('Drift summary', { deployment_id: 'd1', deployment: 'churn', model: '', model_version: '' })).toBe(
      'Drift summary – churn'
    );
  });
});
