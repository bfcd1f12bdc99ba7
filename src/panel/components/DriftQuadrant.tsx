import React, { memo, useCallback, useMemo, useState } from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { useStyles2, useTheme2 } from '@grafana/ui';

import { Quadrant, type DriftThresholds, type QuadrantModel } from '../data/drift';
import { M, quadrantGeometry, quadrantSummary, type QuadrantGeometry } from './quadrant/geometry';
import { QuadrantLabels, placeQuadrantLabels } from './quadrant/QuadrantLabels';
import { QuadrantCanvas } from './quadrant/QuadrantCanvas';
import { QuadrantPoints } from './quadrant/QuadrantPoints';
import { hitTest, pointLayers, pointTitle, type PaintedPoint } from './quadrant/pointLayers';
import { panelTestIds } from './testIds';
import { formatScore } from './visual';

interface Props {
  quadrant: QuadrantModel;
  thresholds: DriftThresholds;
  width: number;
  height: number;
}

const Points = memo(QuadrantPoints);
const Labels = memo(QuadrantLabels);

/** The painted point under the pointer (canvas mode), for the hover tooltip. */
function useCanvasHover(painted: PaintedPoint[]) {
  const [hover, setHover] = useState<PaintedPoint | undefined>(undefined);
  const onMouseMove = useCallback(
    (event: React.MouseEvent<SVGSVGElement>) => {
      const box = event.currentTarget.getBoundingClientRect();
      const hit = hitTest(painted, event.clientX - box.left, event.clientY - box.top);
      setHover((previous) => (previous === hit ? previous : hit));
    },
    [painted]
  );
  const onMouseLeave = useCallback(() => setHover(undefined), []);
  return painted.length > 0 ? { hover, onMouseMove, onMouseLeave } : { hover: undefined };
}

/**
 * Drift (y) against importance (x) with both thresholds: features in the top-right quadrant are
 * drifted and important and stand out (larger diamonds, strong colour, labels for the most
 * impactful, placed so that none overlap). Plain SVG shapes, built once per data/size change; no
 * per-point React state. With many points (`quadrant/pointLayers.ts`) the calm majority is painted
 * on a canvas under the SVG and identified on hover, while the most impactful drifted-and-important
 * features stay SVG shapes. Geometry and captions: `quadrant/geometry.ts`.
 */
export function DriftQuadrant({ quadrant, thresholds, width, height }: Props) {
  const styles = useStyles2(getStyles);
  const theme = useTheme2();
  const g = useMemo(() => quadrantGeometry(quadrant, thresholds, width, height), [quadrant, thresholds, width, height]);
  const labels = useMemo(() => placeQuadrantLabels(quadrant, g), [quadrant, g]);
  const layers = useMemo(() => pointLayers(quadrant, g, new Set(labels.map((l) => l.id))), [quadrant, g, labels]);
  const colors = useMemo(
    () => ({
      [Quadrant.DriftingImportant]: theme.colors.error.main,
      [Quadrant.Drifting]: theme.colors.warning.main,
      [Quadrant.Important]: theme.colors.info.main,
      [Quadrant.Stable]: theme.colors.text.disabled,
      area: theme.colors.error.transparent,
      outline: theme.colors.background.primary,
    }),
    [theme]
  );
  const painted = layers.painted.length > 0;
  const { hover, ...pointer } = useCanvasHover(layers.painted);
  const svg = (
    <svg
      width={g.w}
      height={g.h}
      className={styles.svg}
      role="img"
      aria-label={quadrantSummary(quadrant, layers.svg.length)}
      data-testid={panelTestIds.drift.quadrant}
      data-painted={painted ? layers.painted.length : undefined}
      {...pointer}
    >
      {!painted && (
        <rect
          x={g.tx}
          y={M.top}
          width={Math.max(0, M.left + g.plotW - g.tx)}
          height={Math.max(0, g.ty - M.top)}
          fill={colors.area}
        />
      )}
      <Thresholds g={g} styles={styles} />
      {g.corners.map((c) => (
        <text
          key={c.quadrant}
          x={c.x}
          y={c.y}
          textAnchor={c.anchor}
          className={styles.corner}
          style={{ fill: c.quadrant === Quadrant.DriftingImportant ? colors[c.quadrant] : undefined }}
        >
          {g.cornerText(c.quadrant)}
        </text>
      ))}
      <g data-testid={panelTestIds.drift.quadrantPoints}>
        <Points points={layers.svg} geometry={g} colors={colors} />
      </g>
      <Labels placed={labels} className={styles.pointLabel} />
      <Axes quadrant={quadrant} g={g} styles={styles} />
    </svg>
  );
  if (!painted) {
    return svg;
  }
  return (
    <div className={styles.layers} style={{ width: g.w, height: g.h }}>
      <QuadrantCanvas geometry={g} painted={layers.painted} colors={colors} />
      {svg}
      {hover && (
        <div
          role="tooltip"
          className={styles.hover}
          style={{ left: hover.x + 8, top: hover.y + 8 }}
          data-testid={panelTestIds.drift.quadrantHover}
        >
          {pointTitle(hover.point)}
        </div>
      )}
    </div>
  );
}

type Styles = ReturnType<typeof getStyles>;

/** Both axes' lines, the dashed threshold lines and their captions. */
function Thresholds({ g, styles }: { g: QuadrantGeometry; styles: Styles }) {
  return (
    <>
      <line x1={M.left} x2={M.left} y1={M.top} y2={M.top + g.plotH} className={styles.axis} />
      <line x1={M.left} x2={M.left + g.plotW} y1={M.top + g.plotH} y2={M.top + g.plotH} className={styles.axis} />
      <line
        x1={g.tx}
        x2={g.tx}
        y1={M.top}
        y2={M.top + g.plotH}
        className={styles.threshold}
        data-testid={panelTestIds.drift.quadrantThreshold('importance')}
      />
      <line
        x1={M.left}
        x2={M.left + g.plotW}
        y1={g.ty}
        y2={g.ty}
        className={styles.threshold}
        data-testid={panelTestIds.drift.quadrantThreshold('drift')}
      />
      <text x={M.left + g.plotW} y={g.ty - 3} textAnchor="end" className={styles.thresholdLabel}>
        {g.driftThresholdText}
      </text>
      <text x={g.tx + 3} y={M.top + g.plotH - 3} className={styles.thresholdLabel}>
        {g.importanceThresholdText}
      </text>
    </>
  );
}

/** Axis captions: 0, the maxima and the axis names. */
function Axes({ quadrant, g, styles }: { quadrant: QuadrantModel; g: QuadrantGeometry; styles: Styles }) {
  return (
    <>
      <text x={M.left} y={g.h - 4} className={styles.axisLabel}>
        0
      </text>
      <text x={M.left + g.plotW / 2} y={g.h - 4} textAnchor="middle" className={styles.axisLabel}>
        importance →
      </text>
      <text x={M.left + g.plotW} y={g.h - 4} textAnchor="end" className={styles.axisLabel}>
        {formatScore(quadrant.xMax)}
      </text>
      <text x={M.left - 4} y={M.top + 8} textAnchor="end" className={styles.axisLabel}>
        {formatScore(quadrant.yMax)}
      </text>
      <text
        transform={`translate(12 ${M.top + g.plotH / 2}) rotate(-90)`}
        textAnchor="middle"
        className={styles.axisLabel}
      >
        drift →
      </text>
    </>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  svg: css({ display: 'block', overflow: 'visible', position: 'relative' }),
  layers: css({ position: 'relative' }),
  hover: css({
    position: 'absolute',
    pointerEvents: 'none',
    whiteSpace: 'nowrap',
    padding: theme.spacing(0.25, 0.75),
    background: theme.colors.background.secondary,
    border: `1px solid ${theme.colors.border.weak}`,
    borderRadius: theme.shape.radius.default,
    boxShadow: theme.shadows.z2,
    fontSize: theme.typography.bodySmall.fontSize,
  }),
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
