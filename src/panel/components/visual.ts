import type { GrafanaTheme2, IconName } from '@grafana/data';

import { type Outcome, type Verdict } from '../data/types';
import { ModelStatus } from '../../shared/modelStatus';
import type { GlyphName } from './glyphs';

/**
 * Colours, icons and words for outcomes and statuses. Colour is never the only signal: every
 * visual has an icon and a word too.
 */

interface Visual<Name extends IconName = GlyphName> {
  icon: Name;
  color: string;
  word: string;
}

export function outcomeVisual(outcome: Outcome, theme: GrafanaTheme2): Visual {
  switch (outcome) {
    case 'better':
      return { icon: 'check-circle', color: theme.colors.success.text, word: 'better' };
    case 'worse':
      return { icon: 'exclamation-triangle', color: theme.colors.error.text, word: 'worse' };
    case 'same':
      return { icon: 'minus', color: theme.colors.text.secondary, word: 'same' };
    case 'neutral':
      return { icon: 'info-circle', color: theme.colors.text.secondary, word: '' };
    case 'insufficient':
      return { icon: 'question-circle', color: theme.colors.text.secondary, word: '' };
    default:
      return { icon: 'question-circle', color: theme.colors.text.secondary, word: '' };
  }
}

/**
 * The outcome word to show after a delta's text, or '' when the text already says it (a status
 * delta reads "same status", not "same status same").
 */
export function outcomeWordAfter(text: string, word: string): string {
  if (!word) {
    return '';
  }
  const words = text.toLowerCase().split(/[^\p{L}\p{N}]+/u);
  return words.includes(word.toLowerCase()) ? '' : word;
}

/** Arrow for the sign of a difference. */
export function diffIcon(diff: number | null): GlyphName {
  if (diff === null || diff === 0) {
    return 'minus';
  }
  return diff > 0 ? 'arrow-up' : 'arrow-down';
}

export function statusVisual(status: ModelStatus, theme: GrafanaTheme2): Visual {
  switch (status) {
    case ModelStatus.Healthy:
      return { icon: 'check-circle', color: theme.colors.success.text, word: 'Healthy' };
    case ModelStatus.AtRisk:
      return { icon: 'exclamation-triangle', color: theme.colors.warning.text, word: 'At risk' };
    case ModelStatus.Failing:
      return { icon: 'times-circle', color: theme.colors.error.text, word: 'Failing' };
    default:
      return { icon: 'question-circle', color: theme.colors.text.secondary, word: 'Unknown' };
  }
}

/** Verdict icons include thumbs, which @grafana/ui does not ship as files: drawn by Icon, not Glyph. */
export function verdictVisual(tone: Verdict['tone'], theme: GrafanaTheme2): Visual<IconName> {
  switch (tone) {
    case 'better':
      return { icon: 'thumbs-up', color: theme.colors.success.text, word: 'better overall' };
    case 'worse':
      return { icon: 'thumbs-down', color: theme.colors.error.text, word: 'worse overall' };
    case 'mixed':
      return { icon: 'exchange-alt', color: theme.colors.warning.text, word: 'mixed' };
    default:
      return { icon: 'question-circle', color: theme.colors.text.secondary, word: 'not comparable' };
  }
}

export function severityColor(severity: 'critical' | 'warning' | 'ok' | 'info', theme: GrafanaTheme2): string {
  switch (severity) {
    case 'critical':
      return theme.colors.error.text;
    case 'warning':
      return theme.colors.warning.text;
    case 'ok':
      return theme.colors.success.text;
    default:
      return theme.colors.text.secondary;
  }
}

export function severityIcon(severity: 'critical' | 'warning' | 'ok' | 'info'): GlyphName {
  switch (severity) {
    case 'critical':
      return 'fire';
    case 'warning':
      return 'exclamation-triangle';
    case 'ok':
      return 'check-circle';
    default:
      return 'question-circle';
  }
}

/** The colour of a model across the panel (table swatch, sparkline): Grafana's classic palette. */
export function modelColor(index: number, theme: GrafanaTheme2): string {
  const palette = theme.visualization.palette;
  return theme.visualization.getColorByName(palette[index % palette.length]);
}

/** Compact number for drift and importance values (3 significant digits). */
export function formatScore(value: number | null): string {
  if (value === null || !Number.isFinite(value)) {
    return '—';
  }
  if (value === 0) {
    return '0';
  }
  return Math.abs(value) >= 1000 ? value.toFixed(0) : String(Number(value.toPrecision(3)));
}
