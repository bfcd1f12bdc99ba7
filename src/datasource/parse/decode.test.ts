import type { Shape } from '../gateway/shape';
import { decode } from './decode';
import { retainedShapes } from './retainedShapes';
import { parseDeploymentPage, parseDeploymentResponse, parseHealthMetrics } from './parseResponses';
import { ResponseShapeError } from './scalars';

/** A shape that gives `verdict` for every value and cannot name a problem. */
function shapeSaying(verdict: boolean): Shape<object> {
  return {
    test: (_value): _value is object => verdict,
    explain: () => undefined,
    parse: () => {
      throw new Error('not used');
    },
    scalars: 0,
  };
}

/** The error `run` throws, as the message and path a caller sees. */
function refusal(run: () => unknown): { message: string; path: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof ResponseShapeError) {
      return { message: error.message, path: error.path };
    }
    throw error;
  }
  throw new Error('expected a ResponseShapeError');
}

describe('decode: the exact refusal, with the JSON path where there is one', () => {
  it('names the answer and no path for an empty body', () => {
    expect(refusal(() => parseDeploymentPage(''))).toEqual({
      message: 'list of deployments: the gateway returned an empty body',
      path: '',
    });
    expect(refusal(() => parseDeploymentResponse(''))).toEqual({
      message: 'deployment: the gateway returned an empty body',
      path: '',
    });
  });

  it('names what was sent instead of an object: null, nothing, an array, a number, a boolean', () => {
    expect(refusal(() => parseHealthMetrics(null))).toEqual({
      message: 'health metrics: expected a JSON object, got null',
      path: '',
    });
    expect(refusal(() => parseHealthMetrics(undefined))).toEqual({
      message: 'health metrics: expected a JSON object, got an empty body',
      path: '',
    });
    expect(refusal(() => parseHealthMetrics([]))).toEqual({
      message: 'health metrics: expected a JSON object, got an array',
      path: '',
    });
    expect(refusal(() => parseHealthMetrics(5))).toEqual({
      message: 'health metrics: expected a JSON object, got number',
      path: '',
    });
    expect(refusal(() => parseHealthMetrics(true))).toEqual({
      message: 'health metrics: expected a JSON object, got boolean',
      path: '',
    });
  });

  it('writes keys with dots and array indices in brackets, without a leading dot', () => {
    const refused = refusal(() => parseHealthMetrics({ predictions: { bin: [{ xMin: 'a' }, 7] } }));
    expect(refused.path).toBe('predictions.bin[1]');
    expect(refused.message).toBe('predictions.bin[1]: health metrics: Invalid input: expected object, received number');
    expect(refusal(() => parseHealthMetrics({ predictions: { bin: 'none' } })).path).toBe('predictions.bin');
  });

  it('still refuses, at the root, a body whose shape cannot name its problem', () => {
    expect(refusal(() => decode(shapeSaying(false), {}, 'answer'))).toEqual({
      message: 'answer: Invalid input',
      path: '',
    });
  });
});

describe('decode keeps the hidden classes of what it accepted', () => {
  const accepting = shapeSaying(true);
  const refusing = shapeSaying(false);

  it('retains a copy of an accepted answer per shape, and nothing of a refused one', () => {
    decode(accepting, { box: [{ y0: '1' }, { y0: '2' }] }, 'answer');
    expect(retainedShapes(accepting)).toEqual({ box: [{ y0: '' }] });
    expect(() => decode(refusing, { box: [] }, 'answer')).toThrow(ResponseShapeError);
    expect(retainedShapes(refusing)).toBeUndefined();
  });
});
