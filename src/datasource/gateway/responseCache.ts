/**
 * Answers reused for the cache TTL, bounded so that a dashboard left open with a moving time range
 * (every refresh a new URL) cannot grow memory without limit: expired entries are dropped on every
 * write, and the least recently used entries go once either bound is exceeded.
 */

/**
 * At most this many answers are kept. A detail dashboard has a few dozen distinct calls, but a
 * fleet overview over 1,000 deployments has ~2,000 (health and drift of each), read by several
 * panels: fewer entries would evict answers before the next panel of the same refresh reads them.
 * Memory stays bounded by MAX_CACHE_BYTES.
 */
export const MAX_CACHE_ENTRIES = 2_500;
/** At most about this many bytes of answers are kept (JS strings count 2 bytes a character). */
export const MAX_CACHE_BYTES = 16 * 1024 * 1024;
/** One answer larger than this share of the byte bound is not cached at all. */
const MAX_ENTRY_SHARE = 4;

interface CacheEntry {
  expiresAt: number;
  body: unknown;
  bytes: number;
}

export class ResponseCache {
  private readonly entries = new Map<string, CacheEntry>();
  private bytes = 0;
  /**
   * No entry expires before this time, so a write sweeps the entries only when one may have
   * expired: a fleet's ~2,000 answers are not walked on every write. It may be early (an entry
   * evicted since), which costs one sweep that finds it out.
   */
  private earliestExpiry = Number.POSITIVE_INFINITY;

  constructor(
    private readonly now: () => number,
    private readonly maxEntries = MAX_CACHE_ENTRIES,
    private readonly maxBytes = MAX_CACHE_BYTES
  ) {}

  /** The unexpired answer for `key`, marking it recently used. */
  get(key: string): unknown {
    const entry = this.entries.get(key);
    if (!entry) {
      return undefined;
    }
    this.entries.delete(key);
    if (entry.expiresAt <= this.now()) {
      this.bytes -= entry.bytes;
      return undefined;
    }
    this.entries.set(key, entry);
    return entry.body;
  }

  /** Keeps `body` for `ttlMs`; `knownBytes` is its approximateBytes when the caller measured it already. */
  set(key: string, body: unknown, ttlMs: number, knownBytes?: number): void {
    this.delete(key);
    const bytes = knownBytes ?? approximateBytes(body, this.maxBytes / MAX_ENTRY_SHARE);
    if (ttlMs <= 0 || bytes > this.maxBytes / MAX_ENTRY_SHARE) {
      return;
    }
    this.evictExpired();
    const expiresAt = this.now() + ttlMs;
    this.entries.set(key, { expiresAt, body, bytes });
    this.earliestExpiry = Math.min(this.earliestExpiry, expiresAt);
    this.bytes += bytes;
    // Map iteration is insertion order: the first key is the least recently used.
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) {
        break;
      }
      this.delete(oldest);
    }
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
    this.earliestExpiry = Number.POSITIVE_INFINITY;
  }

  /** Entry count and approximate bytes held, for tests and diagnostics. */
  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  private delete(key: string): void {
    const entry = this.entries.get(key);
    if (entry) {
      this.entries.delete(key);
      this.bytes -= entry.bytes;
    }
  }

  private evictExpired(): void {
    const now = this.now();
    // Stryker disable next-line ConditionalExpression,BlockStatement: skipping the sweep is a fast path; a sweep would find nothing expired
    if (now < this.earliestExpiry) {
      return;
    }
    let earliest = Number.POSITIVE_INFINITY;
    for (const [key, entry] of this.entries) {
      if (entry.expiresAt <= now) {
        this.delete(key);
      } else {
        earliest = Math.min(earliest, entry.expiresAt);
      }
    }
    this.earliestExpiry = earliest;
  }
}

/**
 * Approximate in-memory size of a JSON value: 2 bytes a string character, 8 a number, plus a
 * little per key and element. Iterative (deep bodies cannot overflow the stack) and stops counting
 * once past `limit`, so measuring a 50 MB body costs no more than measuring `limit`. Strings,
 * numbers and the like are counted where they are found; only objects and arrays wait on the
 * stack (this runs on every answer, a few megabytes each).
 */
export function approximateBytes(value: unknown, limit = Number.POSITIVE_INFINITY): number {
  let total = 0;
  const pending: object[] = [];
  const visit = (item: unknown) => {
    if (typeof item === 'string') {
      total += 2 * item.length + 8;
    } else if (typeof item === 'object' && item !== null) {
      pending.push(item);
    } else {
      total += 8;
    }
  };
  visit(value);
  while (pending.length > 0 && total <= limit) {
    const item = pending.pop();
    if (Array.isArray(item)) {
      total += 8 + 8 * item.length;
      for (let i = 0; i < item.length; i++) {
        visit(item[i]);
      }
    } else {
      const record = item as Record<string, unknown>;
      for (const key in record) {
        total += 2 * key.length + 8;
        visit(record[key]);
      }
    }
  }
  return total;
}
