import { consecutivePlainTime, newTimeAxis, noLastTime, plainTime, plainTimeAt } from './dateTime';
import { parseDriftSeries } from './drift';
import { parseTimeHistogram } from './graphs';
import { NOTE, ParseNotes } from './notes';
import { OPERATIONAL_GRAPH_PARSERS } from './operational';
import { OperationalMetric } from '../../shared/operationalMetrics';

/** Drift over time with every feature on the same time axis except where `times` differs. */
function driftAnswer(featureTimes: string[][]) {
  return {
    featureImportance: {
      featureDrift: featureTimes.map((times, f) => ({
        Feature: { name: `f${f}`, driftCalculated: true, drift: 0.1 },
        drift: times.map((xAxis, k) => ({ xAxis, yAxis: String(k / 10), value: '' })),
      })),
    },
  };
}

const T0 = '2026-01-01T00:00:00Z';
const T1 = '2026-01-01T00:15:00Z';
const T2 = '2026-01-01T00:30:00Z';

describe('SharedTimeAxis', () => {
  it('gives the time plainTime gives, for repeated, changed and new texts', () => {
    const axis = newTimeAxis();
    const texts = [T0, T1, T0, T2, T1, '2026-01-01T00:30:00+01:00', T2];
    const positions = [0, 1, 0, 0, 1, 0, 2];
    expect(texts.map((text, k) => plainTimeAt(axis, positions[k], text))).toEqual(texts.map((text) => plainTime(text)));
  });

  it('declines what plainTime declines, and keeps nothing for it', () => {
    const axis = newTimeAxis();
    expect(plainTimeAt(axis, 0, '2026-01-01T00:00:00')).toBeNaN();
    expect(plainTimeAt(axis, 0, '2026-01-01T00:00:00')).toBeNaN();
    expect(plainTimeAt(axis, 0, null)).toBeNaN();
    expect(plainTimeAt(axis, 0, undefined)).toBeNaN();
    expect(plainTimeAt(axis, 0, T0)).toBe(Date.UTC(2026, 0, 1));
  });
});

describe('drift over time on one shared time axis', () => {
  it('reads each feature its own times where they differ from the features before', () => {
    const { driftOverTime } = parseDriftSeries(driftAnswer([[T0, T1, T2], [T0, T2, T1].slice(0, 2), [T1, T1, T2]]));
    expect(driftOverTime.map((series) => series.times)).toEqual([
      [T0, T1, T2].map(Date.parse),
      [T0, T2].map(Date.parse),
      [T1, T1, T2].map(Date.parse),
    ]);
  });

  it('notes a time without an offset in every feature that sends one (the general path is never reused)', () => {
    const noOffset = '2026-01-01T00:00:00';
    const { driftOverTime, notices } = parseDriftSeries(
      driftAnswer([
        [noOffset, T1],
        [noOffset, T1],
        [T0, T1],
      ])
    );
    expect(notices).toEqual([`${NOTE.noOffset} (2 values, first at featureImportance.featureDrift[0].drift[0].xAxis)`]);
    expect(driftOverTime.map((series) => series.times[0])).toEqual([0, 0, 0].map(() => Date.UTC(2026, 0, 1)));
  });
});

describe('operational graphs on one time axis per answer', () => {
  const graph = (times: string[]) => ({ point: times.map((xAxis, k) => ({ xAxis, yAxis: String(k), value: '' })) });

  it('reads each graph its own times, in whatever order panels ask for the graphs', () => {
    const noOffset = '2026-01-01T00:00:00';
    const answer = {
      cpuUsage: graph([T0, T1, T2]),
      memoryUsage: graph([T1, T0]),
      availability: graph([noOffset, T1, T2]),
      uptime: 1,
    };
    const parse = (metric: OperationalMetric) => OPERATIONAL_GRAPH_PARSERS[metric](answer);
    const memory = parse(OperationalMetric.MemoryUsage);
    const availability = parse(OperationalMetric.Availability);
    const cpu = parse(OperationalMetric.CpuUsage);
    // Sorted by time: the memory graph's points were sent out of order.
    expect(memory.graph?.times).toEqual([T0, T1].map(Date.parse));
    expect(cpu.graph?.times).toEqual([T0, T1, T2].map(Date.parse));
    expect(availability.graph?.times).toEqual([Date.UTC(2026, 0, 1), ...[T1, T2].map(Date.parse)]);
    expect(availability.notices).toEqual([`${NOTE.noOffset} (at availability.point[0].xAxis)`]);
    expect(cpu.notices).toEqual([]);
  });
});

describe('consecutivePlainTime', () => {
  it('gives the time plainTime gives, reusing only the text it read last', () => {
    const last = noLastTime();
    const texts = [T0, T1, T1, T2, T0, T0, '2026-01-01T01:30:00+01:00', null, undefined, ''];
    expect(texts.map((text) => consecutivePlainTime(last, text))).toEqual(texts.map((text) => plainTime(text)));
    expect(consecutivePlainTime(noLastTime(), undefined)).toBeNaN();
  });

  it('notes every bin edge without an offset, also where a bin starts at the end before it', () => {
    const noOffset = '2026-01-01T00:15:00';
    const notes = new ParseNotes();
    const histogram = parseTimeHistogram(
      {
        bin: [
          { xMin: T0, xMax: noOffset, y: '1' },
          { xMin: noOffset, xMax: T2, y: '2' },
        ],
      },
      'predictions',
      notes
    );
    expect(notes.list()).toEqual([`${NOTE.noOffset} (2 values, first at predictions.bin[0].xMax)`]);
    expect(histogram?.starts).toEqual([T0, T1].map(Date.parse));
    expect(histogram?.ends).toEqual([T1, T2].map(Date.parse));
  });
});
