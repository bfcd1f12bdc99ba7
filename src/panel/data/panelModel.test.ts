import { FieldType, LoadingState, createDataFrame, createTheme, type DataFrame } from '@grafana/data';

import { DEFAULT_OPTIONS, LayoutMode } from '../types';
import { gatewayPair, healthFrame, labels } from '../../test/panelFrames';
import { buildPanelView, errorMessages, resolveLayout } from './panelModel';

const theme = createTheme();
const view = (input: Parameters<typeof buildPanelView>[0]) => buildPanelView(input, DEFAULT_OPTIONS, theme);

describe('buildPanelView', () => {
  it('is ready with comparison, drift and predictions for gateway frames', () => {
    const v = view({ series: gatewayPair(), state: LoadingState.Done });
    expect(v.kind).toBe('ready');
    if (v.kind === 'ready') {
      expect(v.comparison.models).toHaveLength(2);
      expect(v.drift.models).toHaveLength(2);
      expect(v.predictions?.series).toHaveLength(2);
      expect(v.onlyChampion).toBe(false);
      expect(v.errors).toEqual([]);
    }
  });

  it('reports a query error when there is no data', () => {
    expect(view({ series: [], state: LoadingState.Error, errors: [{ message: 'Unauthorized', refId: 'A' }] })).toEqual({
      kind: 'error',
      errors: ['A: Unauthorized'],
    });
    expect(view({ series: [], state: LoadingState.Error })).toEqual({ kind: 'error', errors: ['The query failed.'] });
  });

  it('keeps data and lists errors when some queries failed', () => {
    const v = view({ series: [healthFrame(labels('a', '1', 'champion'), 1, 1)], errors: [{ message: 'B failed' }] });
    expect(v.kind).toBe('ready');
    expect(v.kind === 'ready' && v.errors).toEqual(['B failed']);
    expect(v.kind === 'ready' && v.onlyChampion).toBe(true);
  });

  it('distinguishes loading, no data and unrecognised data', () => {
    expect(view({ series: [], state: LoadingState.Loading })).toEqual({ kind: 'loading' });
    expect(view({ series: [], state: LoadingState.Done })).toEqual({ kind: 'noData' });
    expect(
      view({ series: [createDataFrame({ fields: [{ name: 'x', type: FieldType.number, values: [] }] })] })
    ).toEqual({ kind: 'noData' });
    const junk = createDataFrame({ refId: 'A', fields: [{ name: 'Value', type: FieldType.number, values: [1] }] });
    expect(view({ series: [junk] })).toEqual({ kind: 'unrecognised', frames: 1, notices: [] });
  });

  it('collects error messages without duplicates', () => {
    expect(errorMessages({ errors: [{ message: 'x' }, { message: 'x' }] })).toEqual(['x']);
    expect(errorMessages({ errors: [{ data: { message: 'from data' } }, { status: 502 }] })).toEqual([
      'from data',
      'Request failed with status 502',
    ]);
  });
});

describe('resolveLayout', () => {
  it('follows the option, or the panel shape in auto mode', () => {
    expect(resolveLayout(LayoutMode.Vertical, 2000, 100)).toBe('vertical');
    expect(resolveLayout(LayoutMode.Horizontal, 200, 800)).toBe('horizontal');
    expect(resolveLayout(LayoutMode.Auto, 1200, 500)).toBe('horizontal');
    expect(resolveLayout(LayoutMode.Auto, 700, 300)).toBe('vertical');
    expect(resolveLayout(LayoutMode.Auto, 900, 900)).toBe('vertical');
  });

  it('stacks in auto mode unless both columns have room for the comparison table', () => {
    // 820×560 is wide and landscape, but each column would get ~394 px for a ~470 px table.
    expect(resolveLayout(LayoutMode.Auto, 820, 560)).toBe('vertical');
    expect(resolveLayout(LayoutMode.Auto, 979, 600)).toBe('vertical');
    expect(resolveLayout(LayoutMode.Auto, 980, 600)).toBe('horizontal');
    expect(resolveLayout(LayoutMode.Auto, 1240, 840)).toBe('horizontal');
  });
});

describe('buildPanelView states and notices', () => {
  const junk = () => createDataFrame({ refId: 'A', fields: [{ name: 'Value', type: FieldType.number, values: [1] }] });
  const withAliases = (series: DataFrame[], metricAliases: string) =>
    buildPanelView({ series, state: LoadingState.Done }, { ...DEFAULT_OPTIONS, metricAliases }, theme);

  it('shows query errors when there is no data, whatever the loading state', () => {
    expect(view({ series: [], state: LoadingState.Done, errors: [{ message: 'x', refId: 'B' }] })).toEqual({
      kind: 'error',
      errors: ['B: x'],
    });
    expect(view({ series: [createDataFrame({ fields: [] })], state: LoadingState.Done })).toEqual({ kind: 'noData' });
    expect(view({ series: [], state: LoadingState.NotStarted })).toEqual({ kind: 'loading' });
  });

  it('shows query errors rather than "unrecognised" when no frame is readable', () => {
    expect(view({ series: [junk()], errors: [{ message: 'B failed' }] })).toEqual({
      kind: 'error',
      errors: ['B failed'],
    });
  });

  it('reads the same frames anew when the metric aliases change', () => {
    const series = [junk()];
    expect(withAliases(series, 'bogus')).toEqual({
      kind: 'unrecognised',
      frames: 1,
      notices: ['Metric alias line 1 is not understood: "bogus"'],
    });
    expect(withAliases(series, 'other')).toEqual({
      kind: 'unrecognised',
      frames: 1,
      notices: ['Metric alias line 1 is not understood: "other"'],
    });
  });

  it('lists alias and role notices next to the comparison', () => {
    const series = [
      healthFrame(labels('a', '1', 'champion'), 1, 1),
      healthFrame(labels('b', '1', 'champion'), 1, 1, 'B'),
    ];
    const v = withAliases(series, 'bogus');
    expect(v.kind === 'ready' && v.notices).toEqual([
      'Metric alias line 1 is not understood: "bogus"',
      '2 models carry the role "champion"; the first, a v1, is the champion.',
    ]);
  });
});

describe('errorMessages fallbacks', () => {
  it('says the query failed when an error carries no message and no status', () => {
    expect(errorMessages({ errors: [{ refId: 'C' }, {}] })).toEqual(['C: Query failed', 'Query failed']);
  });
});

describe('resolveLayout (shape)', () => {
  it('stacks a wide enough panel that is not clearly wider than tall', () => {
    expect(resolveLayout(LayoutMode.Auto, 1000, 800)).toBe('vertical');
    expect(resolveLayout(LayoutMode.Auto, 1400, 1000)).toBe('horizontal');
    expect(resolveLayout(LayoutMode.Auto, 1400, 1001)).toBe('vertical');
  });
});
