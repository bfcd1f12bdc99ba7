import { grpcCode } from './grpcStatus';

describe('grpcCode', () => {
  it.each([
    [14, 14],
    [' 14 ', 14],
    ['unavailable', 14],
    [1.5, undefined],
    [Number.NaN, undefined],
    ['', undefined],
    ['   ', undefined],
    [null, undefined],
    [true, undefined],
  ])('%p → %p', (code, expected) => {
    expect(grpcCode(code)).toBe(expected);
  });
});
