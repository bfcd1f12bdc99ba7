import React from 'react';
import { useTheme2 } from '@grafana/ui';

import { Quadrant, type FeaturePoint } from '../../data/drift';
import { MARKER_R, type QuadrantGeometry } from './geometry';
import { pointTitle } from './pointLayers';

interface Props {
  /** The points drawn as SVG shapes, in drawing order (see `pointLayers`). */
  points: FeaturePoint[];
  geometry: QuadrantGeometry;
  colors: Record<Quadrant, string>;
}

/**
 * Features as plain SVG shapes: drifted-and-important ones as larger diamonds, the others as small
 * circles; each with a tooltip title.
 */
export function QuadrantPoints({ points, geometry, colors }: Props) {
  const theme = useTheme2();
  return (
    <>
      {points.map((p) => {
        const cx = geometry.x(p.importance!);
        const cy = geometry.y(p.drift!);
        const title = pointTitle(p);
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
      })}
    </>
  );
}
