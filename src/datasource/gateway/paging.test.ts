import { lastValueFrom, of, throwError } from 'rxjs';

import { MAX_LIST_ITEMS, Truncation, followPages, truncationText, type PagedList } from './paging';

/**
 * followPages over in-memory pages: where it stops, what it keeps and which total it reports.
 * Each page carries a different total, so a total taken from a later page shows.
 */

interface Page {
  items: number[];
  total: number | null;
  nextPageToken: string;
  notes?: string[];
}

/** Pages by token ('' for the first); records the tokens asked for. */
function book(pages: Record<string, Page>) {
  const asked: Array<string | undefined> = [];
  const fetchPage = (token: string | undefined) => {
    asked.push(token);
    const page = pages[token ?? ''];
    return page ? of(page) : throwError(() => new Error(`no page ${token}`));
  };
  return { asked, fetchPage };
}

function read(pages: Record<string, Page>, maxPages = 100): Promise<PagedList<number> & { asked: unknown[] }> {
  const { asked, fetchPage } = book(pages);
  return lastValueFrom(
    followPages(
      fetchPage,
      (body) => body as Page,
      (page) => page.items,
      (page) => page.total,
      maxPages,
      (page) => page.notes ?? []
    )
  ).then((list) => ({ ...list, asked }));
}

const range = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);

describe('followPages', () => {
  it('reads every page in order, keeps the first page total and every page note', async () => {
    const list = await read({
      '': { items: [1, 2], total: 3, nextPageToken: 'b', notes: ['first'] },
      b: { items: [3], total: 99, nextPageToken: 'c', notes: ['second'] },
      c: { items: [4], total: 7, nextPageToken: '' },
    });
    expect(list.items).toEqual([1, 2, 3, 4]);
    expect(list.totalDeployments).toBe(3);
    expect(list.notices).toEqual(['first', 'second']);
    expect(list.truncated).toBe(false);
    expect(list.truncation).toBeUndefined();
    expect(list.asked).toEqual([undefined, 'b', 'c']);
  });

  it('reports no total when the first page has none, even if a later page has one', async () => {
    const list = await read({
      '': { items: [1], total: null, nextPageToken: 'b' },
      b: { items: [2], total: 42, nextPageToken: '' },
    });
    expect(list.totalDeployments).toBeNull();
  });

  it('reads exactly maxPages pages, then says the list is incomplete', async () => {
    const pages = { '': { items: [0], total: 1, nextPageToken: 'p1' } } as Record<string, Page>;
    for (let i = 1; i <= 5; i++) {
      pages[`p${i}`] = { items: [i], total: 1, nextPageToken: `p${i + 1}` };
    }
    const list = await read(pages, 3);
    expect(list.asked).toEqual([undefined, 'p1', 'p2']);
    expect(list.items).toEqual([0, 1, 2]);
    expect(list.truncated).toBe(true);
    expect(list.truncation).toBe(Truncation.PageBound);
  });

  it('a list that ends on the last allowed page is complete', async () => {
    const list = await read(
      {
        '': { items: [0], total: 1, nextPageToken: 'p1' },
        p1: { items: [1], total: 1, nextPageToken: '' },
      },
      2
    );
    expect(list.items).toEqual([0, 1]);
    expect(list.truncated).toBe(false);
  });

  it('maxPages 1 reads only the first page', async () => {
    const list = await read({ '': { items: [0], total: 1, nextPageToken: 'p1' } }, 1);
    expect(list.asked).toEqual([undefined]);
    expect(list.truncation).toBe(Truncation.PageBound);
  });

  it('stops at a repeated page token', async () => {
    const list = await read({
      '': { items: [0], total: 1, nextPageToken: 'a' },
      a: { items: [1], total: 1, nextPageToken: 'b' },
      b: { items: [2], total: 1, nextPageToken: 'a' },
    });
    expect(list.asked).toEqual([undefined, 'a', 'b']);
    expect(list.items).toEqual([0, 1, 2]);
    expect(list.truncation).toBe(Truncation.RepeatedToken);
    expect(list.truncated).toBe(true);
  });

  it('keeps exactly MAX_LIST_ITEMS items and stops asking once more were listed', async () => {
    const list = await read({
      '': { items: range(0, MAX_LIST_ITEMS - 1), total: 1, nextPageToken: 'b' },
      b: { items: [MAX_LIST_ITEMS - 1, MAX_LIST_ITEMS], total: 1, nextPageToken: 'c' },
      c: { items: [-1], total: 1, nextPageToken: '' },
    });
    expect(list.asked).toEqual([undefined, 'b']);
    expect(list.items).toHaveLength(MAX_LIST_ITEMS);
    expect(list.items.at(-1)).toBe(MAX_LIST_ITEMS - 1);
    expect(list.truncation).toBe(Truncation.ItemBound);
  });

  it('exactly MAX_LIST_ITEMS items are a complete list and the next page is still read', async () => {
    const list = await read({
      '': { items: range(0, MAX_LIST_ITEMS), total: 1, nextPageToken: 'b' },
      b: { items: [], total: 1, nextPageToken: '' },
    });
    expect(list.asked).toEqual([undefined, 'b']);
    expect(list.items).toHaveLength(MAX_LIST_ITEMS);
    expect(list.truncated).toBe(false);
  });

  it('a failing page fails the list', async () => {
    await expect(read({ '': { items: [0], total: 1, nextPageToken: 'gone' } })).rejects.toThrow('no page gone');
  });
});

describe('truncationText', () => {
  it.each([
    [
      Truncation.PageBound,
      'The gateway returned more pages of models than the safety bound allows; the list is incomplete.',
    ],
    [undefined, 'The gateway returned more pages of models than the safety bound allows; the list is incomplete.'],
    [Truncation.RepeatedToken, 'The gateway repeated a page token while listing models; the list is incomplete.'],
    [
      Truncation.ItemBound,
      'The gateway listed more than 10,000 models, the most one query loads; the list is incomplete.',
    ],
  ])('%s', (truncation, text) => {
    expect(truncationText('models', truncation)).toBe(text);
  });
});
