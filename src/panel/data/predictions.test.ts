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
