import React, { useMemo } from 'react';
import { css } from '@emotion/css';
import { dateTimeFormat, type GrafanaTheme2 } from '@grafana/data';
import type { TimeZone } from '@grafana/schema';
import { useStyles2, useTheme2 } from '@grafana/ui';

import type { PredictionChart, PredictionSeries } from '../data/predictions';
import { panelTestIds } from './testIds';
import { modelColor } from './visual';

/**
 * Predictions over time: one sparkline per model, all on the same time axis (and the same value
 * axis when they measure the same thing), drawn as plain SVG paths.
 */

const VIEW_W = 1000;
const VIEW_H = 100;
const PAD = 6;

/** SVG path of a series; gaps (nulls) break the line, isolated points become dots. */
export function sparklinePath(
  series: Pick<PredictionSeries, 'times' | 'values'>,
  from: number,
  to: number,
  yMax: number
): string {
  const span = to - from || 1;
  const scaleY = yMax > 0 ? (VIEW_H - 2 * PAD) / yMax : 0;
  const parts: string[] = [];
  let open = false;
  for (let i = 0; i < series.times.length; i++) {
    const v = series.values[i];
    if (v === null) {
      open = false;
      continue;
    }
    const x = ((series.times[i] - from) / span) * VIEW_W;
    const y = VIEW_H - PAD - Math.max(0, v) * scaleY;
    const point = `${x.toFixed(1)} ${y.toFixed(1)}`;
    if (open) {
      parts.push(`L${point}`);
    } else {
      const next = series.values[i + 1];
      parts.push(next === null || next === undefined ? `M${point}h0.1` : `M${point}`);
      open = true;
    }
  }
  return parts.join(' ');
}

function seriesMax(series: PredictionSeries): number {
  let max = 0;
  for (const v of series.values) {
    if (v !== null && v > max) {
      max = v;
    }
  }
  return max;
}

interface Props {
  chart: PredictionChart;
  timeZone?: TimeZone;
}

export function PredictionsChart({ chart, timeZone }: Props) {
  const styles = useStyles2(getStyles);
  const theme = useTheme2();
  const paths = useMemo(
    () => chart.series.map((s) => sparklinePath(s, chart.from, chart.to, chart.yMax ?? seriesMax(s))),
    [chart]
  );
  const fmt = (t: number) => dateTimeFormat(t, { timeZone, format: 'MMM D HH:mm' });
  const mid = chart.from + (chart.to - chart.from) / 2;
  return (
    <section
      className={styles.section}
      data-testid={panelTestIds.predictions.container}
      aria-label="Predictions over time"
    >
      <h4 className={styles.title}>
        Predictions over time
        {chart.yMax === null && <span className={styles.note}> (each model on its own scale)</span>}
      </h4>
      {chart.series.map((s, i) => (
        <div key={s.modelKey} className={styles.row} data-testid={panelTestIds.predictions.series(s.index)}>
          <span className={styles.name} title={`${s.modelName} (${s.role})`}>
            <span className={styles.swatch} style={{ background: modelColor(s.index, theme) }} aria-hidden />
            {/* Its own element: text-overflow does not apply to the text of a flex container. */}
            <span className={styles.nameText} data-testid={panelTestIds.predictions.name(s.index)}>
              {s.modelName}
            </span>
          </span>
          <svg
            className={styles.spark}
            viewBox={`0 0 ${VIEW_W} ${VIEW_H}`}
            preserveAspectRatio="none"
            role="img"
            aria-label={`Predictions over time of ${s.modelName}: ${s.kind === 'count' ? 'total' : 'average'} ${s.summaryText}`}
          >
            <line
              x1={0}
              x2={VIEW_W}
              y1={VIEW_H - PAD}
              y2={VIEW_H - PAD}
              className={styles.baseline}
              vectorEffect="non-scaling-stroke"
            />
            <path
              d={paths[i]}
              fill="none"
              stroke={modelColor(s.index, theme)}
              strokeWidth={1.5}
              strokeLinecap="round"
              vectorEffect="non-scaling-stroke"
            />
          </svg>
          <span className={styles.summary}>
            <span className={styles.summaryLabel}>{s.kind === 'count' ? 'total' : 'avg'}</span> {s.summaryText}
          </span>
        </div>
      ))}
      <div className={styles.row} data-testid={panelTestIds.predictions.axis} aria-hidden>
        <span />
        <span className={styles.axis}>
          <span>{fmt(chart.from)}</span>
          <span>{fmt(mid)}</span>
          <span>{fmt(chart.to)}</span>
        </span>
        <span />
      </div>
    </section>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  section: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(0.5), minWidth: 0 }),
  title: css({
    fontSize: theme.typography.bodySmall.fontSize,
    color: theme.colors.text.secondary,
    margin: 0,
    fontWeight: theme.typography.fontWeightMedium,
  }),
  note: css({ fontWeight: theme.typography.fontWeightRegular }),
  row: css({
    display: 'grid',
    gridTemplateColumns: 'minmax(80px, 30%) minmax(60px, 1fr) auto',
    alignItems: 'center',
    gap: theme.spacing(1),
  }),
  name: css({
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(0.5),
    minWidth: 0,
    overflow: 'hidden',
    fontSize: theme.typography.bodySmall.fontSize,
  }),
  nameText: css({
    minWidth: 0,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  }),
  swatch: css({
    display: 'inline-block',
    width: 10,
    height: 10,
    borderRadius: theme.shape.radius.circle,
    flexShrink: 0,
  }),
  spark: css({ width: '100%', height: 28, display: 'block' }),
  baseline: css({ stroke: theme.colors.border.weak, strokeWidth: 1 }),
  summary: css({ fontSize: theme.typography.bodySmall.fontSize, whiteSpace: 'nowrap', textAlign: 'right' }),
  summaryLabel: css({ color: theme.colors.text.secondary }),
  axis: css({
    display: 'flex',
    justifyContent: 'space-between',
    fontSize: theme.typography.pxToRem(11),
    color: theme.colors.text.secondary,
    whiteSpace: 'nowrap',
  }),
});
