import fc from 'fast-check';

import { OperationalMetric } from '../../shared/operationalMetrics';
import { rawDriftSeriesSchema, rawDriftSeriesReadSchema, rawOperationalGraphSchemas } from '../gateway/rawTypes';
import { decode, decodeWhileReading } from './decode';
import { parseDriftMetrics, parseDriftSeries } from './drift';
import { OPERATIONAL_GRAPH_PARSERS, parseOperationalSummary } from './operational';
import { ResponseShapeError } from './scalars';
import { object, string } from '../gateway/shape';

/**
 * The drift series and the operational graphs leave their points to the reader, which checks each
 * point where it reads it (rawTypes' pointsReadLater, graphs.ts parseTimeColumns). What a user sees
 * must not change: the value, or the error of checking the whole part first and reading it then.
 */

/** What a parser gives for `body`: its value, or its error's message and path. */
function outcome(parse: () => unknown): unknown {
  try {
    return { value: parse() };
  } catch (error) {
    return error instanceof ResponseShapeError
      ? { message: error.message, path: error.path }
      : { unexpected: String(error) };
  }
}

/** The outcome before points were left to the reader: decode the full part, then read it. */
function checkedFirst<T>(schema: Parameters<typeof decode>[0], body: unknown, read: (body: unknown) => T) {
  return outcome(() => {
    decode(schema, body, 'x');
    return read(body);
  });
}

const T = (hour: number) => `2026-11-2${hour % 7}T${String(hour % 24).padStart(2, '0')}:00:00Z`;
const goodPoint = (i: number) => ({ xAxis: T(i), yAxis: String(i / 4), value: '' });

/** A point as a gateway that breaks its contract might send it, or a well-formed one. */
const anyPoint = fc.oneof(
  { weight: 6, arbitrary: fc.nat(40).map(goodPoint) },
  {
    weight: 1,
    arbitrary: fc.constantFrom<unknown>(
      null,
      [],
      'point',
      7,
      { xAxis: 5, yAxis: '1' },
      { xAxis: T(1), yAxis: 2 },
      { xAxis: T(1), yAxis: '1', value: 5 },
      { xAxis: T(1), yAxis: '1', value: false },
      { xAxis: 'yesterday', yAxis: '1' },
      { xAxis: T(1), yAxis: 'many' },
      { yAxis: '1' },
      { xAxis: T(1), yAxis: '' },
      { xAxis: T(1), yAxis: '-3' }
    ),
  }
);
const points = fc.oneof(
  { weight: 8, arbitrary: fc.array(anyPoint, { maxLength: 6 }) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(null, undefined, 'points', {}) }
);
const feature = fc.oneof(
  { weight: 6, arbitrary: fc.constant({ name: 'age', dataType: 'numerical' }) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>({ name: 4 }, 'age', null) }
);

describe('points left to their reader', () => {
  it('give the drift series the outcome of checking the whole part first', () => {
    const body = fc.record({
      featureImportance: fc.record({
        featureDrift: fc.array(fc.record({ drift: points, Feature: feature }), { maxLength: 4 }),
      }),
    });
    fc.assert(
      fc.property(body, (b) => {
        const expected = checkedFirst(rawDriftSeriesSchema, b, (raw) => {
          const whole = parseDriftMetrics(raw);
          return { driftOverTime: whole.driftOverTime, notices: whole.notices };
        });
        const actual = outcome(() => parseDriftSeries(b));
        expect(relabel(actual)).toEqual(relabel(expected));
      }),
      { numRuns: 1500 }
    );
  });

  it('give each operational graph the outcome of checking the whole part first', () => {
    const graph = fc.oneof(
      { weight: 6, arbitrary: fc.record({ name: fc.constant('Latency'), point: points }) },
      { weight: 1, arbitrary: fc.constantFrom<unknown>(null, 'graph', { name: 3 }) }
    );
    const metric = fc.constantFrom(...Object.values(OperationalMetric));
    fc.assert(
      fc.property(metric, graph, graph, (m, first, second) => {
        const body = { uptime: 1, [m]: first, scoringLatency: second };
        const full = rawOperationalGraphSchemas(m).full;
        const expected = checkedFirst(full, body, () => {
          const whole = parseOperationalSummary({ [m]: body[m] });
          return { graph: whole.graphs[m], notices: whole.notices };
        });
        const actual = outcome(() => OPERATIONAL_GRAPH_PARSERS[m](body));
        expect(relabel(actual)).toEqual(relabel(expected));
      }),
      { numRuns: 1500 }
    );
  });

  it('refuse a point whose unread field has the wrong type, at its path', () => {
    const body = { featureImportance: { featureDrift: [{ drift: [goodPoint(1), { ...goodPoint(2), value: 5 }] }] } };
    expect(() => parseDriftSeries(body)).toThrow(
      new ResponseShapeError(
        'drift metrics: Invalid input: expected string, received number',
        'featureImportance.featureDrift[0].drift[1].value'
      )
    );
    const graph = { scoringLatency: { point: [goodPoint(1), null] } };
    expect(() => OPERATIONAL_GRAPH_PARSERS.scoringLatency(graph)).toThrow(
      new ResponseShapeError(
        'operational summary: Invalid input: expected object, received null',
        'scoringLatency.point[1]'
      )
    );
  });

  it('put the shape’s first issue before an earlier point’s conversion error', () => {
    const body = {
      featureImportance: {
        featureDrift: [{ drift: [{ xAxis: 'yesterday', yAxis: '1' }] }, { drift: [{ xAxis: T(1), yAxis: 1 }] }],
      },
    };
    expect(outcome(() => parseDriftSeries(body))).toEqual({
      message:
        'featureImportance.featureDrift[1].drift[0].yAxis: drift metrics: Invalid input: expected string, received number',
      path: 'featureImportance.featureDrift[1].drift[0].yAxis',
    });
  });

  it('leave only the points unchecked in the series part', () => {
    expect(rawDriftSeriesReadSchema.test({ featureImportance: { featureDrift: [{ drift: [null, 4] }] } })).toBe(true);
    expect(rawDriftSeriesReadSchema.test({ featureImportance: { featureDrift: [{ drift: {} }] } })).toBe(false);
    expect(rawDriftSeriesReadSchema.test({ featureImportance: { featureDrift: [{ Feature: { name: 4 } }] } })).toBe(
      false
    );
  });
});

describe('decodeWhileReading', () => {
  const full = object({ a: string, b: string });
  const read = object({ a: string });

  it('gives what the reader read from a body that fits', () => {
    expect(decodeWhileReading(full, read, { a: 'x', b: 'y' }, 'answer', (raw) => raw.a)).toBe('x');
  });

  it('gives the full shape’s first issue when the read shape refuses the body', () => {
    expect(() => decodeWhileReading(full, read, { a: 1, b: 2 }, 'answer', () => 'read')).toThrow(
      new ResponseShapeError('answer: Invalid input: expected string, received number', 'a')
    );
  });

  it('gives the full shape’s first issue when reading fails on a body that does not fit it', () => {
    const failing = () => {
      throw new ResponseShapeError('reader', 'a');
    };
    expect(() => decodeWhileReading(full, read, { a: 'x', b: 2 }, 'answer', failing)).toThrow(
      new ResponseShapeError('answer: Invalid input: expected string, received number', 'b')
    );
  });

  it('gives the reader’s own error on a body that fits the full shape', () => {
    const failing = () => {
      throw new ResponseShapeError('reader', 'a');
    };
    expect(() => decodeWhileReading(full, read, { a: 'x', b: 'y' }, 'answer', failing)).toThrow(
      new ResponseShapeError('reader', 'a')
    );
  });
});

/** The drift answer's error names the part as "drift metrics"; the reference decode names it "x". */
function relabel(result: unknown): unknown {
  if (typeof result === 'object' && result !== null && 'message' in result) {
    const { message, path } = result as { message: string; path: string };
    return { message: message.replace(/(drift metrics|operational summary|x): /, ''), path };
  }
  return result;
}
