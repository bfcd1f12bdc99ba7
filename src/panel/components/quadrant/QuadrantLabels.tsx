import React from 'react';

import type { QuadrantModel } from '../../data/drift';
import { placeLabels, type Box } from '../../data/labelPlacement';

type PlacedLabels = ReturnType<typeof placeLabels>;
import { panelTestIds } from '../testIds';
import { M, MARKER_R, captionBoxes, type QuadrantGeometry } from './geometry';

/**
 * Where the text labels of the most impactful drifted-and-important features go, placed so that
 * none overlap: they never cover a labelled point, and avoid the other emphasised markers and the
 * chart's own captions when they can.
 */
export function placeQuadrantLabels(quadrant: QuadrantModel, g: QuadrantGeometry) {
  const byName = new Map(quadrant.points.map((p) => [p.name, p]));
  const candidates = quadrant.labelCandidates.flatMap((name) => {
    const p = byName.get(name);
    return p ? [{ id: name, text: name, x: g.x(p.importance!), y: g.y(p.drift!) }] : [];
  });
  const avoid: Box[] = [
    ...candidates.map((c) => ({ x: c.x - MARKER_R, y: c.y - MARKER_R, width: 2 * MARKER_R, height: 2 * MARKER_R })),
    ...captionBoxes(g),
  ];
  return placeLabels(candidates, {
    maxLabels: quadrant.maxLabels,
    bounds: { x: M.left, y: 0, width: g.plotW + M.right, height: M.top + g.plotH },
    softObstacles: avoid,
    markerRadius: MARKER_R,
  });
}

/** The placed labels as SVG text. */
export function QuadrantLabels({ placed, className }: { placed: PlacedLabels; className: string }) {
  return (
    <>
      {placed.map((label) => (
        <text
          key={label.id}
          x={label.x.toFixed(1)}
          y={label.y.toFixed(1)}
          textAnchor={label.anchor}
          className={className}
          data-testid={panelTestIds.drift.quadrantLabel}
        >
          {label.text}
        </text>
      ))}
    </>
  );
}
