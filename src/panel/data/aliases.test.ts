import { parseAliases } from './aliases';
import { Reducer, Signal } from './mapping';

describe('parseAliases name lists', () => {
  it('skips empty names between, before and after commas', () => {
    expect(parseAliases('accuracy:last = , acc_a, ,ACC_B,')).toEqual({
      aliases: {
        acc_a: { signal: Signal.Accuracy, reducer: Reducer.Last, unit: undefined },
        acc_b: { signal: Signal.Accuracy, reducer: Reducer.Last, unit: undefined },
      },
      errors: [],
    });
  });
});

describe('parseAliases lines', () => {
  it('skips blank and indented comment lines and reads an indented alias line', () => {
    expect(parseAliases('   \n  # latency from the exporter\n  accuracy = acc_a  ')).toEqual({
      aliases: { acc_a: { signal: Signal.Accuracy, reducer: Reducer.Last, unit: undefined } },
      errors: [],
    });
  });
});
