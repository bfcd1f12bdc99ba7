import { SIGNAL_SPECS, Reducer, Signal, type NameMapping } from './mapping';

/**
 * The "metric aliases" panel option: names of other data sources' metrics mapped onto the
 * panel's signals, next to the built-in metric names of `mapping.ts`.
 */

interface AliasParseResult {
  aliases: Record<string, NameMapping>;
  errors: string[];
}

const ALIAS_SIGNALS: Record<string, Signal> = {
  predictions: Signal.Predictions,
  predictionrate: Signal.PredictionRate,
  latency: Signal.Latency,
  availability: Signal.Availability,
  uptime: Signal.Availability,
  failurerate: Signal.FailureRate,
  failures: Signal.FailedPredictions,
  failedpredictions: Signal.FailedPredictions,
  successes: Signal.SuccessfulPredictions,
  successfulpredictions: Signal.SuccessfulPredictions,
  accuracy: Signal.Accuracy,
  drift: Signal.DriftScore,
  importance: Signal.FeatureImportance,
  driftthreshold: Signal.DriftThreshold,
  importancethreshold: Signal.ImportanceThreshold,
};

const ALIAS_REDUCERS: Record<string, Reducer> = {
  last: Reducer.Last,
  mean: Reducer.Mean,
  avg: Reducer.Mean,
  sum: Reducer.Sum,
  increase: Reducer.Increase,
};

/**
 * Parses the "metric aliases" option: one `signal[(unit)][:reducer] = name, name…` per line,
 * e.g. `latency(s) = scoring_time_seconds` or `predictions:increase = requests_total`.
 * Empty lines and lines starting with `#` are skipped; bad lines are reported, not fatal.
 */
export function parseAliases(text: string): AliasParseResult {
  const aliases: Record<string, NameMapping> = {};
  const errors: string[] = [];
  text.split(/\r?\n/).forEach((rawLine, index) => {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#')) {
      return;
    }
    const match = /^([A-Za-z_]+)\s*(?:\(\s*([^)]*?)\s*\))?\s*(?::\s*([A-Za-z]+))?\s*=\s*(.+)$/.exec(line);
    const signal = match ? ALIAS_SIGNALS[match[1].toLowerCase().replace(/_/g, '')] : undefined;
    const reducerName = match?.[3]?.toLowerCase();
    const reducer = reducerName ? ALIAS_REDUCERS[reducerName] : undefined;
    if (!match || !signal || (reducerName && !reducer)) {
      errors.push(`Metric alias line ${index + 1} is not understood: "${line}"`);
      return;
    }
    const names = match[4]
      .split(',')
      .map((n) => n.trim().toLowerCase())
      .filter((n) => n !== '');
    for (const name of names) {
      aliases[name] = { signal, reducer: reducer ?? SIGNAL_SPECS[signal].reducer, unit: match[2] || undefined };
    }
  });
  return { aliases, errors };
}
