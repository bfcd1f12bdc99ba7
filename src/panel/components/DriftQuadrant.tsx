import React, { useMemo } from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { useStyles2, useTheme2 } from '@grafana/ui';

import { Quadrant, type DriftThresholds, type QuadrantModel } from '../data/drift';
import { placeLabels, textBox, type Box } from '../data/labelPlacement';
import { panelTestIds } from './testIds';
import { formatScore } from './visual';

interface Props {
  quadrant: QuadrantModel;
  thresholds: DriftThresholds;
  width: number;
  height: number;
}

const M = { top: 14, right: 12, bottom: 30, left: 40 };
/** Half-size of the drifted-and-important diamonds. */
const MARKER_R = 5;

const QUADRANT_TEXT: Record<Quadrant, string> = {
  [Quadrant.DriftingImportant]: 'Drifting & important',
  [Quadrant.Drifting]: 'Drifting',
  [Quadrant.Important]: 'Important, stable',
  [Quadrant.Stable]: 'Stable',
};

/**
 * Drift (y) against importance (x) with both thresholds: features in the top-right quadrant are
 * drifted and important and stand out (larger diamonds, strong colour, labels for the most
 * impactful, placed so that none overlap). Plain SVG shapes, built once per data/size change; no
 * per-point React state.
 */
export function DriftQuadrant({ quadrant, thresholds, width, height }: Props) {
  const styles = useStyles2(getStyles);
  const theme = useTheme2();
  const w = Math.max(120, width);
  const h = Math.max(120, height);
  const plotW = w - M.left - M.right;
  const plotH = h - M.top - M.bottom;
  const x = (importance: number) => M.left + (importance / quadrant.xMax) * plotW;
  const y = (drift: number) => M.top + plotH - (drift / quadrant.yMax) * plotH;
  const tx = x(thresholds.importance);
  const ty = y(thresholds.drift);

  const colors = useMemo(
    () => ({
      [Quadrant.DriftingImportant]: theme.colors.error.main,
      [Quadrant.Drifting]: theme.colors.warning.main,
      [Quadrant.Important]: theme.colors.info.main,
      [Quadrant.Stable]: theme.colors.text.disabled,
    }),
    [theme]
  );

  const shapes = useMemo(() => {
    const sx = (v: number) => M.left + (v / quadrant.xMax) * plotW;
    const sy = (v: number) => M.top + plotH - (v / quadrant.yMax) * plotH;
    // Emphasised points last, so they are drawn on top.
    const ordered = [...quadrant.points].sort(
      (a, b) => Number(a.quadrant === Quadrant.DriftingImportant) - Number(b.quadrant === Quadrant.DriftingImportant)
    );
    return ordered.map((p) => {
      const cx = sx(p.importance!);
      const cy = sy(p.drift!);
      const title = `${p.name}: drift ${formatScore(p.drift)}, importance ${formatScore(p.importance)} (${QUADRANT_TEXT[p.quadrant!]})`;
      if (p.quadrant === Quadrant.DriftingImportant) {
        const r = MARKER_R;
        return (
          <path
            key={p.name}
            d={`M${cx.toFixed(1)} ${(cy - r).toFixed(1)}l${r} ${r}l${-r} ${r}l${-r} ${-r}z`}
            fill={colors[Quadrant.DriftingImportant]}
            stroke={theme.colors.background.primary}
            strokeWidth={1}
          >
            <title>{title}</title>
          </path>
        );
      }
      return (
        <circle
          key={p.name}
          cx={cx.toFixed(1)}
          cy={cy.toFixed(1)}
          r={p.quadrant === Quadrant.Stable ? 2.5 : 3}
          fill={colors[p.quadrant!]}
          fillOpacity={0.8}
        >
          <title>{title}</title>
        </circle>
      );
    });
  }, [quadrant, plotW, plotH, colors, theme]);

  const driftThresholdText = `drift ≥ ${formatScore(thresholds.drift)}`;
  const importanceThresholdText = `importance ≥ ${formatScore(thresholds.importance)}`;
  const cornerText = (q: Quadrant) => `${QUADRANT_TEXT[q]} (${quadrant.counts[q]})`;
  const diCorner = cornerText(Quadrant.DriftingImportant);
  const driftingCorner = cornerText(Quadrant.Drifting);

  const labels = useMemo(() => {
    const byName = new Map(quadrant.points.map((p) => [p.name, p]));
    const candidates = quadrant.labelCandidates.flatMap((name) => {
      const p = byName.get(name);
      return p
        ? [
            {
              id: name,
              text: name,
              x: M.left + (p.importance! / quadrant.xMax) * plotW,
              y: M.top + plotH - (p.drift! / quadrant.yMax) * plotH,
            },
          ]
        : [];
    });
    // Labels never cover a labelled point, and avoid the other emphasised markers and the chart's
    // own captions when they can.
    const avoid: Box[] = [
      ...candidates.map((c) => ({ x: c.x - MARKER_R, y: c.y - MARKER_R, width: 2 * MARKER_R, height: 2 * MARKER_R })),
      textBox(M.left + plotW - 2, M.top + 10, diCorner, 'end'),
      textBox(M.left + 4, M.top + 10, driftingCorner, 'start'),
      textBox(M.left + plotW, ty - 3, driftThresholdText, 'end'),
      textBox(tx + 3, M.top + plotH - 3, importanceThresholdText, 'start'),
    ];
    const placed = placeLabels(candidates, {
      maxLabels: quadrant.maxLabels,
      bounds: { x: M.left, y: 0, width: plotW + M.right, height: M.top + plotH },
      softObstacles: avoid,
      markerRadius: MARKER_R,
    });
    return placed.map((label) => (
      <text
        key={label.id}
        x={label.x.toFixed(1)}
        y={label.y.toFixed(1)}
        textAnchor={label.anchor}
        className={styles.pointLabel}
        data-testid={panelTestIds.drift.quadrantLabel}
      >
        {label.text}
      </text>
    ));
  }, [
    quadrant,
    plotW,
    plotH,
    tx,
    ty,
    diCorner,
    driftingCorner,
    driftThresholdText,
    importanceThresholdText,
    styles.pointLabel,
  ]);

  const corner = (q: Quadrant, cx: number, cy: number, anchor: 'start' | 'end') => (
    <text
      x={cx}
      y={cy}
      textAnchor={anchor}
      className={styles.corner}
      style={{ fill: q === Quadrant.DriftingImportant ? colors[q] : undefined }}
    >
      {cornerText(q)}
    </text>
  );

  const summary =
    `Drift versus importance of ${quadrant.points.length} features: ` +
    `${quadrant.counts[Quadrant.DriftingImportant]} drifting and important, ${quadrant.counts[Quadrant.Drifting]} drifting, ` +
    `${quadrant.counts[Quadrant.Important]} important and stable, ${quadrant.counts[Quadrant.Stable]} stable.`;

  return (
    <svg
      width={w}
      height={h}
      className={styles.svg}
      role="img"
      aria-label={summary}
      data-testid={panelTestIds.drift.quadrant}
    >
      <rect
        x={tx}
        y={M.top}
        width={Math.max(0, M.left + plotW - tx)}
        height={Math.max(0, ty - M.top)}
        fill={theme.colors.error.transparent}
      />
      <line x1={M.left} x2={M.left} y1={M.top} y2={M.top + plotH} className={styles.axis} />
      <line x1={M.left} x2={M.left + plotW} y1={M.top + plotH} y2={M.top + plotH} className={styles.axis} />
      <line
        x1={tx}
        x2={tx}
        y1={M.top}
        y2={M.top + plotH}
        className={styles.threshold}
        data-testid={panelTestIds.drift.quadrantThreshold('importance')}
      />
      <line
        x1={M.left}
        x2={M.left + plotW}
        y1={ty}
        y2={ty}
        className={styles.threshold}
        data-testid={panelTestIds.drift.quadrantThreshold('drift')}
      />
      <text x={M.left + plotW} y={ty - 3} textAnchor="end" className={styles.thresholdLabel}>
        {driftThresholdText}
      </text>
      <text x={tx + 3} y={M.top + plotH - 3} className={styles.thresholdLabel}>
        {importanceThresholdText}
      </text>
      {corner(Quadrant.DriftingImportant, M.left + plotW - 2, M.top + 10, 'end')}
      {corner(Quadrant.Drifting, M.left + 4, M.top + 10, 'start')}
      <g data-testid={panelTestIds.drift.quadrantPoints}>{shapes}</g>
      {labels}
      <text x={M.left} y={h - 4} className={styles.axisLabel}>
        0
      </text>
      <text x={M.left + plotW / 2} y={h - 4} textAnchor="middle" className={styles.axisLabel}>
        importance →
      </text>
      <text x={M.left + plotW} y={h - 4} textAnchor="end" className={styles.axisLabel}>
        {formatScore(quadrant.xMax)}
      </text>
      <text x={M.left - 4} y={M.top + 8} textAnchor="end" className={styles.axisLabel}>
        {formatScore(quadrant.yMax)}
      </text>
      <text
        transform={`translate(12 ${M.top + plotH / 2}) rotate(-90)`}
        textAnchor="middle"
        className={styles.axisLabel}
      >
        drift →
      </text>
    </svg>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  svg: css({ display: 'block', overflow: 'visible' }),
  axis: css({ stroke: theme.colors.border.medium, strokeWidth: 1 }),
  threshold: css({ stroke: theme.colors.text.secondary, strokeWidth: 1, strokeDasharray: '4 3' }),
  thresholdLabel: css({ fill: theme.colors.text.secondary, fontSize: theme.typography.pxToRem(11) }),
  axisLabel: css({ fill: theme.colors.text.secondary, fontSize: theme.typography.pxToRem(11) }),
  corner: css({
    fill: theme.colors.text.secondary,
    fontSize: theme.typography.pxToRem(11),
    fontWeight: theme.typography.fontWeightMedium,
  }),
  pointLabel: css({ fill: theme.colors.text.primary, fontSize: theme.typography.pxToRem(11) }),
});
