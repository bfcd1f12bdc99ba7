import React, { useLayoutEffect, useRef } from 'react';

import type { Quadrant } from '../../data/drift';
import { panelTestIds } from '../testIds';
import type { QuadrantGeometry } from './geometry';
import { paintPoints, type PaintedPoint } from './pointLayers';

interface Props {
  geometry: QuadrantGeometry;
  painted: PaintedPoint[];
  colors: Record<Quadrant, string> & { area: string; outline: string };
}

/**
 * The canvas layer under the quadrant's SVG: the drifted-and-important area and the points that
 * are not SVG shapes, painted once per data/size/theme change at the screen's pixel density. Hidden
 * from assistive technology: the SVG's summary and its individual shapes carry the meaning.
 */
export function QuadrantCanvas({ geometry: g, painted, colors }: Props) {
  const ref = useRef<HTMLCanvasElement>(null);
  const ratio = typeof window === 'undefined' ? 1 : window.devicePixelRatio || 1;
  useLayoutEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) {
      return; // no canvas support (e.g. jsdom): the SVG still shows the summary and emphasised points
    }
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    paintPoints(ctx, g, painted, colors);
  }, [g, painted, colors, ratio]);
  return (
    <canvas
      ref={ref}
      width={Math.round(g.w * ratio)}
      height={Math.round(g.h * ratio)}
      style={{ position: 'absolute', left: 0, top: 0, width: g.w, height: g.h }}
      aria-hidden
      data-testid={panelTestIds.drift.quadrantCanvas}
      data-points={painted.length}
    />
  );
}
