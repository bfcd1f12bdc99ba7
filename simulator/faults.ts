import { z } from 'zod';
import { errorBody, grpcCodeFor } from './errors';

/**
 * Fault injection: rules that make matching requests slow or broken in the ways a gateway, proxy or
 * network can break, so the data source's error handling can be tested against real HTTP.
 */

/** One HTTP response as the server writes it. */
export interface SimResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export const FAULT_BODIES = ['grpc', 'malformed', 'truncated', 'html', 'empty'] as const;
export type FaultBody = (typeof FAULT_BODIES)[number];

/** What `POST /__simulator/faults` accepts (and `faults.add` takes). */
export const faultRuleSchema = z
  .object({
    /** Substring of, or regular expression source matched against, the request target (path + query). */
    path: z.string().max(1000).optional(),
    status: z.number().int().min(100).max(599).optional(),
    body: z.enum(FAULT_BODIES).optional(),
    latencyMs: z.number().int().min(0).max(120_000).optional(),
    /** How many matching requests the rule affects before it expires; unlimited when absent. */
    times: z.number().int().min(1).optional(),
  })
  .strict();
export type FaultRule = z.infer<typeof faultRuleSchema>;

export interface ActiveFault extends FaultRule {
  id: string;
  /** Matches still to go (undefined = unlimited). */
  remaining?: number;
  hits: number;
}

/** Ordered fault rules; the first rule that matches a request applies and uses up one of its times. */
export class FaultTable {
  private rules: Array<ActiveFault & { regex?: RegExp }> = [];
  private nextId = 1;

  add(rule: FaultRule): string {
    const parsed = faultRuleSchema.parse(rule);
    const id = `fault-${this.nextId++}`;
    let regex: RegExp | undefined;
    if (parsed.path !== undefined) {
      try {
        regex = new RegExp(parsed.path);
      } catch {
        regex = undefined; // not a valid pattern: substring matching only
      }
    }
    this.rules.push({ ...parsed, id, remaining: parsed.times, hits: 0, regex });
    return id;
  }

  clear(): number {
    const n = this.rules.length;
    this.rules = [];
    return n;
  }

  list(): ActiveFault[] {
    return this.rules.map(({ regex: _regex, ...rule }) => ({ ...rule }));
  }

  /** Finds and consumes the rule for a request target such as `/model-monitoring/v1/deployment?pageSize=3`. */
  take(target: string): ActiveFault | undefined {
    const rule = this.rules.find(
      (r) => r.path === undefined || target.includes(r.path) || (r.regex !== undefined && r.regex.test(target))
    );
    if (!rule) {
      return undefined;
    }
    rule.hits++;
    if (rule.remaining !== undefined) {
      rule.remaining--;
      if (rule.remaining <= 0) {
        this.rules = this.rules.filter((r) => r !== rule);
      }
    }
    const { regex: _regex, ...copy } = rule;
    return copy;
  }
}

const JSON_TYPE = 'application/json';

/**
 * Produces the faulty response. Latency is applied by the caller. A rule with neither status nor
 * body only delays; `truncated` cuts the real response in half (so it goes through auth); the other
 * bodies replace the response before auth, like a proxy in front of the gateway would.
 * Default statuses: grpc 500, html 502, malformed/truncated/empty 200 (a "successful" broken body).
 */
export async function applyFault(fault: ActiveFault, real: () => Promise<SimResponse>): Promise<SimResponse> {
  if (fault.body === undefined && fault.status === undefined) {
    return real();
  }
  switch (fault.body ?? 'grpc') {
    case 'truncated': {
      const r = await real();
      return { ...r, status: fault.status ?? r.status, body: r.body.slice(0, Math.floor(r.body.length / 2)) };
    }
    case 'malformed':
      return {
        status: fault.status ?? 200,
        headers: { 'content-type': JSON_TYPE },
        body: '{"deployment": [{"id": "x",}',
      };
    case 'html':
      return {
        status: fault.status ?? 502,
        headers: { 'content-type': 'text/html; charset=utf-8' },
        body: '<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>',
      };
    case 'empty':
      return { status: fault.status ?? 200, headers: { 'content-type': JSON_TYPE }, body: '' };
    case 'grpc': {
      const status = fault.status ?? 500;
      return {
        status,
        headers: { 'content-type': JSON_TYPE },
        body: JSON.stringify(errorBody(grpcCodeFor(status), `simulated fault ${fault.id} (HTTP ${status})`)),
      };
    }
  }
}
