import { Quadrant, type DriftThresholds, type QuadrantModel } from '../../data/drift';
import { textBox, type Box } from '../../data/labelPlacement';
import { formatScore } from '../visual';

/** Margins of the plot inside the SVG. */
export const M = { top: 14, right: 12, bottom: 30, left: 40 };
/** Half-size of the drifted-and-important diamonds. */
export const MARKER_R = 5;

export const QUADRANT_TEXT: Record<Quadrant, string> = {
  [Quadrant.DriftingImportant]: 'Drifting & important',
  [Quadrant.Drifting]: 'Drifting',
  [Quadrant.Important]: 'Important, stable',
  [Quadrant.Stable]: 'Stable',
};

/** Where things go in a quadrant chart of a given size, and the texts its captions read. */
export interface QuadrantGeometry {
  w: number;
  h: number;
  plotW: number;
  plotH: number;
  /** Importance → x pixel. */
  x: (importance: number) => number;
  /** Drift → y pixel. */
  y: (drift: number) => number;
  /** The thresholds' pixel positions. */
  tx: number;
  ty: number;
  driftThresholdText: string;
  importanceThresholdText: string;
  cornerText: (q: Quadrant) => string;
  /** Caption positions of the two upper corners. */
  corners: Array<{ quadrant: Quadrant; x: number; y: number; anchor: 'start' | 'end' }>;
}

export function quadrantGeometry(
  quadrant: QuadrantModel,
  thresholds: DriftThresholds,
  width: number,
  height: number
): QuadrantGeometry {
  const w = Math.max(120, width);
  const h = Math.max(120, height);
  const plotW = w - M.left - M.right;
  const plotH = h - M.top - M.bottom;
  const x = (importance: number) => M.left + (importance / quadrant.xMax) * plotW;
  const y = (drift: number) => M.top + plotH - (drift / quadrant.yMax) * plotH;
  return {
    w,
    h,
    plotW,
    plotH,
    x,
    y,
    tx: x(thresholds.importance),
    ty: y(thresholds.drift),
    driftThresholdText: `drift ≥ ${formatScore(thresholds.drift)}`,
    importanceThresholdText: `importance ≥ ${formatScore(thresholds.importance)}`,
    cornerText: (q) => `${QUADRANT_TEXT[q]} (${quadrant.counts[q]})`,
    corners: [
      { quadrant: Quadrant.DriftingImportant, x: M.left + plotW - 2, y: M.top + 10, anchor: 'end' },
      { quadrant: Quadrant.Drifting, x: M.left + 4, y: M.top + 10, anchor: 'start' },
    ],
  };
}

/** What labels should avoid: the chart's own captions (corner texts and threshold texts). */
export function captionBoxes(g: QuadrantGeometry): Box[] {
  return [
    ...g.corners.map((c) => textBox(c.x, c.y, g.cornerText(c.quadrant), c.anchor)),
    textBox(M.left + g.plotW, g.ty - 3, g.driftThresholdText, 'end'),
    textBox(g.tx + 3, M.top + g.plotH - 3, g.importanceThresholdText, 'start'),
  ];
}

/**
 * The chart for screen readers: counts per quadrant and, when the calm majority is painted on a
 * canvas, which features are shapes of their own (`individual` of all the points).
 */
export function quadrantSummary(quadrant: QuadrantModel, individual = quadrant.points.length): string {
  const c = quadrant.counts;
  const total = quadrant.points.length;
  const painted =
    individual < total
      ? ` ${individual} drifting and important features, the most impactful and the labelled ones, are drawn individually; ` +
        `the other ${total - individual} points are drawn as one image.`
      : '';
  return (
    `Drift versus importance of ${total} features: ` +
    `${c[Quadrant.DriftingImportant]} drifting and important, ${c[Quadrant.Drifting]} drifting, ` +
    `${c[Quadrant.Important]} important and stable, ${c[Quadrant.Stable]} stable.` +
    painted
  );
}
