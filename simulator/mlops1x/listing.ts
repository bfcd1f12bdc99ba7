import { Grpc, GrpcError, quote } from '../errors';
import { hash32 } from '../prng';
import { matchesFilter, parseFilter, type FieldValue, type FilterNode } from './filter';

/**
 * List semantics of the 1.x REST services (AIP-158/160/132 as grpc-gateway serves them): `filter`
 * in the client's language, `orderBy` as `field [desc], …`, `pageSize` capped at MAX_PAGE_SIZE
 * (a bigger request silently gets a smaller page, as real servers do), opaque `pageToken`s bound to
 * the request they came from, `nextPageToken` absent on the last page.
 */

/** The server's largest page; requests for more get this many. */
export const MAX_PAGE_SIZE = 100;

/** Filter/order field name → a record's value (undefined: the field is unknown for this resource). */
export type FieldMap<T> = Record<string, (record: T) => FieldValue>;

export interface ListRequest {
  /** What the token is bound to: the parent resource and the route. */
  scope: string;
  params: URLSearchParams;
  defaultPageSize: number;
}

export interface PageToken {
  offset: number;
  /** Epoch ms the first page was served as of, so later pages see the same time-dependent data. */
  asOf: number;
}

/** Parses `filter`, refusing fields the resource does not have. */
export function parseFilterParam<T>(text: string | null, fields: FieldMap<T>): FilterNode | undefined {
  if (!text?.trim()) {
    return undefined;
  }
  let node: FilterNode;
  try {
    node = parseFilter(text);
  } catch (e) {
    throw new GrpcError(Grpc.INVALID_ARGUMENT, `invalid filter: ${e instanceof Error ? e.message : String(e)}`);
  }
  const check = (n: FilterNode): void => {
    if (n.kind === 'term') {
      if (!(n.field in fields)) {
        throw new GrpcError(Grpc.INVALID_ARGUMENT, `invalid filter: unknown field ${quote(n.field)}`);
      }
    } else {
      n.children.forEach(check);
    }
  };
  check(node);
  return node;
}

/** Keeps the records matching the filter. */
export function applyFilter<T>(records: readonly T[], node: FilterNode | undefined, fields: FieldMap<T>): T[] {
  if (!node) {
    return [...records];
  }
  return records.filter((r) => matchesFilter(node, (f) => fields[f](r)));
}

function compareValues(a: FieldValue, b: FieldValue): number {
  if (a === b) {
    return 0;
  }
  if (a === undefined) {
    return -1;
  }
  if (b === undefined) {
    return 1;
  }
  const x = Array.isArray(a) ? a.join(',') : a;
  const y = Array.isArray(b) ? b.join(',') : b;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Sorts by `orderBy` (stable, so the default order breaks ties); unknown fields are a 400. */
export function applyOrder<T>(records: T[], orderBy: string | null, fields: FieldMap<T>): T[] {
  if (!orderBy?.trim()) {
    return records;
  }
  const keys = orderBy.split(',').map((part) => {
    const m = /^\s*([A-Za-z_][\w.]*)(?:\s+(asc|desc))?\s*$/i.exec(part);
    if (!m || !(m[1] in fields)) {
      throw new GrpcError(Grpc.INVALID_ARGUMENT, `invalid order_by: ${quote(part.trim())}`);
    }
    return { get: fields[m[1]], sign: m[2]?.toLowerCase() === 'desc' ? -1 : 1 };
  });
  return records
    .map((r, i) => ({ r, i }))
    .sort((p, q) => {
      for (const k of keys) {
        const c = compareValues(k.get(p.r), k.get(q.r));
        if (c !== 0) {
          return c * k.sign;
        }
      }
      return p.i - q.i;
    })
    .map((x) => x.r);
}

function fingerprint(req: ListRequest): string {
  const p = req.params;
  return hash32(`${req.scope}|${p.get('filter') ?? ''}|${p.get('orderBy') ?? ''}`).toString(36);
}

/** Reads `pageToken` (as-of time defaults to `now` on a first page). */
export function readPageToken(req: ListRequest, now: number): PageToken {
  const raw = req.params.get('pageToken');
  if (!raw) {
    return { offset: 0, asOf: now };
  }
  try {
    const t = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as { o: number; a: number; f: string };
    if (Number.isSafeInteger(t.o) && t.o >= 0 && Number.isSafeInteger(t.a) && t.f === fingerprint(req)) {
      return { offset: t.o, asOf: t.a };
    }
  } catch {
    // fall through
  }
  throw new GrpcError(Grpc.INVALID_ARGUMENT, 'invalid page token: it does not belong to this request');
}

/** The page size the server uses for this request. */
export function pageSizeOf(req: ListRequest): number {
  const raw = req.params.get('pageSize');
  if (raw === null || raw === '' || raw === '0') {
    return req.defaultPageSize;
  }
  if (!/^\d+$/.test(raw)) {
    throw new GrpcError(Grpc.INVALID_ARGUMENT, `invalid page_size ${quote(raw)}: must be a non-negative integer`);
  }
  return Math.min(Number(raw), MAX_PAGE_SIZE);
}

/** One page of `records` (already filtered and ordered) plus the token of the next, if any. */
export function paginate<T>(records: readonly T[], req: ListRequest, token: PageToken): { items: T[]; next?: string } {
  const size = pageSizeOf(req);
  const items = records.slice(token.offset, token.offset + size);
  const end = token.offset + items.length;
  if (end >= records.length) {
    return { items };
  }
  const next = Buffer.from(JSON.stringify({ o: end, a: token.asOf, f: fingerprint(req) })).toString('base64url');
  return { items, next };
}

/**
 * The [from, to) bounds a filter puts on a time field (undefined ends: unbounded), so generators
 * only build the segments a query can match. OR widens, AND narrows; other fields do not bound.
 */
export function timeBounds(node: FilterNode | undefined, field: string): { from?: number; to?: number } {
  if (!node) {
    return {};
  }
  if (node.kind === 'term') {
    if (node.field !== field || typeof node.value !== 'object') {
      return {};
    }
    const t = node.value.timestampMs;
    switch (node.op) {
      case '>=':
      case '>':
        return { from: t };
      case '<':
        return { to: t };
      case '<=':
      case '=':
        return node.op === '=' ? { from: t, to: t + 1 } : { to: t + 1 };
      default:
        return {};
    }
  }
  const parts = node.children.map((c) => timeBounds(c, field));
  if (node.kind === 'and') {
    const from = Math.max(...parts.map((p) => p.from ?? -Infinity));
    const to = Math.min(...parts.map((p) => p.to ?? Infinity));
    return { from: Number.isFinite(from) ? from : undefined, to: Number.isFinite(to) ? to : undefined };
  }
  const from = parts.every((p) => p.from !== undefined) ? Math.min(...parts.map((p) => p.from!)) : undefined;
  const to = parts.every((p) => p.to !== undefined) ? Math.max(...parts.map((p) => p.to!)) : undefined;
  return { from, to };
}

/**
 * The value a filter pins a field to (`field = 'v'` alone or inside a top-level AND), if any, so
 * generators can skip records the filter would drop anyway.
 */
export function pinnedValue(node: FilterNode | undefined, field: string): string | undefined {
  if (node?.kind === 'term') {
    return node.field === field && node.op === '=' && typeof node.value === 'string' ? node.value : undefined;
  }
  if (node?.kind === 'and') {
    return node.children.map((c) => pinnedValue(c, field)).find((v) => v !== undefined);
  }
  return undefined;
}
