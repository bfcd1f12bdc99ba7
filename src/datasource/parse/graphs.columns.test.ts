import { parseBoxPlot, parseTimeColumns, parseTimeGraph, parseTimeHistogram, pointNumber } from './graphs';
import { NOTE, ParseNotes } from './notes';

/**
 * The graph parsers' columns and notices at their edges: empty graphs, values that leave the fast
 * paths (a time without offset, NaN, spaced numbers) and must name their exact JSON path, bins and
 * boxes that are — or only look — in order, and which text in a point counts as a number.
 */

const H0 = '2026-11-22T00:00:00Z';
const H1 = '2026-11-22T01:00:00Z';
const H2 = '2026-11-22T02:00:00Z';
const T0 = Date.parse(H0);
const T1 = Date.parse(H1);
const T2 = Date.parse(H2);
// No UTC offset: not the gateway's common form, read as UTC with a note naming the field.
const NO_OFFSET = '2026-11-22T00:00:00';
const noLabels = { name: '', description: '', xLabel: '', yLabel: '' };
const bin = (xMin: string, xMax: string, y: string) => ({ xMin, xMax, y });
const box = (times: { xMin?: string; xMax?: string; x?: string }, ys = ['1', '2', '3', '4', '5']) => ({
  ...times,
  y0: ys[0],
  y1: ys[1],
  y2: ys[2],
  y3: ys[3],
  y4: ys[4],
});

function histogram(bins: Array<ReturnType<typeof bin>>) {
  const notes = new ParseNotes();
  const parsed = parseTimeHistogram({ bin: bins }, 'predictions', notes);
  return { starts: parsed!.starts, ends: parsed!.ends, counts: parsed!.counts, notices: notes.list() };
}

describe('parseTimeHistogram', () => {
  it('a histogram without bins has empty columns', () => {
    const notes = new ParseNotes();
    expect(parseTimeHistogram({}, 'predictions', notes)).toEqual({ ...noLabels, starts: [], ends: [], counts: [] });
    expect(notes.list()).toEqual([]);
  });

  it('a bound without offset is read as UTC, the note naming that bound', () => {
    expect(histogram([bin(NO_OFFSET, H1, '1')])).toEqual({
      starts: [T0],
      ends: [T1],
      counts: [1],
      notices: [`${NOTE.noOffset} (at predictions.bin[0].xMin)`],
    });
    expect(histogram([bin(H0, '2026-11-22T01:00:00', '1')]).notices).toEqual([
      `${NOTE.noOffset} (at predictions.bin[0].xMax)`,
    ]);
  });

  it('a zero-width bin sent after the longer bin with the same start is moved before it', () => {
    expect(histogram([bin(H1, H2, '2'), bin(H1, H1, '1')])).toEqual({
      starts: [T1, T1],
      ends: [T1, T2],
      counts: [1, 2],
      notices: [],
    });
  });

  it('a zero-width bin at the end of an earlier bin sent first is moved after it', () => {
    expect(histogram([bin(H1, H1, '1'), bin(H0, H1, '2')])).toEqual({
      starts: [T0, T1],
      ends: [T1, T1],
      counts: [2, 1],
      notices: [],
    });
  });

  it('bins sharing only an end or only a start, with equal counts, are no copies', () => {
    expect(histogram([bin(H0, H1, '1'), bin(H1, H1, '1')])).toEqual({
      starts: [T0, T1],
      ends: [T1, T1],
      counts: [1, 1],
      notices: [],
    });
    expect(histogram([bin(H1, H1, '1'), bin(H1, H2, '1')])).toEqual({
      starts: [T1, T1],
      ends: [T1, T2],
      counts: [1, 1],
      notices: [],
    });
    expect(() => histogram([bin(H0, H2, '1'), bin(H1, H2, '1')])).toThrow(
      'predictions.bin[1]: bins overlap (predictions.bin[0] and predictions.bin[1])'
    );
  });

  it('an exact copy sent out of order is dropped, the note naming the copy', () => {
    expect(histogram([bin(H1, H2, '2'), bin(H0, H1, '1'), bin(H1, H2, '2')])).toEqual({
      starts: [T0, T1],
      ends: [T1, T2],
      counts: [1, 2],
      notices: [`${NOTE.duplicateBin} (at predictions.bin[2])`],
    });
  });
});

function boxPlot(boxes: Array<ReturnType<typeof box>>) {
  const notes = new ParseNotes();
  const { name, description, xLabel, yLabel, ...columns } = parseBoxPlot({ box: boxes }, 'predictionValues', notes)!;
  expect({ name, description, xLabel, yLabel }).toEqual(noLabels);
  return { ...columns, notices: notes.list() };
}

describe('parseBoxPlot', () => {
  it('a box plot without boxes has empty columns', () => {
    const notes = new ParseNotes();
    expect(parseBoxPlot({}, 'predictionValues', notes)).toEqual({
      ...noLabels,
      starts: [],
      ends: [],
      min: [],
      q1: [],
      median: [],
      q3: [],
      max: [],
    });
    expect(notes.list()).toEqual([]);
  });

  it('times without offset are read as UTC, each note naming its field', () => {
    expect(boxPlot([box({ xMin: NO_OFFSET, xMax: H1 })])).toEqual({
      starts: [T0],
      ends: [T1],
      min: [1],
      q1: [2],
      median: [3],
      q3: [4],
      max: [5],
      notices: [`${NOTE.noOffset} (at predictionValues.box[0].xMin)`],
    });
    expect(boxPlot([box({ x: NO_OFFSET })])).toMatchObject({
      starts: [T0],
      ends: [null],
      notices: [`${NOTE.noOffset} (at predictionValues.box[0].x)`],
    });
    expect(boxPlot([box({ xMin: H0, xMax: '2026-11-22T01:00:00' })])).toMatchObject({
      starts: [T0],
      ends: [T1],
      notices: [`${NOTE.noOffset} (at predictionValues.box[0].xMax)`],
    });
  });

  it('a box without any start is refused at its x', () => {
    expect(() => boxPlot([box({ xMax: H1 })])).toThrow('predictionValues.box[0].x: missing date-time');
  });

  it('an instant (xMin = xMax) is a valid interval', () => {
    expect(boxPlot([box({ xMin: H1, xMax: H1 })])).toMatchObject({ starts: [T1], ends: [T1], notices: [] });
  });

  it('a NaN value is no value, the note naming y0…y4', () => {
    expect(boxPlot([box({ xMin: H0 }, ['1', '2', 'NaN', '4', '5'])])).toMatchObject({
      median: [null],
      min: [1],
      notices: [`${NOTE.nonFinite} (at predictionValues.box[0].y2)`],
    });
  });

  it('the order check skips missing values and allows equal ones; one value below any earlier one voids the box', () => {
    const values = (ys: string[]) => {
      const { min, q1, median, q3, max, notices } = boxPlot([box({ xMin: H0 }, ys)]);
      return { values: [min[0], q1[0], median[0], q3[0], max[0]], notices };
    };
    expect(values(['1', '', '3', '', '5'])).toEqual({ values: [1, null, 3, null, 5], notices: [] });
    expect(values(['2', '2', '2', '2', '2'])).toEqual({ values: [2, 2, 2, 2, 2], notices: [] });
    expect(values(['', '', '', '', ''])).toEqual({ values: [null, null, null, null, null], notices: [] });
    const voided = {
      values: [null, null, null, null, null],
      notices: [`${NOTE.boxOutOfOrder} (at predictionValues.box[0])`],
    };
    // Below the value two places before it, across a missing one; and the last value below the first.
    expect(values(['3', '', '2', '4', '5'])).toEqual(voided);
    expect(values(['3', '4', '4', '5', '1'])).toEqual(voided);
    // Read as decimals, not as text: "10" is above "9".
    expect(values(['9', '10', '10.5', '1e2', '100.5'])).toEqual({ values: [9, 10, 10.5, 100, 100.5], notices: [] });
  });

  it('two boxes sent latest first are reordered', () => {
    expect(boxPlot([box({ xMin: H1 }, ['6', '7', '8', '9', '10']), box({ xMin: H0 })])).toEqual({
      starts: [T0, T1],
      ends: [null, null],
      min: [1, 6],
      q1: [2, 7],
      median: [3, 8],
      q3: [4, 9],
      max: [5, 10],
      notices: [],
    });
  });
});

describe('parseTimeColumns and parseTimeGraph', () => {
  const point = (xAxis: string, yAxis: string) => ({ xAxis, yAxis, value: '' });

  it('no points: empty columns, for a missing list as for a graph without points', () => {
    expect(parseTimeColumns(undefined, 'g', new ParseNotes())).toEqual({ times: [], values: [] });
    expect(parseTimeGraph({}, 'g', new ParseNotes())).toEqual({ ...noLabels, times: [], values: [] });
  });

  it('a time without offset is read as UTC, the note naming the point', () => {
    const notes = new ParseNotes();
    expect(parseTimeColumns([point(H0, '1'), point('2026-11-22T01:00:00', '2')], 'g', notes)).toEqual({
      times: [T0, T1],
      values: [1, 2],
    });
    expect(notes.list()).toEqual([`${NOTE.noOffset} (at g[1].xAxis)`]);
  });

  it('reads a point’s value before its time: its notes come first, and its error where both are wrong', () => {
    const notes = new ParseNotes();
    expect(parseTimeColumns([{ xAxis: NO_OFFSET, yAxis: 'high', value: '3' }], 'g', notes)).toEqual({
      times: [T0],
      values: [3],
    });
    expect(notes.list()).toEqual([`${NOTE.labelInYAxis} (at g[0])`, `${NOTE.noOffset} (at g[0].xAxis)`]);
    expect(() => parseTimeColumns([point('yesterday', 'many')], 'g', new ParseNotes())).toThrow(
      expect.objectContaining({ path: 'g[0].yAxis' })
    );
  });

  it('negative values are kept unless the signal cannot go below 0 (default: it can)', () => {
    const notes = new ParseNotes();
    expect(parseTimeColumns([point(H0, '-1'), point(H1, ' -2 ')], 'g', notes)).toEqual({
      times: [T0, T1],
      values: [-1, -2],
    });
    expect(notes.list()).toEqual([]);
  });

  it('a spaced negative value of a signal that cannot go below 0 is no value, with a note', () => {
    const notes = new ParseNotes();
    const points = [point(H0, ' 0 '), point(H1, ' -2 '), point(H2, '0')];
    expect(parseTimeColumns(points, 'g', notes, { nonNegativeValues: true })).toEqual({
      times: [T0, T1, T2],
      values: [0, null, 0],
    });
    expect(notes.list()).toEqual([`${NOTE.negative} (at g[1])`]);
  });
});

describe('pointNumber: which text counts as a number', () => {
  function read(yAxis: string | undefined, value: string | undefined) {
    const notes = new ParseNotes();
    return { number: pointNumber({ xAxis: H0, yAxis, value }, 'p', notes), notices: notes.list() };
  }

  it.each([' 12.5 ', ' +3 ', ' -2.5 ', ' .25 ', ' 1. ', ' 1e3 ', ' 1E+3 ', ' 2.5e-3 ', ' 1e10 '])(
    'a spaced number %j in yAxis is read from yAxis, not from value',
    (yAxis) => {
      expect(read(yAxis, '7')).toEqual({ number: Number(yAxis), notices: [] });
    }
  );

  it.each(['NaN', '-Inf', '+Infinity'])('%s in yAxis is no value with a note, value not read', (yAxis) => {
    expect(read(yAxis, '7')).toEqual({ number: null, notices: [`${NOTE.nonFinite} (at p.yAxis)`] });
  });

  it.each(['p95', '95th percentile', 'Inference latency', 'share of NaN', 'x1e3'])(
    'a label %j in yAxis with the number in value reads value, with a note',
    (yAxis) => {
      expect(read(yAxis, '7')).toEqual({ number: 7, notices: [`${NOTE.labelInYAxis} (at p)`] });
    }
  );

  it.each(['', 'n/a', undefined])('a label in yAxis with %j in value is refused at yAxis', (value) => {
    expect(() => read('high', value)).toThrow('p.yAxis: expected a number, got "high"');
  });

  it('a spaced number in value after a label is read', () => {
    expect(read('high', ' 5 ')).toEqual({ number: 5, notices: [`${NOTE.labelInYAxis} (at p)`] });
  });

  it('NaN in value after a label is no value, the note naming value', () => {
    expect(read('high', 'NaN')).toEqual({
      number: null,
      notices: [`${NOTE.labelInYAxis} (at p)`, `${NOTE.nonFinite} (at p.value)`],
    });
  });

  it('no yAxis: value is read without a label note; NaN there names value', () => {
    expect(read(undefined, '5')).toEqual({ number: 5, notices: [] });
    expect(read('', 'NaN')).toEqual({ number: null, notices: [`${NOTE.nonFinite} (at p.value)`] });
    expect(read(' 2 ', '')).toEqual({ number: 2, notices: [] });
    expect(read('   ', '3')).toEqual({ number: 3, notices: [] });
  });
});
