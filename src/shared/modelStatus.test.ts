import { MODEL_STATUS_RANK, ModelStatus, parseGatewayStatus, worseGatewayStatus } from './modelStatus';

describe('model status', () => {
  it('parses gateway statuses, tolerant of case and separators', () => {
    expect(parseGatewayStatus('AT_RISK')).toBe(ModelStatus.AtRisk);
    expect(parseGatewayStatus('at-risk')).toBe(ModelStatus.AtRisk);
    expect(parseGatewayStatus('healthy')).toBe(ModelStatus.Healthy);
    expect(parseGatewayStatus('UNKNOWN')).toBeUndefined();
    expect(parseGatewayStatus('SOMETHING_NEW')).toBeUndefined();
  });

  it('ranks lower as healthier and leaves Unknown unranked', () => {
    expect(MODEL_STATUS_RANK[ModelStatus.Healthy]).toBeLessThan(MODEL_STATUS_RANK[ModelStatus.AtRisk]!);
    expect(MODEL_STATUS_RANK[ModelStatus.AtRisk]).toBeLessThan(MODEL_STATUS_RANK[ModelStatus.Failing]!);
    expect(MODEL_STATUS_RANK[ModelStatus.Unknown]).toBeNull();
  });

  it('finds the worst gateway status verbatim; UNKNOWN and future values rank lowest', () => {
    expect(['HEALTHY', 'FAILING', 'AT_RISK'].reduce(worseGatewayStatus, '')).toBe('FAILING');
    expect(['UNKNOWN', 'HEALTHY'].reduce(worseGatewayStatus, '')).toBe('HEALTHY');
    expect(['SOMETHING_NEW', 'UNKNOWN'].reduce(worseGatewayStatus, '')).toBe('SOMETHING_NEW');
    expect([].reduce(worseGatewayStatus, '')).toBe('');
    expect(['At-Risk', 'AT_RISK', 'HEALTHY'].reduce(worseGatewayStatus, '')).toBe('At-Risk'); // ties keep the first
  });
});
