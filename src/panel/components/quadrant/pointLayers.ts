import { Quadrant, type FeaturePoint, type QuadrantModel } from '../../data/drift';
import { formatScore } from '../visual';
import { M, MARKER_R, QUADRANT_TEXT, type QuadrantGeometry } from './geometry';

/**
 * Which points of the quadrant chart are SVG shapes and which are painted on one canvas. Up to
 * {@link SVG_POINT_LIMIT} points, all are SVG (each with its own tooltip title). Above it, a few
 * thousand SVG elements would cost more than the rest of the panel together, so only the most
 * impactful drifted-and-important features stay SVG shapes (individually identifiable, with a
 * title) and the others are painted on a canvas underneath, identified on hover by hit-testing.
 */

/** Most points drawn as SVG shapes; beyond this the chart uses the canvas layer. */
export const SVG_POINT_LIMIT = 300;
/** In canvas mode, how many drifted-and-important features stay individual SVG shapes. */
export const INDIVIDUAL_LIMIT = 60;
/** How far (px) from a painted point the pointer may be to identify it. */
const HIT_RADIUS = 6;

/** A point with its pixel position, as painted on the canvas. */
export interface PaintedPoint {
  point: FeaturePoint;
  x: number;
  y: number;
}

export interface PointLayers {
  /** Drawn as SVG shapes, emphasised ones last (on top). */
  svg: FeaturePoint[];
  /** Painted on the canvas (empty when everything is SVG). */
  painted: PaintedPoint[];
}

const isEmphasised = (p: FeaturePoint) => p.quadrant === Quadrant.DriftingImportant;

/**
 * Splits the points into the SVG and canvas layers (see the module comment); `labelled` features
 * are always SVG shapes, next to the text label that names them.
 */
export function pointLayers(quadrant: QuadrantModel, g: QuadrantGeometry, labelled = new Set<string>()): PointLayers {
  const points = quadrant.points;
  if (points.length <= SVG_POINT_LIMIT) {
    // Calm points first, drifted-and-important ones on top; stable within each group.
    return { svg: [...points.filter((p) => !isEmphasised(p)), ...points.filter(isEmphasised)], painted: [] };
  }
  const individual = new Set(mostImpactful(points, INDIVIDUAL_LIMIT));
  const svg: FeaturePoint[] = [];
  const painted: PaintedPoint[] = [];
  for (const p of points) {
    if (individual.has(p) || labelled.has(p.name)) {
      svg.push(p);
    } else {
      painted.push({ point: p, x: g.x(p.importance!), y: g.y(p.drift!) });
    }
  }
  return { svg, painted };
}

/** The `limit` drifted-and-important points with the largest drift × importance (ties: drift, name). */
function mostImpactful(points: FeaturePoint[], limit: number): FeaturePoint[] {
  return points
    .filter(isEmphasised)
    .sort(
      (a, b) => b.drift! * b.importance! - a.drift! * a.importance! || b.drift! - a.drift! || (a.name < b.name ? -1 : 1)
    )
    .slice(0, limit);
}

/** The tooltip text of a point. */
export function pointTitle(p: FeaturePoint): string {
  return `${p.name}: drift ${formatScore(p.drift)}, importance ${formatScore(p.importance)} (${QUADRANT_TEXT[p.quadrant!]})`;
}

/** Paints the canvas layer: the drifted-and-important area, then calm points, then emphasised ones. */
export function paintPoints(
  ctx: CanvasRenderingContext2D,
  g: QuadrantGeometry,
  painted: PaintedPoint[],
  colors: Record<Quadrant, string> & { area: string; outline: string }
) {
  ctx.clearRect(0, 0, g.w, g.h);
  ctx.fillStyle = colors.area;
  ctx.fillRect(g.tx, M.top, Math.max(0, M.left + g.plotW - g.tx), Math.max(0, g.ty - M.top));
  ctx.globalAlpha = 0.8;
  for (const { point, x, y } of painted) {
    if (!isEmphasised(point)) {
      ctx.fillStyle = colors[point.quadrant!];
      ctx.beginPath();
      ctx.arc(x, y, point.quadrant === Quadrant.Stable ? 2.5 : 3, 0, 2 * Math.PI);
      ctx.fill();
    }
  }
  ctx.globalAlpha = 1;
  ctx.fillStyle = colors[Quadrant.DriftingImportant];
  ctx.strokeStyle = colors.outline;
  ctx.lineWidth = 1;
  for (const { point, x, y } of painted) {
    if (isEmphasised(point)) {
      const r = MARKER_R;
      ctx.beginPath();
      ctx.moveTo(x, y - r);
      ctx.lineTo(x + r, y);
      ctx.lineTo(x, y + r);
      ctx.lineTo(x - r, y);
      ctx.closePath();
      ctx.fill();
      ctx.stroke();
    }
  }
}

/** The painted point nearest to (x, y) within the hit radius, emphasised ones first; or undefined. */
export function hitTest(painted: PaintedPoint[], x: number, y: number): PaintedPoint | undefined {
  let best: PaintedPoint | undefined;
  let bestScore = Infinity;
  for (const candidate of painted) {
    const d2 = (candidate.x - x) ** 2 + (candidate.y - y) ** 2;
    const radius = isEmphasised(candidate.point) ? MARKER_R + 1 : HIT_RADIUS;
    // Emphasised points are drawn on top, so they win ties with calm ones under the pointer.
    const score = d2 - (isEmphasised(candidate.point) ? 0.5 : 0);
    if (d2 <= Math.max(radius, HIT_RADIUS) ** 2 && score < bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}
