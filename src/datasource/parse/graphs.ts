import type { RawBoxPlot, RawHistogram, RawPoint, RawSimpleGraph } from '../gateway/rawTypes';
import type { BoxPlot, GraphLabels, TimeGraph, TimeHistogram, TimePoint } from './domain';
import { ResponseShapeError, optionalText, parseDecimal, parseTime, requireTime } from './scalars';

/** The gateway's graph shapes (histograms, box plots, simple graphs) → domain time series, sorted by time. */

export function graphLabels(raw: {
  name?: string | null;
  description?: string | null;
  xLabel?: string | null;
  yLabel?: string | null;
}): GraphLabels {
  return {
    name: optionalText(raw.name),
    description: optionalText(raw.description),
    xLabel: optionalText(raw.xLabel),
    yLabel: optionalText(raw.yLabel),
  };
}

export function parseTimeHistogram(raw: RawHistogram | null | undefined, path: string): TimeHistogram | null {
  if (!raw) {
    return null;
  }
  const bins = (raw.bin ?? []).map((bin, i) => {
    const binPath = `${path}.bin[${i}]`;
    const start = requireTime(bin.xMin, `${binPath}.xMin`);
    const end = requireTime(bin.xMax, `${binPath}.xMax`);
    if (end < start) {
      throw new ResponseShapeError('bin ends before it starts', binPath);
    }
    return { start, end, count: parseDecimal(bin.y, `${binPath}.y`) };
  });
  bins.sort((a, b) => a.start - b.start);
  return { ...graphLabels(raw), bins };
}

export function parseBoxPlot(raw: RawBoxPlot | null | undefined, path: string): BoxPlot | null {
  if (!raw) {
    return null;
  }
  const boxes = (raw.box ?? []).map((box, i) => {
    const boxPath = `${path}.box[${i}]`;
    // xMin/xMax bound the interval; x alone (some servers) marks it.
    const start = parseTime(box.xMin, `${boxPath}.xMin`) ?? requireTime(box.x, `${boxPath}.x`);
    return {
      start,
      end: parseTime(box.xMax, `${boxPath}.xMax`),
      min: parseDecimal(box.y0, `${boxPath}.y0`),
      q1: parseDecimal(box.y1, `${boxPath}.y1`),
      median: parseDecimal(box.y2, `${boxPath}.y2`),
      q3: parseDecimal(box.y3, `${boxPath}.y3`),
      max: parseDecimal(box.y4, `${boxPath}.y4`),
    };
  });
  boxes.sort((a, b) => a.start - b.start);
  return { ...graphLabels(raw), boxes };
}

/**
 * The number a SimpleGraph point carries. Decision (README, "Open points"): `yAxis` holds the
 * number, as in every graph the official UI draws (x against y); `value` is read only when
 * `yAxis` is empty, so servers that put the number there still work. Neither: no value (null).
 */
export function pointNumber(point: RawPoint, path: string): number | null {
  const y = parseDecimal(point.yAxis, `${path}.yAxis`);
  if (y !== null || (point.yAxis ?? '').trim() !== '') {
    return y;
  }
  return parseDecimal(point.value, `${path}.value`);
}

export function parseTimePoints(points: RawPoint[] | null | undefined, path: string): TimePoint[] {
  return (points ?? [])
    .map((point, i) => ({
      time: requireTime(point.xAxis, `${path}[${i}].xAxis`),
      value: pointNumber(point, `${path}[${i}]`),
    }))
    .sort((a, b) => a.time - b.time);
}

export function parseTimeGraph(raw: RawSimpleGraph | null | undefined, path: string): TimeGraph | null {
  if (!raw) {
    return null;
  }
  return { ...graphLabels(raw), points: parseTimePoints(raw.point, `${path}.point`) };
}
