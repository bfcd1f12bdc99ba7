/**
 * Greedy, deterministic placement of point labels in a chart (the drift-vs-importance quadrant).
 * Candidates come in priority order; each label goes right of its point, else left of it, else it
 * is skipped. A side must keep the label inside the bounds and clear of the labels already placed,
 * of their points' markers and of the `obstacles`; a candidate whose own marker is already covered
 * by a label is skipped. A side should also keep clear of the `softObstacles` (other markers, the
 * chart's captions): a side clear of those too wins, then a side clear of the hard ones only, so
 * dense data or a caption never costs the most important feature its label. At most `maxLabels`
 * are placed. Pure; text widths are estimated from the number of characters, so it needs no DOM.
 */

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LabelCandidate {
  /** Unique key (the feature name). */
  id: string;
  text: string;
  /** The point the label belongs to. */
  x: number;
  y: number;
}

interface PlacedLabel {
  id: string;
  text: string;
  /** Where to draw the text: x with `anchor`, y as the baseline. */
  x: number;
  y: number;
  anchor: 'start' | 'end';
  /** The estimated box of the text. */
  box: Box;
}

interface PlacementOptions {
  maxLabels: number;
  /** Labels must stay inside this box. */
  bounds: Box;
  /** Areas no label may cover. */
  obstacles?: readonly Box[];
  /** Areas a label avoids when either side allows it. */
  softObstacles?: readonly Box[];
  /** Half-size of a point's marker, px: labelled points' markers are never covered. */
  markerRadius?: number;
  /** Gap between the point and its label, px. */
  offset?: number;
  /** Estimated advance per character, px (11 px UI font: ~5.9; a little more to be safe). */
  charWidth?: number;
  /** Height of a label's box, px, centred on the point. */
  lineHeight?: number;
  /** Baseline below the point, px. */
  baseline?: number;
  /** Extra space kept clear around a label, px. */
  padding?: number;
}

const LABEL_DEFAULTS = {
  offset: 8,
  charWidth: 6.2,
  lineHeight: 13,
  baseline: 3,
  padding: 1,
  markerRadius: 0,
} as const;

export function estimateTextWidth(text: string, charWidth: number = LABEL_DEFAULTS.charWidth): number {
  return [...text].length * charWidth;
}

/** The box of a one-line text drawn at (x, baseline y) with an SVG text-anchor. */
export function textBox(
  x: number,
  y: number,
  text: string,
  anchor: 'start' | 'middle' | 'end',
  charWidth: number = LABEL_DEFAULTS.charWidth,
  lineHeight: number = LABEL_DEFAULTS.lineHeight,
  baseline: number = LABEL_DEFAULTS.baseline
): Box {
  const width = estimateTextWidth(text, charWidth);
  const left = anchor === 'start' ? x : anchor === 'end' ? x - width : x - width / 2;
  const middle = y - baseline;
  return { x: left, y: middle - lineHeight / 2, width, height: lineHeight };
}

export function boxesOverlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function inside(box: Box, bounds: Box): boolean {
  return (
    box.x >= bounds.x &&
    box.y >= bounds.y &&
    box.x + box.width <= bounds.x + bounds.width &&
    box.y + box.height <= bounds.y + bounds.height
  );
}

function grow(box: Box, by: number): Box {
  return { x: box.x - by, y: box.y - by, width: box.width + 2 * by, height: box.height + 2 * by };
}

export function placeLabels(candidates: readonly LabelCandidate[], options: PlacementOptions): PlacedLabel[] {
  const offset = options.offset ?? LABEL_DEFAULTS.offset;
  const charWidth = options.charWidth ?? LABEL_DEFAULTS.charWidth;
  const lineHeight = options.lineHeight ?? LABEL_DEFAULTS.lineHeight;
  const baseline = options.baseline ?? LABEL_DEFAULTS.baseline;
  const padding = options.padding ?? LABEL_DEFAULTS.padding;
  const r = options.markerRadius ?? LABEL_DEFAULTS.markerRadius;
  // Stryker disable next-line ArrayDeclaration: a non-box entry overlaps nothing (its coordinates are undefined), so it changes no placement
  const obstacles = options.obstacles ?? [];
  // Stryker disable next-line ArrayDeclaration: a non-box entry overlaps nothing (its coordinates are undefined), so it changes no placement
  const soft = options.softObstacles ?? [];
  const placed: PlacedLabel[] = [];
  // Stryker disable next-line ArrayDeclaration: a non-box entry overlaps nothing (its coordinates are undefined), so it changes no placement
  const markers: Box[] = [];
  const max = Math.max(0, Math.floor(options.maxLabels));

  for (const c of candidates) {
    if (placed.length >= max) {
      break;
    }
    const marker = { x: c.x - r, y: c.y - r, width: 2 * r, height: 2 * r };
    if (placed.some((p) => boxesOverlap(marker, p.box))) {
      continue;
    }
    const y = c.y + baseline;
    const sides = (['start', 'end'] as const).map((anchor) => {
      const x = anchor === 'start' ? c.x + offset : c.x - offset;
      const box = textBox(x, y, c.text, anchor, charWidth, lineHeight, baseline);
      const clear = grow(box, padding);
      const fits =
        inside(box, options.bounds) &&
        !placed.some((p) => boxesOverlap(clear, p.box)) &&
        !markers.some((m) => boxesOverlap(clear, m)) &&
        !obstacles.some((o) => boxesOverlap(clear, o));
      return { x, anchor, box, fits, tidy: fits && !soft.some((o) => boxesOverlap(clear, o)) };
    });
    const side = sides.find((s) => s.tidy) ?? sides.find((s) => s.fits);
    if (side) {
      placed.push({ id: c.id, text: c.text, x: side.x, y, anchor: side.anchor, box: side.box });
      markers.push(marker);
    }
  }
  return placed;
}
