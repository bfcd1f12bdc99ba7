import { sameHiddenClass } from '../../test/hiddenClasses';
import { retainShapes, retainedShapes } from './retainedShapes';

describe('retainShapes', () => {
  it('keeps the answer cut down to the first item of each array, keys in their order, texts emptied', () => {
    const kind = {};
    const body = {
      total: 17670,
      latency: 1.75,
      ok: true,
      none: null,
      graph: {
        name: 'Predictions',
        bin: [
          { xMin: 'a', y: '1' },
          { xMin: 'b', y: '2', extra: 3 },
        ],
      },
      empty: [],
    };
    retainShapes(kind, body);
    const kept = retainedShapes(kind);
    expect(kept).toEqual({
      total: 17670,
      latency: 1.75,
      ok: true,
      none: null,
      graph: { name: '', bin: [{ xMin: '', y: '' }] },
      empty: [],
    });
    expect(Object.keys(kept as object)).toEqual(Object.keys(body));
    // A copy made by JSON.parse: nothing of the answer itself is held.
    expect((kept as typeof body).graph).not.toBe(body.graph);
  });

  it("gives the copy's objects the very hidden classes of the answer's, which is what keeps code compiled for them", () => {
    const text = JSON.stringify({
      totalPredictions: '17670',
      scoringLatency: 1.75,
      count: 3,
      predictionValues: {
        name: 'Prediction values',
        box: [
          { x: 'a', y0: '1.5' },
          { x: 'b', y0: '2' },
        ],
      },
    });
    const body = JSON.parse(text) as { predictionValues: { box: object[] } };
    const kind = {};
    retainShapes(kind, body);
    const kept = retainedShapes(kind) as typeof body;
    expect(sameHiddenClass(kept, body)).toBe(true);
    expect(sameHiddenClass(kept.predictionValues, body.predictionValues)).toBe(true);
    expect(sameHiddenClass(kept.predictionValues.box[0], body.predictionValues.box[1])).toBe(true);
    // The check can tell: the same keys in another order are another class.
    expect(sameHiddenClass(JSON.parse('{"y0":"1","x":"a"}') as object, body.predictionValues.box[0])).toBe(false);
  });

  it('copies each answer once, however many of its parts are decoded', () => {
    const body = { a: [1, 2] };
    const first = {};
    const second = {};
    retainShapes(first, body);
    retainShapes(second, body);
    expect(retainedShapes(first)).toEqual({ a: [1] });
    expect(retainedShapes(second)).toBeUndefined();
  });

  it('keeps one copy per kind, the latest', () => {
    const kind = {};
    retainShapes(kind, { a: 1 });
    retainShapes(kind, { b: [2, 3] });
    expect(retainedShapes(kind)).toEqual({ b: [2] });
    retainShapes({}, { c: 4 });
    expect(retainedShapes(kind)).toEqual({ b: [2] });
  });

  it('keeps nothing for an answer nested too deep to copy, and does not throw', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 100_000; i++) {
      deep = i % 2 === 0 ? [deep] : { next: deep };
    }
    const kind = {};
    expect(() => retainShapes(kind, { deep } as object)).not.toThrow();
    expect(retainedShapes(kind)).toBeUndefined();
    let hundred: unknown = 1;
    for (let i = 0; i < 100; i++) {
      hundred = { next: [hundred] };
    }
    retainShapes(kind, hundred as object);
    expect(retainedShapes(kind)).toEqual(hundred);
  });
});
