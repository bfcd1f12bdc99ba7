import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { useStyles2, useTheme2 } from '@grafana/ui';

import type { DriftThresholds, FeaturePoint } from '../data/drift';
import { panelTestIds } from './testIds';
import { formatScore } from './visual';
import { FeatureStatus } from '../../shared/featureStatus';
import { Glyph } from './Glyph';

interface Props {
  features: FeaturePoint[];
  thresholds: DriftThresholds;
}

/** The most drifting features as bars against the drift threshold, with their importance. */
export function TopDriftBars({ features, thresholds }: Props) {
  const styles = useStyles2(getStyles);
  const theme = useTheme2();
  if (features.length === 0) {
    return null;
  }
  const max = Math.max(thresholds.drift, ...features.map((f) => f.drift ?? 0)) * 1.1 || 1;
  const markerLeft = `${(thresholds.drift / max) * 100}%`;
  const colorOf = (f: FeaturePoint) =>
    f.status === FeatureStatus.DriftingImportant
      ? theme.colors.error.main
      : f.status === FeatureStatus.Drifting
        ? theme.colors.warning.main
        : theme.colors.success.main;
  return (
    <section
      className={styles.section}
      data-testid={panelTestIds.drift.topBars}
      aria-label={`Top ${features.length} drifting features`}
    >
      <h5 className={styles.title}>
        Top {features.length} drifting features
        <span className={styles.legend}>
          <span className={styles.legendMarker} aria-hidden /> drift threshold {formatScore(thresholds.drift)}
        </span>
      </h5>
      <ol className={styles.list}>
        {features.map((f) => {
          const drift = f.drift ?? 0;
          const drifting = f.status === FeatureStatus.Drifting || f.status === FeatureStatus.DriftingImportant;
          const important = f.status === FeatureStatus.DriftingImportant;
          return (
            <li key={f.name} className={styles.row} data-testid={panelTestIds.drift.bar(f.name)} data-status={f.status}>
              <span className={styles.name} title={f.name}>
                {f.name}
              </span>
              <span
                className={styles.track}
                role="img"
                aria-label={`${f.name}: drift ${formatScore(f.drift)}, ${f.status}`}
              >
                <span
                  className={styles.fill}
                  style={{ width: `${Math.min(100, (drift / max) * 100)}%`, background: colorOf(f) }}
                />
                <span
                  className={styles.marker}
                  style={{ left: markerLeft }}
                  data-testid={panelTestIds.drift.thresholdMarker}
                />
              </span>
              <span className={styles.value}>
                {drifting && (
                  <Glyph
                    name={important ? 'fire' : 'exclamation-triangle'}
                    size="xs"
                    title={important ? 'Drifting and important' : 'Drifting'}
                    style={{ color: colorOf(f) }}
                  />
                )}
                {formatScore(f.drift)}
              </span>
              <span className={styles.importance} title="Feature importance">
                imp {formatScore(f.importance)}
              </span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  section: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(0.5), minWidth: 0 }),
  title: css({
    display: 'flex',
    justifyContent: 'space-between',
    flexWrap: 'wrap',
    gap: theme.spacing(1),
    margin: 0,
    fontSize: theme.typography.bodySmall.fontSize,
    color: theme.colors.text.secondary,
    fontWeight: theme.typography.fontWeightMedium,
  }),
  legend: css({
    display: 'inline-flex',
    alignItems: 'center',
    gap: theme.spacing(0.5),
    fontWeight: theme.typography.fontWeightRegular,
  }),
  legendMarker: css({ display: 'inline-block', width: 2, height: 10, background: theme.colors.text.primary }),
  list: css({ listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: 2 }),
  row: css({
    display: 'grid',
    gridTemplateColumns: 'minmax(60px, 35%) minmax(40px, 1fr) auto auto',
    alignItems: 'center',
    gap: theme.spacing(1),
    fontSize: theme.typography.bodySmall.fontSize,
  }),
  name: css({ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }),
  track: css({
    position: 'relative',
    height: 10,
    background: theme.colors.background.secondary,
    borderRadius: theme.shape.radius.default,
  }),
  fill: css({ position: 'absolute', left: 0, top: 0, bottom: 0, borderRadius: theme.shape.radius.default }),
  marker: css({
    position: 'absolute',
    top: -3,
    bottom: -3,
    width: 2,
    marginLeft: -1,
    background: theme.colors.text.primary,
  }),
  value: css({
    display: 'inline-flex',
    alignItems: 'center',
    gap: 2,
    fontWeight: theme.typography.fontWeightMedium,
    minWidth: 48,
    justifyContent: 'flex-end',
  }),
  importance: css({ color: theme.colors.text.secondary, whiteSpace: 'nowrap' }),
});
