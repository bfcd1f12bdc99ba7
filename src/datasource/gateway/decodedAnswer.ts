/**
 * One gateway answer as the cache and every subscriber share it: the body as it arrived, and what
 * each parser made of it. A parser runs once per answer — the first query that needs it pays, every
 * other panel of the refresh and every cache hit within the TTL reuses the result (or the same
 * error). Parsed objects are treated as read-only by everything downstream (frames copy values).
 */
export class DecodedAnswer {
  private readonly decoded = new Map<(body: unknown) => unknown, { value: unknown } | { error: unknown }>();

  constructor(
    readonly body: unknown,
    /** The body's size in memory (responseBody.ts), measured once for the size bound and the cache. */
    readonly bytes: number,
    /** Counts each parser run, for the benchmark's "decodes per response". */
    private readonly onDecode: () => void = () => undefined
  ) {}

  /** `parse(body)`, computed on first use and remembered, failures included. */
  decode<T>(parse: (body: unknown) => T): T {
    let outcome = this.decoded.get(parse);
    if (!outcome) {
      this.onDecode();
      try {
        outcome = { value: parse(this.body) };
      } catch (error) {
        outcome = { error };
      }
      this.decoded.set(parse, outcome);
    }
    if ('error' in outcome) {
      throw outcome.error;
    }
    return outcome.value as T;
  }
}
