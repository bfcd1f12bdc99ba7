import { parseTimeGraph } from './graphs';
import { NOTE, ParseNotes } from './notes';

describe('parseTimeGraph', () => {
  const raw = {
    point: [
      { xAxis: '2026-11-22T00:00:00Z', yAxis: '-1.5' },
      { xAxis: '2026-11-22T00:01:00Z', yAxis: '2' },
    ],
  };

  it('keeps negative values of a signal that may go below 0 (the default)', () => {
    const notes = new ParseNotes();
    const graph = parseTimeGraph(raw, 'g', notes);
    expect(graph!.values).toEqual([-1.5, 2]);
    expect(notes.list()).toEqual([]);
  });

  it('drops negative values of a signal that cannot go below 0, with a notice', () => {
    const notes = new ParseNotes();
    const graph = parseTimeGraph(raw, 'g', notes, true);
    expect(graph!.values).toEqual([null, 2]);
    expect(notes.list()).toEqual([`${NOTE.negative} (at g.point[0])`]);
  });
});
