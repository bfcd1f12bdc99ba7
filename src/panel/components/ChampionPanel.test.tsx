import React from 'react';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { LoadingState, ThemeContext, applyFieldOverrides, createTheme, type DataFrame } from '@grafana/data';

import { DEFAULT_OPTIONS, LayoutMode, MetricId, type PanelOptions } from '../types';
import {
  featureDriftFrame,
  gatewayPair,
  healthFrame,
  labels,
  largeDataset,
  panelData,
  panelProps,
  promSeries,
} from '../../test/panelFrames';
import { ChampionPanel } from './ChampionPanel';
import { panelTestIds as ids } from './testIds';

const XSS = '<img src=x onerror=alert(1)>';

// jsdom's URL lacks canParse, which Grafana's link sanitiser uses.
if (typeof (URL as { canParse?: unknown }).canParse !== 'function') {
  Object.assign(URL, {
    canParse: (url: string, base?: string) => {
      try {
        new URL(url, base);
        return true;
      } catch {
        return false;
      }
    },
  });
}

function renderPanel(
  series: DataFrame[],
  options: Partial<PanelOptions> = {},
  extra: Parameters<typeof panelData>[2] = {},
  size = {}
) {
  const props = panelProps(
    { ...DEFAULT_OPTIONS, ...options },
    panelData(series, extra.state ?? LoadingState.Done, extra),
    size
  );
  return render(<ChampionPanel {...props} />);
}

describe('ChampionPanel comparison', () => {
  it('shows champion and challenger side by side with deltas, words and a verdict', () => {
    renderPanel(gatewayPair());
    expect(screen.getByTestId(ids.comparison.modelHeader(0))).toHaveTextContent('loan-glm v2');
    expect(screen.getByTestId(ids.comparison.modelHeader(0))).toHaveTextContent('champion');
    expect(screen.getByTestId(ids.comparison.modelHeader(1))).toHaveTextContent('loan-dnn v1challenger');
    expect(screen.getByTestId(ids.comparison.cell(MetricId.Latency, 0))).toHaveTextContent('6.10 ms');
    const latencyDelta = screen.getByTestId(ids.comparison.delta(MetricId.Latency, 1));
    expect(latencyDelta).toHaveTextContent('+5.70 ms (+93%)worse');
    expect(latencyDelta).toHaveAttribute('data-outcome', 'worse');
    expect(screen.getByTestId(ids.comparison.delta(MetricId.Availability, 1))).toHaveTextContent('same');
    expect(screen.getByTestId(ids.comparison.delta(MetricId.Predictions, 1))).toHaveAttribute(
      'data-outcome',
      'neutral'
    );
    expect(screen.getByTestId(ids.comparison.cell(MetricId.DriftStatus, 1))).toHaveTextContent('At risk');
    expect(screen.getByTestId(ids.comparison.verdict(1))).toHaveTextContent(
      'loan-dnn v1 (challenger): better on 0 of 5 metrics, worse on 3'
    );
  });

  it('says an unchanged status once, and names both statuses with the outcome when they differ', () => {
    renderPanel(gatewayPair());
    const accuracy = screen.getByTestId(ids.comparison.delta(MetricId.Accuracy, 1));
    expect(accuracy).toHaveAttribute('data-outcome', 'same');
    expect(accuracy.textContent).toBe('same status');
    expect(accuracy).toHaveAttribute('aria-label', 'Change against the champion: same status');
    const drift = screen.getByTestId(ids.comparison.delta(MetricId.DriftStatus, 1));
    expect(drift).toHaveAttribute('data-outcome', 'worse');
    expect([...drift.querySelectorAll('span')].map((s) => s.textContent)).toEqual(['At risk vs Healthy', 'worse']);
    expect(drift).toHaveAttribute('aria-label', 'Change against the champion: At risk vs Healthy, worse');
  });

  it('shows only the chosen metrics in the chosen order', () => {
    renderPanel(gatewayPair(), { metrics: [MetricId.Availability, MetricId.Latency] });
    const rows = within(screen.getByTestId(ids.comparison.table)).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.getAttribute('data-testid'))).toEqual([
      ids.comparison.row(MetricId.Availability),
      ids.comparison.row(MetricId.Latency),
    ]);
  });

  it('explains a metric that is missing from the data and a value missing for one model', () => {
    renderPanel([
      healthFrame(labels('a', '1', 'champion'), 10, null),
      healthFrame(labels('b', '1', 'challenger'), 12, 4),
    ]);
    expect(screen.getByTestId(ids.comparison.missingMetric(MetricId.Accuracy))).toHaveTextContent('Not in the data');
    expect(screen.getByTestId(ids.comparison.cell(MetricId.Latency, 0))).toHaveTextContent('no value');
    expect(screen.queryByTestId(ids.comparison.delta(MetricId.Latency, 1))).not.toBeInTheDocument();
  });

  it('works with only a champion', () => {
    renderPanel([healthFrame(labels('a', '1', 'champion'), 10, 3)]);
    expect(screen.getByTestId(ids.states.onlyChampion)).toHaveTextContent('Only a v1 is in the data');
    expect(screen.getByTestId(ids.comparison.cell(MetricId.Latency, 0))).toHaveTextContent('3 ms');
    expect(screen.queryByTestId(ids.comparison.verdicts)).not.toBeInTheDocument();
  });

  it('renders values through data links when the field has links', () => {
    const frame = healthFrame(labels('a', '1', 'champion'), 10, 3);
    frame.fields[1].config.links = [{ title: 'Details', url: 'https://example.com/a' }];
    const [withLinks] = applyFieldOverrides({
      data: [frame],
      fieldConfig: { defaults: {}, overrides: [] },
      replaceVariables: (s) => s,
      theme: createTheme(),
    });
    renderPanel([withLinks]);
    const link = within(screen.getByTestId(ids.comparison.cell(MetricId.Latency, 0))).getByRole('link');
    expect(link).toHaveAttribute('href', 'https://example.com/a');
  });

  it('compares Prometheus series mapped by name and labels', () => {
    renderPanel([
      promSeries(
        'ml_prediction_latency_seconds',
        { model: 'fraud', model_version: '7', role: 'champion' },
        [0.01, 0.01]
      ),
      promSeries(
        'ml_prediction_latency_seconds',
        { model: 'fraud', model_version: '8', role: 'challenger' },
        [0.005, 0.005]
      ),
    ]);
    expect(screen.getByTestId(ids.comparison.cell(MetricId.Latency, 0))).toHaveTextContent('10 ms');
    expect(screen.getByTestId(ids.comparison.delta(MetricId.Latency, 1))).toHaveTextContent('better');
  });
});

describe('ChampionPanel themes', () => {
  it("colours outcomes from Grafana's light and dark themes", () => {
    const colourIn = (mode: 'light' | 'dark') => {
      const props = panelProps(DEFAULT_OPTIONS, panelData(gatewayPair()));
      const view = render(
        <ThemeContext.Provider value={createTheme({ colors: { mode } })}>
          <ChampionPanel {...props} />
        </ThemeContext.Provider>
      );
      const colour = screen.getByTestId(ids.comparison.delta(MetricId.Latency, 1)).style.color;
      view.unmount();
      return colour;
    };
    const light = colourIn('light');
    const dark = colourIn('dark');
    expect(light).not.toBe('');
    expect(light).not.toBe(dark);
  });

  it('says when no metric is selected', () => {
    renderPanel(gatewayPair(), { metrics: [] });
    expect(screen.getByTestId(ids.comparison.container)).toHaveTextContent('No metrics are selected');
    expect(screen.queryByTestId(ids.comparison.verdicts)).not.toBeInTheDocument();
  });
});

describe('ChampionPanel states', () => {
  it('shows no data', () => {
    renderPanel([]);
    expect(screen.getByTestId(ids.states.noData)).toHaveTextContent('No data');
  });

  it('shows loading before the first result', () => {
    renderPanel([], {}, { state: LoadingState.Loading });
    expect(screen.getByTestId(ids.states.loading)).toBeInTheDocument();
  });

  it('shows a query error', () => {
    renderPanel([], {}, { state: LoadingState.Error, errors: [{ message: 'Gateway unreachable', refId: 'A' }] });
    expect(screen.getByTestId(ids.states.error)).toHaveTextContent('A: Gateway unreachable');
  });

  it('keeps data and warns when some queries failed', () => {
    renderPanel(
      gatewayPair(),
      {},
      { state: LoadingState.Error, errors: [{ message: 'Drift query failed', refId: 'F' }] }
    );
    expect(screen.getByTestId(ids.states.partialErrors)).toHaveTextContent('F: Drift query failed');
    expect(screen.getByTestId(ids.comparison.table)).toBeInTheDocument();
  });

  it('explains data it cannot read', () => {
    renderPanel([promSeries('node_cpu_seconds_total', { cpu: '0' }, [1, 2])]);
    expect(screen.getByTestId(ids.states.unrecognised)).toHaveTextContent('No model metrics found');
  });

  it('says so when every section is switched off', () => {
    renderPanel(gatewayPair(), { showComparison: false, showPredictions: false, showDrift: false });
    expect(screen.getByTestId(ids.states.nothingSelected)).toBeInTheDocument();
  });

  it('shows notices such as an unmatched champion name', () => {
    renderPanel([healthFrame(labels('a', '1'), 1, 1)], { championFallback: 'match' as never, championMatch: 'zzz' });
    expect(screen.getByTestId(ids.states.notices)).toHaveTextContent('No model matches "zzz"');
    expect(screen.getByTestId(ids.comparison.modelHeader(0))).toHaveTextContent('champion (assumed)');
  });
});

describe('ChampionPanel layout', () => {
  const layoutOf = () => screen.getByTestId(ids.panel).querySelector('[data-layout]')?.getAttribute('data-layout');

  it('goes side by side when wide and stacks when narrow (auto)', () => {
    const { unmount } = renderPanel(gatewayPair(), {}, {}, { width: 1400, height: 500 });
    expect(layoutOf()).toBe('horizontal');
    unmount();
    renderPanel(gatewayPair(), {}, {}, { width: 500, height: 900 });
    expect(layoutOf()).toBe('vertical');
  });

  it('stacks a medium panel whose columns would be too narrow for the comparison table (auto)', () => {
    renderPanel(gatewayPair(), {}, {}, { width: 820, height: 560 });
    expect(layoutOf()).toBe('vertical');
  });

  it('scrolls the comparison table sideways, by pointer or keyboard, instead of clipping it', () => {
    renderPanel(gatewayPair(), {}, {}, { width: 420, height: 340 });
    const scroller = screen.getByRole('region', { name: 'Comparison table' });
    expect(scroller).toBe(screen.getByTestId(ids.comparison.scroll));
    expect(scroller).toContainElement(screen.getByTestId(ids.comparison.table));
    expect(scroller).toHaveStyle({ overflowX: 'auto' });
    expect(scroller).toHaveAttribute('tabindex', '0');
  });

  it('ellipsizes long model names in the predictions legend and keeps the full name in a title', () => {
    renderPanel(gatewayPair(), {}, {}, { width: 420, height: 340 });
    const name = screen.getByTestId(ids.predictions.name(0));
    expect(name).toHaveTextContent('loan-glm v2');
    // text-overflow only works on an element that holds the text itself, not on a flex container.
    expect(name).toHaveStyle({ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' });
    expect(name).not.toHaveStyle({ display: 'flex' });
    expect(name.closest('[title]')).toHaveAttribute('title', 'loan-glm v2 (champion)');
  });

  it('follows a forced layout', () => {
    renderPanel(gatewayPair(), { layout: LayoutMode.Vertical }, {}, { width: 1400, height: 500 });
    expect(layoutOf()).toBe('vertical');
  });

  it('hides sections that are switched off', () => {
    renderPanel(gatewayPair(), { showPredictions: false, showDrift: false });
    expect(screen.queryByTestId(ids.predictions.container)).not.toBeInTheDocument();
    expect(screen.queryByTestId(ids.drift.container)).not.toBeInTheDocument();
    expect(screen.getByTestId(ids.comparison.container)).toBeInTheDocument();
  });
});

describe('ChampionPanel predictions', () => {
  it('draws one sparkline per model on a shared axis', () => {
    renderPanel(gatewayPair());
    expect(screen.getByTestId(ids.predictions.series(0))).toHaveTextContent('total 10,000');
    expect(screen.getByTestId(ids.predictions.series(1))).toHaveTextContent('total 9,700');
    expect(screen.getByTestId(ids.predictions.axis)).toHaveTextContent('Jan 1 00:00');
  });
});

describe('ChampionPanel drift', () => {
  it('shows the badge with icon and text, counts, bars against the threshold and the quadrant', () => {
    renderPanel(gatewayPair());
    const badge = screen.getByTestId(ids.drift.badge);
    expect(badge).toHaveTextContent('Drift: Healthy');
    expect(badge).toHaveTextContent('gateway status');
    expect(screen.getByTestId(ids.drift.count('driftingImportant'))).toHaveTextContent('1Drifting & important');
    expect(screen.getByTestId(ids.drift.count('drifting'))).toHaveTextContent('0Drifting');
    expect(screen.getByTestId(ids.drift.count('high'))).toHaveTextContent('0High drift');
    expect(screen.getByTestId(ids.drift.bar('revolving_utilization'))).toHaveTextContent('0.17imp 0.05');
    expect(screen.getAllByTestId(ids.drift.thresholdMarker)).toHaveLength(4);
    expect(screen.getByTestId(ids.drift.quadrantThreshold('drift'))).toBeInTheDocument();
    expect(screen.getByTestId(ids.drift.quadrantThreshold('importance'))).toBeInTheDocument();
    expect(screen.getByTestId(ids.drift.quadrantPoints).children).toHaveLength(4);
  });

  it('switches the drift view to another model', async () => {
    renderPanel(gatewayPair());
    await userEvent.click(within(screen.getByTestId(ids.drift.modelPicker)).getByText('loan-dnn v1'));
    expect(screen.getByTestId(ids.drift.badge)).toHaveTextContent('Drift: At risk');
    expect(screen.getByTestId(ids.drift.bar('revolving_utilization'))).toHaveTextContent('0.27');
  });

  it('compares per-feature drift of the challenger with the champion', () => {
    renderPanel(gatewayPair());
    const section = screen.getByTestId(ids.drift.featureComparison);
    expect(section).toHaveTextContent('loan-dnn v1 vs loan-glm v2');
    expect(section).toHaveTextContent('drifts more on 2 and less on 1 of 4 shared features');
    expect(screen.getByTestId(ids.drift.featureRow('revolving_utilization'))).toHaveAttribute('data-outcome', 'worse');
    expect(screen.getByTestId(ids.drift.featureRow('revolving_utilization'))).toHaveTextContent('+0.1worse');
  });

  it('renders feature names as text, never as markup', () => {
    const { container } = renderPanel([featureDriftFrame(labels('m', '1', 'champion'), [[XSS, 0.5, 0.5]])]);
    expect(screen.getAllByText(XSS).length).toBeGreaterThan(0);
    expect(container.querySelector('img')).toBeNull();
  });

  it('explains when a model has no per-feature drift', () => {
    renderPanel([healthFrame(labels('a', '1', 'champion'), 1, 1)]);
    expect(screen.getByTestId(ids.drift.noFeatures)).toHaveTextContent('No drift data');
  });
});

describe('ChampionPanel at scale', () => {
  it('renders 2,000 features for five models', () => {
    renderPanel(largeDataset(5, 2000), { topN: 10, quadrantLabels: 5 });
    expect(screen.getAllByTestId(/champion-panel model-header/)).toHaveLength(5);
    // All 2,000 features are plotted: the most impactful drifted-and-important ones as SVG shapes,
    // the rest painted on the canvas layer.
    const shapes = screen.getByTestId(ids.drift.quadrantPoints).children.length;
    const painted = Number(screen.getByTestId(ids.drift.quadrantCanvas).getAttribute('data-points'));
    expect(shapes).toBeGreaterThan(0);
    expect(shapes + painted).toBe(2000);
    expect(screen.getAllByTestId(ids.drift.quadrantLabel).length).toBeLessThanOrEqual(5);
    expect(within(screen.getByTestId(ids.drift.topBars)).getAllByRole('listitem')).toHaveLength(10);
    expect(within(screen.getByTestId(ids.drift.featureComparison)).getAllByRole('row')).toHaveLength(11);
    expect(screen.getAllByTestId(/champion-panel verdict \d/)).toHaveLength(4);
  });
});
