import { z } from 'zod';
import { parseRfc3339 } from './time';

/**
 * Incidents: windows on the simulated timeline in which a deployment (or one of its models)
 * behaves differently — traffic stops or drops, scoring slows down, requests fail, inputs drift.
 * Unlike faults (which break HTTP answers), incidents change the numbers the gateway reports, and
 * only for time ranges that overlap the window, so an alert rule evaluated before, during and after
 * an incident sees normal → firing → normal, exactly as it would against a real gateway.
 */

const rfc3339 = z
  .string()
  .refine((s) => parseRfc3339(s) !== undefined, 'an RFC 3339 time with an offset, e.g. 2026-01-01T00:00:00Z');

/** What `POST /__simulator/incidents` accepts. */
export const incidentSchema = z
  .object({
    deploymentId: z.string().min(1),
    /** `<registeredModelName>:<registeredModelVersion>`; absent = every model of the deployment. */
    model: z.string().min(1).optional(),
    start: rfc3339,
    end: rfc3339,
    /** Multiplies the prediction rate (0 = predictions stop). */
    trafficFactor: z.number().min(0).max(1000).optional(),
    /** Multiplies scoring latency. */
    latencyFactor: z.number().min(0).max(1000).optional(),
    /** Replaces the model's failed-prediction rate. */
    failureRate: z.number().min(0).max(1).optional(),
    /** Multiplies every feature's drift. */
    driftFactor: z.number().min(0).max(1000).optional(),
  })
  .strict()
  .refine((i) => parseRfc3339(i.end)! > parseRfc3339(i.start)!, 'end must be after start');
export type IncidentInput = z.infer<typeof incidentSchema>;

/** An incident with its window in epoch milliseconds. */
export interface Incident extends Omit<IncidentInput, 'start' | 'end'> {
  start: number;
  end: number;
}

/** How an incident changes a model's behaviour at one instant (neutral values outside incidents). */
export interface Effect {
  traffic: number;
  latency: number;
  /** undefined = the model's own failure rate. */
  failureRate?: number;
  drift: number;
}

export const NO_EFFECT: Readonly<Effect> = Object.freeze({ traffic: 1, latency: 1, drift: 1 });

const applies = (i: Incident, deploymentId: string, modelKey: string) =>
  i.deploymentId === deploymentId && (i.model === undefined || i.model === modelKey);

export function toIncident(input: IncidentInput): Incident {
  return { ...input, start: parseRfc3339(input.start)!, end: parseRfc3339(input.end)! };
}

/**
 * The incidents of one model, as a function of time. Overlapping incidents multiply their factors;
 * the last one given wins for the failure rate. Windows are half-open: [start, end).
 */
export function effectsFor(
  incidents: readonly Incident[] | undefined,
  deploymentId: string,
  modelKey: string
): (t: number) => Readonly<Effect> {
  const mine = (incidents ?? []).filter((i) => applies(i, deploymentId, modelKey));
  if (mine.length === 0) {
    return () => NO_EFFECT;
  }
  return (t) => {
    let effect: Effect | undefined;
    for (const i of mine) {
      if (t < i.start || t >= i.end) {
        continue;
      }
      effect ??= { ...NO_EFFECT };
      effect.traffic *= i.trafficFactor ?? 1;
      effect.latency *= i.latencyFactor ?? 1;
      effect.drift *= i.driftFactor ?? 1;
      effect.failureRate = i.failureRate ?? effect.failureRate;
    }
    return effect ?? NO_EFFECT;
  };
}

/** Start and end times of one model's incidents, sorted: where its behaviour can change. */
export function incidentBoundaries(
  incidents: readonly Incident[] | undefined,
  deploymentId: string,
  modelKey: string
): number[] {
  return (incidents ?? [])
    .filter((i) => applies(i, deploymentId, modelKey))
    .flatMap((i) => [i.start, i.end])
    .sort((a, b) => a - b);
}
