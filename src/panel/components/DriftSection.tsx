import React, { memo, useState } from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { RadioButtonGroup, useStyles2 } from '@grafana/ui';

import type { DriftModel } from '../data/drift';
import { DriftBadge } from './DriftBadge';
import { DriftCounts } from './DriftCounts';
import { DriftQuadrant } from './DriftQuadrant';
import { FeatureDriftComparison } from './FeatureDriftComparison';
import { TopDriftBars } from './TopDriftBars';

/** Re-rendered only when its model, thresholds or size change (the drift model reuses them). */
const QuadrantChart = memo(DriftQuadrant);
import { panelTestIds } from './testIds';
import { formatScore } from './visual';

interface Props {
  drift: DriftModel;
  width: number;
  showQuadrant: boolean;
  showFeatureComparison: boolean;
}

const THRESHOLD_SOURCE = {
  data: 'from the data',
  field: 'from field thresholds',
  option: 'from panel options',
} as const;

type FocusModel = DriftModel['models'][number];

/** The drift and importance thresholds of the shown model, and where each came from. */
function ThresholdsNote({ thresholds }: { thresholds: FocusModel['thresholds'] }) {
  const styles = useStyles2(getStyles);
  return (
    <span className={styles.muted}>
      thresholds: drift {formatScore(thresholds.drift)} ({THRESHOLD_SOURCE[thresholds.driftSource]}), importance{' '}
      {formatScore(thresholds.importance)} ({THRESHOLD_SOURCE[thresholds.importanceSource]})
    </span>
  );
}

/** Per-feature drift of one challenger against the champion, with a picker when there are several. */
function ChallengerComparison({
  drift,
  comparison,
  champion,
  onChallenger,
}: {
  drift: DriftModel;
  comparison: DriftModel['comparisons'][number];
  champion: FocusModel;
  onChallenger: (key: string) => void;
}) {
  const styles = useStyles2(getStyles);
  return (
    <div className={styles.comparison}>
      {drift.comparisons.length > 1 && (
        <RadioButtonGroup
          size="sm"
          value={comparison.challengerKey}
          onChange={onChallenger}
          options={drift.comparisons.map((c) => ({ value: c.challengerKey, label: c.challengerName }))}
          aria-label="Challenger compared per feature"
          data-testid={panelTestIds.drift.challengerPicker}
        />
      )}
      <FeatureDriftComparison
        comparison={comparison}
        championName={champion.modelName}
        threshold={champion.thresholds.drift}
      />
    </div>
  );
}

/** Drift status of one model at a time (champion first), and per-feature drift of a challenger. */
export function DriftSection({ drift, width, showQuadrant, showFeatureComparison }: Props) {
  const styles = useStyles2(getStyles);
  const [focusKey, setFocusKey] = useState<string | undefined>(undefined);
  const [challengerKey, setChallengerKey] = useState<string | undefined>(undefined);
  const focus = drift.models.find((m) => m.modelKey === focusKey) ?? drift.models[0];
  const comparison = drift.comparisons.find((c) => c.challengerKey === challengerKey) ?? drift.comparisons[0];
  const champion = drift.models.find((m) => m.isChampion);

  if (!focus) {
    return (
      <section className={styles.section} data-testid={panelTestIds.drift.container} aria-label="Drift">
        <h4 className={styles.title}>Drift</h4>
        <p className={styles.muted} data-testid={panelTestIds.drift.noFeatures}>
          No drift data. Add Drift summary, Feature drift or Models queries, or ml_data_drift_score series.
        </p>
      </section>
    );
  }
  const quadrantHeight = Math.round(Math.min(300, Math.max(170, width * 0.55)));
  const hasFeatures = focus.features.length > 0;
  return (
    <section className={styles.section} data-testid={panelTestIds.drift.container} aria-label="Drift">
      <div className={styles.header}>
        <h4 className={styles.title}>Drift</h4>
        {drift.models.length > 1 && (
          <RadioButtonGroup
            size="sm"
            value={focus.modelKey}
            onChange={setFocusKey}
            options={drift.models.map((m) => ({ value: m.modelKey, label: m.modelName, description: m.role }))}
            aria-label="Model whose drift is shown"
            data-testid={panelTestIds.drift.modelPicker}
          />
        )}
      </div>
      <div className={styles.badgeLine}>
        <DriftBadge badge={focus.badge} />
        {hasFeatures && <ThresholdsNote thresholds={focus.thresholds} />}
      </div>
      <DriftCounts counts={focus.counts} summaryCounts={focus.summaryCounts} />
      {hasFeatures ? (
        <>
          <TopDriftBars features={focus.top} thresholds={focus.thresholds} />
          {showQuadrant && focus.quadrant.points.length > 0 && (
            <QuadrantChart
              quadrant={focus.quadrant}
              thresholds={focus.thresholds}
              width={width}
              height={quadrantHeight}
            />
          )}
        </>
      ) : (
        <p className={styles.muted} data-testid={panelTestIds.drift.noFeatures}>
          No per-feature drift for {focus.modelName}. Add a Feature drift query (or ml_data_drift_score by feature) for
          bars and the quadrant chart.
        </p>
      )}
      {showFeatureComparison && comparison && champion && (
        <ChallengerComparison
          drift={drift}
          comparison={comparison}
          champion={champion}
          onChallenger={setChallengerKey}
        />
      )}
    </section>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  section: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(1), minWidth: 0 }),
  header: css({
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    flexWrap: 'wrap',
    gap: theme.spacing(1),
  }),
  title: css({ margin: 0, fontSize: theme.typography.body.fontSize, fontWeight: theme.typography.fontWeightMedium }),
  badgeLine: css({ display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: theme.spacing(1) }),
  muted: css({ color: theme.colors.text.secondary, fontSize: theme.typography.bodySmall.fontSize, margin: 0 }),
  comparison: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(0.5) }),
});
