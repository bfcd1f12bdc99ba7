import { LoadingState, type DataFrame, type DataQueryError, type GrafanaTheme2 } from '@grafana/data';

import { LayoutMode, type PanelOptions } from '../types';
import { collectModels } from './collect';
import { buildComparison } from './comparison';
import { buildDriftMemo, type DriftModel } from './drift';
import { memoByObject } from './memo';
import { buildPredictionChart, type PredictionChart } from './predictions';
import { resolveRoles } from './roles';
import type { ComparisonModel } from './types';

/**
 * The whole panel from its inputs, including which state to show: query error, loading, no
 * data, data the panel cannot read, or the comparison (possibly with only a champion). Pure.
 */

interface PanelInput {
  series: readonly DataFrame[];
  state?: LoadingState;
  errors?: readonly DataQueryError[];
  /** The dashboard time range in epoch ms, for the shared time axis. */
  range?: { from: number; to: number };
}

type PanelView =
  | { kind: 'error'; errors: string[] }
  | { kind: 'loading' }
  | { kind: 'noData' }
  | { kind: 'unrecognised'; frames: number; notices: string[] }
  | ReadyView;

/** What the panel shows once its frames are recognised. */
export interface ReadyView {
  kind: 'ready';
  comparison: ComparisonModel;
  drift: DriftModel;
  predictions: PredictionChart | null;
  /** Non-fatal problems: query errors next to usable data, ambiguous roles, bad aliases. */
  errors: string[];
  notices: string[];
  onlyChampion: boolean;
}

export function errorMessages(input: Pick<PanelInput, 'errors'>): string[] {
  const errors = input.errors ?? [];
  const messages = errors.map((e) => {
    const text =
      e.message ||
      e.data?.message ||
      e.data?.error ||
      (typeof e.status === 'number' ? `Request failed with status ${e.status}` : 'Query failed');
    return e.refId ? `${e.refId}: ${text}` : text;
  });
  return [...new Set(messages)];
}

function hasRows(frames: readonly DataFrame[]): boolean {
  return frames.some((f) => f.fields.some((field) => field.values.length > 0));
}

const collectMemo = memoByObject<readonly DataFrame[], ReturnType<typeof collectModels>>();

/**
 * The whole panel view. The frames are read once per frames array and alias text (`memo.ts`), and
 * each model's drift once per collected data and threshold options, so that an option change
 * re-derives only what depends on it. Same result as computing every stage afresh.
 */
export function buildPanelView(input: PanelInput, options: PanelOptions, theme: GrafanaTheme2): PanelView {
  const errors = errorMessages(input);
  const series = input.series;
  if (!hasRows(series)) {
    if (errors.length > 0 || input.state === LoadingState.Error) {
      return { kind: 'error', errors: errors.length > 0 ? errors : ['The query failed.'] };
    }
    if (input.state === LoadingState.Loading || input.state === LoadingState.NotStarted) {
      return { kind: 'loading' };
    }
    return { kind: 'noData' };
  }
  // Stryker disable next-line StringLiteral: a cache key only; no aliases and '' read the frames alike
  const collected = collectMemo(series, options.metricAliases ?? '', () =>
    collectModels(series, options.metricAliases)
  );
  if (collected.models.length === 0) {
    if (errors.length > 0) {
      return { kind: 'error', errors };
    }
    return { kind: 'unrecognised', frames: series.length, notices: collected.notices };
  }
  const roles = resolveRoles(collected.models, options);
  const drift = buildDriftMemo(roles.data, roles.models, options);
  const comparison = buildComparison(roles.data, roles.models, drift, options, theme);
  const predictions = buildPredictionChart(roles.data, roles.models, theme, input.range);
  return {
    kind: 'ready',
    comparison,
    drift,
    predictions,
    errors,
    notices: [...collected.notices, ...roles.notices],
    onlyChampion: roles.models.length === 1,
  };
}

type ResolvedLayout = 'horizontal' | 'vertical';

/**
 * Narrowest panel that goes side by side in auto layout: each column gets (width − 16 px padding
 * − 16 px gap) / 2, and the champion/challenger table needs about 470 px of it.
 */
const MIN_SIDE_BY_SIDE_WIDTH = 980;

/** Auto: side by side when both columns fit (≥ 980 px) and the panel is clearly wider than tall. */
export function resolveLayout(mode: LayoutMode, width: number, height: number): ResolvedLayout {
  if (mode === LayoutMode.Horizontal || mode === LayoutMode.Vertical) {
    return mode;
  }
  return width >= MIN_SIDE_BY_SIDE_WIDTH && width >= height * 1.4 ? 'horizontal' : 'vertical';
}
