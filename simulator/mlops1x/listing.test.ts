import { GrpcError } from '../errors';
import { parseFilter } from './filter';
import {
  applyFilter,
  applyOrder,
  MAX_PAGE_SIZE,
  pageSizeOf,
  paginate,
  parseFilterParam,
  pinnedValue,
  readPageToken,
  timeBounds,
  type FieldMap,
  type ListRequest,
} from './listing';

interface Rec {
  name: string;
  n: number;
  tags: string[];
}
const FIELDS: FieldMap<Rec> = { name: (r) => r.name, n: (r) => r.n, tags: (r) => r.tags };
const RECORDS: Rec[] = Array.from({ length: 7 }, (_, i) => ({
  name: `r${i}`,
  n: i % 3,
  tags: i % 2 ? ['odd'] : ['even'],
}));
const req = (params: Record<string, string>, scope = 's'): ListRequest => ({
  scope,
  params: new URLSearchParams(params),
  defaultPageSize: 3,
});

function allPages(params: Record<string, string>): { names: string[]; pages: number } {
  const names: string[] = [];
  let token: string | undefined;
  let pages = 0;
  do {
    const r = req({ ...params, ...(token ? { pageToken: token } : {}) });
    const page = paginate(RECORDS, r, readPageToken(r, 1000));
    names.push(...page.items.map((x) => x.name));
    token = page.next;
    pages++;
  } while (token);
  return { names, pages };
}

describe('pagination', () => {
  it('walks every record exactly once with the default page size, the last page has no token', () => {
    expect(allPages({})).toEqual({ names: RECORDS.map((r) => r.name), pages: 3 });
    expect(allPages({ pageSize: '7' }).pages).toBe(1);
  });

  it('caps the page size at the server maximum and rejects garbage', () => {
    expect(pageSizeOf(req({ pageSize: '100000' }))).toBe(MAX_PAGE_SIZE);
    expect(pageSizeOf(req({ pageSize: '0' }))).toBe(3);
    expect(() => pageSizeOf(req({ pageSize: '-1' }))).toThrow(GrpcError);
  });

  it('binds a page token to its request and keeps the first page as-of time', () => {
    const first = paginate(RECORDS, req({ filter: "name = 'x'" }), readPageToken(req({}), 1000));
    expect(first.next).toBeDefined();
    const next = req({ filter: "name = 'x'", pageToken: first.next! });
    expect(readPageToken(next, 5000)).toEqual({ offset: 3, asOf: 1000 });
    expect(() => readPageToken(req({ filter: "name = 'y'", pageToken: first.next! }), 0)).toThrow(/page token/);
    expect(() => readPageToken(req({ pageToken: 'garbage' }), 0)).toThrow(/page token/);
  });
});

describe('filter and order', () => {
  it('filters with the client language and refuses unknown fields', () => {
    const node = parseFilterParam("n = 1 AND tags:'odd'", FIELDS);
    expect(applyFilter(RECORDS, node, FIELDS).map((r) => r.name)).toEqual(['r1']);
    expect(() => parseFilterParam("colour = 'red'", FIELDS)).toThrow(/unknown field "colour"/);
    expect(() => parseFilterParam('name ~ 1', FIELDS)).toThrow(/invalid filter/);
  });

  it('orders by several keys, desc included, stably', () => {
    const sorted = applyOrder([...RECORDS], 'n desc, name', FIELDS).map((r) => r.name);
    expect(sorted).toEqual(['r2', 'r5', 'r1', 'r4', 'r0', 'r3', 'r6']);
    expect(() => applyOrder([...RECORDS], 'weight', FIELDS)).toThrow(/order_by/);
  });
});

describe('timeBounds and pinnedValue', () => {
  const t = (iso: string) => `timestamp('${iso}')`;
  it('narrows with AND, widens with OR, ignores other fields', () => {
    const and = parseFilter(
      `column_name = 'a' AND (timestamp >= ${t('2026-01-01T00:00:00Z')} AND timestamp < ${t('2026-01-02T00:00:00Z')})`
    );
    expect(timeBounds(and, 'timestamp')).toEqual({ from: Date.UTC(2026, 0, 1), to: Date.UTC(2026, 0, 2) });
    const or = parseFilter(`timestamp >= ${t('2026-01-03T00:00:00Z')} OR column_name = 'a'`);
    expect(timeBounds(or, 'timestamp')).toEqual({ from: undefined, to: undefined });
    expect(pinnedValue(and, 'column_name')).toBe('a');
    expect(pinnedValue(or, 'column_name')).toBeUndefined();
  });
});
