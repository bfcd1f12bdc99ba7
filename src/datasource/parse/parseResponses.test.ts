import deploymentsPage1 from '../../../tests/fixtures/gateway/deployments-page1.json';
import deploymentsPage2 from '../../../tests/fixtures/gateway/deployments-page2.json';
import drift from '../../../tests/fixtures/gateway/drift.json';
import healthExample from '../../../tests/fixtures/gateway/health-documented-example.json';
import healthRegression from '../../../tests/fixtures/gateway/health-regression.json';
import models from '../../../tests/fixtures/gateway/models.json';
import operational from '../../../tests/fixtures/gateway/operational.json';
import {
  parseDeploymentPage,
  parseDeploymentResponse,
  parseDriftMetrics,
  parseHealthMetrics,
  parseModelPage,
  parseOperationalSummary,
} from './parseResponses';
import { pointNumber } from './graphs';
import { NOTE, ParseNotes } from './notes';
import { OPERATIONAL_GRAPH_PARSERS } from './operational';
import { ResponseShapeError } from './scalars';
import { OperationalMetric } from '../../shared/operationalMetrics';

describe('parseHealthMetrics', () => {
  it('parses the documented example (17670 predictions, 1.7566 ms, four unequal bins)', () => {
    const health = parseHealthMetrics(healthExample);
    expect(health.totalPredictions).toBe(17670);
    expect(health.scoringLatencyMs).toBe(1.756577830589034);
    expect(health.predictions?.counts).toEqual([0, 0, 0, 17670]);
    expect(health.predictions?.starts[0]).toBe(Date.UTC(2022, 6, 19, 7, 28, 40));
    expect(health.predictions?.ends[3]).toBe(Date.UTC(2022, 7, 18, 7, 28, 40));
    const { starts, ends } = health.predictions!;
    const widthsInHours = starts.map((start, i) => (ends[i] - start) / 3600_000);
    expect(new Set(widthsInHours.map((w) => Math.round(w))).size).toBe(4);
    expect(health.predictionValues).toBeNull();
  });

  it('sorts bins by time and reads box plots as min/q1/median/q3/max', () => {
    const health = parseHealthMetrics(healthRegression);
    expect(health.predictions!.starts).toEqual([Date.UTC(2026, 10, 22, 0), Date.UTC(2026, 10, 22, 1)]);
    const boxes = health.predictionValues!;
    const box = (i: number) => ({
      start: boxes.starts[i],
      end: boxes.ends[i],
      min: boxes.min[i],
      q1: boxes.q1[i],
      median: boxes.median[i],
      q3: boxes.q3[i],
      max: boxes.max[i],
    });
    expect(box(0)).toEqual({
      start: Date.UTC(2026, 10, 22, 0),
      end: Date.UTC(2026, 10, 22, 1),
      min: 1.5,
      q1: 10.25,
      median: 20,
      q3: 31.125,
      max: 99.9,
    });
    // xMin empty: x marks the interval; an empty median is no value, not 0.
    expect(box(1)).toMatchObject({
      start: Date.UTC(2026, 10, 22, 1),
      end: null,
      q1: 10,
      median: null,
    });
    expect(boxes.starts).toHaveLength(2);
  });

  it('keeps absent totals as no value', () => {
    const health = parseHealthMetrics({});
    expect(health).toEqual({
      totalPredictions: null,
      scoringLatencyMs: null,
      predictions: null,
      predictionValues: null,
      notices: [],
    });
  });

  it('names the path of a malformed bin', () => {
    const bad = { predictions: { bin: [{ xMin: '2022-07-19T07:28:40Z', xMax: '2022-07-20T07:28:40Z', y: 'many' }] } };
    expect(() => parseHealthMetrics(bad)).toThrow('predictions.bin[0].y: expected a number, got "many"');
    const reversed = { predictions: { bin: [{ xMin: '2022-07-20T00:00:00Z', xMax: '2022-07-19T00:00:00Z', y: '1' }] } };
    expect(() => parseHealthMetrics(reversed)).toThrow(/bin ends before it starts/);
  });

  it('reports wrong JSON types with their path', () => {
    expect(() => parseHealthMetrics({ scoringLatency: 'fast' })).toThrow(
      'scoringLatency: expected a number, got "fast"'
    );
    expect(() => parseHealthMetrics({ predictions: { bin: 'none' } })).toThrow(
      /health metrics: .*predictions\.bin|predictions\.bin: health metrics/
    );
  });
});

describe('decode (bad bodies)', () => {
  it('explains HTML pages, text, empty bodies and non-objects', () => {
    expect(() => parseHealthMetrics('<!doctype html><html>Login</html>')).toThrow(/HTML page instead of JSON/);
    expect(() => parseHealthMetrics('{"totalPredictions": 1')).toThrow(/not valid JSON/);
    expect(() => parseHealthMetrics('')).toThrow(/empty body/);
    expect(() => parseHealthMetrics(null)).toThrow(/expected a JSON object, got null/);
    expect(() => parseHealthMetrics([1, 2])).toThrow(/got an array/);
  });
});

describe('parseDeploymentPage', () => {
  it('parses deployments, int64 totals and the page token', () => {
    const page = parseDeploymentPage(deploymentsPage1);
    expect(page.totalDeployments).toBe(3);
    expect(page.totalPredictions).toBe(Number.MAX_SAFE_INTEGER);
    expect(page.nextPageToken).toBe('page-2');
    expect(page.deployments).toHaveLength(2);
    const [credit, shadow] = page.deployments;
    expect(credit).toMatchObject({
      id: '6f1c2a4e-0000-4000-8000-000000000001',
      type: 'singleDeployment',
      monitoringEnabled: true,
      deploymentDate: Date.UTC(2026, 9, 1, 12, 0, 0, 123),
    });
    expect(credit.models[0]).toEqual({
      name: 'credit-xgb',
      version: '3',
      driftStatus: 'HEALTHY',
      accuracy: 'UNKNOWN',
      averageScoringRequests: 42,
    });
    // Fields a gateway older than 0.65 omits are unknown, not false.
    expect(shadow.monitoringEnabled).toBeNull();
    expect(shadow.name).toBe('-');
  });

  it('parses an empty date and an empty model list', () => {
    const page = parseDeploymentPage(deploymentsPage2);
    expect(page.deployments[0]).toMatchObject({ deploymentDate: null, models: [], monitoringEnabled: false });
    expect(page.nextPageToken).toBe('');
  });

  it('leaves out a deployment without an id, with a notice naming its index, and keeps the others', () => {
    const page = parseDeploymentPage({ deployment: [{ id: 'a' }, { name: 'x' }, { id: 'c' }] });
    expect(page.deployments.map((d) => d.id)).toEqual(['a', 'c']);
    expect(page.notices).toEqual([`${NOTE.rowSkipped}: deployment[1]: deployment without an id (at deployment[1])`]);
  });

  it('refuses a deployment list that is not a list', () => {
    expect(() => parseDeploymentPage({ deployment: { id: 'a' } })).toThrow(/deployment/);
  });
});

describe('parseDeploymentResponse and parseModelPage', () => {
  it('unwraps the deployment', () => {
    expect(parseDeploymentResponse({ deployment: deploymentsPage1.deployment[0] }).name).toBe('credit-risk');
    expect(() => parseDeploymentResponse({ deployment: null })).toThrow(/no deployment/);
  });

  it('parses models', () => {
    const page = parseModelPage(models);
    expect(page.models.map((m) => `${m.name}:${m.version}`)).toEqual(['churn-gbm:7', 'churn-dnn:2']);
    expect(parseModelPage({}).models).toEqual([]);
  });

  it('names the models answer in its refusals', () => {
    expect(() => parseModelPage('')).toThrow('models of the deployment: the gateway returned an empty body');
    expect(() => parseModelPage([])).toThrow('models of the deployment: expected a JSON object, got an array');
  });

  it('keeps unknown future status values verbatim and fills missing ones with UNKNOWN', () => {
    const page = parseModelPage({ model: [{ registeredModelName: 'm', driftStatus: 'DEGRADED' }] });
    expect(page.models[0]).toMatchObject({
      driftStatus: 'DEGRADED',
      accuracy: 'UNKNOWN',
      averageScoringRequests: null,
    });
  });
});

describe('pointNumber (decision: yAxis carries the number, value is the fallback)', () => {
  it('reads yAxis when present', () => {
    expect(pointNumber({ xAxis: 't', yAxis: '3', value: '99' }, 'p', new ParseNotes())).toBe(3);
  });
  it('falls back to value when yAxis is empty', () => {
    expect(pointNumber({ xAxis: 't', yAxis: '', value: '0.05' }, 'p', new ParseNotes())).toBe(0.05);
    expect(pointNumber({ xAxis: 't' }, 'p', new ParseNotes())).toBeNull();
  });
  it('reads value, with a note, when yAxis holds a label and value the number (as the official client keeps both)', () => {
    const notes = new ParseNotes();
    expect(pointNumber({ xAxis: 't', yAxis: 'high', value: '1' }, 'point[0]', notes)).toBe(1);
    expect(notes.list()).toEqual([`${NOTE.labelInYAxis} (at point[0])`]);
  });
  it('does not hide a malformed yAxis when value holds no number either', () => {
    expect(() => pointNumber({ xAxis: 't', yAxis: 'high', value: '' }, 'point[0]', new ParseNotes())).toThrow(
      'point[0].yAxis: expected a number'
    );
  });
});

describe('parseOperationalSummary', () => {
  it('parses totals and every graph, sorting points by time', () => {
    const summary = parseOperationalSummary(operational);
    expect(summary.uptime).toBe(99.95);
    expect(summary.avgScoringLatencyMs).toBe(12.5);
    expect(summary.graphs.scoringLatency!.times).toEqual([Date.UTC(2026, 10, 22, 0, 0), Date.UTC(2026, 10, 22, 0, 5)]);
    expect(summary.graphs.scoringLatency!.values).toEqual([12, 13]);
    expect(summary.graphs.cpuUsage).toBeNull();
    expect(summary.graphs.availability!.times).toEqual([]);
    expect(summary.graphs.memoryUsage!.yLabel).toBe('MB');
  });
});

describe('parseDriftMetrics', () => {
  it('parses counts (documented countFeatureDrift 13), thresholds and features', () => {
    const metrics = parseDriftMetrics(drift);
    expect(metrics.countFeatureDrift).toBe(13);
    expect([metrics.highFeatureDrift, metrics.mediumFeatureDrift, metrics.lowFeatureDrift]).toEqual([2, 3, 8]);
    expect(metrics.driftThreshold).toBe(0.3);
    expect(metrics.importanceThreshold).toBe(0.5);
    expect(metrics.features.map((f) => f.name)).toEqual([
      'income',
      'age',
      '<img src=x onerror=alert(1)>',
      'new_feature',
    ]);
    expect(metrics.features[0]).toEqual({
      name: 'income',
      dataType: 'numeric',
      driftCalculated: true,
      drift: 0.35,
      importance: 0.8,
      impact: 0.2,
      missingValues: 4,
    });
  });

  it('respects driftCalculated=false: no fake zeros', () => {
    const feature = parseDriftMetrics(drift).features[3];
    expect(feature).toMatchObject({
      driftCalculated: false,
      drift: null,
      importance: null,
      impact: null,
      missingValues: 0,
    });
  });

  it('reads the capitalised Feature key and drift over time', () => {
    const metrics = parseDriftMetrics(drift);
    expect(metrics.driftOverTime[0].feature.name).toBe('income');
    expect(metrics.driftOverTime[0].values).toEqual([0.1, 0.35]);
    expect(metrics.driftOverTime[1].values[0]).toBe(0.05);
  });

  it('parses continuous and categorical frequencies', () => {
    const [income, segment] = parseDriftMetrics(drift).frequencies;
    expect(income).toEqual({
      featureName: 'income',
      kind: 'continuous',
      histogram: { name: '', description: '', xLabel: '', yLabel: '' },
      bins: [
        { min: 0, max: 1000.5, count: 12 },
        { min: 1000.5, max: 2000, count: 30 },
      ],
    });
    expect(segment).toMatchObject({
      kind: 'categorical',
      categories: [
        { category: 'retail', value: 70 },
        { category: 'sme', value: 30 },
      ],
    });
  });

  it('falls back to the features inside featureImportance when featureSummary is empty', () => {
    const metrics = parseDriftMetrics({ ...drift, featureSummary: { feature: [] } });
    expect(metrics.features.map((f) => f.name)).toEqual(['income', '<img src=x onerror=alert(1)>']);
  });

  it('treats an absent driftCalculated as false (proto3 default)', () => {
    const metrics = parseDriftMetrics({ featureSummary: { feature: [{ name: 'x', drift: 0 }] } });
    expect(metrics.features[0]).toMatchObject({ driftCalculated: false, drift: null });
  });

  it('parses an empty response as empty, not as zeros', () => {
    const metrics = parseDriftMetrics({});
    expect(metrics).toEqual({
      countFeatureDrift: null,
      highFeatureDrift: null,
      mediumFeatureDrift: null,
      lowFeatureDrift: null,
      driftThreshold: null,
      importanceThreshold: null,
      features: [],
      driftOverTime: [],
      frequencies: [],
      notices: [],
    });
  });
});

describe('answers that are not JSON objects', () => {
  it('recognises an HTML page after leading whitespace', () => {
    expect(() => parseHealthMetrics('\n  <!DOCTYPE html><html><body>Sign in</body></html>')).toThrow(
      'health metrics: the gateway answered with an HTML page instead of JSON (check the gateway URL and base path)'
    );
  });

  it('does not call text with a "<" in the middle an HTML page', () => {
    expect(() => parseHealthMetrics('upstream error: latency < 5 ms expected')).toThrow(
      new ResponseShapeError('health metrics: the response is not valid JSON', '')
    );
  });
});

describe('parseDeploymentResponse without a deployment', () => {
  it('refuses it, naming the deployment path', () => {
    let caught: unknown;
    try {
      parseDeploymentResponse({});
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ResponseShapeError);
    expect((caught as ResponseShapeError).path).toBe('deployment');
    expect((caught as ResponseShapeError).message).toBe('deployment: the response has no deployment');
  });
});

describe('drift threshold notices', () => {
  it('name featureImportance.driftThreshold when it is NaN', () => {
    const metrics = parseDriftMetrics({ featureImportance: { driftThreshold: 'NaN', importanceThreshold: 0.5 } });
    expect(metrics.driftThreshold).toBeNull();
    expect(metrics.notices).toEqual([`${NOTE.nonFinite} (at featureImportance.driftThreshold)`]);
  });
});

describe('one operational graph', () => {
  it('reads its points in time order, with the part notices', () => {
    const part = OPERATIONAL_GRAPH_PARSERS[OperationalMetric.ScoringLatency](operational);
    expect(part.graph?.times).toEqual([Date.UTC(2026, 10, 22, 0, 0), Date.UTC(2026, 10, 22, 0, 5)]);
    expect(part.graph?.values).toEqual([12, 13]);
    expect(part.graph?.name).toBe('Scoring latency');
    expect(part.notices).toEqual([]);
  });
});
