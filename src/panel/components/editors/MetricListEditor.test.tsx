import React, { useState } from 'react';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { StandardEditorProps } from '@grafana/data';

import { MetricId } from '../../types';
import { panelTestIds as ids } from '../testIds';
import { MetricListEditor, metricListItems, moveMetric, toggleMetric } from './MetricListEditor';

describe('metric list helpers', () => {
  it('lists chosen metrics first, in order, then the rest', () => {
    expect(metricListItems([MetricId.Latency, MetricId.Predictions]).map((i) => [i.id, i.checked])).toEqual([
      [MetricId.Latency, true],
      [MetricId.Predictions, true],
      [MetricId.FailureRate, false],
      [MetricId.Availability, false],
      [MetricId.Accuracy, false],
      [MetricId.DriftStatus, false],
    ]);
  });

  it('toggles and moves within bounds', () => {
    expect(toggleMetric([MetricId.Latency], MetricId.Accuracy)).toEqual([MetricId.Latency, MetricId.Accuracy]);
    expect(toggleMetric([MetricId.Latency, MetricId.Accuracy], MetricId.Latency)).toEqual([MetricId.Accuracy]);
    expect(moveMetric([MetricId.Latency, MetricId.Accuracy], MetricId.Accuracy, -1)).toEqual([
      MetricId.Accuracy,
      MetricId.Latency,
    ]);
    expect(moveMetric([MetricId.Latency, MetricId.Accuracy], MetricId.Latency, -1)).toEqual([
      MetricId.Latency,
      MetricId.Accuracy,
    ]);
  });
});

describe('MetricListEditor', () => {
  function setup(initial: MetricId[]) {
    const onChange = jest.fn();
    function Harness() {
      const [value, setValue] = useState(initial);
      const props = {
        value,
        onChange: (v?: MetricId[]) => {
          onChange(v);
          setValue(v ?? []);
        },
        context: { data: [] },
        item: { id: 'metrics', name: 'Metrics' },
      } as unknown as StandardEditorProps<MetricId[]>;
      return <MetricListEditor {...props} />;
    }
    render(<Harness />);
    return { onChange, user: userEvent.setup() };
  }

  it('adds, removes and reorders metrics', async () => {
    const { onChange, user } = setup([MetricId.Latency, MetricId.Predictions]);
    await user.click(screen.getByTestId(ids.editor.moveUp(MetricId.Predictions)));
    expect(onChange).toHaveBeenLastCalledWith([MetricId.Predictions, MetricId.Latency]);
    await user.click(screen.getByLabelText('Accuracy'));
    expect(onChange).toHaveBeenLastCalledWith([MetricId.Predictions, MetricId.Latency, MetricId.Accuracy]);
    await user.click(screen.getByLabelText('Total predictions'));
    expect(onChange).toHaveBeenLastCalledWith([MetricId.Latency, MetricId.Accuracy]);
    expect(screen.getByTestId(ids.editor.moveUp(MetricId.Latency))).toBeDisabled();
    expect(screen.getByTestId(ids.editor.moveDown(MetricId.Accuracy))).toBeDisabled();
    expect(screen.queryByTestId(ids.editor.moveUp(MetricId.Predictions))).not.toBeInTheDocument();
  });

  it('copes with a missing value', () => {
    setup(undefined as unknown as MetricId[]);
    expect(screen.getByTestId(ids.editor.metricList).querySelectorAll('li')).toHaveLength(6);
  });
});
