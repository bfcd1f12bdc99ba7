import { FeatureStatus } from '../../../shared/featureStatus';
import { Quadrant, type FeaturePoint, type QuadrantModel } from '../../data/drift';
import { quadrantGeometry } from './geometry';
import { INDIVIDUAL_LIMIT, SVG_POINT_LIMIT, hitTest, pointLayers } from './pointLayers';

const thresholds = { drift: 0.5, importance: 0.5, driftSource: 'data' as const, importanceSource: 'data' as const };

function model(count: number, hot: number): QuadrantModel {
  const points: FeaturePoint[] = Array.from({ length: count }, (_, i) => {
    const isHot = i < hot;
    const drift = isHot ? 0.6 + (i % 40) / 100 : (i % 50) / 100;
    const importance = isHot ? 0.6 + (i % 30) / 100 : ((i * 7) % 50) / 100;
    return {
      name: `f${i}`,
      drift,
      importance,
      status: isHot ? FeatureStatus.DriftingImportant : FeatureStatus.Stable,
      quadrant: isHot ? Quadrant.DriftingImportant : Quadrant.Stable,
    };
  });
  const counts = {
    [Quadrant.DriftingImportant]: hot,
    [Quadrant.Drifting]: 0,
    [Quadrant.Important]: 0,
    [Quadrant.Stable]: count - hot,
  };
  return { points, xMax: 1, yMax: 1, labelCandidates: [], maxLabels: 0, counts };
}

describe('pointLayers', () => {
  it('keeps every point an SVG shape up to the limit, drifted-and-important ones last', () => {
    const q = model(SVG_POINT_LIMIT, 3);
    const layers = pointLayers(q, quadrantGeometry(q, thresholds, 400, 300));
    expect(layers.painted).toHaveLength(0);
    expect(layers.svg).toHaveLength(SVG_POINT_LIMIT);
    expect(layers.svg.slice(-3).every((p) => p.quadrant === Quadrant.DriftingImportant)).toBe(true);
  });

  it('above the limit paints the calm points and keeps the most impactful drifted-and-important ones as shapes', () => {
    const q = model(2000, 400);
    const layers = pointLayers(q, quadrantGeometry(q, thresholds, 400, 300));
    expect(layers.svg).toHaveLength(INDIVIDUAL_LIMIT);
    expect(layers.svg.every((p) => p.quadrant === Quadrant.DriftingImportant)).toBe(true);
    expect(layers.svg.length + layers.painted.length).toBe(2000);
    const impact = (p: FeaturePoint) => p.drift! * p.importance!;
    const weakestShape = Math.min(...layers.svg.map(impact));
    const strongestPainted = Math.max(
      ...layers.painted.filter((p) => p.point.quadrant === Quadrant.DriftingImportant).map((p) => impact(p.point))
    );
    expect(weakestShape).toBeGreaterThanOrEqual(strongestPainted);
  });

  it('keeps labelled features as shapes even beyond the most impactful ones', () => {
    const q = model(2000, 400);
    const g = quadrantGeometry(q, thresholds, 400, 300);
    const painted = pointLayers(q, g).painted.map((p) => p.point.name);
    const labelled = new Set([painted[0], painted[1]]);
    const layers = pointLayers(q, g, labelled);
    expect(layers.svg).toHaveLength(INDIVIDUAL_LIMIT + 2);
    expect(layers.svg.map((p) => p.name)).toEqual(expect.arrayContaining([...labelled]));
    expect(layers.painted.some((p) => labelled.has(p.point.name))).toBe(false);
  });

  it('identifies the painted point under the pointer, and none away from every point', () => {
    const q = model(2000, 400);
    const layers = pointLayers(q, quadrantGeometry(q, thresholds, 400, 300));
    const target = layers.painted[1234];
    // Another point may sit on the very same pixel: then one at that pixel is identified.
    const hit = hitTest(layers.painted, target.x + 1, target.y - 1);
    expect(hit).toBeDefined();
    expect(Math.hypot(hit!.x - (target.x + 1), hit!.y - (target.y - 1))).toBeLessThanOrEqual(Math.SQRT2);
    expect(hitTest(layers.painted, -100, -100)).toBeUndefined();
  });
});
