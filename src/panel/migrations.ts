import type { PanelMigrationHandler } from '@grafana/data';

import {
  ALL_METRICS,
  ChampionFallback,
  DEFAULT_OPTIONS,
  DeltaMode,
  Direction,
  LayoutMode,
  MAX_QUADRANT_LABELS,
  MAX_TOP_N,
  MetricId,
  OPTIONS_SCHEMA_VERSION,
  type MetricDirections,
  type PanelOptions,
} from './types';

/**
 * Options migration. Grafana calls the handler when a saved panel's plugin version differs from
 * the running one; the panel also runs {@link sanitizeOptions} on every render, so hand-edited or
 * provisioned JSON with missing or invalid values never reaches the components.
 *
 * Steps:
 * - no `schemaVersion` (saved before the first release, provisioned by hand, or switched from
 *   another visualization): keep every recognisable value, fill the rest with defaults → 1;
 * - 1 → 2: adds `minPredictions` (the evidence rule of the verdict) at its default, 100;
 * - 2: validated as is;
 * - newer than this release: left untouched, so opening a dashboard in an older Grafana does not
 *   destroy settings it does not know.
 */

type Raw = Record<string, unknown>;

function isRecord(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

function bool(value: unknown, fallback: boolean): boolean {
  return typeof value === 'boolean' ? value : fallback;
}

function num(value: unknown, fallback: number, min: number, max: number, integer = false): number {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n)) {
    return fallback;
  }
  const clamped = Math.min(max, Math.max(min, n));
  return integer ? Math.round(clamped) : clamped;
}

function str(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value : fallback;
}

const METRIC_VALUES = Object.values(MetricId);
const DIRECTION_VALUES = Object.values(Direction);

/** Known metrics only, each once, in the saved order; an empty list stays empty (the user chose it). */
export function sanitizeMetrics(value: unknown): MetricId[] {
  if (!Array.isArray(value)) {
    return [...DEFAULT_OPTIONS.metrics];
  }
  const out: MetricId[] = [];
  for (const item of value) {
    if (typeof item === 'string' && (METRIC_VALUES as string[]).includes(item) && !out.includes(item as MetricId)) {
      out.push(item as MetricId);
    }
  }
  return out;
}

function sanitizeDirections(value: unknown): MetricDirections {
  const raw = isRecord(value) ? value : {};
  const out = { ...DEFAULT_OPTIONS.directions };
  for (const metric of ALL_METRICS) {
    out[metric] = oneOf(raw[metric], DIRECTION_VALUES, DEFAULT_OPTIONS.directions[metric]);
  }
  return out;
}

/** A complete, valid options object from anything (partial, hand-edited or foreign options). */
export function sanitizeOptions(value: unknown): PanelOptions {
  const raw = isRecord(value) ? value : {};
  const d = DEFAULT_OPTIONS;
  return {
    schemaVersion: OPTIONS_SCHEMA_VERSION,
    layout: oneOf(raw.layout, Object.values(LayoutMode), d.layout),
    showComparison: bool(raw.showComparison, d.showComparison),
    showPredictions: bool(raw.showPredictions, d.showPredictions),
    showDrift: bool(raw.showDrift, d.showDrift),
    metrics: sanitizeMetrics(raw.metrics),
    directions: sanitizeDirections(raw.directions),
    deltaMode: oneOf(raw.deltaMode, Object.values(DeltaMode), d.deltaMode),
    equalTolerancePercent: num(raw.equalTolerancePercent, d.equalTolerancePercent, 0, 100),
    minPredictions: num(raw.minPredictions, d.minPredictions, 0, Number.MAX_SAFE_INTEGER, true),
    showVerdict: bool(raw.showVerdict, d.showVerdict),
    topN: num(raw.topN, d.topN, 1, MAX_TOP_N, true),
    showQuadrant: bool(raw.showQuadrant, d.showQuadrant),
    quadrantLabels: num(raw.quadrantLabels, d.quadrantLabels, 0, MAX_QUADRANT_LABELS, true),
    showFeatureComparison: bool(raw.showFeatureComparison, d.showFeatureComparison),
    driftThreshold: num(raw.driftThreshold, d.driftThreshold, 0, Number.MAX_VALUE),
    importanceThreshold: num(raw.importanceThreshold, d.importanceThreshold, 0, Number.MAX_VALUE),
    championRole: str(raw.championRole, d.championRole).trim() || d.championRole,
    championFallback: oneOf(raw.championFallback, Object.values(ChampionFallback), d.championFallback),
    championMatch: str(raw.championMatch, d.championMatch),
    metricAliases: str(raw.metricAliases, d.metricAliases),
  };
}

/** Migrates saved options of any earlier version to the current one (pure). */
export function migrateOptions(raw: unknown): PanelOptions {
  const version = isRecord(raw) && typeof raw.schemaVersion === 'number' ? raw.schemaVersion : 0;
  if (version > OPTIONS_SCHEMA_VERSION) {
    // From a newer release: keep it, only make sure the fields this release reads are usable.
    return { ...sanitizeOptions(raw), ...(raw as Partial<PanelOptions>), schemaVersion: version };
  }
  // Version 0 → 1: the first release, 1 → 2: `minPredictions` (absent, so its default); every later
  // step goes here, in order.
  return sanitizeOptions(raw);
}

/** Grafana's migration handler. */
export const panelMigrationHandler: PanelMigrationHandler<PanelOptions> = (panel) => migrateOptions(panel.options);

/** Runs the handler on every load, not only on plugin version changes, when the options are unversioned or older. */
export function shouldMigrate(panel: { options?: unknown }): boolean {
  const options = panel.options;
  return (
    !isRecord(options) || typeof options.schemaVersion !== 'number' || options.schemaVersion < OPTIONS_SCHEMA_VERSION
  );
}
