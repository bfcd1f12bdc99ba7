import { badgeOf } from './driftBadge';
import type { DriftThresholds } from './driftTypes';
import { fallbackNameOf, makeIdentity } from './identity';
import type { Delta, MetricRow, ModelData, ModelInfo } from './types';
import { verdictFor } from './verdict';
import { createDataFrame } from '@grafana/data';

/** Rows whose challenger (index 1) delta has the given outcomes; only the outcome matters here. */
const rowsWith = (outcomes: Array<Delta['outcome']>) =>
  outcomes.map((outcome) => ({ deltas: [undefined, { outcome }] }) as unknown as MetricRow);
const challenger = { key: 'k', name: 'b v2', index: 1 } as ModelInfo;

describe('verdictFor', () => {
  it('counts same rows as compared and names the rows without enough data', () => {
    const v = verdictFor(challenger, rowsWith(['better', 'same', 'same', 'insufficient']));
    expect(v).toMatchObject({ better: 1, worse: 0, same: 2, compared: 3, insufficient: 1, tone: 'better' });
    expect(v.text).toBe('better on 1 of 3 metrics; not enough data on 1');
  });
});

describe('badgeOf without any drift information', () => {
  it('says so in the badge detail', () => {
    const data = {
      identity: makeIdentity({ model: 'm', version: '1' }, 'A'),
      order: 0,
      scalars: {},
      series: {},
      features: new Map(),
      driftStatus: '',
      accuracyStatus: '',
    } as ModelData;
    const t = { drift: 0.3, importance: 0.5 } as DriftThresholds;
    expect(badgeOf(data, [], t)).toMatchObject({ source: 'none', detail: 'No drift information for this model.' });
  });
});

describe('fallbackNameOf', () => {
  it('is empty for a frame with neither refId nor name', () => {
    expect(fallbackNameOf(createDataFrame({ fields: [] }))).toBe('');
    expect(fallbackNameOf(createDataFrame({ name: 'frame', fields: [] }))).toBe('frame');
  });
});
