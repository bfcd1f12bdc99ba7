import React from 'react';
import { DataLinksContextMenu, Icon, Tooltip, useStyles2, useTheme2 } from '@grafana/ui';

import type { Delta, MetricCell, ModelInfo } from '../data/types';
import { getStyles } from './comparisonStyles';
import { panelTestIds } from './testIds';
import { diffIcon, outcomeVisual, outcomeWordAfter, statusVisual, verdictVisual } from './visual';
import { Glyph } from './Glyph';

/** The cells of the comparison table: a value (with its status colour and data links), a delta, a verdict. */

export function CellValue({ cell }: { cell: MetricCell }) {
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
        <Glyph name={visual.icon} size="sm" aria-hidden /> {cell.text}
      </span>
    );
  }
  const content = (
    <span className={styles.value} title={cell.source ? `From ${cell.source}` : undefined}>
      {cell.aboveThreshold && (
        <Glyph
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

export function DeltaView({ delta, testId }: { delta: Delta | null; testId: string }) {
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
      <Glyph name={icon} size="xs" aria-hidden />
      <span>{delta.text}</span>
      {word && <span className={styles.outcomeWord}>{word}</span>}
    </span>
  );
}

export function VerdictLine({
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
