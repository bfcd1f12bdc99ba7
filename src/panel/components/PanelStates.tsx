import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Alert, useStyles2 } from '@grafana/ui';

import { panelTestIds } from './testIds';
import { Glyph } from './Glyph';

/** Full-panel states: each explains what happened and what to do, and never throws. */

function Centered({
  testId,
  icon,
  title,
  children,
}: {
  testId: string;
  icon: 'info-circle' | 'exclamation-triangle' | 'question-circle';
  title: string;
  children?: React.ReactNode;
}) {
  const styles = useStyles2(getStyles);
  return (
    <div className={styles.centered} data-testid={testId} role="status">
      <Glyph name={icon} size="xl" aria-hidden />
      <strong>{title}</strong>
      {children}
    </div>
  );
}

export function LoadingView() {
  return <Centered testId={panelTestIds.states.loading} icon="info-circle" title="Loading…" />;
}

export function NoDataView() {
  const styles = useStyles2(getStyles);
  return (
    <Centered testId={panelTestIds.states.noData} icon="info-circle" title="No data">
      <span className={styles.hint}>
        Query the champion and its challengers (e.g. Health summary, Operational summary and Feature drift with the
        model scope &quot;all models&quot;), or model metrics from Prometheus.
      </span>
    </Centered>
  );
}

export function UnrecognisedView({ frames, notices }: { frames: number; notices: string[] }) {
  const styles = useStyles2(getStyles);
  return (
    <Centered testId={panelTestIds.states.unrecognised} icon="question-circle" title="No model metrics found">
      <span className={styles.hint}>
        {frames} {frames === 1 ? 'series was' : 'series were'} returned, but none is a model metric this panel knows.
        Use the MLOps gateway data source, or name series as in the panel&apos;s mapping (e.g.
        ml_prediction_latency_seconds) or add a metric alias in the panel options.
      </span>
      {notices.map((n) => (
        <span key={n} className={styles.hint}>
          {n}
        </span>
      ))}
    </Centered>
  );
}

function MessageList({ messages }: { messages: string[] }) {
  const styles = useStyles2(getStyles);
  return (
    <ul className={styles.list}>
      {messages.map((message) => (
        <li key={message}>{message}</li>
      ))}
    </ul>
  );
}

export function ErrorView({ errors }: { errors: string[] }) {
  const styles = useStyles2(getStyles);
  return (
    <div className={styles.padded} data-testid={panelTestIds.states.error}>
      <Alert severity="error" title="The query failed">
        <MessageList messages={errors} />
      </Alert>
    </div>
  );
}

export function PartialErrors({ errors }: { errors: string[] }) {
  if (errors.length === 0) {
    return null;
  }
  return (
    <div data-testid={panelTestIds.states.partialErrors}>
      <Alert severity="warning" title="Some queries failed; their models or metrics are missing below">
        <MessageList messages={errors} />
      </Alert>
    </div>
  );
}

export function Notices({ notices }: { notices: string[] }) {
  const styles = useStyles2(getStyles);
  if (notices.length === 0) {
    return null;
  }
  return (
    <ul className={styles.notices} data-testid={panelTestIds.states.notices}>
      {notices.map((n) => (
        <li key={n}>
          <Glyph name="info-circle" size="sm" aria-hidden /> {n}
        </li>
      ))}
    </ul>
  );
}

export function OnlyChampionNote({ name }: { name: string }) {
  const styles = useStyles2(getStyles);
  return (
    <p className={styles.note} data-testid={panelTestIds.states.onlyChampion}>
      <Glyph name="info-circle" size="sm" aria-hidden /> Only {name} is in the data, so there is nothing to compare it
      with. Add a challenger: a query with the role &quot;challenger&quot;, the model scope &quot;all models&quot; of a
      shadow or split deployment, or a series labelled with another model version.
    </p>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  centered: css({
    height: '100%',
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    justifyContent: 'center',
    gap: theme.spacing(1),
    padding: theme.spacing(2),
    textAlign: 'center',
    color: theme.colors.text.secondary,
  }),
  hint: css({ maxWidth: 520, fontSize: theme.typography.bodySmall.fontSize }),
  padded: css({ padding: theme.spacing(1) }),
  list: css({ margin: 0, paddingLeft: theme.spacing(2) }),
  notices: css({
    listStyle: 'none',
    margin: 0,
    padding: 0,
    color: theme.colors.text.secondary,
    fontSize: theme.typography.bodySmall.fontSize,
  }),
  note: css({ margin: 0, color: theme.colors.text.secondary, fontSize: theme.typography.bodySmall.fontSize }),
});
