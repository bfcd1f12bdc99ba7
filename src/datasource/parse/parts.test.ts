import { NOTE } from './notes';
import {
  parseDeploymentPage,
  parseDeploymentResponse,
  parseHealthMetrics,
  parseHealthPredictionValues,
  parseHealthPredictions,
  parseHealthSummary,
  parseModelPage,
  parseOperationalTotals,
} from './parseResponses';

/**
 * The parsers of one part of an answer (health totals / histogram / box plots, operational totals)
 * and the list parsers: the exact values, and each notice on the part that read it, at its path.
 */

const H0 = '2026-11-22T00:00:00Z';
const H1 = '2026-11-22T01:00:00Z';
const H2 = '2026-11-22T02:00:00Z';
const bin = (xMin: string, xMax: string, y: string) => ({ xMin, xMax, y });
const sevenPredictions = { bin: [bin(H0, H1, '3'), bin(H1, H2, '4')] };

describe('health totals part (parseHealthSummary)', () => {
  it('reads the totals with their own notices, leaving the bins check to the histogram', () => {
    expect(parseHealthSummary({ totalPredictions: '5', scoringLatency: -1, predictions: sevenPredictions })).toEqual({
      totalPredictions: 5,
      scoringLatencyMs: null,
      notices: [`${NOTE.negative} (at scoringLatency)`],
    });
  });
});

describe('health histogram part (parseHealthPredictions)', () => {
  it('notes bins that add up past the reported total on the histogram', () => {
    const part = parseHealthPredictions({ totalPredictions: '5', predictions: sevenPredictions });
    expect(part.predictions!.counts).toEqual([3, 4]);
    expect(part.notices).toEqual([`${NOTE.binsPastTotal}: 7 > 5 (at predictions)`]);
  });

  it('says nothing when the bins add up to exactly the total', () => {
    const part = parseHealthPredictions({ totalPredictions: 7, predictions: sevenPredictions });
    expect(part.notices).toEqual([]);
    expect(parseHealthMetrics({ totalPredictions: 7, predictions: sevenPredictions }).notices).toEqual([]);
  });

  it('skips the check, without the total’s own notices, when the total cannot be read', () => {
    for (const totalPredictions of ['many', -1, '9007199254740993']) {
      const part = parseHealthPredictions({ totalPredictions, predictions: sevenPredictions });
      expect(part).toEqual({ predictions: expect.objectContaining({ counts: [3, 4] }), notices: [] });
    }
  });

  it('reads a total without a histogram as no histogram', () => {
    expect(parseHealthPredictions({ totalPredictions: '5' })).toEqual({ predictions: null, notices: [] });
    expect(parseHealthMetrics({ totalPredictions: '5' })).toEqual({
      totalPredictions: 5,
      scoringLatencyMs: null,
      predictions: null,
      predictionValues: null,
      notices: [],
    });
  });
});

describe('health box plot part (parseHealthPredictionValues)', () => {
  it('returns the box plots with their own notices', () => {
    const part = parseHealthPredictionValues({
      totalPredictions: '-1',
      predictionValues: { box: [{ xMin: H0, xMax: H1, y0: '9', y1: '2', y2: '3', y3: '4', y4: '1' }] },
    });
    expect(part.predictionValues!.min).toEqual([null]);
    expect(part.notices).toEqual([`${NOTE.boxOutOfOrder} (at predictionValues.box[0])`]);
  });
});

describe('operational totals part (parseOperationalTotals)', () => {
  it('reads uptime and latency, noting a negative latency at its field', () => {
    expect(parseOperationalTotals({ uptime: 99.5, avgScoringLatency: -1 })).toEqual({
      uptime: 99.5,
      avgScoringLatencyMs: null,
      notices: [`${NOTE.negative} (at avgScoringLatency)`],
    });
  });
});

describe('deployment and model lists: values and notice paths', () => {
  it('reads a deployment without models, dates or flags as empty, and keeps storeScoringData', () => {
    expect(parseDeploymentResponse({ deployment: { id: 'a', storeScoringData: true } })).toEqual({
      id: 'a',
      name: '',
      description: '',
      mode: '',
      environment: '',
      type: '',
      problemType: '',
      models: [],
      deploymentDate: null,
      projectId: '',
      monitoringEnabled: null,
      storeScoringData: true,
      notices: [],
    });
  });

  it('names the deployment path in the notices of a single deployment', () => {
    const deployment = parseDeploymentResponse({ deployment: { id: 'a', deploymentDate: '2026-11-01T08:30:00' } });
    expect(deployment.notices).toEqual([`${NOTE.noOffset} (at deployment.deploymentDate)`]);
  });

  it('reads an empty list answer as an empty page', () => {
    expect(parseDeploymentPage({})).toEqual({
      deployments: [],
      totalDeployments: null,
      totalPredictions: null,
      nextPageToken: '',
      notices: [],
    });
  });

  it('names the model of a deployment in a notice about it', () => {
    const page = parseDeploymentPage({ deployment: [{ id: 'a', models: [{}, { driftStatus: 1 }] }] });
    expect(page.deployments[0].models[1].driftStatus).toBe('HEALTHY');
    expect(page.notices).toEqual([`${NOTE.statusAsNumber} (at deployment[0].models[1].driftStatus)`]);
  });

  it('names the accuracy field of a model sent as a number', () => {
    const page = parseModelPage({ model: [{ accuracy: 2 }] });
    expect(page.models[0].accuracy).toBe('FAILING');
    expect(page.notices).toEqual([`${NOTE.statusAsNumber} (at model[0].accuracy)`]);
  });

  it('names each display total that could not be read', () => {
    const page = parseDeploymentPage({ totalDeployments: '7', totalPredictions: '1e30' });
    expect(page.totalDeployments).toBe(7);
    expect(page.notices).toEqual([
      'A total could not be read (totalPredictions: expected an integer string, got "1e30"); shown as no value (at totalPredictions)',
    ]);
  });
});
