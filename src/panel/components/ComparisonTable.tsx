import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { DataLinksContextMenu, Icon, Tooltip, styleMixins, useStyles2, useTheme2 } from '@grafana/ui';

import { MetricId } from '../types';
import type { ComparisonModel, Delta, MetricCell, MetricRow, ModelInfo } from '../data/types';
import { panelTestIds } from './testIds';
import { diffIcon, modelColor, outcomeVisual, outcomeWordAfter, statusVisual, verdictVisual } from './visual';

/** Where each metric comes from, for the "not in the data" hint. */
const METRIC_HINTS: Record<MetricId, string> = {
  [MetricId.Predictions]: 'Add a Health summary query, or a series such as ml_predictions_total.',
  [MetricId.Latency]: 'Add a Health or Operational summary query, or ml_prediction_latency_seconds.',
  [MetricId.FailureRate]:
    'Add an Operational time series query (failed and successful predictions), or ml_prediction_errors_total with ml_predictions_total.',
  [MetricId.Availability]: 'Add an Operational summary query, or ml_model_availability.',
  [MetricId.Accuracy]: 'Add a Models query (accuracy status), or ml_model_accuracy.',
  [MetricId.DriftStatus]: 'Add a Models query (drift status), or feature drift (ml_data_drift_score) to derive it.',
};

interface Props {
  comparison: ComparisonModel;
  showVerdict: boolean;
}

export function ComparisonTable({ comparison, showVerdict }: Props) {
  const styles = useStyles2(getStyles);
  const { models, rows, verdicts } = comparison;
  return (
    <section
      className={styles.section}
      data-testid={panelTestIds.comparison.container}
      aria-label="Champion and challenger comparison"
    >
      {rows.length > 0 && (
        // Narrow panels scroll the table sideways instead of clipping the challenger columns; the
        // container is a focusable region so it can be scrolled with the keyboard too.
        <div
          className={styles.scroll}
          role="region"
          aria-label="Comparison table"
          tabIndex={0}
          data-testid={panelTestIds.comparison.scroll}
        >
          <table className={styles.table} data-testid={panelTestIds.comparison.table}>
            <thead>
              <tr>
                <th scope="col" className={styles.metricHeader}>
                  Metric
                </th>
                {models.map((model) => (
                  <ModelHeader key={model.key} model={model} />
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <MetricRowView key={row.id} row={row} models={models} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {rows.length === 0 && <p className={styles.missing}>No metrics are selected in the panel options.</p>}
      {showVerdict && rows.length > 0 && verdicts.length > 0 && (
        <ul className={styles.verdicts} data-testid={panelTestIds.comparison.verdicts} aria-label="Verdicts">
          {verdicts.map((verdict) => {
            const model = models.find((m) => m.key === verdict.modelKey);
            return model ? (
              <VerdictLine key={verdict.modelKey} model={model} text={verdict.text} tone={verdict.tone} />
            ) : null;
          })}
        </ul>
      )}
    </section>
  );
}

function ModelHeader({ model }: { model: ModelInfo }) {
  const styles = useStyles2(getStyles);
  const theme = useTheme2();
  return (
    <th scope="col" className={styles.modelHeader} data-testid={panelTestIds.comparison.modelHeader(model.index)}>
      <span className={styles.modelName}>
        <span className={styles.swatch} style={{ background: modelColor(model.index, theme) }} aria-hidden />
        {model.isChampion && <Icon name="star" size="sm" aria-hidden title="Champion" />}
        <span>{model.name}</span>
      </span>
      <span className={styles.role}>
        {model.role}
        {model.isChampion && model.roleSource === 'fallback' ? ' (assumed)' : ''}
      </span>
    </th>
  );
}

function MetricRowView({ row, models }: { row: MetricRow; models: ModelInfo[] }) {
  const styles = useStyles2(getStyles);
  if (!row.available) {
    return (
      <tr data-testid={panelTestIds.comparison.row(row.id)}>
        <th scope="row" className={styles.metricLabel}>
          {row.label}
        </th>
        <td
          colSpan={models.length}
          className={styles.missing}
          data-testid={panelTestIds.comparison.missingMetric(row.id)}
        >
          <Icon name="info-circle" size="sm" aria-hidden /> Not in the data. {METRIC_HINTS[row.id]}
        </td>
      </tr>
    );
  }
  return (
    <tr data-testid={panelTestIds.comparison.row(row.id)}>
      <th scope="row" className={styles.metricLabel}>
        {row.label}
      </th>
      {models.map((model, i) => (
        <td key={model.key} className={styles.cell} data-testid={panelTestIds.comparison.cell(row.id, i)}>
          <CellValue cell={row.cells[i]} />
          {i > 0 && <DeltaView delta={row.deltas[i]} testId={panelTestIds.comparison.delta(row.id, i)} />}
        </td>
      ))}
    </tr>
  );
}

function CellValue({ cell }: { cell: MetricCell }) {
  const styles = useStyles2(getStyles);
  const theme = useTheme2();
  if (cell.value === null) {
    return (
      <span className={styles.noValue} title="No value for this model">
        —<span className={styles.srOnly}> no value</span>
      </span>
    );
  }
  if (cell.status) {
    const visual = statusVisual(cell.status, theme);
    return (
      <span
        className={styles.value}
        style={{ color: visual.color }}
        title={cell.source ? `From the ${cell.source}` : undefined}
      >
        <Icon name={visual.icon} size="sm" aria-hidden /> {cell.text}
      </span>
    );
  }
  const content = (
    <span className={styles.value} title={cell.source ? `From ${cell.source}` : undefined}>
      {cell.aboveThreshold && (
        <Icon
          name="exclamation-triangle"
          size="sm"
          title="At or above the field's threshold"
          style={{ color: cell.thresholdColor }}
        />
      )}
      {cell.text}
    </span>
  );
  if (!cell.getLinks) {
    return content;
  }
  const getLinks = cell.getLinks;
  return (
    <DataLinksContextMenu links={getLinks}>
      {(api) =>
        api.triggerProps ? (
          <span {...api.triggerProps} className={styles.link}>
            {content}
          </span>
        ) : (
          <span className={styles.link}>{content}</span>
        )
      }
    </DataLinksContextMenu>
  );
}

function DeltaView({ delta, testId }: { delta: Delta | null; testId: string }) {
  const styles = useStyles2(getStyles);
  const theme = useTheme2();
  if (!delta || (delta.outcome === 'unknown' && delta.text === '')) {
    return null;
  }
  const visual = outcomeVisual(delta.outcome, theme);
  const icon = delta.diff !== null ? diffIcon(delta.diff) : visual.icon;
  const word = outcomeWordAfter(delta.text, visual.word);
  const label = [delta.text, word].filter(Boolean).join(', ');
  return (
    <span
      className={styles.delta}
      style={{ color: visual.color }}
      data-testid={testId}
      data-outcome={delta.outcome}
      aria-label={`Change against the champion: ${label}`}
    >
      <Icon name={icon} size="xs" aria-hidden />
      <span>{delta.text}</span>
      {word && <span className={styles.outcomeWord}>{word}</span>}
    </span>
  );
}

function VerdictLine({
  model,
  text,
  tone,
}: {
  model: ModelInfo;
  text: string;
  tone: 'better' | 'worse' | 'mixed' | 'none';
}) {
  const styles = useStyles2(getStyles);
  const theme = useTheme2();
  const visual = verdictVisual(tone, theme);
  return (
    <li className={styles.verdict} data-testid={panelTestIds.comparison.verdict(model.index)} data-tone={tone}>
      <Tooltip content={visual.word}>
        <span style={{ color: visual.color }} className={styles.verdictIcon}>
          <Icon name={visual.icon} size="sm" aria-label={visual.word} />
        </span>
      </Tooltip>
      <span>
        <strong>{model.name}</strong> ({model.role}): {text}
      </span>
    </li>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  section: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(1), minWidth: 0 }),
  scroll: css({
    overflowX: 'auto',
    maxWidth: '100%',
    minWidth: 0,
    '&:focus-visible': styleMixins.getFocusStyles(theme),
    '&:focus:not(:focus-visible)': styleMixins.getMouseFocusStyles(theme),
  }),
  table: css({
    borderCollapse: 'collapse',
    width: '100%',
    fontSize: theme.typography.bodySmall.fontSize,
    'th, td': {
      padding: theme.spacing(0.5, 1),
      borderBottom: `1px solid ${theme.colors.border.weak}`,
      textAlign: 'left',
      verticalAlign: 'top',
    },
  }),
  metricHeader: css({ color: theme.colors.text.secondary, fontWeight: theme.typography.fontWeightMedium }),
  modelHeader: css({ fontWeight: theme.typography.fontWeightMedium, whiteSpace: 'nowrap' }),
  modelName: css({ display: 'inline-flex', alignItems: 'center', gap: theme.spacing(0.5) }),
  swatch: css({
    display: 'inline-block',
    width: 10,
    height: 10,
    borderRadius: theme.shape.radius.circle,
    flexShrink: 0,
  }),
  role: css({ display: 'block', color: theme.colors.text.secondary, fontWeight: theme.typography.fontWeightRegular }),
  metricLabel: css({
    color: theme.colors.text.secondary,
    fontWeight: theme.typography.fontWeightRegular,
    whiteSpace: 'nowrap',
  }),
  cell: css({ whiteSpace: 'nowrap' }),
  value: css({
    display: 'inline-flex',
    alignItems: 'center',
    gap: theme.spacing(0.5),
    fontSize: theme.typography.body.fontSize,
    fontWeight: theme.typography.fontWeightMedium,
  }),
  link: css({ cursor: 'pointer', textDecoration: 'underline dotted' }),
  noValue: css({ color: theme.colors.text.disabled }),
  srOnly: css({
    position: 'absolute',
    width: 1,
    height: 1,
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  }),
  missing: css({ color: theme.colors.text.secondary, fontStyle: 'italic', whiteSpace: 'normal' }),
  delta: css({
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(0.5),
    fontSize: theme.typography.bodySmall.fontSize,
  }),
  outcomeWord: css({ fontWeight: theme.typography.fontWeightMedium }),
  verdicts: css({
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(0.5),
  }),
  verdict: css({ display: 'flex', alignItems: 'center', gap: theme.spacing(1) }),
  verdictIcon: css({ display: 'inline-flex' }),
});
