import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { useStyles2, useTheme2 } from '@grafana/ui';

import type { DriftCount } from '../data/drift';
import { panelTestIds } from './testIds';
import { severityColor, severityIcon } from './visual';
import { Glyph } from './Glyph';

/** Feature counts by category, each with icon, label and number. */
export function DriftCounts({ counts, summaryCounts }: { counts: DriftCount[]; summaryCounts: DriftCount[] }) {
  const styles = useStyles2(getStyles);
  const theme = useTheme2();
  const chip = (c: DriftCount, prefix: string) => (
    <li key={`${prefix}${c.key}`} className={styles.chip} data-testid={panelTestIds.drift.count(c.key)}>
      <Glyph
        name={severityIcon(c.severity)}
        size="xs"
        style={{ color: severityColor(c.severity, theme) }}
        aria-hidden
      />
      <span className={styles.count}>{c.count}</span>
      <span className={styles.label}>{c.label}</span>
    </li>
  );
  if (counts.length === 0 && summaryCounts.length === 0) {
    return null;
  }
  return (
    <div className={styles.wrap} data-testid={panelTestIds.drift.counts}>
      {counts.length > 0 && (
        <ul className={styles.list} aria-label="Features by drift status">
          {counts.map((c) => chip(c, ''))}
        </ul>
      )}
      {summaryCounts.length > 0 && (
        <ul className={styles.list} aria-label="Gateway drift categories">
          {summaryCounts.map((c) => chip(c, 'summary-'))}
        </ul>
      )}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  wrap: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(0.5) }),
  list: css({
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(0.5, 1.5),
    listStyle: 'none',
    margin: 0,
    padding: 0,
  }),
  chip: css({
    display: 'inline-flex',
    alignItems: 'center',
    gap: theme.spacing(0.5),
    fontSize: theme.typography.bodySmall.fontSize,
  }),
  count: css({ fontWeight: theme.typography.fontWeightBold }),
  label: css({ color: theme.colors.text.secondary }),
});
