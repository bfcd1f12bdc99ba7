import { boxesOverlap, estimateTextWidth, placeLabels, textBox, type LabelCandidate } from './labelPlacement';

const bounds = { x: 0, y: 0, width: 400, height: 200 };
const at = (id: string, x: number, y: number): LabelCandidate => ({ id, text: id, x, y });
const sides = (placed: ReturnType<typeof placeLabels>) => placed.map((p) => [p.id, p.anchor]);

describe('placeLabels', () => {
  it('puts a label right of its point, on the point’s line', () => {
    const [label] = placeLabels([at('alpha', 100, 50)], { maxLabels: 5, bounds });
    expect(label).toMatchObject({ id: 'alpha', text: 'alpha', x: 108, y: 53, anchor: 'start' });
    expect(label.box).toEqual({ x: 108, y: 43.5, width: estimateTextWidth('alpha'), height: 13 });
  });

  it('puts the label left when the right side would overlap a label placed before it', () => {
    // Two close points on one line, as device_type and hour_of_day in the drifting scenario.
    const placed = placeLabels([at('hour_of_day', 180, 100), at('device_type', 137, 101)], { maxLabels: 5, bounds });
    expect(sides(placed)).toEqual([
      ['hour_of_day', 'start'],
      ['device_type', 'end'],
    ]);
    expect(placed[1].x).toBe(129);
    expect(boxesOverlap(placed[0].box, placed[1].box)).toBe(false);
  });

  it('places a label that starts exactly at the left bound, but none that would leave it', () => {
    expect(placeLabels([at('edge', -8, 50)], { maxLabels: 5, bounds }).map((p) => [p.anchor, p.box.x])).toEqual([
      ['start', 0],
    ]);
    // Right side blocked by an obstacle, left side would start before x = 0: no label.
    const obstacles = [{ x: 25, y: 0, width: 100, height: 200 }];
    expect(placeLabels([at('blocked', 20, 50)], { maxLabels: 5, bounds, obstacles })).toEqual([]);
  });

  it('puts the label left when the right side leaves the bounds', () => {
    expect(sides(placeLabels([at('near_the_edge', 390, 50)], { maxLabels: 5, bounds }))).toEqual([
      ['near_the_edge', 'end'],
    ]);
  });

  it('skips a label that fits on neither side, and places the next candidate instead', () => {
    // Right of second is first's label, left of it a wall.
    const wall = { x: 0, y: 0, width: 170, height: 80 };
    const placed = placeLabels([at('first', 180, 50), at('second', 172, 52), at('third', 100, 150)], {
      maxLabels: 2,
      bounds,
      obstacles: [wall],
    });
    expect(sides(placed)).toEqual([
      ['first', 'start'],
      ['third', 'start'],
    ]);
  });

  it('keeps clear of obstacles such as other markers and the chart’s own text', () => {
    const marker = { x: 120, y: 45, width: 10, height: 10 };
    expect(sides(placeLabels([at('feature', 100, 50)], { maxLabels: 5, bounds, obstacles: [marker] }))).toEqual([
      ['feature', 'end'],
    ]);
    const everywhere = { x: 0, y: 40, width: 400, height: 20 };
    expect(placeLabels([at('feature', 100, 50)], { maxLabels: 5, bounds, obstacles: [everywhere] })).toEqual([]);
  });

  it('never covers the marker of a labelled point, and skips a point already under a label', () => {
    // b's label, right of it, would end just short of a's point but over a's 5 px marker.
    const pair = [at('a', 169, 50), at('bbbbbb', 120, 52)];
    expect(sides(placeLabels(pair, { maxLabels: 5, bounds }))).toEqual([
      ['a', 'start'],
      ['bbbbbb', 'start'],
    ]);
    expect(sides(placeLabels(pair, { maxLabels: 5, bounds, markerRadius: 5 }))).toEqual([
      ['a', 'start'],
      ['bbbbbb', 'end'],
    ]);
    // c's point lies under a's label: a label beside it would point at the wrong feature.
    expect(sides(placeLabels([at('a', 100, 50), at('c', 112, 50)], { maxLabels: 5, bounds, markerRadius: 5 }))).toEqual(
      [['a', 'start']]
    );
  });

  it('avoids soft obstacles (captions) when a side allows, and only then covers them', () => {
    const caption = { x: 105, y: 40, width: 60, height: 14 };
    expect(sides(placeLabels([at('feature', 100, 50)], { maxLabels: 5, bounds, softObstacles: [caption] }))).toEqual([
      ['feature', 'end'],
    ]);
    const wide = { x: 0, y: 40, width: 400, height: 14 };
    expect(sides(placeLabels([at('feature', 100, 50)], { maxLabels: 5, bounds, softObstacles: [wide] }))).toEqual([
      ['feature', 'start'],
    ]);
  });

  it('places at most maxLabels, in the candidates’ priority order', () => {
    const candidates = [at('a', 50, 20), at('b', 50, 60), at('c', 50, 100), at('d', 50, 140)];
    expect(placeLabels(candidates, { maxLabels: 2, bounds }).map((p) => p.id)).toEqual(['a', 'b']);
    expect(placeLabels(candidates, { maxLabels: 0, bounds })).toEqual([]);
  });

  it('is deterministic and never overlaps labels, even for many crowded points', () => {
    const crowd = Array.from({ length: 200 }, (_, i) => at(`feature_${i}`, (i * 37) % 400, (i * 53) % 200));
    const once = placeLabels(crowd, { maxLabels: 25, bounds });
    expect(placeLabels(crowd, { maxLabels: 25, bounds })).toEqual(once);
    expect(once.length).toBeGreaterThan(0);
    expect(once.length).toBeLessThanOrEqual(25);
    for (let i = 0; i < once.length; i++) {
      for (let j = i + 1; j < once.length; j++) {
        expect(boxesOverlap(once[i].box, once[j].box)).toBe(false);
      }
      const { box } = once[i];
      expect(box.x >= 0 && box.y >= 0 && box.x + box.width <= 400 && box.y + box.height <= 200).toBe(true);
    }
  });
});

describe('textBox', () => {
  it('follows the SVG text anchor', () => {
    const w = estimateTextWidth('label');
    expect(textBox(100, 50, 'label', 'start').x).toBe(100);
    expect(textBox(100, 50, 'label', 'end').x).toBe(100 - w);
    expect(textBox(100, 50, 'label', 'middle').x).toBe(100 - w / 2);
  });
});

describe('placeLabels keeps its padding clear on every side of a label', () => {
  // Right of a point at (100, 50): text box x 110..130, y 45..55; padding 4 keeps 106..134 × 41..59 clear.
  const layout = { maxLabels: 1, bounds, offset: 10, charWidth: 10, lineHeight: 10, baseline: 0, padding: 4 };
  const dot = (x: number, y: number) => ({ x, y, width: 1, height: 1 });
  const sideWith = (obstacle: { x: number; y: number; width: number; height: number }) =>
    sides(placeLabels([at('ab', 100, 50)], { ...layout, obstacles: [obstacle] }));

  it('goes right when an obstacle is just outside the padding', () => {
    expect(sideWith(dot(140, 50))).toEqual([['ab', 'start']]);
  });

  it.each([
    ['left', dot(107, 50)],
    ['right', dot(132, 50)],
    ['top', dot(120, 42)],
    ['bottom', dot(120, 57)],
  ])('goes left when an obstacle sits in the %s padding of the right side', (_edge, obstacle) => {
    expect(sideWith(obstacle)).toEqual([['ab', 'end']]);
  });
});

describe('placeLabels with several soft obstacles', () => {
  it('avoids the side that touches any one of them, not only the side that touches all', () => {
    const soft = [
      { x: 112, y: 45, width: 4, height: 4 }, // on the right side of the point
      { x: 300, y: 150, width: 4, height: 4 }, // far from both sides
    ];
    const placed = placeLabels([at('ab', 100, 50)], { maxLabels: 1, bounds, softObstacles: soft });
    expect(sides(placed)).toEqual([['ab', 'end']]);
  });
});

describe('boxesOverlap', () => {
  it('counts boxes that only touch on any side as not overlapping', () => {
    const a = { x: 10, y: 10, width: 10, height: 10 };
    const touching = [
      { x: 20, y: 10, width: 10, height: 10 },
      { x: 0, y: 10, width: 10, height: 10 },
      { x: 10, y: 20, width: 10, height: 10 },
      { x: 10, y: 0, width: 10, height: 10 },
    ];
    expect(touching.map((b) => boxesOverlap(a, b))).toEqual([false, false, false, false]);
    expect(boxesOverlap(a, { x: 19, y: 19, width: 10, height: 10 })).toBe(true);
  });
});

describe('placeLabels at the bounds and with its options', () => {
  const place = (c: LabelCandidate, extra: Partial<Parameters<typeof placeLabels>[1]> = {}) =>
    placeLabels([c], { maxLabels: 5, bounds, charWidth: 10, ...extra }).map((p) => [p.anchor, p.box]);

  it('places labels that end exactly at the top, right or bottom bound', () => {
    expect(place(at('top', 100, 6.5))).toEqual([['start', { x: 108, y: 0, width: 30, height: 13 }]]);
    expect(place(at('ab', 372, 50))).toEqual([['start', { x: 380, y: 43.5, width: 20, height: 13 }]]);
    expect(place(at('low', 100, 193.5))).toEqual([['start', { x: 108, y: 187, width: 30, height: 13 }]]);
  });

  it('uses the given line height for the label box', () => {
    expect(place(at('ab', 100, 50), { lineHeight: 20 })).toEqual([['start', { x: 108, y: 40, width: 20, height: 20 }]]);
  });

  it('moves a label left when its right side would cover only an earlier label, not its point', () => {
    const placed = placeLabels([at('alpha', 100, 50), at('beta', 100, 60)], { maxLabels: 5, bounds });
    expect(sides(placed)).toEqual([
      ['alpha', 'start'],
      ['beta', 'end'],
    ]);
  });

  it('keeps labels off the whole marker of a labelled point, above and below its centre', () => {
    const opts = { maxLabels: 5, bounds, markerRadius: 4 };
    // The right-hand labels of these points would reach 1.5 px into the marker from above / below.
    expect(sides(placeLabels([at('alpha', 100, 50), at('bbbbb', 60, 40)], opts))).toEqual([
      ['alpha', 'start'],
      ['bbbbb', 'end'],
    ]);
    expect(sides(placeLabels([at('alpha', 100, 50), at('bbbbb', 60, 60)], opts))).toEqual([
      ['alpha', 'start'],
      ['bbbbb', 'end'],
    ]);
  });
});
