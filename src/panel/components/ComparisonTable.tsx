import React from 'react';
import { useStyles2, useTheme2 } from '@grafana/ui';

import { MetricId } from '../types';
import type { ComparisonModel, MetricRow, ModelInfo } from '../data/types';
import { panelTestIds } from './testIds';
import { modelColor } from './visual';
import { getStyles } from './comparisonStyles';
import { CellValue, DeltaView, VerdictLine } from './ComparisonCells';
import { Glyph } from './Glyph';

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
        {model.isChampion && <Glyph name="star" size="sm" aria-hidden title="Champion" />}
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
          <Glyph name="info-circle" size="sm" aria-hidden /> Not in the data. {METRIC_HINTS[row.id as MetricId] ?? ''}
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
