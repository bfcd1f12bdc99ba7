import { NOTE } from './notes';
import { parseDriftFrequencies, parseDriftMetrics, parseDriftSeries, parseDriftSummary } from './parseResponses';

/**
 * The drift answer's parts: the summary (counts, thresholds, features), the series (drift over
 * time) and the frequencies — exact values, and each notice at its JSON path on the part that read it.
 */

const T0 = '2026-11-22T00:00:00Z';
const DENSITY = 'featureFrequency.featureDensity[0]';
const frequenciesOf = (...featureDensity: object[]) => parseDriftFrequencies({ featureFrequency: { featureDensity } });
const bin = (xMin: string, xMax: string, y: string) => ({ xMin, xMax, y });
/** A feature as read when the gateway has not calculated its drift: no drift, importance or impact. */
const notCalculated = (name: string, missingValues: number | null) => ({
  name,
  dataType: '',
  driftCalculated: false,
  drift: null,
  importance: null,
  impact: null,
  missingValues,
});

describe('drift summary part (parseDriftSummary)', () => {
  it('reads an empty answer as no counts and no features', () => {
    expect(parseDriftSummary({})).toEqual({
      countFeatureDrift: null,
      highFeatureDrift: null,
      mediumFeatureDrift: null,
      lowFeatureDrift: null,
      driftThreshold: null,
      importanceThreshold: null,
      features: [],
      notices: [],
    });
    expect(parseDriftSummary({ featureImportance: {} }).features).toEqual([]);
  });

  it('falls back to the features inside featureImportance, naming their paths in notices', () => {
    const summary = parseDriftSummary({
      featureSummary: { feature: [] },
      featureImportance: {
        featureDrift: [
          { Feature: { name: 'a', missingValues: 1 }, drift: [{ xAxis: T0, yAxis: 'high', value: '1' }] },
          { drift: [] },
          { Feature: { name: 'c', missingValues: -1 } },
        ],
      },
    });
    expect(summary.features).toEqual([notCalculated('a', 1), notCalculated('', null), notCalculated('c', null)]);
    // The points are not read for the summary: no notice about the label in yAxis.
    expect(summary.notices).toEqual([`${NOTE.negative} (at featureImportance.featureDrift[2].Feature.missingValues)`]);
  });

  it.each(['countFeatureDrift', 'highFeatureDrift', 'mediumFeatureDrift', 'lowFeatureDrift'])(
    'reads the int32 %s sent as a string, noting it at its field',
    (field) => {
      const summary = parseDriftSummary({ [field]: '4' });
      expect(summary).toMatchObject({ [field]: 4 });
      expect(summary.notices).toEqual([`${NOTE.int32AsString} (at ${field})`]);
    }
  );

  it.each(['driftThreshold', 'importanceThreshold'])('notes a NaN %s at its path', (field) => {
    const summary = parseDriftSummary({ featureImportance: { [field]: 'NaN' } });
    expect(summary).toMatchObject({ [field]: null });
    expect(summary.notices).toEqual([`${NOTE.nonFinite} (at featureImportance.${field})`]);
  });

  it.each(['drift', 'importance', 'impact'])('notes a NaN %s of a feature at its path', (field) => {
    const summary = parseDriftSummary({ featureSummary: { feature: [{ driftCalculated: true, [field]: 'NaN' }] } });
    expect(summary.features[0]).toMatchObject({ [field]: null });
    expect(summary.notices).toEqual([`${NOTE.nonFinite} (at featureSummary.feature[0].${field})`]);
  });
});

describe('drift series part (parseDriftSeries)', () => {
  it('names the feature and the point of each series in its notices', () => {
    const series = parseDriftSeries({
      featureImportance: {
        featureDrift: [
          { Feature: { name: 'a', missingValues: -1 }, drift: [{ xAxis: T0, yAxis: 'high', value: '0.5' }] },
        ],
      },
    });
    expect(series.driftOverTime).toEqual([
      {
        feature: notCalculated('a', null),
        times: [Date.UTC(2026, 10, 22)],
        values: [0.5],
      },
    ]);
    expect(series.notices).toEqual([
      `${NOTE.negative} (at featureImportance.featureDrift[0].Feature.missingValues)`,
      `${NOTE.labelInYAxis} (at featureImportance.featureDrift[0].drift[0])`,
    ]);
  });
});

describe('drift frequencies part (parseDriftFrequencies)', () => {
  it('names the category point of a negative count or a label in yAxis', () => {
    const [frequency] = frequenciesOf({
      featureName: 'segment',
      categorical: {
        point: [
          { xAxis: 'retail', yAxis: '-3' },
          { xAxis: 'sme', yAxis: 'many', value: '2' },
        ],
      },
    }).frequencies;
    expect(frequency).toMatchObject({
      kind: 'categorical',
      categories: [
        { category: 'retail', value: null },
        { category: 'sme', value: 2 },
      ],
    });
    expect(frequency.notices).toEqual([
      `${NOTE.negative} (at ${DENSITY}.categorical.point[0])`,
      `${NOTE.labelInYAxis} (at ${DENSITY}.categorical.point[1])`,
    ]);
  });

  it('names the bound or count of a continuous bin that is not a number', () => {
    const refusal = (b: object) => () => frequenciesOf({ continuous: { bin: [b] } });
    expect(refusal(bin('low', '1', '1'))).toThrow(`${DENSITY}.continuous.bin[0].xMin: expected a number, got "low"`);
    expect(refusal(bin('0', 'high', '1'))).toThrow(`${DENSITY}.continuous.bin[0].xMax: expected a number, got "high"`);
    expect(refusal(bin('0', '1', 'many'))).toThrow(`${DENSITY}.continuous.bin[0].y: expected a number, got "many"`);
  });

  it('leaves out a bin without an upper bound', () => {
    const [frequency] = frequenciesOf({ featureName: 'f', continuous: { bin: [bin('0', '', '3')] } }).frequencies;
    expect(frequency).toEqual({
      featureName: 'f',
      kind: 'empty',
      notices: [`${NOTE.binWithoutBounds} (at ${DENSITY}.continuous.bin[0])`],
    });
  });

  it('refuses bins that share only one bound and the count, not taking them for copies', () => {
    const sameEnd = () => frequenciesOf({ continuous: { bin: [bin('0', '2', '3'), bin('1', '2', '3')] } });
    expect(sameEnd).toThrow(`${DENSITY}.continuous: bins overlap`);
    const sameStart = () => frequenciesOf({ continuous: { bin: [bin('0', '1', '3'), bin('0', '2', '3')] } });
    expect(sameStart).toThrow(`${DENSITY}.continuous: bins overlap`);
  });

  it('shows categories when the continuous part has no bins, and nothing when neither has any', () => {
    const { frequencies } = frequenciesOf(
      { featureName: 'a', continuous: {}, categorical: { point: [{ xAxis: 'x', yAxis: '1' }] } },
      { featureName: 'b', continuous: { bin: [] }, categorical: {} },
      { featureName: 'c', categorical: { point: [] } },
      { featureName: 'd' }
    );
    expect(frequencies).toEqual([
      {
        featureName: 'a',
        kind: 'categorical',
        graph: { name: '', description: '', xLabel: '', yLabel: '' },
        categories: [{ category: 'x', value: 1 }],
      },
      { featureName: 'b', kind: 'empty' },
      { featureName: 'c', kind: 'empty' },
      { featureName: 'd', kind: 'empty' },
    ]);
  });

  it('keeps each frequency’s notices apart from the summary’s and the series’', () => {
    const metrics = parseDriftMetrics({
      countFeatureDrift: '1',
      featureFrequency: { featureDensity: [{ continuous: { bin: [bin('', '1', '3')] } }] },
    });
    expect(metrics.notices).toEqual([`${NOTE.int32AsString} (at countFeatureDrift)`]);
    expect(metrics.frequencies[0].notices).toEqual([`${NOTE.binWithoutBounds} (at ${DENSITY}.continuous.bin[0])`]);
  });
});
