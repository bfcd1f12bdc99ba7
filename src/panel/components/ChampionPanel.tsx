import React, { useMemo } from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2, PanelProps, TimeRange } from '@grafana/data';
import { useStyles2, useTheme2 } from '@grafana/ui';

import { sanitizeOptions } from '../migrations';
import type { PanelOptions } from '../types';
import { buildPanelView, resolveLayout, type ReadyView } from '../data/panelModel';
import { ComparisonTable } from './ComparisonTable';
import { DriftSection } from './DriftSection';
import {
  ErrorView,
  LoadingView,
  NoDataView,
  Notices,
  OnlyChampionNote,
  PartialErrors,
  UnrecognisedView,
} from './PanelStates';
import { PredictionsChart } from './PredictionsChart';
import { panelTestIds } from './testIds';

const GAP = 16;

/** Sanitised options and the panel's view model, recomputed only when their inputs change. */
function usePanelView(data: PanelProps<PanelOptions>['data'], rawOptions: PanelOptions, timeRange: TimeRange) {
  const theme = useTheme2();
  const options = useMemo(() => sanitizeOptions(rawOptions), [rawOptions]);
  const from = (data.timeRange ?? timeRange)?.from?.valueOf();
  const to = (data.timeRange ?? timeRange)?.to?.valueOf();
  const view = useMemo(
    () =>
      buildPanelView(
        {
          series: data.series ?? [],
          state: data.state,
          errors: data.errors,
          range: from !== undefined && to !== undefined ? { from, to } : undefined,
        },
        options,
        theme
      ),
    [data.series, data.state, data.errors, from, to, options, theme]
  );
  return { options, view };
}

/** The left column: the comparison table (with the only-champion note) and the predictions chart. */
function ComparisonColumn({
  view,
  options,
  timeZone,
}: {
  view: ReadyView;
  options: PanelOptions;
  timeZone: PanelProps['timeZone'];
}) {
  const styles = useStyles2(getStyles);
  const champion = view.comparison.models[0];
  return (
    <div className={styles.column}>
      {options.showComparison && view.onlyChampion && champion && <OnlyChampionNote name={champion.name} />}
      {options.showComparison && <ComparisonTable comparison={view.comparison} showVerdict={options.showVerdict} />}
      {options.showPredictions && view.predictions && <PredictionsChart chart={view.predictions} timeZone={timeZone} />}
    </div>
  );
}

/** The champion/challenger and drift-status panel. */
export function ChampionPanel({
  data,
  options: rawOptions,
  width,
  height,
  timeZone,
  timeRange,
}: PanelProps<PanelOptions>) {
  const styles = useStyles2(getStyles);
  const { options, view } = usePanelView(data, rawOptions, timeRange);

  const frame = (children: React.ReactNode) => (
    <div className={styles.panel} style={{ width, height }} data-testid={panelTestIds.panel}>
      {children}
    </div>
  );

  switch (view.kind) {
    case 'error':
      return frame(<ErrorView errors={view.errors} />);
    case 'loading':
      return frame(<LoadingView />);
    case 'noData':
      return frame(<NoDataView />);
    case 'unrecognised':
      return frame(<UnrecognisedView frames={view.frames} notices={view.notices} />);
    default:
      break;
  }

  const layout = resolveLayout(options.layout, width, height);
  const showDrift = options.showDrift;
  const showLeft = options.showComparison || (options.showPredictions && view.predictions !== null);
  const twoColumns = layout === 'horizontal' && showDrift && showLeft;
  const contentWidth = Math.max(0, width - 2 * 8);
  const driftWidth = twoColumns ? (contentWidth - GAP) / 2 : contentWidth;
  const left = <ComparisonColumn view={view} options={options} timeZone={timeZone} />;
  const right = showDrift ? (
    <div className={styles.column}>
      <DriftSection
        drift={view.drift}
        width={driftWidth}
        showQuadrant={options.showQuadrant}
        showFeatureComparison={options.showFeatureComparison}
      />
    </div>
  ) : null;

  return frame(
    <>
      <PartialErrors errors={view.errors} />
      <Notices notices={view.notices} />
      {!showLeft && !showDrift ? (
        <p className={styles.muted} data-testid={panelTestIds.states.nothingSelected}>
          All sections are switched off in the panel options.
        </p>
      ) : (
        <div
          className={twoColumns ? styles.horizontal : styles.vertical}
          data-layout={twoColumns ? 'horizontal' : 'vertical'}
        >
          {showLeft && left}
          {right}
        </div>
      )}
    </>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  panel: css({
    overflow: 'auto',
    padding: theme.spacing(0, 1),
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(1),
  }),
  horizontal: css({
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)',
    gap: GAP,
    alignItems: 'start',
  }),
  vertical: css({ display: 'flex', flexDirection: 'column', gap: GAP }),
  column: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(2), minWidth: 0 }),
  muted: css({ color: theme.colors.text.secondary }),
});
