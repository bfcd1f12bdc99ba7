import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { useStyles2, useTheme2 } from '@grafana/ui';

import type { DriftBadge as Badge } from '../data/drift';
import { panelTestIds } from './testIds';
import { statusVisual } from './visual';
import { Glyph } from './Glyph';

const SOURCE_TEXT: Record<Badge['source'], string> = {
  gateway: 'gateway status',
  thresholds: 'from thresholds',
  summary: 'from drift counts',
  none: 'no drift data',
};

/** Overall drift status of a model: icon, word and where it comes from. */
export function DriftBadge({ badge }: { badge: Badge }) {
  const styles = useStyles2(getStyles);
  const theme = useTheme2();
  const visual = statusVisual(badge.status, theme);
  return (
    <span
      className={styles.badge}
      style={{ color: visual.color, borderColor: visual.color }}
      data-testid={panelTestIds.drift.badge}
      data-status={badge.status}
      title={badge.detail}
    >
      <Glyph name={visual.icon} size="sm" aria-hidden />
      <span className={styles.label}>Drift: {badge.label}</span>
      <span className={styles.source}>({SOURCE_TEXT[badge.source]})</span>
    </span>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  badge: css({
    display: 'inline-flex',
    alignItems: 'center',
    gap: theme.spacing(0.5),
    padding: theme.spacing(0.25, 1),
    border: '1px solid',
    borderRadius: theme.shape.radius.pill,
    fontSize: theme.typography.bodySmall.fontSize,
    whiteSpace: 'nowrap',
  }),
  label: css({ fontWeight: theme.typography.fontWeightMedium }),
  source: css({ color: theme.colors.text.secondary }),
});
