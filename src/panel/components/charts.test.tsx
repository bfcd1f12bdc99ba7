import React from 'react';
import { render, screen, within } from '@testing-library/react';

import { Quadrant, type FeaturePoint, type QuadrantModel } from '../data/drift';
import { boxesOverlap, textBox } from '../data/labelPlacement';
import { DriftQuadrant } from './DriftQuadrant';
import { sparklinePath } from './PredictionsChart';
import { TopDriftBars } from './TopDriftBars';
import { panelTestIds as ids } from './testIds';
import { formatScore, outcomeWordAfter } from './visual';
import { FeatureStatus } from '../../shared/featureStatus';

const thresholds = { drift: 0.1, importance: 0.05, driftSource: 'data' as const, importanceSource: 'data' as const };

describe('sparklinePath', () => {
  it('maps times and values onto the shared box and breaks on gaps', () => {
    expect(sparklinePath({ times: [0, 5, 10], values: [0, 10, null] }, 0, 10, 10)).toBe('M0.0 94.0 L500.0 6.0');
    expect(sparklinePath({ times: [0, 5, 10], values: [1, null, 1] }, 0, 10, 2)).toBe('M0.0 50.0h0.1 M1000.0 50.0h0.1');
    expect(sparklinePath({ times: [], values: [] }, 0, 10, 0)).toBe('');
  });
});

describe('DriftQuadrant', () => {
  const quadrant: QuadrantModel = {
    points: [
      {
        name: 'hot',
        drift: 0.3,
        importance: 0.3,
        status: FeatureStatus.DriftingImportant,
        quadrant: Quadrant.DriftingImportant,
      },
      { name: 'cold', drift: 0.01, importance: 0.01, status: FeatureStatus.Stable, quadrant: Quadrant.Stable },
    ],
    xMax: 0.33,
    yMax: 0.33,
    labelCandidates: ['hot'],
    maxLabels: 5,
    counts: { [Quadrant.DriftingImportant]: 1, [Quadrant.Drifting]: 0, [Quadrant.Important]: 0, [Quadrant.Stable]: 1 },
  };

  it('draws both thresholds, emphasises drifted-and-important points and labels them', () => {
    render(<DriftQuadrant quadrant={quadrant} thresholds={thresholds} width={300} height={200} />);
    const svg = screen.getByTestId(ids.drift.quadrant);
    expect(svg).toHaveAttribute('aria-label', expect.stringContaining('1 drifting and important'));
    const points = screen.getByTestId(ids.drift.quadrantPoints).children;
    expect([...points].map((p) => p.tagName)).toEqual(['circle', 'path']);
    expect(screen.getByTestId(ids.drift.quadrantLabel)).toHaveTextContent('hot');
    expect(svg).toHaveTextContent('Drifting & important (1)');
    expect(svg).toHaveTextContent('drift ≥ 0.1');
    expect(svg).toHaveTextContent('importance ≥ 0.05');
    const drift = screen.getByTestId(ids.drift.quadrantThreshold('drift'));
    expect(Number(drift.getAttribute('y1'))).toBeCloseTo(14 + 156 - (0.1 / 0.33) * 156);
  });
});

describe('DriftQuadrant labels', () => {
  // The drifting scenario's features, at the quadrant size of an 820 px side-by-side panel.
  const hot = (name: string, drift: number, importance: number): FeaturePoint => ({
    name,
    drift,
    importance,
    status: FeatureStatus.DriftingImportant,
    quadrant: Quadrant.DriftingImportant,
  });
  const points = [
    hot('transaction_amount', 0.377, 0.29),
    hot('merchant_category', 0.285, 0.19),
    hot('hour_of_day', 0.152, 0.13),
    hot('device_type', 0.15, 0.09),
  ];
  const drifting: QuadrantModel = {
    points,
    xMax: 0.319,
    yMax: 0.415,
    labelCandidates: points.map((p) => p.name),
    maxLabels: 5,
    counts: { [Quadrant.DriftingImportant]: 4, [Quadrant.Drifting]: 0, [Quadrant.Important]: 0, [Quadrant.Stable]: 0 },
  };
  const labelBoxes = () =>
    screen.getAllByTestId(ids.drift.quadrantLabel).map((el) => ({
      name: el.textContent!,
      anchor: el.getAttribute('text-anchor'),
      box: textBox(
        Number(el.getAttribute('x')),
        Number(el.getAttribute('y')),
        el.textContent!,
        el.getAttribute('text-anchor') as 'start' | 'end'
      ),
    }));

  it('places labels so that none overlap (device_type and hour_of_day used to collide)', () => {
    render(<DriftQuadrant quadrant={drifting} thresholds={thresholds} width={394} height={217} />);
    const labels = labelBoxes();
    expect(labels.map((l) => l.name).sort()).toEqual(
      ['device_type', 'hour_of_day', 'merchant_category', 'transaction_amount'].sort()
    );
    for (let i = 0; i < labels.length; i++) {
      for (let j = i + 1; j < labels.length; j++) {
        expect([labels[i].name, labels[j].name, boxesOverlap(labels[i].box, labels[j].box)]).toEqual([
          labels[i].name,
          labels[j].name,
          false,
        ]);
      }
    }
    expect(labels.find((l) => l.name === 'device_type')?.anchor).toBe('end');
  });

  it('keeps the maximum number of labels', () => {
    render(<DriftQuadrant quadrant={{ ...drifting, maxLabels: 2 }} thresholds={thresholds} width={600} height={300} />);
    expect(labelBoxes().map((l) => l.name)).toEqual(['transaction_amount', 'merchant_category']);
  });
});

describe('TopDriftBars', () => {
  it('draws bars with a threshold marker, icon and importance', () => {
    render(
      <TopDriftBars
        thresholds={thresholds}
        features={[
          {
            name: 'a',
            drift: 0.2,
            importance: 0.3,
            status: FeatureStatus.DriftingImportant,
            quadrant: Quadrant.DriftingImportant,
          },
          { name: 'b', drift: 0.02, importance: 0.01, status: FeatureStatus.Stable, quadrant: Quadrant.Stable },
        ]}
      />
    );
    expect(screen.getByTestId(ids.drift.bar('a'))).toHaveTextContent('0.2imp 0.3');
    // An icon, named by its title, marks drifting bars, not only their colour.
    const icon = within(screen.getByTestId(ids.drift.bar('a'))).getByRole('img', { name: 'Drifting and important' });
    expect(icon.getAttribute('data-glyph')).toBe('fire');
    expect(within(screen.getByTestId(ids.drift.bar('b'))).queryByRole('img', { name: /Drifting/ })).toBeNull();
    const left = parseFloat(screen.getAllByTestId(ids.drift.thresholdMarker)[0].style.left);
    expect(left).toBeCloseTo((0.1 / (0.2 * 1.1)) * 100);
  });
});

describe('formatScore', () => {
  it('keeps three significant digits', () => {
    expect(formatScore(0.123456)).toBe('0.123');
    expect(formatScore(null)).toBe('—');
    expect(formatScore(0)).toBe('0');
    expect(formatScore(12345.6)).toBe('12346');
  });
});

describe('outcomeWordAfter', () => {
  it('leaves out the outcome word when the delta text already says it', () => {
    expect(outcomeWordAfter('same status', 'same')).toBe('');
    expect(outcomeWordAfter('Same status', 'same')).toBe('');
    expect(outcomeWordAfter('At risk vs Healthy', 'worse')).toBe('worse');
    expect(outcomeWordAfter('+0.0860% (+0.1%)', 'same')).toBe('same');
    // Whole words only.
    expect(outcomeWordAfter('sameness', 'same')).toBe('same');
    expect(outcomeWordAfter('same status', '')).toBe('');
  });
});
