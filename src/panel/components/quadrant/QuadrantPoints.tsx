import React from 'react';
import { useTheme2 } from '@grafana/ui';

import { Quadrant, type QuadrantModel } from '../../data/drift';
import { formatScore } from '../visual';
import { MARKER_R, QUADRANT_TEXT, type QuadrantGeometry } from './geometry';

interface Props {
  quadrant: QuadrantModel;
  geometry: QuadrantGeometry;
  colors: Record<Quadrant, string>;
}

/**
 * The features as plain SVG shapes: drifted-and-important ones as larger diamonds drawn last (on
 * top), the others as small circles; each with a tooltip title.
 */
export function QuadrantPoints({ quadrant, geometry, colors }: Props) {
  const theme = useTheme2();
  const ordered = [...quadrant.points].sort(
    (a, b) => Number(a.quadrant === Quadrant.DriftingImportant) - Number(b.quadrant === Quadrant.DriftingImportant)
  );
  return (
    <>
      {ordered.map((p) => {
        const cx = geometry.x(p.importance!);
        const cy = geometry.y(p.drift!);
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
      })}
    </>
  );
}
