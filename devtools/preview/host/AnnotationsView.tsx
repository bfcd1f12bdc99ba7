import React, { useEffect, useState } from 'react';
import {
  CoreApp,
  dateTime,
  type AnnotationQuery,
  type DataFrame,
  type DataQueryRequest,
  type TimeRange,
} from '@grafana/data';
import { from, lastValueFrom } from 'rxjs';

import championVsChallenger from '../../../provisioning/dashboards/mlops/champion-vs-challenger.json';
import deploymentDetail from '../../../provisioning/dashboards/mlops/deployment-detail.json';
import drift from '../../../provisioning/dashboards/mlops/drift.json';
import fleetOverview from '../../../provisioning/dashboards/mlops/fleet-overview.json';
import type { MlopsQuery } from '../../../src/datasource/types';
import { FIELD } from '../../../src/shared/frameSchema';
import { DATASOURCE_ID, previewTestIds } from '../shared';
import type { MlopsDataSourceInstance } from './plugins';

/** The provisioned dashboards that carry annotations (the alert runbook has none). */
const DASHBOARDS = [deploymentDetail, championVsChallenger, drift, fleetOverview];

/** One annotation query of our data source on a provisioned dashboard. */
interface DashboardAnnotation {
  dashboard: string;
  annotation: AnnotationQuery<MlopsQuery>;
}

/** One event as Grafana's annotation processing reads it from the frame's fields. */
export interface PreviewEvent {
  time: number;
  title: string;
  text: string;
  tags: string[];
  /** The deployment the event belongs to (the frame's `id` field, not shown by Grafana). */
  deploymentId: string;
}

interface AnnotationResult {
  dashboard: string;
  name: string;
  events: PreviewEvent[];
  error?: string;
}

function ourAnnotations(): DashboardAnnotation[] {
  return DASHBOARDS.flatMap((dashboard) =>
    (dashboard.annotations?.list ?? [])
      .filter((a) => a.datasource?.type === DATASOURCE_ID)
      .map((a) => ({ dashboard: dashboard.title, annotation: a as unknown as AnnotationQuery<MlopsQuery> }))
  );
}

function eventsOf(frame: DataFrame | undefined): PreviewEvent[] {
  const column = (name: string) => frame?.fields.find((f) => f.name === name)?.values ?? [];
  const times = column(FIELD.time) as number[];
  const titles = column(FIELD.title) as string[];
  const texts = column(FIELD.text) as string[];
  const tags = column(FIELD.tags) as unknown[];
  const ids = column(FIELD.id) as string[];
  return times.map((time, i) => ({
    time,
    deploymentId: String(ids[i] ?? ''),
    title: String(titles[i] ?? ''),
    text: String(texts[i] ?? ''),
    tags: Array.isArray(tags[i]) ? (tags[i] as string[]) : typeof tags[i] === 'string' ? [tags[i] as string] : [],
  }));
}

function timeRangeOf(hours: number): TimeRange {
  const to = dateTime();
  const start = dateTime(to.valueOf() - hours * 3600_000);
  return { from: start, to, raw: { from: `now-${hours}h`, to: 'now' } };
}

/** Runs one annotation as Grafana does: prepareAnnotation, prepareQuery, then query(). */
async function runAnnotation(
  datasource: MlopsDataSourceInstance,
  { dashboard, annotation }: DashboardAnnotation,
  hours: number
): Promise<AnnotationResult> {
  const name = annotation.name;
  const support = datasource.annotations;
  if (!support?.prepareAnnotation || !support.prepareQuery) {
    return { dashboard, name, events: [], error: 'the data source has no annotation support' };
  }
  const target = support.prepareQuery(support.prepareAnnotation(annotation));
  if (!target) {
    return { dashboard, name, events: [], error: 'prepareQuery returned no query' };
  }
  const request: DataQueryRequest<MlopsQuery> = {
    requestId: `preview-annotation-${dashboard}-${name}`,
    interval: '1m',
    intervalMs: 60_000,
    range: timeRangeOf(hours),
    scopedVars: {},
    timezone: 'browser',
    app: CoreApp.Dashboard,
    startTime: Date.now(),
    targets: [target],
  };
  try {
    const response = await lastValueFrom(from(datasource.query(request)));
    const error = response.errors?.map((e) => e.message).join('; ');
    return { dashboard, name, events: eventsOf(response.data[0] as DataFrame | undefined), error: error || undefined };
  } catch (e) {
    return { dashboard, name, events: [], error: String(e) };
  }
}

/**
 * The provisioned dashboards' annotation queries of our data source, run for the chosen
 * deployment(s) (the `$deployment` variable) and listed as text: what a time series panel on those
 * dashboards would mark.
 */
export function AnnotationsView({ datasource, hours }: { datasource: MlopsDataSourceInstance; hours: number }) {
  const [results, setResults] = useState<AnnotationResult[] | undefined>();
  useEffect(() => {
    let live = true;
    Promise.all(ourAnnotations().map((a) => runAnnotation(datasource, a, hours))).then((r) => live && setResults(r));
    return () => {
      live = false;
    };
  }, [datasource, hours]);

  if (!results) {
    return <p>Running annotation queries…</p>;
  }
  return (
    <section data-testid={previewTestIds.annotationsView}>
      {results.map((result) => (
        <div key={`${result.dashboard}/${result.name}`} data-testid={previewTestIds.annotation(result.dashboard)}>
          <h3>
            {result.dashboard}: {result.name}
          </h3>
          {result.error && <pre data-testid={previewTestIds.annotationError}>{result.error}</pre>}
          <ul>
            {result.events.map((event, i) => (
              <li key={i} data-testid={previewTestIds.annotationEvent} data-deployment-id={event.deploymentId}>
                <time dateTime={new Date(event.time).toISOString()}>{new Date(event.time).toISOString()}</time>{' '}
                <strong>{event.title}</strong> — {event.text} [{event.tags.join(', ')}]
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
