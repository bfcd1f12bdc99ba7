import { OperationalMetric } from '../../shared/operationalMetrics';
import {
  rawOperationalGraphSchemas,
  rawOperationalSummarySchema,
  rawOperationalTotalsSchema,
  type RawOperationalSummary,
} from '../gateway/rawTypes';
import { newTimeAxis, type SharedTimeAxis } from './dateTime';
import { decode, decodeWhileReading } from './decode';
import type { OperationalGraph, OperationalSummary, OperationalTotals, TimeGraph } from './domain';
import { parseTimeGraph } from './graphs';
import { ParseNotes } from './notes';
import { nonNegative, parseDouble } from './scalars';

/**
 * The operational answer (`GET …/metrics/{model}/operational`) in parts: the totals, and each of the
 * six graphs on its own, so a query showing one graph checks and converts only that graph.
 */

const WHAT = 'operational summary';

function readTotals(raw: RawOperationalSummary, notes: ParseNotes): Omit<OperationalTotals, 'notices'> {
  const nonNegativeDouble = (value: number | string | null | undefined, path: string) =>
    nonNegative(parseDouble(value, path, notes), path, notes);
  return {
    uptime: nonNegativeDouble(raw.uptime, 'uptime'),
    avgScoringLatencyMs: nonNegativeDouble(raw.avgScoringLatency, 'avgScoringLatency'),
  };
}

/**
 * The graphs of one answer are sampled at the same times, so they read them on one axis: each time
 * is converted once and then only compared (a graph on other times converts its own). The graphs
 * are still parsed one by one, as panels ask for them; the axis lives as long as the answer.
 */
const axes = new WeakMap<object, SharedTimeAxis>();

// Stryker disable BlockStatement,BooleanLiteral,ConditionalExpression: a mutant that shares the axis less converts the times again, to the same values (speed only); a time is reused only for an equal text (dateTime.reuse.test.ts)
function axisOf(raw: object): SharedTimeAxis {
  let axis = axes.get(raw);
  if (!axis) {
    axis = newTimeAxis();
    axes.set(raw, axis);
  }
  return axis;
}
// Stryker restore BlockStatement,BooleanLiteral,ConditionalExpression

/** An answer whose graphs' points may be left to their reader (rawTypes' pointFits). */
type RawGraphs = { [M in OperationalMetric]?: Parameters<typeof parseTimeGraph>[0] };

function readGraph(raw: RawGraphs, metric: OperationalMetric, notes: ParseNotes): TimeGraph | null {
  // Every operational signal (latency, usage, availability, counts) is ≥ 0.
  return parseTimeGraph(raw[metric], metric, notes, true, axisOf(raw));
}

export function parseOperationalTotals(body: unknown): OperationalTotals {
  const raw = decode(rawOperationalTotalsSchema, body, WHAT);
  const notes = new ParseNotes();
  return { ...readTotals(raw, notes), notices: notes.list() };
}

function graphParser(metric: OperationalMetric): (body: unknown) => OperationalGraph {
  const { full, read } = rawOperationalGraphSchemas(metric);
  // Made once per metric, like the parser: not a closure per answer.
  const readPart = (raw: RawGraphs): OperationalGraph => {
    const notes = new ParseNotes();
    return { graph: readGraph(raw, metric, notes), notices: notes.list() };
  };
  return (body) => decodeWhileReading(full, read, body, WHAT, readPart);
}

/**
 * The parser of each graph. One function per metric for the life of the module: a decoded answer
 * remembers each parser's result, so a graph is read once however many panels show it.
 */
export const OPERATIONAL_GRAPH_PARSERS = Object.fromEntries(
  Object.values(OperationalMetric).map((metric) => [metric, graphParser(metric)])
) as Readonly<Record<OperationalMetric, (body: unknown) => OperationalGraph>>;

/** The whole answer (tools and tests): totals and every graph, notices grouped over the answer. */
export function parseOperationalSummary(body: unknown): OperationalSummary {
  const raw = decode(rawOperationalSummarySchema, body, WHAT);
  const notes = new ParseNotes();
  const graphs = {} as Record<OperationalMetric, TimeGraph | null>;
  for (const metric of Object.values(OperationalMetric)) {
    graphs[metric] = readGraph(raw, metric, notes);
  }
  return { ...readTotals(raw, notes), graphs, notices: notes.list() };
}
