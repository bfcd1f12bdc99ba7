/**
 * What the 1.x rules should compute, from the same API answers but through the project's own drift
 * library (src/shared/drift — the data source's math) instead of Infinity + SQL: per experiment and
 * column, the window's drift (TVD / PSI, window segments merged first), missing-value rate and its
 * increase over the baseline, and rows per experiment. The alerting tests compare the rules' values
 * and firing sets with these.
 */
import {
  computeColumnDrift,
  mergeColumnAggregates,
  type ColumnAggregate,
  type DriftMethod,
  type LogicalType,
} from '../../../src/shared/drift';

/** One aggregate as the 1.x API serves it (the fields the rules read). */
export interface ApiAggregate {
  column: string;
  logicalType?: string;
  experimentIds?: string[];
  numericalAggregate?: { binEdges?: number[]; binCount?: Array<number | string> };
  categoricalAggregate?: { valueCounts?: Record<string, number | string> };
  textAggregate?: { binEdges?: number[]; binCount?: Array<number | string> };
  missingValues?: { rowCount?: number | string };
}

const num = (v: number | string | undefined) => (v === undefined ? 0 : Number(v));
const histogram = (h: { binEdges?: number[]; binCount?: Array<number | string> }) => ({
  edges: h.binEdges ?? [],
  counts: (h.binCount ?? []).map(num),
});

/** The drift library's view of one API aggregate. */
export function columnAggregate(a: ApiAggregate): ColumnAggregate {
  return {
    numerical: a.numericalAggregate ? { histogram: histogram(a.numericalAggregate), summary: null } : undefined,
    categorical: a.categoricalAggregate
      ? {
          valueCounts: Object.fromEntries(
            Object.entries(a.categoricalAggregate.valueCounts ?? {}).map(([k, v]) => [k, num(v)])
          ),
        }
      : undefined,
    text: a.textAggregate
      ? { lengthHistogram: histogram(a.textAggregate), lengthSummary: null, topWords: {} }
      : undefined,
    missingRows: num(a.missingValues?.rowCount),
  };
}

const presentRows = (c: ColumnAggregate) =>
  [
    ...(c.numerical?.histogram.counts ?? []),
    ...(c.text?.lengthHistogram.counts ?? []),
    ...Object.values(c.categorical?.valueCounts ?? {}),
  ].reduce((a, b) => a + b, 0);

export interface ColumnExpectation {
  experiment: string;
  column: string;
  logicalType: string;
  /** TVD for numerical / text columns, PSI for categorical ones; null when not computable. */
  drift: { method: DriftMethod; value: number | null; status: string };
  missingRate: number | null;
  missingIncrease: number | null;
}

/** The window's segments of one experiment and column, merged on the baseline's edges. */
function windowOf(window: ApiAggregate[], baseline: ApiAggregate | undefined): ColumnAggregate {
  return mergeColumnAggregates(window.map(columnAggregate), {
    numerical: baseline?.numericalAggregate?.binEdges,
    textLength: baseline?.textAggregate?.binEdges,
  });
}

const servesExperiment = (a: ApiAggregate, experiment: string) =>
  !a.experimentIds?.length || a.experimentIds.includes(experiment);

/** Per experiment and column of the window: drift with the type's default method, missing rates. */
export function expectedColumns(baseline: ApiAggregate[], window: ApiAggregate[]): ColumnExpectation[] {
  const groups = new Map<string, ApiAggregate[]>();
  for (const a of window) {
    const key = JSON.stringify([a.experimentIds?.[0] ?? '', a.column]);
    groups.set(key, [...(groups.get(key) ?? []), a]);
  }
  return [...groups].map(([key, parts]) => {
    const [experiment, column] = JSON.parse(key) as [string, string];
    const base = baseline.find((b) => b.column === column && servesExperiment(b, experiment));
    const type = (base?.logicalType ?? parts[0].logicalType) as LogicalType;
    const method: DriftMethod = type === 'CATEGORICAL' ? 'psi' : 'tvd';
    const w = windowOf(parts, base);
    const b = base ? columnAggregate(base) : {};
    const result = base ? computeColumnDrift(type, b, w, { method }) : null;
    const rate = (c: ColumnAggregate) => {
      const total = presentRows(c) + (c.missingRows ?? 0);
      return total > 0 ? (c.missingRows ?? 0) / total : null;
    };
    const wRate = rate(w);
    const bRate = base ? rate(b) : null;
    return {
      experiment,
      column,
      logicalType: type,
      drift: { method, value: result?.value ?? null, status: result?.status ?? 'unknown' },
      missingRate: bRate === null ? null : wRate,
      missingIncrease: wRate === null || bRate === null ? null : wRate - bRate,
    };
  });
}

/** Rows per experiment in the window: per column present + missing summed, the largest over columns. */
export function expectedVolume(window: ApiAggregate[], experiments: string[]): Record<string, number> {
  const perColumn = new Map<string, number>();
  for (const a of window) {
    const c = columnAggregate(a);
    const key = JSON.stringify([a.experimentIds?.[0] ?? '', a.column]);
    perColumn.set(key, (perColumn.get(key) ?? 0) + presentRows(c) + (c.missingRows ?? 0));
  }
  return Object.fromEntries(
    experiments.map((e) => [
      e,
      Math.max(0, ...[...perColumn].filter(([k]) => JSON.parse(k)[0] === e).map(([, v]) => v)),
    ])
  );
}
