import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2, StandardEditorProps } from '@grafana/data';
import { Checkbox, IconButton, useStyles2 } from '@grafana/ui';

import { sanitizeMetrics } from '../../migrations';
import { ALL_METRICS, METRIC_LABELS, type MetricId } from '../../types';
import { panelTestIds } from '../testIds';

/** Shown metrics are listed first, in display order; unchecked ones follow in their default order. */
export function metricListItems(selected: MetricId[]): Array<{ id: MetricId; checked: boolean }> {
  return [
    ...selected.map((id) => ({ id, checked: true })),
    ...ALL_METRICS.filter((id) => !selected.includes(id)).map((id) => ({ id, checked: false })),
  ];
}

export function toggleMetric(selected: MetricId[], id: MetricId): MetricId[] {
  return selected.includes(id) ? selected.filter((m) => m !== id) : [...selected, id];
}

export function moveMetric(selected: MetricId[], id: MetricId, by: -1 | 1): MetricId[] {
  const index = selected.indexOf(id);
  const target = index + by;
  if (index < 0 || target < 0 || target >= selected.length) {
    return selected;
  }
  const next = [...selected];
  [next[index], next[target]] = [next[target], next[index]];
  return next;
}

/** Which metrics the comparison shows, and in what order. */
export function MetricListEditor({ value, onChange }: StandardEditorProps<MetricId[]>) {
  const styles = useStyles2(getStyles);
  const selected = sanitizeMetrics(value);
  const items = metricListItems(selected);
  return (
    <ul className={styles.list} data-testid={panelTestIds.editor.metricList}>
      {items.map(({ id, checked }) => {
        const index = selected.indexOf(id);
        return (
          <li key={id} className={styles.item}>
            <Checkbox
              label={METRIC_LABELS[id]}
              value={checked}
              onChange={() => onChange(toggleMetric(selected, id))}
              data-testid={panelTestIds.editor.metricToggle(id)}
            />
            {checked && (
              <span className={styles.buttons}>
                <IconButton
                  name="arrow-up"
                  size="sm"
                  tooltip={`Move ${METRIC_LABELS[id]} up`}
                  disabled={index === 0}
                  onClick={() => onChange(moveMetric(selected, id, -1))}
                  data-testid={panelTestIds.editor.moveUp(id)}
                />
                <IconButton
                  name="arrow-down"
                  size="sm"
                  tooltip={`Move ${METRIC_LABELS[id]} down`}
                  disabled={index === selected.length - 1}
                  onClick={() => onChange(moveMetric(selected, id, 1))}
                  data-testid={panelTestIds.editor.moveDown(id)}
                />
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  list: css({
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(0.5),
  }),
  item: css({ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: theme.spacing(1) }),
  buttons: css({ display: 'inline-flex', gap: theme.spacing(0.5) }),
});
