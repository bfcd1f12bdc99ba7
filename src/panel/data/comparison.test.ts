import { FieldType, createTheme, type Field } from '@grafana/data';

import { DEFAULT_OPTIONS, DeltaMode, Direction, MetricId, type PanelOptions } from '../types';
import {
  gatewayPair,
  healthFrame,
  labels,
  modelsFrame,
  operationalFrame,
  promInstant,
  promSeries,
} from '../../test/panelFrames';
import { collectModels } from './collect';
import { buildComparison, computeDelta, formatRelative, makeFormatter, verdictFor } from './comparison';
import { buildDrift } from './drift';
import { resolveRoles } from './roles';
import { type MetricCell, type MetricRow, type ModelInfo } from './types';
import { Dimension } from './units';
import { ModelStatus } from '../../shared/modelStatus';

const theme = createTheme();
const opts = (o: Partial<PanelOptions> = {}): PanelOptions => ({ ...DEFAULT_OPTIONS, ...o });

function compare(frames: Parameters<typeof collectModels>[0], o: Partial<PanelOptions> = {}) {
  const options = opts(o);
  const roles = resolveRoles(collectModels(frames, options.metricAliases).models, options);
  const drift = buildDrift(roles.data, roles.models, options);
  return buildComparison(roles.data, roles.models, drift, options, theme);
}

const row = (c: ReturnType<typeof compare>, id: MetricId) => c.rows.find((r) => r.id === id)!;

describe('buildComparison on gateway frames', () => {
  const c = compare(gatewayPair());

  it('orders models champion first', () => {
    expect(c.models.map((m) => [m.name, m.role])).toEqual([
      ['loan-glm v2', 'champion'],
      ['loan-dnn v1', 'challenger'],
    ]);
  });

  it('formats values with the field config and canonical units', () => {
    expect(row(c, MetricId.Predictions).cells.map((x) => x.text)).toEqual(['10,000', '9,700']);
    expect(row(c, MetricId.Latency).cells.map((x) => x.text)).toEqual(['6.10 ms', '11.8 ms']);
    expect(row(c, MetricId.Availability).cells.map((x) => x.text)).toEqual(['99.9%', '99.5%']);
    expect(row(c, MetricId.FailureRate).cells.map((x) => x.value)).toEqual([0.002, 58 / 9700]);
    expect(row(c, MetricId.FailureRate).cells[0].text).toBe('0.200%');
    expect(row(c, MetricId.DriftStatus).cells.map((x) => [x.text, x.status])).toEqual([
      ['Healthy', ModelStatus.Healthy],
      ['At risk', ModelStatus.AtRisk],
    ]);
    expect(row(c, MetricId.Accuracy).cells.map((x) => x.text)).toEqual(['Healthy', 'Healthy']);
  });

  it('computes deltas and outcomes per direction, with tolerance', () => {
    expect(row(c, MetricId.Predictions).deltas[1]).toMatchObject({
      outcome: 'neutral',
      diff: -300,
      text: '-300 (-3.0%)',
    });
    expect(row(c, MetricId.Latency).deltas[1]).toMatchObject({ outcome: 'worse', text: '+5.70 ms (+93%)' });
    expect(row(c, MetricId.FailureRate).deltas[1]?.outcome).toBe('worse');
    expect(row(c, MetricId.Availability).deltas[1]?.outcome).toBe('same');
    expect(row(c, MetricId.Accuracy).deltas[1]).toMatchObject({ outcome: 'same', text: 'same status' });
    expect(row(c, MetricId.DriftStatus).deltas[1]).toMatchObject({ outcome: 'worse', text: 'At risk vs Healthy' });
    expect(row(c, MetricId.Latency).deltas[0]).toBeNull();
  });

  it('gives a one-line verdict per challenger', () => {
    expect(c.verdicts).toEqual([
      expect.objectContaining({
        modelName: 'loan-dnn v1',
        better: 0,
        worse: 3,
        same: 2,
        compared: 5,
        tone: 'worse',
        text: 'better on 0 of 5 metrics, worse on 3',
      }),
    ]);
  });
});

describe('options', () => {
  it('shows only the chosen metrics in the chosen order', () => {
    const c = compare(gatewayPair(), { metrics: [MetricId.DriftStatus, MetricId.Latency] });
    expect(c.rows.map((r) => r.id)).toEqual([MetricId.DriftStatus, MetricId.Latency]);
  });

  it('honours per-metric directions', () => {
    const c = compare(gatewayPair(), {
      directions: { ...DEFAULT_OPTIONS.directions, latency: Direction.HigherIsBetter },
    });
    expect(row(c, MetricId.Latency).deltas[1]?.outcome).toBe('better');
  });

  it('writes absolute or relative deltas', () => {
    expect(row(compare(gatewayPair(), { deltaMode: DeltaMode.Absolute }), MetricId.Latency).deltas[1]?.text).toBe(
      '+5.70 ms'
    );
    expect(row(compare(gatewayPair(), { deltaMode: DeltaMode.Relative }), MetricId.Latency).deltas[1]?.text).toBe(
      '+93%'
    );
  });

  it('treats small differences as the same only within the tolerance', () => {
    const c = compare(gatewayPair(), { equalTolerancePercent: 0 });
    expect(row(c, MetricId.Availability).deltas[1]?.outcome).toBe('worse');
  });
});

describe('mixed and partial input', () => {
  it('normalises Prometheus seconds against gateway milliseconds', () => {
    const c = compare([
      healthFrame(labels('fraud', '7', 'champion'), 100, 10),
      promSeries(
        'ml_prediction_latency_seconds',
        { model: 'fraud', model_version: '8', role: 'challenger' },
        [0.008, 0.012]
      ),
    ]);
    const latency = row(c, MetricId.Latency);
    expect(latency.cells.map((x) => [x.value, x.text])).toEqual([
      [10, '10 ms'],
      [10, '10 ms'],
    ]);
    expect(latency.deltas[1]?.outcome).toBe('same');
  });

  it('shows a field in the unit its config asks for', () => {
    const c = compare([
      promSeries('ml_prediction_latency_seconds', { role: 'champion' }, [0.5, 1.5], 'P', { unit: 's' }),
    ]);
    expect(row(c, MetricId.Latency).cells[0]).toMatchObject({ value: 1000, text: '1 s' });
  });

  it('compares numeric accuracy from Prometheus', () => {
    const c = compare([
      promInstant('ml_model_accuracy', { model: 'm', version: '1', role: 'champion' }, 0.9),
      promInstant('ml_model_accuracy', { model: 'm', version: '2', role: 'challenger' }, 0.93),
    ]);
    expect(row(c, MetricId.Accuracy).cells.map((x) => x.text)).toEqual(['90%', '93%']);
    expect(row(c, MetricId.Accuracy).deltas[1]).toMatchObject({ outcome: 'better', text: '+3.00% (+3.3%)' });
  });

  it('does not compare a number with a status', () => {
    const c = compare([
      promInstant('ml_model_accuracy', { model: 'm', version: '1', role: 'champion' }, 0.9),
      modelsFrame([{ model: 'm', version: '2', role: 'challenger', accuracy: 'FAILING' }], ''),
    ]);
    expect(row(c, MetricId.Accuracy).deltas[1]).toMatchObject({ outcome: 'unknown', text: 'not comparable' });
  });

  it('marks missing metrics and missing values', () => {
    const c = compare([
      healthFrame(labels('a', '1', 'champion'), 5, null),
      operationalFrame(labels('b', '1', 'challenger'), 99, 4),
    ]);
    expect(row(c, MetricId.Accuracy).available).toBe(false);
    expect(row(c, MetricId.Latency).cells.map((x) => x.value)).toEqual([null, 4]);
    expect(row(c, MetricId.Latency).deltas[1]).toMatchObject({ outcome: 'unknown', text: '' });
    expect(c.verdicts[0]).toMatchObject({ compared: 0, tone: 'none', text: 'no metric to compare' });
  });

  it('works with only a champion', () => {
    const c = compare([healthFrame(labels('a', '1', 'champion'), 5, 3)]);
    expect(c.models).toHaveLength(1);
    expect(c.verdicts).toEqual([]);
    expect(row(c, MetricId.Latency).deltas).toEqual([null]);
  });

  it('derives the failure rate from failures and total predictions', () => {
    const c = compare([
      promInstant('ml_prediction_errors_total', { role: 'champion' }, 5),
      promInstant('ml_predictions_total', { role: 'champion' }, 1000),
    ]);
    expect(row(c, MetricId.FailureRate).cells[0]).toMatchObject({
      value: 0.005,
      text: '0.500%',
      source: 'failed / all predictions',
    });
  });

  it('shows a failure rate reported by the data over one derived from counts', () => {
    const c = compare([
      promInstant('ml_prediction_error_ratio', { role: 'champion' }, 0.002),
      promInstant('ml_prediction_errors_total', { role: 'champion' }, 5),
      promInstant('ml_predictions_total', { role: 'champion' }, 1000),
    ]);
    expect(row(c, MetricId.FailureRate).cells[0]).toMatchObject({ value: 0.002, text: '0.200%' });
  });

  it('derives the failure rate from counts when the reported one has no value', () => {
    const c = compare([
      promSeries('ml_prediction_error_ratio', { role: 'champion' }, [null, null]),
      promInstant('ml_prediction_errors_total', { role: 'champion' }, 5),
      promInstant('ml_predictions_total', { role: 'champion' }, 1000),
    ]);
    expect(row(c, MetricId.FailureRate).cells[0]).toMatchObject({
      value: 0.005,
      source: 'failed / all predictions',
    });
  });

  it('leaves a missing value blank and does not compare it', () => {
    const c = compare([
      healthFrame(labels('a', '1', 'champion'), 5, 3, 'A'),
      healthFrame(labels('b', '1', 'challenger'), 5, null, 'B'),
    ]);
    const latency = row(c, MetricId.Latency);
    expect(latency.cells.map((x) => [x.value, x.text])).toEqual([
      [3, '3 ms'],
      [null, ''],
    ]);
    expect(latency.deltas[1]).toMatchObject({ outcome: 'unknown', diff: null, relative: null, text: '' });
  });

  it('uses aliases for custom metric names', () => {
    const c = compare([promInstant('scoring_time', { role: 'champion' }, 0.25)], {
      metricAliases: 'latency(s) = scoring_time',
    });
    expect(row(c, MetricId.Latency).cells[0]).toMatchObject({ value: 250, text: '250 ms' });
  });

  it('uses the derived drift status when there is no gateway status', () => {
    const c = compare([promSeries('ml_data_drift_score', { role: 'champion', feature: 'x' }, [0.5])]);
    expect(row(c, MetricId.DriftStatus).cells[0]).toMatchObject({
      status: ModelStatus.AtRisk,
      source: 'derived from the drift thresholds',
    });
  });
});

describe('formatting helpers', () => {
  it('formats relative deltas', () => {
    expect(formatRelative(0.123)).toBe('+12%');
    expect(formatRelative(-0.031)).toBe('-3.1%');
    expect(formatRelative(-0.0001)).toBe('0.0%');
  });

  it('reports threshold state only when the field has thresholds', () => {
    const field: Field = {
      name: 'x',
      type: FieldType.number,
      values: [],
      config: {
        unit: 'ms',
        thresholds: {
          mode: 'absolute' as never,
          steps: [
            { value: -Infinity, color: 'green' },
            { value: 10, color: 'red' },
          ],
        },
      },
    };
    const { formatter } = makeFormatter(field, Dimension.Time, undefined, theme);
    expect(formatter.format(12)).toMatchObject({ aboveThreshold: true, thresholdColor: expect.any(String) });
    expect(formatter.format(5).aboveThreshold).toBe(false);
    expect(
      makeFormatter(undefined, Dimension.Time, undefined, theme).formatter.format(5).aboveThreshold
    ).toBeUndefined();
  });

  it('does not compare unknown values', () => {
    const cell = (value: number | null): MetricCell => ({ value, text: '' });
    expect(computeDelta(cell(null), cell(1), Direction.LowerIsBetter, DEFAULT_OPTIONS, undefined).outcome).toBe(
      'unknown'
    );
    expect(computeDelta(cell(0), cell(1), Direction.LowerIsBetter, DEFAULT_OPTIONS, undefined)).toMatchObject({
      outcome: 'worse',
      relative: null,
      text: '+1',
    });
  });

  it('counts verdicts over rows', () => {
    const model = { key: 'k', name: 'b', index: 1 } as ModelInfo;
    const r = (outcome: 'better' | 'worse' | 'same' | 'neutral') =>
      ({ deltas: [null, { outcome }] }) as unknown as MetricRow;
    expect(verdictFor(model, [r('better'), r('better'), r('worse'), r('neutral')])).toMatchObject({
      compared: 3,
      tone: 'better',
      text: 'better on 2 of 3 metrics, worse on 1',
    });
    expect(verdictFor(model, [r('better')]).text).toBe('better on 1 of 1 metric');
    expect(verdictFor(model, [r('better'), r('worse')]).tone).toBe('mixed');
  });
});
