/**
 * Unit normalisation. Values are compared in one canonical unit per dimension (a champion from the
 * gateway in milliseconds against a challenger from Prometheus in seconds), and shown in the unit
 * of the field they came from when that unit is of the same dimension.
 */

export enum Dimension {
  Count = 'count',
  Time = 'time',
  /** A share shown as percent (0–100) canonically: availability. */
  Percent = 'percent',
  /** A share as a ratio (0–1) canonically: failure rate, accuracy. */
  Ratio = 'ratio',
}

/** The canonical Grafana unit of each dimension. */
const CANONICAL_UNIT: Record<Dimension, string> = {
  [Dimension.Count]: 'locale',
  [Dimension.Time]: 'ms',
  [Dimension.Percent]: 'percent',
  [Dimension.Ratio]: 'percentunit',
};

/**
 * How many canonical units one unit is worth, per dimension. Maps, not objects: a unit named like an
 * object's own property ("constructor") must not find a factor; a missing unit finds none either.
 */
const FACTORS: Record<Dimension, ReadonlyMap<string | undefined, number>> = {
  [Dimension.Count]: new Map(),
  [Dimension.Time]: new Map([
    ['ns', 1e-6],
    ['µs', 1e-3],
    ['us', 1e-3],
    ['ms', 1],
    ['s', 1000],
    ['m', 60_000],
    ['h', 3_600_000],
    ['d', 86_400_000],
  ]),
  [Dimension.Percent]: new Map([
    ['percent', 1],
    ['percentunit', 100],
  ]),
  [Dimension.Ratio]: new Map([
    ['percent', 0.01],
    ['percentunit', 1],
  ]),
};

/** The factor that turns a value in `unit` into the canonical unit, or undefined if `unit` is not of this dimension. */
export function unitFactor(dimension: Dimension, unit: string | undefined): number | undefined {
  return FACTORS[dimension].get(unit);
}

interface UnitChoice {
  /** Unit the source values are in. */
  sourceFactor: number;
  /** Unit to display in and its factor. */
  displayUnit: string | undefined;
  displayFactor: number;
}

/**
 * Units of a value: the field's configured unit wins when it belongs to the dimension (so a user
 * can say "these are seconds" with Grafana's unit option), else the mapping's default source unit;
 * values are displayed in the field's unit when it belongs to the dimension, else canonically.
 * Count-like values keep whatever unit the field has (e.g. "none", a suffix), except "short".
 */
export function chooseUnits(
  dimension: Dimension,
  fieldUnit: string | undefined,
  defaultSourceUnit: string | undefined
): UnitChoice {
  if (dimension === Dimension.Count) {
    // "short" scales 9,700 to "10 K": useless for telling two models apart, so counts show in
    // full unless the field asks for another unit.
    return {
      sourceFactor: 1,
      displayUnit: !fieldUnit || fieldUnit === 'short' ? 'locale' : fieldUnit,
      displayFactor: 1,
    };
  }
  const fieldFactor = unitFactor(dimension, fieldUnit);
  if (fieldFactor !== undefined) {
    return { sourceFactor: fieldFactor, displayUnit: fieldUnit, displayFactor: fieldFactor };
  }
  const defaultFactor = unitFactor(dimension, defaultSourceUnit) ?? 1;
  return { sourceFactor: defaultFactor, displayUnit: CANONICAL_UNIT[dimension], displayFactor: 1 };
}
