import { createTheme } from '@grafana/data';

import { DEFAULT_OPTIONS } from '../types';
import { HOUR, T0, labels, predictionsFrame, promSeries } from '../../test/panelFrames';
import { collectModels } from './collect';
import { buildPredictionChart } from './predictions';
import { resolveRoles } from './roles';

const theme = createTheme();

function chart(frames: Parameters<typeof collectModels>[0], range?: { from: number; to: number }) {
  const roles = resolveRoles(collectModels(frames).models, DEFAULT_OPTIONS);
  return buildPredictionChart(roles.data, roles.models, theme, range);
}

describe('buildPredictionChart', () => {
  it('puts all models on one time axis and one value axis', () => {
    const c = chart([
      predictionsFrame(labels('b', '1', 'challenger'), [5, null, 7, 9]),
      predictionsFrame(labels('a', '1', 'champion'), [1, 2, 3]),
    ])!;
    expect(c.series.map((s) => [s.modelName, s.index, s.summary, s.kind])).toEqual([
      ['a v1', 0, 6, 'count'],
      ['b v1', 1, 21, 'count'],
    ]);
    expect(c.from).toBe(T0);
    expect(c.to).toBe(T0 + 3 * HOUR);
    expect(c.yMax).toBe(9);
    expect(c.series[1].values).toEqual([5, null, 7, 9]);
  });

  it('extends the axis to the dashboard range', () => {
    const c = chart([predictionsFrame(labels('a', '1'), [1, 2])], { from: T0 - HOUR, to: T0 + 10 * HOUR })!;
    expect([c.from, c.to]).toEqual([T0 - HOUR, T0 + 10 * HOUR]);
  });

  it('turns counters into increases and scales mixed kinds separately', () => {
    const c = chart([
      promSeries('ml_predictions_total', { model: 'a', role: 'champion' }, [100, 110, 5]),
      predictionsFrame(labels('b', '1', 'challenger'), [3, 3], 'D', true),
    ])!;
    expect(c.series[0].values).toEqual([null, 10, 5]);
    expect(c.series[0].summary).toBe(15);
    expect(c.series[1]).toMatchObject({ kind: 'rate', summary: 3 });
    expect(c.yMax).toBeNull();
  });

  it('is null without prediction series', () => {
    expect(chart([])).toBeNull();
  });
});

/** A predictions frame of model `a` whose time field holds `time` instead of hourly bins. */
function withTimes(time: Array<number | null>, counts: Array<number | null>) {
  const frame = predictionsFrame(labels('a', '1', 'champion'), counts);
  frame.fields[0].values = time;
  return frame;
}

describe('the time and value axes and the summary at their edges', () => {
  it('drops samples without a finite time, and shows "no data" when none has one', () => {
    const partly = chart([withTimes([T0, null, T0 + 2 * HOUR], [4, 5, 6])])!;
    expect(partly.series[0]).toMatchObject({ times: [T0, T0 + 2 * HOUR], values: [4, 6], summary: 10 });
    expect([partly.from, partly.to]).toEqual([T0, T0 + 2 * HOUR]);
    const none = chart([withTimes([null, null], [4, 5])])!;
    expect(none.series[0]).toMatchObject({ times: [], values: [], summary: null, summaryText: 'no data' });
    expect([none.from, none.to, none.yMax]).toEqual([0, 1, 0]);
  });

  it('shows "no data" for a series whose values are all missing', () => {
    const c = chart([predictionsFrame(labels('a', '1', 'champion'), [null, null])])!;
    expect(c.series[0]).toMatchObject({ values: [null, null], summary: null, summaryText: 'no data' });
    expect(c.yMax).toBe(0);
  });

  it('averages a rate over the samples that have a value', () => {
    const c = chart([predictionsFrame(labels('a', '1', 'champion'), [3, null, 6], 'D', true)])!;
    expect(c.series[0]).toMatchObject({ kind: 'rate', summary: 4.5 });
  });

  it('takes the largest value for the shared axis wherever it is, ignoring missing values', () => {
    const c = chart([
      predictionsFrame(labels('a', '1', 'champion'), [9, 2, null]),
      predictionsFrame(labels('b', '1', 'challenger'), [1, 4]),
    ])!;
    expect(c.yMax).toBe(9);
  });

  it('widens a single instant to one millisecond, and ignores an empty or reversed dashboard range', () => {
    const single = () => [predictionsFrame(labels('a', '1', 'champion'), [7])];
    const at = (range?: { from: number; to: number }) => {
      const c = chart(single(), range)!;
      return [c.from, c.to];
    };
    expect(at()).toEqual([T0, T0 + 1]);
    expect(at({ from: T0 + 5 * HOUR, to: T0 + 5 * HOUR })).toEqual([T0, T0 + 1]);
    expect(at({ from: T0 + 5 * HOUR, to: T0 - 5 * HOUR })).toEqual([T0, T0 + 1]);
    expect(at({ from: T0 - HOUR, to: T0 + 5 * HOUR })).toEqual([T0 - HOUR, T0 + 5 * HOUR]);
  });
});

describe('prediction summary formatting', () => {
  /** A predictions frame whose count field carries `unit` and a display processor Grafana attached. */
  function withGrafanaDisplay(unit: string | undefined) {
    const frame = predictionsFrame(labels('a', '1', 'champion'), [1000, 234]);
    const field = frame.fields.find((f) => f.type === 'number')!;
    field.config = { ...field.config, unit };
    field.display = (value: unknown) => ({ text: `grafana ${String(value)}`, numeric: Number(value) });
    return frame;
  }

  it("keeps Grafana's display of the field when the panel shows the field's own unit", () => {
    expect(chart([withGrafanaDisplay('none')])!.series[0].summaryText).toBe('grafana 1234');
  });

  it('formats the summary itself when the panel shows counts in another unit than the field', () => {
    expect(chart([withGrafanaDisplay(undefined)])!.series[0].summaryText).toBe('1,234');
  });
});
