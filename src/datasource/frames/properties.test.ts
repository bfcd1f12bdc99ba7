import type { DataFrame } from '@grafana/data';
import fc from 'fast-check';

import type { FrameLabels } from '../../shared/frameSchema';
import { frameViolations } from '../../test/frameSchemaCheck';
import {
  parseDeploymentPage,
  parseDeploymentResponse,
  parseDriftMetrics,
  parseHealthMetrics,
  parseModelPage,
  parseOperationalSummary,
} from '../parse/parseResponses';
import { ResponseShapeError } from '../parse/scalars';
import { PredictionsUnit } from '../types';
import { deploymentsFrame, modelsFrame } from './deployments';
import { driftOverTimeFrames, driftSummaryFrame, featureDriftFrame, featureFrequencyFrame } from './drift';
import { healthSummaryFrame, predictionValuesFrame, predictionsOverTimeFrame } from './health';
import { operationalSummaryFrame, operationalTimeSeriesFrames } from './operational';

/**
 * Property: any JSON in → frames that keep the frame schema (no non-finite number in a numeric
 * field), or a ResponseShapeError; never another kind of throw. Inputs are both arbitrary JSON and
 * gateway-shaped bodies whose scalars are drawn from what a hostile or buggy gateway might send.
 */

const labels: FrameLabels = { deployment_id: 'd', deployment: 'dep', model: 'm', model_version: '1' };

// ——— scalars a gateway might send ———
const time = fc
  .date({ min: new Date(Date.UTC(1970, 0, 1)), max: new Date(Date.UTC(2200, 0, 1)), noInvalidDate: true })
  .chain((d) =>
    fc.constantFrom(d.toISOString(), d.toISOString().replace('Z', ''), d.toISOString().replace('Z', '+02:00'))
  );
const numericText = fc.oneof(
  fc.constantFrom(
    '',
    'NaN',
    'Infinity',
    '-Infinity',
    '+Inf',
    '1e400',
    '-3',
    '9007199254740993',
    '0',
    '12',
    'abc',
    ' 7 '
  ),
  fc.double().map(String),
  fc.integer().map(String)
);
const wire = fc.oneof(numericText, time, fc.double(), fc.integer(), fc.constant(null), fc.boolean());
/** Mostly what the field's type allows (so most bodies reach the frame builders), sometimes anything. */
const mostly = <T>(plausible: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: plausible, weight: 12 }, { arbitrary: wire as fc.Arbitrary<unknown>, weight: 1 });
const plausibleText = fc.oneof(
  fc.constantFrom('', 'NaN', 'Infinity', '-Infinity', '1e400', '-3', '9007199254740993', '0', '12', '0.25'),
  fc.double().map(String),
  fc.nat().map(String)
);
const text = mostly(plausibleText);
const double = mostly(fc.oneof(plausibleText, fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer()));
const count = mostly(
  fc.oneof(fc.nat().map(String), fc.integer({ min: -5, max: 1e6 }), fc.constant('9007199254740993'))
);
const when = mostly(time);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const point = fc.record({ xAxis: when, yAxis: maybe(text), value: maybe(text) }, { requiredKeys: [] });
const simpleGraph = fc.record(
  { yLabel: maybe(fc.constantFrom('MB', '%', '', 'x')), point: maybe(fc.array(point, { maxLength: 6 })) },
  { requiredKeys: [] }
);
const bin = fc.record({ xMin: when, xMax: when, y: maybe(text) }, { requiredKeys: [] });
const histogram = fc.record({ bin: maybe(fc.array(bin, { maxLength: 6 })) }, { requiredKeys: [] });
const box = fc.record(
  {
    x: maybe(time),
    xMin: maybe(when),
    xMax: maybe(time),
    y0: maybe(text),
    y1: maybe(text),
    y2: maybe(text),
    y3: maybe(text),
    y4: maybe(text),
  },
  { requiredKeys: [] }
);
const model = fc.record(
  {
    registeredModelName: maybe(fc.string()),
    registeredModelVersion: maybe(fc.string()),
    driftStatus: maybe(mostly(fc.constantFrom('HEALTHY', 'AT_RISK', 0, 2, 7))),
    accuracy: maybe(wire),
    averageScoringRequests: maybe(count),
  },
  { requiredKeys: [] }
);
const deployment = fc.record(
  {
    id: maybe(mostly(fc.string())),
    name: maybe(fc.string()),
    models: maybe(fc.array(model, { maxLength: 3 })),
    deploymentDate: maybe(when),
    monitoringEnabled: maybe(mostly(fc.boolean())),
  },
  { requiredKeys: [] }
);
const feature = fc.record(
  {
    name: maybe(fc.string()),
    driftCalculated: maybe(fc.boolean()),
    drift: maybe(double),
    importance: maybe(double),
    impact: maybe(double),
    missingValues: maybe(count),
  },
  { requiredKeys: [] }
);

const bodies = {
  health: fc.record(
    {
      totalPredictions: maybe(count),
      scoringLatency: maybe(double),
      predictions: maybe(histogram),
      predictionValues: maybe(fc.record({ box: maybe(fc.array(box, { maxLength: 5 })) }, { requiredKeys: [] })),
    },
    { requiredKeys: [] }
  ),
  operational: fc.record(
    {
      uptime: maybe(double),
      avgScoringLatency: maybe(double),
      scoringLatency: maybe(simpleGraph),
      memoryUsage: maybe(simpleGraph),
      failedPrediction: maybe(simpleGraph),
    },
    { requiredKeys: [] }
  ),
  drift: fc.record(
    {
      countFeatureDrift: maybe(count),
      highFeatureDrift: maybe(count),
      featureImportance: maybe(
        fc.record(
          {
            driftThreshold: maybe(double),
            featureDrift: maybe(
              fc.array(
                fc.record(
                  { Feature: maybe(feature), drift: maybe(fc.array(point, { maxLength: 4 })) },
                  { requiredKeys: [] }
                ),
                { maxLength: 3 }
              )
            ),
          },
          { requiredKeys: [] }
        )
      ),
      featureSummary: maybe(fc.record({ feature: maybe(fc.array(feature, { maxLength: 4 })) }, { requiredKeys: [] })),
      featureFrequency: maybe(
        fc.record(
          {
            featureDensity: maybe(
              fc.array(
                fc.record(
                  { featureName: maybe(fc.string()), continuous: maybe(histogram), categorical: maybe(simpleGraph) },
                  { requiredKeys: [] }
                ),
                { maxLength: 3 }
              )
            ),
          },
          { requiredKeys: [] }
        )
      ),
    },
    { requiredKeys: [] }
  ),
  deployments: fc.record(
    {
      deployment: maybe(fc.array(deployment, { maxLength: 4 })),
      totalDeployments: maybe(count),
      totalPredictions: maybe(count),
      nextPageToken: maybe(mostly(fc.string())),
    },
    { requiredKeys: [] }
  ),
  deployment: fc.record({ deployment: maybe(deployment) }, { requiredKeys: [] }),
  models: fc.record({ model: maybe(fc.array(model, { maxLength: 4 })) }, { requiredKeys: [] }),
};

/** Any JSON, a string (HTML, text), or a gateway-shaped body. */
const anyBody = (shaped: fc.Arbitrary<unknown>) =>
  fc.oneof({ arbitrary: shaped, weight: 4 }, fc.jsonValue(), fc.string());

/** Runs parse → frames; returns the frames, or null when the parser refused with a ResponseShapeError. */
function framesOrTypedError(build: () => DataFrame[]): DataFrame[] | null {
  try {
    return build();
  } catch (error) {
    if (error instanceof ResponseShapeError) {
      return null;
    }
    throw error;
  }
}

const pipelines: Record<keyof typeof bodies, (body: unknown) => DataFrame[]> = {
  health: (body) => {
    const health = parseHealthMetrics(body);
    return [
      healthSummaryFrame(health, labels),
      predictionsOverTimeFrame(health.predictions, labels, PredictionsUnit.CountPerBin),
      predictionsOverTimeFrame(health.predictions, labels, PredictionsUnit.RatePerMinute),
      predictionValuesFrame(health.predictionValues, labels),
    ];
  },
  operational: (body) => {
    const summary = parseOperationalSummary(body);
    return [operationalSummaryFrame(summary, labels), ...operationalTimeSeriesFrames(summary, [], labels)];
  },
  drift: (body) => {
    const drift = parseDriftMetrics(body);
    return [
      driftSummaryFrame(drift, labels),
      featureDriftFrame(drift, labels),
      ...driftOverTimeFrames(drift, labels),
      ...drift.frequencies.map((f) => featureFrequencyFrame(f, labels)),
    ];
  },
  deployments: (body) => {
    const page = parseDeploymentPage(body);
    return [deploymentsFrame(page.deployments, page.notices)];
  },
  deployment: (body) => {
    const d = parseDeploymentResponse(body);
    return [
      modelsFrame(
        d,
        d.models,
        d.models.map(() => 'challenger')
      ),
    ];
  },
  models: (body) => {
    const page = parseModelPage(body);
    const owner = parseDeploymentResponse({ deployment: { id: 'd' } });
    return [modelsFrame(owner, page.models, [], page.notices)];
  },
};

describe.each(Object.keys(bodies) as Array<keyof typeof bodies>)('%s: any JSON in', (name) => {
  it('gives frames that keep the frame schema, or a ResponseShapeError — nothing else', () => {
    fc.assert(
      fc.property(anyBody(bodies[name]), (body) => {
        const frames = framesOrTypedError(() => pipelines[name](body));
        for (const frame of frames ?? []) {
          expect(frameViolations(frame)).toEqual([]);
        }
      }),
      { numRuns: 300 }
    );
  });
});
