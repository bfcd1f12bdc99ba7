import { FieldType, type DataFrame } from '@grafana/data';

import { FIELD, type FrameLabels } from '../../shared/frameSchema';
import { OperationalMetric } from '../../shared/operationalMetrics';
import { operationalGraphFrame, operationalSummaryFrame } from './operational';

/**
 * The operational frames as dashboards, the panel and alert rules read them: frame names, field
 * names, display names, units and descriptions are the contract, so each is pinned whole.
 */

const labels: FrameLabels = { deployment_id: 'd1', deployment: 'churn', model: 'gbm', model_version: '2' };
const model = 'gbm v2';
const columns = (frame: DataFrame) =>
  frame.fields.map(({ name, type, config, labels }) => ({ name, type, config, labels }));

describe('operational summary frame', () => {
  it('has uptime (a percentage, with the assumption stated) and the average latency in ms', () => {
    const frame = operationalSummaryFrame({ uptime: 99.5, avgScoringLatencyMs: 12.5, notices: [] }, labels);
    expect(frame.name).toBe(`Operational summary – ${model}`);
    expect(columns(frame)).toEqual([
      {
        name: FIELD.uptime,
        type: FieldType.number,
        config: {
          displayNameFromDS: 'Uptime',
          description: 'Uptime as reported by the gateway (percent: an assumption, the contract names no unit)',
          unit: 'percent',
        },
        labels,
      },
      {
        name: FIELD.avgScoringLatencyMs,
        type: FieldType.number,
        config: { displayNameFromDS: 'Avg scoring latency', unit: 'ms' },
        labels,
      },
    ]);
    expect(frame.fields.map((f) => f.values)).toEqual([[99.5], [12.5]]);
  });
});

describe('operational graph frame', () => {
  const graph = (yLabel: string) => ({
    graph: { name: '', description: '', xLabel: '', yLabel, times: [1000], values: [512] },
    notices: [],
  });

  it('names the series "<metric> – <model>" and describes it by the graph axis label', () => {
    const frame = operationalGraphFrame(OperationalMetric.MemoryUsage, graph('MB'), labels);
    expect(frame.name).toBe(`Memory usage – ${model}`);
    expect(columns(frame)).toEqual([
      { name: FIELD.time, type: FieldType.time, config: {}, labels: undefined },
      {
        name: FIELD.value,
        type: FieldType.number,
        config: { displayNameFromDS: `Memory usage – ${model}`, unit: 'decmbytes', description: 'MB' },
        labels,
      },
    ]);
    expect(frame.fields.map((f) => f.values)).toEqual([[1000], [512]]);
  });

  it('an empty axis label or a missing graph gives no description', () => {
    for (const part of [graph(''), { graph: null, notices: [] }]) {
      const value = operationalGraphFrame(OperationalMetric.MemoryUsage, part, labels).fields[1];
      expect(value.config).toEqual({ displayNameFromDS: `Memory usage – ${model}`, unit: 'decmbytes' });
    }
  });
});
