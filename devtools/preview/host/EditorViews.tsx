import React, { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { css } from '@emotion/css';
import {
  CoreApp,
  dateTime,
  getFieldDisplayName,
  LoadingState,
  type DataFrame,
  type DataQueryError,
  type DataQueryRequest,
  type DataQueryResponse,
  type DataSourceConfigValidationAPI,
  type GrafanaTheme2,
  type PanelData,
  type TimeRange,
} from '@grafana/data';
import { Button, useStyles2 } from '@grafana/ui';
import { from, type Subscription } from 'rxjs';

import { SCENARIO_IDS, type ScenarioKey } from '../../../simulator/scenarios';
import {
  ModelScope,
  QUERY_SCHEMA_VERSION,
  QueryType,
  VariableQueryKind,
  type MlopsQuery,
  type MlopsVariableQuery,
} from '../../../src/datasource/types';
import { previewTestIds } from '../shared';
import type { LoadedPlugins, MlopsDataSourceInstance, MlopsSettings } from './plugins';

/**
 * The data source plugin's three editors, each wired to the live data source the way Grafana
 * wires them: the query editor's onChange/onRunQuery drive `query()`, the variable editor's query
 * runs through `datasource.variables.query()`, and the config editor edits settings that a
 * "Save & test" turns into a new data source instance.
 */

function lastHours(hours: number): TimeRange {
  const to = dateTime();
  const fromTime = dateTime(to.valueOf() - hours * 3600_000);
  return { from: fromTime, to, raw: { from: `now-${hours}h`, to: 'now' } };
}

function requestFor<Q extends { refId: string }>(targets: Q[], range: TimeRange, app: CoreApp): DataQueryRequest<Q> {
  return {
    requestId: `preview-${app}`,
    interval: '5m',
    intervalMs: 300_000,
    maxDataPoints: 500,
    range,
    scopedVars: {},
    timezone: 'browser',
    app,
    startTime: Date.now(),
    targets,
  };
}

const MAX_ROWS = 8;

function cellText(value: unknown): string {
  if (value === null || value === undefined) {
    return '—';
  }
  if (typeof value === 'number') {
    return Number.isInteger(value) ? String(value) : value.toPrecision(4);
  }
  return String(value);
}

/** What the last run returned: per frame its kind, fields and first rows — as text, never HTML. */
export function FramesSummary({ frames, errors }: { frames: DataFrame[]; errors?: DataQueryError[] }) {
  const styles = useStyles2(getStyles);
  return (
    <div className={styles.frames} data-testid={previewTestIds.frames} data-frame-count={frames.length}>
      {errors && errors.length > 0 && (
        <ul className={styles.errors} data-testid={previewTestIds.queryErrors}>
          {errors.map((e, i) => (
            <li key={i}>
              {e.refId ? `${e.refId}: ` : ''}
              {e.message}
            </li>
          ))}
        </ul>
      )}
      {frames.map((frame, index) => {
        const custom = frame.meta?.custom as { kind?: string } | undefined;
        const labels = frame.fields.find((f) => f.labels)?.labels ?? {};
        return (
          <div
            key={index}
            className={styles.frame}
            data-testid={previewTestIds.frame(index)}
            data-kind={custom?.kind ?? ''}
          >
            <div className={styles.frameTitle}>
              {frame.refId} · {custom?.kind ?? 'frame'} · {frame.length} row{frame.length === 1 ? '' : 's'}
              {Object.keys(labels).length > 0 && (
                <span className={styles.labels}>
                  {' '}
                  {'{'}
                  {Object.entries(labels)
                    .map(([k, v]) => `${k}="${v}"`)
                    .join(', ')}
                  {'}'}
                </span>
              )}
            </div>
            <table className={styles.table}>
              <thead>
                <tr>
                  {frame.fields.map((field) => (
                    <th key={field.name}>{getFieldDisplayName(field, frame)}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {Array.from({ length: Math.min(frame.length, MAX_ROWS) }, (_, row) => (
                  <tr key={row}>
                    {frame.fields.map((field) => (
                      <td key={field.name}>
                        {field.type === 'time'
                          ? dateTime(field.values[row] as number).format('MM-DD HH:mm')
                          : cellText(field.values[row])}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
            {frame.length > MAX_ROWS && <div className={styles.more}>… {frame.length - MAX_ROWS} more rows</div>}
          </div>
        );
      })}
    </div>
  );
}

/** The query editor against the live data source: every change re-runs the query, as in Grafana. */
export function QueryEditorView({
  plugins,
  datasource,
  deployment,
  hours,
}: {
  plugins: LoadedPlugins;
  datasource: MlopsDataSourceInstance;
  deployment: ScenarioKey;
  hours: number;
}) {
  const styles = useStyles2(getStyles);
  const QueryEditor = plugins.dsPlugin.components.QueryEditor;
  const range = useMemo(() => lastHours(hours), [hours]);
  const [query, setQuery] = useState<MlopsQuery>(() => ({
    ...(datasource.getDefaultQuery?.(CoreApp.PanelEditor) ?? {}),
    refId: 'A',
    schemaVersion: QUERY_SCHEMA_VERSION,
    queryType: QueryType.HealthSummary,
    deploymentId: SCENARIO_IDS[deployment],
    modelScope: ModelScope.All,
  }));
  // Grafana applies onChange to its store synchronously; onRunQuery then runs the latest query.
  const latest = useRef(query);
  const [data, setData] = useState<PanelData>({ state: LoadingState.NotStarted, series: [], timeRange: range });
  const [runs, setRuns] = useState(0);
  const subscription = useRef<Subscription | undefined>(undefined);

  const onChange = useCallback((next: MlopsQuery) => {
    latest.current = next;
    setQuery(next);
  }, []);
  const onRunQuery = useCallback(() => {
    subscription.current?.unsubscribe();
    setRuns((n) => n + 1);
    setData((previous) => ({ ...previous, state: LoadingState.Loading }));
    subscription.current = from(datasource.query(requestFor([latest.current], range, CoreApp.PanelEditor))).subscribe({
      next: (response: DataQueryResponse) =>
        setData({
          state: response.state ?? LoadingState.Done,
          series: response.data,
          errors: response.errors,
          timeRange: range,
        }),
      error: (error: unknown) =>
        setData({ state: LoadingState.Error, series: [], errors: [{ message: String(error) }], timeRange: range }),
    });
  }, [datasource, range]);

  useEffect(() => {
    onRunQuery();
    return () => subscription.current?.unsubscribe();
  }, [onRunQuery]);

  if (!QueryEditor) {
    return <p>The data source plugin has no query editor.</p>;
  }
  return (
    <div className={styles.column} data-testid={previewTestIds.queryView}>
      <div className={styles.editorBox} data-testid={previewTestIds.queryEditorBox}>
        <QueryEditor
          query={query}
          onChange={onChange}
          onRunQuery={onRunQuery}
          datasource={datasource}
          data={data}
          range={range}
          app={CoreApp.PanelEditor}
        />
      </div>
      <div className={styles.meta} data-testid={previewTestIds.queryMeta}>
        <span data-testid={previewTestIds.runCount} data-runs={runs}>
          runs: {runs} · state: {data.state}
        </span>
        <span className={styles.json} data-testid={previewTestIds.queryJson}>
          {JSON.stringify(query)}
        </span>
      </div>
      <FramesSummary frames={data.series} errors={data.errors} />
    </div>
  );
}

/** The variable query editor (`datasource.variables.editor`) and the values its query returns. */
export function VariableEditorView({
  datasource,
  deployment,
  hours,
}: {
  datasource: MlopsDataSourceInstance;
  deployment: ScenarioKey;
  hours: number;
}) {
  const styles = useStyles2(getStyles);
  const support = datasource.variables as
    | {
        editor?: React.ComponentType<{
          query: MlopsVariableQuery;
          onChange: (q: MlopsVariableQuery) => void;
          datasource: unknown;
        }>;
        query?: (r: DataQueryRequest<MlopsVariableQuery>) => ReturnType<typeof datasource.query>;
      }
    | undefined;
  const range = useMemo(() => lastHours(hours), [hours]);
  const [query, setQuery] = useState<MlopsVariableQuery>({
    refId: 'variable',
    schemaVersion: QUERY_SCHEMA_VERSION,
    kind: VariableQueryKind.Models,
    deploymentId: SCENARIO_IDS[deployment],
  });
  const [values, setValues] = useState<Array<{ text: string; value: string }>>([]);
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    if (!support?.query) {
      return undefined;
    }
    const sub = from(support.query(requestFor([query], range, CoreApp.Dashboard))).subscribe({
      next: (response) => {
        const frame = response.data[0] as DataFrame | undefined;
        const texts = frame?.fields.find((f) => f.name === 'text')?.values ?? [];
        const vals = frame?.fields.find((f) => f.name === 'value')?.values ?? [];
        setValues(texts.map((text, i) => ({ text: String(text), value: String(vals[i]) })));
        setError(undefined);
      },
      error: (e: unknown) => setError(e instanceof Error ? e.message : JSON.stringify(e)),
    });
    return () => sub.unsubscribe();
  }, [support, query, range]);

  const Editor = support?.editor;
  if (!Editor) {
    return <p>The data source has no custom variable editor.</p>;
  }
  return (
    <div className={styles.column}>
      <div className={styles.editorBox}>
        <Editor query={query} onChange={setQuery} datasource={datasource} />
      </div>
      <div className={styles.meta} data-testid={previewTestIds.variableValues}>
        {error ? `error: ${error}` : `values: ${values.map((v) => `${v.text} = ${v.value}`).join(' | ') || '(none)'}`}
      </div>
    </div>
  );
}

/**
 * The config editor on the saved settings (secrets only as `secureJsonFields`, as Grafana's API
 * returns them). "Save & test" builds a new instance from the edited settings and runs its
 * `testDatasource()` — the preview does not persist anything; the gateway credentials stay with
 * the preview server.
 */
export function ConfigEditorView({ plugins }: { plugins: LoadedPlugins }) {
  const styles = useStyles2(getStyles);
  const ConfigEditor = plugins.dsPlugin.components.ConfigEditor;
  const [settings, setSettings] = useState<MlopsSettings>(plugins.settings);
  const [testResult, setTestResult] = useState<{ status: string; message: string; details?: string } | undefined>();
  const [validateResult, setValidateResult] = useState<string>('');
  const validators = useRef(new Set<() => Promise<boolean> | boolean>());
  const validation = useMemo<DataSourceConfigValidationAPI>(
    () =>
      ({
        registerValidation: (validator: () => Promise<boolean> | boolean) => {
          validators.current.add(validator);
          return () => validators.current.delete(validator);
        },
        validate: async () => {
          const results = await Promise.all([...validators.current].map((v) => v()));
          return results.every(Boolean);
        },
        hasFieldErrors: () => false,
      }) as unknown as DataSourceConfigValidationAPI,
    []
  );

  const saveAndTest = async () => {
    setTestResult(undefined);
    const valid = await validation.validate();
    if (!valid) {
      setTestResult({ status: 'error', message: 'The form has errors; fix them before saving.' });
      return;
    }
    const instance = plugins.createDataSource(settings);
    try {
      const result = await instance.testDatasource();
      const details = (result.details as { message?: string } | undefined)?.message;
      setTestResult({ status: result.status, message: result.message, details });
    } catch (e) {
      setTestResult({ status: 'error', message: e instanceof Error ? e.message : JSON.stringify(e) });
    }
  };

  if (!ConfigEditor) {
    return <p>The data source plugin has no config editor.</p>;
  }
  const secretKeys = Object.keys(settings.secureJsonData ?? {});
  return (
    <div className={styles.column}>
      <div className={styles.editorBox} data-testid={previewTestIds.configEditorBox}>
        <ConfigEditor options={settings} onOptionsChange={setSettings} validation={validation} />
      </div>
      <div className={styles.actions}>
        <Button onClick={saveAndTest} data-testid={previewTestIds.testButton}>
          Save &amp; test
        </Button>
        <Button
          variant="secondary"
          data-testid={previewTestIds.validateButton}
          onClick={async () => setValidateResult(String(await validation.validate()))}
        >
          Validate
        </Button>
        <span data-testid={previewTestIds.validateResult}>{validateResult}</span>
      </div>
      {testResult && (
        <div className={styles.meta} data-testid={previewTestIds.testResult} data-status={testResult.status}>
          {testResult.status}: {testResult.message}
          {testResult.details ? ` — ${testResult.details}` : ''}
        </div>
      )}
      <pre className={styles.meta} data-testid={previewTestIds.settingsJson}>
        {JSON.stringify(
          {
            jsonData: settings.jsonData,
            secureJsonFields: settings.secureJsonFields,
            // Typed secrets are shown only by name: the page must never echo a secret value.
            secureJsonDataKeys: secretKeys,
          },
          null,
          2
        )}
      </pre>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  column: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(2), maxWidth: 1100 }),
  editorBox: css({
    background: theme.colors.background.primary,
    border: `1px solid ${theme.colors.border.weak}`,
    borderRadius: theme.shape.radius.default,
    padding: theme.spacing(2),
  }),
  json: css({ fontFamily: theme.typography.fontFamilyMonospace }),
  actions: css({ display: 'flex', gap: theme.spacing(1), alignItems: 'center' }),
  meta: css({
    color: theme.colors.text.secondary,
    fontSize: theme.typography.bodySmall.fontSize,
    display: 'flex',
    flexDirection: 'column',
    gap: 4,
    whiteSpace: 'pre-wrap',
    wordBreak: 'break-all',
    margin: 0,
  }),
  frames: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(1.5) }),
  frame: css({
    border: `1px solid ${theme.colors.border.weak}`,
    borderRadius: theme.shape.radius.default,
    padding: theme.spacing(1),
    overflowX: 'auto',
  }),
  frameTitle: css({ fontWeight: theme.typography.fontWeightMedium, marginBottom: theme.spacing(0.5) }),
  labels: css({
    fontWeight: theme.typography.fontWeightRegular,
    color: theme.colors.text.secondary,
    fontFamily: theme.typography.fontFamilyMonospace,
    fontSize: theme.typography.bodySmall.fontSize,
  }),
  table: css({
    borderCollapse: 'collapse',
    fontSize: theme.typography.bodySmall.fontSize,
    'th, td': {
      padding: theme.spacing(0.25, 1),
      borderBottom: `1px solid ${theme.colors.border.weak}`,
      textAlign: 'left',
      whiteSpace: 'nowrap',
    },
    th: { color: theme.colors.text.secondary, fontWeight: theme.typography.fontWeightMedium },
  }),
  more: css({ color: theme.colors.text.secondary, fontSize: theme.typography.bodySmall.fontSize }),
  errors: css({ color: theme.colors.error.text, margin: 0 }),
});
