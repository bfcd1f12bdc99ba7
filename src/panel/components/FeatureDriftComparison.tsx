import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { useStyles2, useTheme2 } from '@grafana/ui';

import type { FeatureComparison } from '../data/drift';
import { panelTestIds } from './testIds';
import { diffIcon, formatScore, outcomeVisual } from './visual';
import { Glyph } from './Glyph';

interface Props {
  comparison: FeatureComparison;
  championName: string;
  threshold: number;
}

/** Per-feature drift of one challenger against the champion, most drifting features first. */
export function FeatureDriftComparison({ comparison, championName, threshold }: Props) {
  const styles = useStyles2(getStyles);
  const theme = useTheme2();
  const max =
    Math.max(threshold, ...comparison.rows.map((r) => Math.max(r.champion ?? 0, r.challenger ?? 0))) * 1.1 || 1;
  const bar = (value: number | null, color: string) => (
    <span className={styles.cellBar}>
      <span className={styles.track} aria-hidden>
        <span
          className={styles.fill}
          style={{ width: `${Math.min(100, ((value ?? 0) / max) * 100)}%`, background: color }}
        />
        <span className={styles.marker} style={{ left: `${(threshold / max) * 100}%` }} />
      </span>
      <span className={styles.num}>{formatScore(value)}</span>
    </span>
  );
  return (
    <section
      className={styles.section}
      data-testid={panelTestIds.drift.featureComparison}
      aria-label={`Per-feature drift of ${comparison.challengerName} against ${championName}`}
    >
      <h5 className={styles.title}>
        Per-feature drift: {comparison.challengerName} vs {championName}
        <span className={styles.summary}>
          drifts more on {comparison.worse} and less on {comparison.better} of {comparison.shared} shared features
        </span>
      </h5>
      <table className={styles.table}>
        <thead>
          <tr>
            <th scope="col">Feature</th>
            <th scope="col">Champion</th>
            <th scope="col">Challenger</th>
            <th scope="col">Change</th>
          </tr>
        </thead>
        <tbody>
          {comparison.rows.map((r) => {
            const visual = outcomeVisual(r.outcome, theme);
            return (
              <tr key={r.name} data-testid={panelTestIds.drift.featureRow(r.name)} data-outcome={r.outcome}>
                <th scope="row" className={styles.name} title={r.name}>
                  {r.name}
                </th>
                <td>{bar(r.champion, theme.colors.text.secondary)}</td>
                <td>{bar(r.challenger, theme.colors.primary.main)}</td>
                <td className={styles.change} style={{ color: visual.color }}>
                  {r.diff === null ? (
                    <span>{r.champion === null ? 'only challenger' : 'only champion'}</span>
                  ) : (
                    <>
                      <Glyph name={diffIcon(r.diff)} size="xs" aria-hidden />
                      <span>
                        {r.diff > 0 ? '+' : ''}
                        {formatScore(r.diff)}
                      </span>
                      {visual.word && <span className={styles.word}>{visual.word}</span>}
                    </>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  section: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(0.5), minWidth: 0 }),
  title: css({
    display: 'flex',
    flexWrap: 'wrap',
    justifyContent: 'space-between',
    gap: theme.spacing(1),
    margin: 0,
    fontSize: theme.typography.bodySmall.fontSize,
    color: theme.colors.text.secondary,
    fontWeight: theme.typography.fontWeightMedium,
  }),
  summary: css({ fontWeight: theme.typography.fontWeightRegular }),
  table: css({
    width: '100%',
    borderCollapse: 'collapse',
    fontSize: theme.typography.bodySmall.fontSize,
    'th, td': {
      padding: theme.spacing(0.25, 0.5),
      textAlign: 'left',
      borderBottom: `1px solid ${theme.colors.border.weak}`,
    },
    thead: { color: theme.colors.text.secondary },
  }),
  name: css({
    fontWeight: theme.typography.fontWeightRegular,
    maxWidth: 180,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  }),
  cellBar: css({
    display: 'grid',
    gridTemplateColumns: 'minmax(30px, 1fr) auto',
    alignItems: 'center',
    gap: theme.spacing(0.5),
  }),
  track: css({
    position: 'relative',
    height: 8,
    background: theme.colors.background.secondary,
    borderRadius: theme.shape.radius.default,
  }),
  fill: css({ position: 'absolute', left: 0, top: 0, bottom: 0, borderRadius: theme.shape.radius.default }),
  marker: css({
    position: 'absolute',
    top: -2,
    bottom: -2,
    width: 2,
    marginLeft: -1,
    background: theme.colors.text.primary,
  }),
  num: css({ minWidth: 40, textAlign: 'right' }),
  change: css({ whiteSpace: 'nowrap', 'span + span': { marginLeft: theme.spacing(0.5) } }),
  word: css({ fontWeight: theme.typography.fontWeightMedium }),
});
