import { applicableMethods, DEFAULT_THRESHOLDS, defaultDriftChoice, driftStatus, statusOf } from './status';
import type { LogicalType } from './types';

describe('driftStatus', () => {
  it('reads PSI as H2O documents it: below 0.10 no drift, above 0.25 significant, moderate between', () => {
    expect(driftStatus('psi', 0.099)).toBe('ok');
    expect(driftStatus('psi', 0.1)).toBe('warning');
    expect(driftStatus('psi', 0.25)).toBe('warning');
    expect(driftStatus('psi', 0.2501)).toBe('drift');
  });

  it('compares Z-scores by magnitude', () => {
    expect(driftStatus('zscore', -3.5)).toBe('drift');
    expect(driftStatus('zscore', 2.5)).toBe('warning');
    expect(driftStatus('zscore', -1)).toBe('ok');
  });

  it('takes configured thresholds and is unknown without a value', () => {
    expect(driftStatus('tvd', 0.15, { warning: 0.2, critical: 0.3 })).toBe('ok');
    expect(driftStatus('tvd', null)).toBe('unknown');
    expect(driftStatus('tvd', Number.NaN)).toBe('unknown');
    expect(() => statusOf('tvd', Number.NaN)).toThrow(RangeError);
  });

  it('refuses thresholds out of order or negative', () => {
    expect(() => driftStatus('tvd', 0.1, { warning: 0.3, critical: 0.2 })).toThrow(RangeError);
    expect(() => driftStatus('tvd', 0.1, { warning: -1, critical: 0.2 })).toThrow(RangeError);
  });

  it('has ordered default thresholds for every method', () => {
    for (const t of Object.values(DEFAULT_THRESHOLDS)) {
      expect(t.warning).toBeLessThanOrEqual(t.critical);
    }
  });
});

describe('default method per logical type', () => {
  it('TVD for numerical, PSI for categorical, TVD on lengths for text, none for the rest', () => {
    expect(defaultDriftChoice('NUMERICAL')).toEqual({ method: 'tvd' });
    expect(defaultDriftChoice('CATEGORICAL')).toEqual({ method: 'psi' });
    expect(defaultDriftChoice('TEXT')).toEqual({ method: 'tvd', textFacet: 'length' });
    for (const t of ['DATETIME', 'TIMESTAMP', 'ID', 'IMAGE', 'LOGICAL_TYPE_UNSPECIFIED'] as LogicalType[]) {
      expect(defaultDriftChoice(t)).toBeNull();
      expect(applicableMethods(t)).toEqual([]);
    }
  });

  it('offers the default among the applicable methods, and no Z-score for categories', () => {
    for (const t of ['NUMERICAL', 'CATEGORICAL', 'TEXT'] as LogicalType[]) {
      expect(applicableMethods(t)).toContain(defaultDriftChoice(t)?.method);
    }
    expect(applicableMethods('CATEGORICAL')).not.toContain('zscore');
  });
});
