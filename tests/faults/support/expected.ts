import { FailureCause, hintFor } from '../../../src/datasource/gateway/messages';
import { MAX_RETRIES } from '../../../src/datasource/gateway/retry';
import type { Endpoint } from './faultGateway';
import type { FrameDigest } from './runCell';
import { callOf, type Row } from './rows';
import { contentOutcome } from './expectedContent';

/**
 * The exact outcome of every cell for the faulted target (Q0): the full error message, or the
 * frames (every value and notice) it must show. Written out by hand from the fault, never taken
 * from a run.
 */
export type Expected = { kind: 'error'; message: string } | { kind: 'data'; frames: FrameDigest[] };

/** How each endpoint's parser names the answer in its messages. */
const WHAT: Record<Endpoint, string> = {
  list: 'list of deployments',
  get: 'deployment',
  models: 'models of the deployment',
  health: 'health metrics',
  operational: 'operational summary',
  drift: 'drift metrics',
};

type ErrorOf = (endpoint: Endpoint) => [FailureCause, string];

/** Faults that fail the target, with the cause and the detail the user reads. */
const ERRORS: Record<string, ErrorOf> = {
  '401': () => [FailureCause.Authentication, 'authentication failed (HTTP 401 "Jwt is expired")'],
  '403': () => [FailureCause.Forbidden, 'forbidden (HTTP 403 "permission denied: monitoring.read")'],
  '404': () => [FailureCause.NotFound, 'not found (HTTP 404 "deployment target not found")'],
  '404 html': () => [FailureCause.WrongBasePath, 'no model-monitoring API at this URL (HTTP 404 HTML page)'],
  '429': () => [FailureCause.RateLimited, 'rate limited (HTTP 429 "quota exceeded")'],
  '429 Retry-After': () => [FailureCause.RateLimited, 'rate limited (HTTP 429 "quota exceeded")'],
  '500': () => [FailureCause.ServerError, 'gateway error (HTTP 500 "internal: database connection lost")'],
  '502': () => [FailureCause.Unreachable, 'gateway unreachable (HTTP 502 HTML page "502 Bad Gateway")'],
  '503': () => [FailureCause.Unavailable, 'unavailable (HTTP 503 "no healthy upstream")'],
  '504': () => [FailureCause.Timeout, 'gateway timed out (HTTP 504 HTML page "504 Gateway Time-out")'],
  'reset before body': () => [FailureCause.Unreachable, 'gateway unreachable (HTTP 0 TypeError: fetch failed)'],
  'reset during body': () => [FailureCause.Unreachable, 'gateway unreachable (HTTP 0 TypeError: terminated)'],
  hang: () => [FailureCause.Timeout, 'no answer within 1 s'],
  'stall during body': () => [FailureCause.Timeout, 'no answer within 1 s'],
  'malformed JSON': (e) => [FailureCause.Malformed, `malformed response (${WHAT[e]}: the response is not valid JSON)`],
  'truncated JSON': (e) => [FailureCause.Malformed, `malformed response (${WHAT[e]}: the response is not valid JSON)`],
  'HTML 200': (e) => [
    FailureCause.WrongBasePath,
    `malformed response (${WHAT[e]}: the gateway answered with an HTML page instead of JSON (check the gateway URL and base path))`,
  ],
  'empty body': (e) => [FailureCause.Malformed, `malformed response (${WHAT[e]}: the gateway returned an empty body)`],
  null: (e) => [FailureCause.Malformed, `malformed response (${WHAT[e]}: expected a JSON object, got null)`],
  '50 MB body': () => [FailureCause.TooLarge, 'the answer is larger than 32 MB, the most one query may load'],
  'JSON array': (e) => [
    FailureCause.Malformed,
    `malformed response (${WHAT[e]}: expected a JSON object, got an array)`,
  ],
  'grpc on 200 (5)': () => [
    FailureCause.NotFound,
    'not found (HTTP 200 with gateway error code 5 "deployment target not found")',
  ],
  'grpc on 200 ("PERMISSION_DENIED")': () => [
    FailureCause.Forbidden,
    'forbidden (HTTP 200 with gateway error code 7 "no access")',
  ],
};

/** The frames with a notice added to the first frame (what a truncated list shows). */
function withNotice(frames: FrameDigest[], notice: string): FrameDigest[] {
  return frames.map((f, i) => (i === 0 ? { ...f, notices: [...f.notices, notice] } : f));
}

function listName(row: Row): string {
  return row.endpoint === 'models' ? 'models of target-name' : 'deployments';
}

/** The expected outcome of `fault` on `row`, given the row's frames without a fault. */
export function expectedOutcome(row: Row, fault: string, baseline: FrameDigest[]): Expected {
  const error = ERRORS[fault];
  if (error) {
    const [cause, detail] = error(row.endpoint);
    const call = callOf(row.endpoint);
    return { kind: 'error', message: `${call.endpoint}: ${detail}. ${hintFor(cause, call)}` };
  }
  switch (fault) {
    case '429 once':
    case '503 once':
      return { kind: 'data', frames: baseline };
    case 'endless pages':
      return {
        kind: 'data',
        frames: withNotice(
          baseline,
          `The gateway returned more pages of ${listName(row)} than the safety bound allows; the list is incomplete.`
        ),
      };
    case 'looping page tokens':
      return {
        kind: 'data',
        frames: withNotice(
          baseline,
          `The gateway repeated a page token while listing ${listName(row)}; the list is incomplete.`
        ),
      };
    default:
      return contentOutcome(row, fault, baseline);
  }
}

/** How many requests the fault gateway must have seen for the faulted endpoint. */
export function expectedFaultedRequests(fault: string): number {
  switch (fault) {
    case '429':
    case '429 Retry-After':
    case '503':
      return 1 + MAX_RETRIES;
    case '429 once':
    case '503 once':
      return 2;
    case 'endless pages':
      return 100;
    case 'looping page tokens':
      return 3;
    default:
      return 1;
  }
}
