import type { RuleQuery } from './model';

/**
 * Queries for Grafana's Infinity data source (`yesoreyeram-infinity-datasource`), the backend data
 * source that evaluates our alert rules on the Grafana server (our own data source is frontend-only,
 * and Grafana refuses those in alert rules). Every query reads the MLOps gateway with Infinity's
 * backend parser (only `parser: backend` runs in alert rules) and returns a table with string
 * columns (the alert labels) and exactly one number column (the value), which is what Grafana needs
 * to make one alert instance per row.
 */

export const INFINITY_TYPE = 'yesoreyeram-infinity-datasource';
/** The Infinity release the rules are written and tested against (docker-compose installs it). */
export const INFINITY_VERSION = '3.11.1';

/** The provisioned Infinity data source the rules use: service account (client credentials). */
export const ALERTING_DS_UID = 'mlops-alerting';
/** The same gateway through the refresh-token variant (see README "Alerting → authentication"). */
export const ALERTING_REFRESH_DS_UID = 'mlops-alerting-refresh';

/** Gateway API root, relative to the Infinity data source's URL (the gateway base URL). */
export const API = '/model-monitoring/v1/deployment';

/** The rule's time range as the gateway's `startDateTime` / `endDateTime` (Infinity's time macros). */
export const RANGE_PARAMS = [
  { key: 'startDateTime', value: '${__timeFrom:date:iso}' },
  { key: 'endDateTime', value: '${__timeTo:date:iso}' },
];

export interface Column {
  /** Key in each row the root selector produces. */
  selector: string;
  type: 'string' | 'number';
}

export interface GatewayQuery {
  refId: string;
  /** Path under the data source URL, e.g. `${API}/<id>/metrics/<model>/health`. */
  path: string;
  /** Seconds of history before the evaluation time. */
  windowSeconds: number;
  params?: Array<{ key: string; value: string }>;
  /**
   * JSONata producing an array of flat rows. Infinity tries the selector as GJSON first and uses
   * JSONata only when GJSON finds nothing, so every selector here starts with `(` — not a GJSON
   * path — to make sure JSONata evaluates it.
   */
  rootSelector: string;
  columns: Column[];
  /** Follow `nextPageToken` (Infinity's cursor pagination) for lists. */
  paged?: boolean;
}

/** Pages of 1,000 deployments; Infinity stops after this many pages more than the first. */
export const MAX_LIST_PAGES = 5;

/** What any rule query of ours asks Infinity: one URL, flattened to rows by a JSONata selector. */
export interface InfinityUrlQuery {
  refId: string;
  path: string;
  windowSeconds: number;
  params: Array<{ key: string; value: string }>;
  rootSelector: string;
  columns: Column[];
  /** Cursor pagination: the pages Infinity follows after the first, and where it finds the next token. */
  cursor?: { maxExtraPages: number; extractionPath: string };
}

/**
 * The Infinity query model (backend parser, so the alert engine can run it) of a rule query, for both
 * API generations. Root selectors must start with `(`: see {@link GatewayQuery.rootSelector}.
 */
export function infinityUrlQuery(q: InfinityUrlQuery, datasourceUid: string): RuleQuery {
  if (!q.rootSelector.startsWith('(')) {
    throw new Error(`${q.refId}: root selectors must start with "(" so that Infinity evaluates them as JSONata`);
  }
  const paging = q.cursor
    ? {
        pagination_mode: 'cursor',
        pagination_max_pages: q.cursor.maxExtraPages,
        pagination_param_cursor_field_name: 'pageToken',
        pagination_param_cursor_field_type: 'query',
        pagination_param_cursor_extraction_path: q.cursor.extractionPath,
      }
    : {};
  return {
    refId: q.refId,
    relativeTimeRange: { from: q.windowSeconds, to: 0 },
    datasourceUid,
    model: {
      refId: q.refId,
      datasource: { type: INFINITY_TYPE, uid: datasourceUid },
      type: 'json',
      source: 'url',
      parser: 'backend',
      format: 'table',
      url: q.path,
      url_options: { method: 'GET', params: q.params },
      root_selector: q.rootSelector,
      columns: q.columns.map((c) => ({ selector: c.selector, text: c.selector, type: c.type })),
      ...paging,
    },
  };
}

/** A rule query against the gateway through the alerting Infinity data source. */
export function gatewayQuery(q: GatewayQuery, datasourceUid = ALERTING_DS_UID): RuleQuery {
  return infinityUrlQuery(
    {
      ...q,
      params: [...(q.params ?? []), ...RANGE_PARAMS],
      cursor: q.paged ? { maxExtraPages: MAX_LIST_PAGES, extractionPath: 'nextPageToken' } : undefined,
    },
    datasourceUid
  );
}
