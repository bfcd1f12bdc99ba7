import { EMPTY, Observable, defer, expand, map, reduce } from 'rxjs';

/**
 * Following nextPageToken, within bounds: a page bound (a server that pages forever), a repeated
 * token (a server bug that would loop), and an item bound (memory). Hitting any of them keeps what
 * was loaded and says why the list is incomplete, so every consumer — frames, variables, pickers,
 * Save & test — can show it.
 */

/** At most this many items of one list are kept (monitored deployments number in the hundreds). */
export const MAX_LIST_ITEMS = 10_000;

export enum Truncation {
  /** maxPages pages were read and the gateway still offered another. */
  PageBound = 'pageBound',
  /** The gateway sent a page token it had sent before. */
  RepeatedToken = 'repeatedToken',
  /** More than MAX_LIST_ITEMS items. */
  ItemBound = 'itemBound',
}

/** A list assembled from pages; `truncated` is set when a bound stopped it. */
export interface PagedList<T> {
  items: T[];
  truncated: boolean;
  truncation?: Truncation;
  /** The total the first page announces (deployments only); null when absent. */
  totalDeployments?: number | null;
  /** The parser's notes from every page (rows left out, values read leniently). */
  notices: string[];
}

/** Why a list of `what` (e.g. "deployments") is incomplete, in words for a notice or a picker. */
export function truncationText(what: string, truncation: Truncation | undefined): string {
  switch (truncation) {
    case Truncation.RepeatedToken:
      return `The gateway repeated a page token while listing ${what}; the list is incomplete.`;
    case Truncation.ItemBound:
      return `The gateway listed more than ${MAX_LIST_ITEMS.toLocaleString('en-US')} ${what}, the most one query loads; the list is incomplete.`;
    default:
      return `The gateway returned more pages of ${what} than the safety bound allows; the list is incomplete.`;
  }
}

/**
 * Appends `page` to `items` one by one up to MAX_LIST_ITEMS; false when items were left out. A
 * function of the module rather than inside the per-list closures: V8 keeps a function's optimised
 * code only while the function lives, and those closures are new on every query.
 */
function appendUpToBound<T>(items: T[], page: readonly T[]): boolean {
  for (const item of page) {
    if (items.length >= MAX_LIST_ITEMS) {
      return false;
    }
    items.push(item);
  }
  return true;
}

/**
 * Reads pages from `fetchPage(token)` (undefined for the first) until the token is empty or a
 * bound is reached. Items are appended one by one: spreading a 125,000-item page into `push`
 * overflows the call stack.
 */
export function followPages<B, P extends { nextPageToken: string }, T>(
  fetchPage: (pageToken: string | undefined) => Observable<B>,
  parse: (body: B) => P,
  itemsOf: (page: P) => T[],
  totalOf: (page: P) => number | null,
  maxPages: number,
  noticesOf: (page: P) => readonly string[]
): Observable<PagedList<T>> {
  return defer(() => {
    const seen = new Set<string>();
    let truncation: Truncation | undefined;
    let itemCount = 0;
    const page = (token: string | undefined) => fetchPage(token).pipe(map(parse));
    return page(undefined).pipe(
      expand((current) => {
        itemCount += itemsOf(current).length;
        const token = current.nextPageToken;
        if (!token || itemCount > MAX_LIST_ITEMS) {
          return EMPTY;
        }
        if (seen.has(token)) {
          truncation = Truncation.RepeatedToken;
          return EMPTY;
        }
        if (seen.size + 1 >= maxPages) {
          truncation = Truncation.PageBound;
          return EMPTY;
        }
        seen.add(token);
        return page(token);
      }),
      reduce(
        (acc, current) => {
          // Stryker disable next-line UpdateOperator: pages only tells the first page apart; counting down does too
          if (acc.pages++ === 0) {
            acc.total = totalOf(current);
          }
          acc.notices.push(...noticesOf(current));
          if (!appendUpToBound(acc.items, itemsOf(current))) {
            truncation = Truncation.ItemBound;
          }
          return acc;
        },
        { items: [] as T[], pages: 0, total: null as number | null, notices: [] as string[] }
      ),
      map(({ items, total, notices }) => ({
        items,
        truncated: truncation !== undefined,
        truncation,
        totalDeployments: total,
        notices,
      }))
    );
  });
}
