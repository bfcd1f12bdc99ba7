import {
  FieldColorModeId,
  FieldType,
  ThresholdsMode,
  createTheme,
  type Field,
  type FieldConfig,
  type LinkModel,
} from '@grafana/data';

import { DEFAULT_OPTIONS, DeltaMode, Direction, MetricId, type PanelOptions } from '../types';
import { buildComparison, computeDelta, formatRelative, makeFormatter } from './comparison';
import type { DriftModel, ModelDrift } from './driftTypes';
import { Signal } from './mapping';
import { IdentityKind, outputShareKey, type MetricCell, type ModelData, type ModelInfo, type Sample } from './types';
import { Dimension } from './units';
import { ModelStatus } from '../../shared/modelStatus';
import { directSample, emptyModelData } from '../../test/modelData';

/**
 * Cells, deltas and availability of the comparison from collected model data (what `collect.ts`
 * hands over), one signal at a time, so each derivation and fallback is seen on its own.
 */

const theme = createTheme();
const NO_DRIFT: DriftModel = { models: [], comparisons: [] };

const sample = (value: number | null, extra: Partial<Sample> = {}) => directSample(value, extra);

function modelData(key: string, over: Partial<ModelData> = {}): ModelData {
  const identity = { kind: IdentityKind.Model, key, model: key, version: '1', deploymentId: 'd', deployment: 'd' };
  return emptyModelData({ ...identity, role: '', fallbackName: key }, over);
}

const info = (d: ModelData, index: number): ModelInfo => ({
  key: d.identity.key,
  name: d.identity.key,
  role: index === 0 ? 'champion' : 'challenger',
  isChampion: index === 0,
  roleSource: 'label',
  identity: d.identity,
  index,
});

function compare(data: ModelData[], metrics: MetricId[], drift: DriftModel = NO_DRIFT, o: Partial<PanelOptions> = {}) {
  const options = { ...DEFAULT_OPTIONS, metrics, ...o };
  return buildComparison(data, data.map(info), drift, options, theme);
}

/** The cells of one metric row, without the data-link suppliers. */
const cellsOf = (data: ModelData[], metric: MetricId, drift?: DriftModel) =>
  compare(data, [metric], drift).rows[0].cells.map(({ getLinks, ...cell }) => cell);

describe('derived failure rate and prediction count', () => {
  it('divides failures by the reported total when successes are missing', () => {
    const data = modelData('a', {
      scalars: { [Signal.FailedPredictions]: sample(5), [Signal.Predictions]: sample(1000) },
    });
    expect(cellsOf([data], MetricId.FailureRate)).toEqual([
      { value: 0.005, text: '0.500%', source: 'failed / all predictions' },
    ]);
  });

  it('divides failures by failed + successful predictions when both are there, without a reported total', () => {
    const data = modelData('a', {
      scalars: { [Signal.FailedPredictions]: sample(30), [Signal.SuccessfulPredictions]: sample(970) },
    });
    expect(cellsOf([data], MetricId.FailureRate)).toEqual([
      { value: 0.03, text: '3%', source: 'failed / all predictions' },
    ]);
  });

  it('derives no failure rate without failures, without a total or from zero predictions', () => {
    const noFailures = modelData('a', { scalars: { [Signal.Predictions]: sample(1000) } });
    const noTotal = modelData('b', { scalars: { [Signal.FailedPredictions]: sample(5) } });
    const zero = modelData('c', {
      scalars: { [Signal.FailedPredictions]: sample(0), [Signal.SuccessfulPredictions]: sample(0) },
    });
    expect(cellsOf([noFailures, noTotal, zero], MetricId.FailureRate)).toEqual([
      { value: null, text: '', source: undefined },
      { value: null, text: '', source: undefined },
      { value: null, text: '', source: undefined },
    ]);
  });

  it('adds successful and failed predictions when the total is missing, formatted like the successes', () => {
    const both = modelData('a', {
      scalars: {
        [Signal.FailedPredictions]: sample(30),
        [Signal.SuccessfulPredictions]: sample(9670, {
          field: { name: 'ok', type: FieldType.number, values: [], config: { unit: 'suffix:req' } },
        }),
      },
    });
    const onlyFailed = modelData('b', { scalars: { [Signal.FailedPredictions]: sample(30) } });
    const onlySucceeded = modelData('c', { scalars: { [Signal.SuccessfulPredictions]: sample(9670) } });
    expect(cellsOf([both, onlyFailed, onlySucceeded], MetricId.Predictions)).toEqual([
      { value: 9700, text: '9700 req', source: 'successful + failed predictions' },
      { value: null, text: '', source: undefined },
      { value: null, text: '', source: undefined },
    ]);
  });
});

describe('status cells', () => {
  const badge = (modelKey: string, status: ModelStatus, source: 'thresholds' | 'none') =>
    ({ modelKey, badge: { status, label: '', source, detail: '' } }) as unknown as ModelDrift;

  it("prefers the gateway's drift status, else each model's own badge unless it has no source", () => {
    const drift: DriftModel = {
      models: [
        badge('a', ModelStatus.Healthy, 'thresholds'),
        badge('b', ModelStatus.Failing, 'thresholds'),
        badge('c', ModelStatus.AtRisk, 'none'),
      ],
      comparisons: [],
    };
    const data = ['a', 'b', 'c', 'd'].map((k) => modelData(k));
    data[3].driftStatus = 'FAILING';
    const derived = 'derived from the drift thresholds';
    expect(cellsOf(data, MetricId.DriftStatus, drift)).toEqual([
      { value: 1, text: 'Healthy', status: ModelStatus.Healthy, source: derived },
      { value: 3, text: 'Failing', status: ModelStatus.Failing, source: derived },
      { value: null, text: '', source: derived },
      { value: 3, text: 'Failing', status: ModelStatus.Failing, source: "gateway's model status" },
    ]);
    // A model without any drift information has no badge at all.
    expect(cellsOf([modelData('x')], MetricId.DriftStatus, drift)).toEqual([
      { value: null, text: '', source: derived },
    ]);
  });

  it("falls back to the gateway's accuracy status only for accuracy, and only when it is known", () => {
    const withStatus = modelData('a', { accuracyStatus: 'AT_RISK' });
    const unknown = modelData('b', { accuracyStatus: 'UNKNOWN' });
    expect(cellsOf([withStatus, unknown], MetricId.Accuracy)).toEqual([
      { value: 2, text: 'At risk', status: ModelStatus.AtRisk, source: "gateway's model accuracy status" },
      { value: null, text: '', source: undefined },
    ]);
    expect(cellsOf([withStatus], MetricId.Latency)).toEqual([{ value: null, text: '', source: undefined }]);
  });
});

describe('data links of a cell', () => {
  // Grafana attaches getLinks to fields when it applies field config (not run here): a stand-in
  // supplier records the row it is asked for.
  const linkedField = (links: FieldConfig['links']): Field => ({
    name: 'Value',
    type: FieldType.number,
    values: [],
    config: { links },
    getLinks: (o?: { valueRowIndex?: number }) =>
      [{ title: `row ${o?.valueRowIndex ?? 'none'}`, href: '/d', origin: {}, target: '_self' }] as LinkModel[],
  });
  const latency = (field: Field, rowIndex?: number) =>
    modelData('a', { scalars: { [Signal.Latency]: sample(3, { field, rowIndex, unit: 'ms' }) } });
  const linksOf = (d: ModelData) => {
    const getLinks = compare([d], [MetricId.Latency]).rows[0].cells[0].getLinks;
    return getLinks ? getLinks().map((l) => l.title) : 'no links';
  };

  it("offers the field's links for the sample's row with the stand-in supplier", () => {
    const field = linkedField([{ title: 'Details', url: '/d' }]);
    expect(linksOf(latency(field, 4))).toEqual(['row 4']);
    expect(linksOf(latency(field))).toEqual(['row none']);
  });

  it('offers no links when the field has none configured', () => {
    expect(linksOf(latency(linkedField([])))).toBe('no links');
    expect(linksOf(latency(linkedField(undefined)))).toBe('no links');
  });
});

describe('deltas', () => {
  const cell = (value: number | null, status?: ModelStatus, text = ''): MetricCell => ({ value, status, text });
  const abs = { deltaMode: DeltaMode.Absolute, equalTolerancePercent: 0 };
  const rel = { deltaMode: DeltaMode.Relative, equalTolerancePercent: 0 };

  it('compares statuses by name and never a status with a number', () => {
    const healthy = cell(1, ModelStatus.Healthy, 'Healthy');
    const failing = cell(3, ModelStatus.Failing, 'Failing');
    const lower = Direction.LowerIsBetter;
    expect(computeDelta(healthy, failing, lower, abs, undefined)).toEqual({
      outcome: 'worse',
      diff: null,
      relative: null,
      text: 'Failing vs Healthy',
    });
    expect(computeDelta(healthy, cell(1, ModelStatus.Healthy, 'Healthy'), lower, abs, undefined)).toEqual({
      outcome: 'same',
      diff: null,
      relative: null,
      text: 'same status',
    });
    const notComparable = { outcome: 'unknown', diff: null, relative: null, text: 'not comparable' };
    expect(computeDelta(healthy, cell(1), lower, abs, undefined)).toEqual(notComparable);
    expect(computeDelta(cell(1), healthy, lower, abs, undefined)).toEqual(notComparable);
  });

  it('signs only a positive difference, once', () => {
    const neutral = Direction.Neutral;
    expect(computeDelta(cell(5), cell(5), neutral, abs, undefined).text).toBe('0');
    const plus = makeFormatter(
      { name: 'n', type: FieldType.number, values: [], config: { unit: 'prefix:+' } },
      Dimension.Count,
      undefined,
      theme
    ).formatter;
    expect(computeDelta(cell(1), cell(3), neutral, abs, plus).text).toBe('+2');
  });

  it("writes the difference in the formatter's display unit", () => {
    const seconds = makeFormatter(
      { name: 's', type: FieldType.number, values: [], config: { unit: 's' } },
      Dimension.Time,
      undefined,
      theme
    ).formatter;
    expect(computeDelta(cell(1000), cell(2500), Direction.Neutral, abs, seconds).text).toBe('+1.50 s');
  });

  it('falls back to the absolute difference in relative mode when the champion is zero', () => {
    expect(computeDelta(cell(0), cell(2), Direction.Neutral, rel, undefined)).toEqual({
      outcome: 'neutral',
      diff: 2,
      relative: null,
      text: '+2',
    });
  });

  it('writes whole percents from 10 % on, never a signed zero', () => {
    expect([0.1, -0.1, 0.0999, 0, -0.0004].map(formatRelative)).toEqual(['+10%', '-10%', '+10.0%', '0.0%', '0.0%']);
  });
});

describe('thresholds of a formatter', () => {
  const field = (steps: Array<{ value: number; color: string }>, mode = ThresholdsMode.Absolute): Field => ({
    name: 'x',
    type: FieldType.number,
    values: [],
    config: { unit: 'ms', thresholds: { mode, steps } },
  });
  const format = (f: Field, value: number) =>
    makeFormatter(f, Dimension.Time, undefined, theme).formatter.format(value);

  it('reports no threshold state for percentage thresholds or a base step alone', () => {
    const steps = [
      { value: -Infinity, color: 'green' },
      { value: 10, color: 'red' },
    ];
    expect(format(field(steps, ThresholdsMode.Percentage), 12)).toEqual({ text: '12 ms' });
    expect(format(field([{ value: -Infinity, color: 'green' }]), 12)).toEqual({ text: '12 ms' });
  });

  it('is above a threshold only past a step that is not the base', () => {
    const red = theme.visualization.getColorByName('red');
    const green = theme.visualization.getColorByName('green');
    const fromZero = field([
      { value: 0, color: 'green' },
      { value: 10, color: 'red' },
    ]);
    expect(format(fromZero, 5)).toEqual({ text: '5 ms', thresholdColor: green, aboveThreshold: false });
    expect(format(fromZero, 12)).toEqual({ text: '12 ms', thresholdColor: red, aboveThreshold: true });
    // A second base step (-Infinity) is still the base.
    const twoBases = field([
      { value: -Infinity, color: 'green' },
      { value: -Infinity, color: 'red' },
    ]);
    expect(format(twoBases, 5)).toEqual({ text: '5 ms', thresholdColor: red, aboveThreshold: false });
  });
});

describe('colours of a formatter', () => {
  it("colours by the field's name when the colour scheme asks for it", () => {
    const color = (name: string) =>
      makeFormatter(
        {
          name,
          type: FieldType.number,
          values: [],
          config: { color: { mode: FieldColorModeId.PaletteClassicByName } },
        },
        Dimension.Count,
        undefined,
        theme
      ).formatter.display(1).color;
    expect(color('alpha')).toBe(color('alpha'));
    expect(color('alpha')).not.toBe(color('beta'));
  });
});

describe('availability and output rows', () => {
  const champion = modelData('a', { scalars: { [Signal.Latency]: sample(3, { unit: 'ms' }) } });
  const challenger = modelData('b');

  it('is available when any model has a value, and rows exist with no models', () => {
    expect(compare([champion, challenger], [MetricId.Latency]).rows[0].available).toBe(true);
    expect(compare([challenger], [MetricId.Latency]).rows[0].available).toBe(false);
    expect(compare([], [MetricId.Latency]).rows).toEqual([
      {
        id: MetricId.Latency,
        label: 'Avg scoring latency',
        direction: DEFAULT_OPTIONS.directions.latency,
        cells: [],
        deltas: [],
        available: false,
        display: undefined,
      },
    ]);
  });

  it('shows output rows of models with and without outputs, unavailable when nobody has a value', () => {
    const outputs = new Map<string, Sample>([
      ['prediction', sample(0.4)],
      ['empty', sample(null)],
      [outputShareKey('label', 'yes'), sample(0.3)],
      [outputShareKey('label', 'no'), sample(0.7)],
    ]);
    const c = compare([modelData('a', { outputs }), modelData('b')], []);
    const blank = { value: null, text: '', source: undefined };
    expect(
      c.rows.map((r) => [r.label, r.available, r.cells.map(({ getLinks, ...x }) => x), r.deltas[1]?.outcome])
    ).toEqual([
      ['Prediction mean (prediction)', true, [{ value: 0.4, text: '0.4', source: 'test data' }, blank], 'unknown'],
      ['Prediction mean (empty)', false, [{ value: null, text: '', source: 'test data' }, blank], 'unknown'],
      ['Share of no (label)', true, [{ value: 0.7, text: '70%', source: 'test data' }, blank], 'unknown'],
      ['Share of yes (label)', true, [{ value: 0.3, text: '30%', source: 'test data' }, blank], 'unknown'],
    ]);
  });

  it("ranks a column's classes by the champion's share, then by the best challenger's", () => {
    const shares = (entries: Array<[string, string, number]>) =>
      new Map(entries.map(([column, category, value]) => [outputShareKey(column, category), sample(value)]));
    const c = compare(
      [
        modelData('champion', {
          outputs: shares([
            ['label', 'yes', 0.5],
            ['label', 'no', 0.5],
          ]),
        }),
        modelData('without outputs'),
        modelData('challenger', {
          outputs: shares([
            ['label', 'yes', 0.1],
            ['label', 'no', 0.9],
            ['other', 'x', 0.2],
            ['other', 'z', 0.8],
          ]),
        }),
      ],
      []
    );
    expect(c.rows.map((r) => r.label)).toEqual([
      'Share of no (label)',
      'Share of yes (label)',
      'Share of z (other)',
      'Share of x (other)',
    ]);
  });

  it("writes every challenger's difference in the champion's format", () => {
    const latency = (key: string, value: number, decimals: number) =>
      modelData(key, {
        scalars: {
          [Signal.Latency]: sample(value, {
            field: { name: 'Value', type: FieldType.number, values: [], config: { unit: 'ms', decimals } },
          }),
        },
      });
    const row = compare([latency('a', 2, 0), latency('b', 3.234, 3)], [MetricId.Latency], NO_DRIFT, {
      deltaMode: DeltaMode.Absolute,
    }).rows[0];
    expect([row.cells.map((x) => x.text), row.deltas[1]?.text]).toEqual([['2 ms', '3.234 ms'], '+1 ms']);
  });
});
