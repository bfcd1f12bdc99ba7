import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { styleMixins } from '@grafana/ui';

/** Styles of the comparison table and its cells. */
export const getStyles = (theme: GrafanaTheme2) => ({
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
