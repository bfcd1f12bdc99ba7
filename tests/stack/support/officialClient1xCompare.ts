/**
 * Field-by-field comparison of what h2o-mlops 1.6.x parsed (its pydantic models, dumped as plain
 * snake_case data by tests/stack/official_client_1x_strict.py) with what the data source's own
 * parsers (src/datasource/mlops1x/parse*.ts) make of the SAME raw JSON body. Numbers must be equal
 * exactly, times as epoch ms, segment durations as seconds. Used by official-client-1x.test.ts.
 */
import type { ColumnAggregate, NumericSummary, OpenHistogram } from '../../../src/shared/drift';
import type {
  ColumnAggregation,
  Deployment,
  ScoringAggregation,
  Workspace,
} from '../../../src/datasource/mlops1x/domain';
import { parseBaselinePage, parseScoringPage } from '../../../src/datasource/mlops1x/parseAggregates';
import {
  parseDeploymentPage,
  parseDeploymentStatus,
  parseGetDeployment,
  parseMonitoringConfig,
  parseWorkspace,
  parseWorkspacePage,
} from '../../../src/datasource/mlops1x/parseDeployments';
import { ParseNotes } from '../../../src/datasource/parse/notes';

/** One call of the Python script: the raw body and the client's parsed model as plain data. */
export interface ClientCall {
  where: string;
  model: string;
  raw: string;
  client: Record<string, unknown>;
}

// The client's dump: plain JSON of unknown shape, read by snake_case key.
type Dumped = Record<string, any>;

/** Counts compared values (by kind) and keeps every mismatch with its path. */
export class Comparison {
  readonly mismatches: string[] = [];
  readonly counts: Record<string, number> = {};
  /** Values met per dimension (topology, logical type per list) to prove coverage. */
  readonly seen: Record<string, Set<string>> = {};

  note(dimension: string, value: unknown): void {
    (this.seen[dimension] ??= new Set()).add(String(value));
  }

  /** One value: numbers by Object.is (exactly), everything else by JSON equality. */
  eq(kind: string, path: string, client: unknown, ours: unknown): void {
    this.counts[kind] = (this.counts[kind] ?? 0) + 1;
    const same = typeof client === 'number' ? Object.is(client, ours) : JSON.stringify(client) === JSON.stringify(ours);
    if (!same) {
      this.mismatches.push(`${path} (${kind}): client ${JSON.stringify(client)}, ours ${JSON.stringify(ours)}`);
    }
  }

  /** Arrays element by element (the lengths too). */
  list(kind: string, path: string, client: readonly unknown[], ours: readonly unknown[]): void {
    this.eq('length', `${path}.length`, client.length, ours.length);
    client.forEach((c, i) => this.eq(kind, `${path}[${i}]`, c, ours[i]));
  }

  /** Maps key by key (the key sets too). */
  map(kind: string, path: string, client: Record<string, unknown>, ours: Record<string, unknown>): void {
    this.eq('keys', `${path}.keys`, Object.keys(client).sort(), Object.keys(ours).sort());
    for (const [k, v] of Object.entries(client)) {
      this.eq(kind, `${path}[${JSON.stringify(k)}]`, v, ours[k]);
    }
  }
}

/** A protobuf timestamp the client parsed (ISO) as epoch ms; absent is null. */
const ms = (iso: unknown): number | null => (typeof iso === 'string' ? Date.parse(iso) : null);

/** The client keeps segmentDuration as the wire's string ("3600s"): seconds, read independently. */
function seconds(duration: unknown): number {
  const m = /^(\d+(?:\.\d+)?)s$/.exec(String(duration));
  return m ? Number(m[1]) : NaN;
}

function histogram(c: Comparison, path: string, client: Dumped, ours: OpenHistogram | undefined): void {
  const edges: number[] = client.bin_edges ?? [];
  const counts: number[] = client.bin_count ?? [];
  // An aggregate without bins is an empty histogram of one bin of 0 on our side.
  c.list('binEdge', `${path}.binEdges`, edges, ours?.edges ?? []);
  c.list('binCount', `${path}.binCount`, edges.length + counts.length === 0 ? [0] : counts, ours?.counts ?? []);
}

function summary(c: Comparison, path: string, client: Dumped, ours: NumericSummary | null | undefined): void {
  const count = ((client.bin_count ?? []) as number[]).reduce((a, b) => a + b, 0);
  if (count === 0) {
    c.eq('summary', `${path}.summary`, null, ours ?? null);
    return;
  }
  const mean: number = client.mean ?? 0;
  c.eq('summaryCount', `${path}.count`, count, ours?.count);
  c.eq('mean', `${path}.mean`, mean, ours?.mean);
  c.eq('sd', `${path}.standardDeviation`, client.standard_deviation ?? 0, ours?.standardDeviation);
  c.eq('min', `${path}.min`, client.min ?? 0, ours?.min);
  c.eq('max', `${path}.max`, client.max ?? 0, ours?.max);
  c.eq('sum', `${path}.sum`, client.sum ?? mean * count, ours?.sum);
}

function aggregate(c: Comparison, path: string, client: Dumped, ours: ColumnAggregate): void {
  const num = client.numerical_aggregate;
  const cat = client.categorical_aggregate;
  const text = client.text_aggregate;
  c.eq('presence', `${path}.kinds`, [!!num, !!cat, !!text], [!!ours.numerical, !!ours.categorical, !!ours.text]);
  if (num) {
    histogram(c, `${path}.numerical`, num, ours.numerical?.histogram);
    summary(c, `${path}.numerical`, num, ours.numerical?.summary);
  }
  if (cat) {
    c.map('valueCount', `${path}.valueCounts`, cat.value_counts ?? {}, ours.categorical?.valueCounts ?? {});
  }
  if (text) {
    histogram(c, `${path}.text`, text, ours.text?.lengthHistogram);
    summary(c, `${path}.text`, text, ours.text?.lengthSummary);
    c.map('topWord', `${path}.topWords`, text.top_words ?? {}, ours.text?.topWords ?? {});
  }
  c.eq('missingRows', `${path}.missingRows`, client.missing_values?.row_count ?? undefined, ours.missingRows);
}

function aggregation(c: Comparison, path: string, client: Dumped, ours: ColumnAggregation): void {
  c.eq('id', `${path}.id`, client.id ?? '', ours.id);
  c.eq('column', `${path}.column`, client.column, ours.column);
  c.eq('logicalType', `${path}.logicalType`, client.logical_type ?? 'LOGICAL_TYPE_UNSPECIFIED', ours.logicalType);
  c.eq('isModelOutput', `${path}.isModelOutput`, client.is_model_output ?? false, ours.isModelOutput);
  c.list('experimentId', `${path}.experimentIds`, client.experiment_ids ?? [], ours.experimentIds);
  c.eq('oovRate', `${path}.oovRate`, client.text_aggregate?.oov_rate ?? null, ours.oovRate);
  aggregate(c, path, client, ours.aggregate);
}

function scoring(c: Comparison, path: string, client: Dumped, ours: ScoringAggregation): void {
  aggregation(c, path, client, ours);
  c.eq('startTime', `${path}.startMs`, ms(client.start_time), ours.startMs);
  c.eq('segmentDuration', `${path}.durationSeconds`, seconds(client.segment_duration), ours.durationMs / 1000);
}

function workspace(c: Comparison, path: string, client: Dumped, ours: Workspace): void {
  c.eq('id', `${path}.id`, String(client.name).split('/').pop(), ours.id);
  c.eq('text', `${path}.displayName`, client.display_name ?? '', ours.displayName);
  c.eq('text', `${path}.description`, client.description ?? '', ours.description);
  c.eq('time', `${path}.createTime`, ms(client.create_time), ours.createTime);
}

/** The topology as the client's model holds it: mode and experiments in role order. */
function topology(d: Dumped) {
  const exp = (e: Dumped) => e.deployment_composition.experiment_id as string;
  const plain = (ids: string[]) => ids.map((id) => ({ id, weight: null, effective: null }));
  if (d.single) {
    return { mode: 'single', experiments: plain([exp(d.single)]) };
  }
  if (d.shadow) {
    return { mode: 'shadow', experiments: plain([exp(d.shadow.primary_element), exp(d.shadow.secondary_element)]) };
  }
  if (d.split) {
    const elements = (d.split.split_elements as Dumped[]).map((e, i) => ({ e, i }));
    elements.sort((a, b) => b.e.weight - a.e.weight || a.i - b.i);
    const experiments = elements.map(({ e }) => ({
      id: exp(e),
      weight: e.weight,
      effective: e.effective_percentage ?? null,
    }));
    return { mode: 'split', experiments };
  }
  return { mode: d.external ? 'external' : 'unknown', experiments: [] };
}

function deployment(c: Comparison, path: string, client: Dumped, ours: Deployment): void {
  const parts = String(client.name).split('/');
  c.eq('id', `${path}.workspaceId`, parts[1], ours.workspaceId);
  c.eq('id', `${path}.id`, parts[3], ours.id);
  c.eq('text', `${path}.displayName`, client.display_name ?? '', ours.displayName);
  c.eq('text', `${path}.description`, client.description ?? '', ours.description);
  c.eq('text', `${path}.creator`, client.creator ?? '', ours.creator);
  c.eq('time', `${path}.createTime`, ms(client.create_time), ours.createTime);
  c.eq('time', `${path}.updateTime`, ms(client.update_time), ours.updateTime);
  const t = topology(client);
  c.eq('topology', `${path}.mode`, t.mode, ours.mode);
  c.note('topology', t.mode);
  c.list(
    'experimentId',
    `${path}.experiments`,
    t.experiments.map((e) => e.id),
    ours.experiments.map((e) => e.experimentId)
  );
  c.list(
    'weight',
    `${path}.weights`,
    t.experiments.map((e) => e.weight),
    ours.experiments.map((e) => e.weight)
  );
  c.list(
    'weight',
    `${path}.effective`,
    t.experiments.map((e) => e.effective),
    ours.experiments.map((e) => e.effectivePercentage)
  );
  const mon = client.monitoring_options;
  c.eq('monitoring', `${path}.monitoringEnabled`, mon ? (mon.enabled ?? false) : null, ours.monitoringEnabled);
  const cols = ((mon?.columns ?? []) as Dumped[]).map((k) => [k.column, k.logical_type, k.is_model_output ?? false]);
  c.list(
    'column',
    `${path}.columns`,
    cols,
    ours.monitoredColumns.map((k) => [k.column, k.logicalType, k.isModelOutput])
  );
  c.eq('paused', `${path}.paused`, client.paused ?? null, ours.paused);
}

function items<T>(
  c: Comparison,
  where: string,
  client: Dumped[] | null,
  ours: T[],
  one: (p: string, cl: Dumped, o: T) => void
) {
  c.eq('pageLength', `${where}.items.length`, (client ?? []).length, ours.length);
  (client ?? []).forEach((cl, i) => one(`${where}[${i}]`, cl, ours[i]));
}

/** Compares one call; a model our parsers do not read (counts, batch statuses) returns false. */
export function compareCall(c: Comparison, call: ClientCall): boolean {
  const raw: unknown = JSON.parse(call.raw);
  const cl = call.client as Dumped;
  const w = call.where;
  switch (call.model) {
    case 'V2ListBaselineAggregatesResponse':
      items(c, w, cl.baseline_aggregates, parseBaselinePage(raw).items, (p, x, o) => {
        c.note('baseline', x.logical_type);
        aggregation(c, p, x, o);
      });
      return true;
    case 'V2ListAggregatesResponse':
      items(c, w, cl.aggregates, parseScoringPage(raw).items, (p, x, o) => {
        c.note('scoring', x.logical_type);
        scoring(c, p, x, o);
      });
      return true;
    case 'V1ListWorkspacesResponse':
      items(c, w, cl.workspaces, parseWorkspacePage(raw).items, (p, x, o) => workspace(c, p, x, o));
      return true;
    case 'V1GetWorkspaceResponse':
      workspace(c, w, cl.workspace, parseWorkspace((raw as Dumped).workspace, 'workspace', new ParseNotes()));
      return true;
    case 'V2ListDeploymentsResponse':
      items(c, w, cl.deployments, parseDeploymentPage(raw).items, (p, x, o) => deployment(c, p, x, o));
      return true;
    case 'V2GetDeploymentResponse':
      deployment(c, w, cl.deployment, parseGetDeployment(raw).deployment);
      return true;
    case 'V2GetDeploymentStatusResponse': {
      const ours = parseDeploymentStatus(raw);
      const s = cl.deployment_status;
      c.eq('state', `${w}.state`, s.state ?? 'DEPLOYMENT_STATE_UNSPECIFIED', ours.state);
      c.eq('text', `${w}.message`, s.message ?? '', ours.message);
      c.eq('time', `${w}.updateTime`, ms(s.update_time), ours.updateTime);
      return true;
    }
    case 'V2GetMonitoringConfigResponse': {
      const ours = parseMonitoringConfig(raw);
      c.eq('monitoring', `${w}.enabled`, cl.monitoring_config?.enabled ?? false, ours.enabled);
      c.eq(
        'count',
        `${w}.maxAllowedFeatures`,
        cl.monitoring_config?.max_allowed_features ?? 0,
        ours.maxAllowedFeatures
      );
      return true;
    }
    default:
      return false;
  }
}
