import { CONFIG_TEST_IDS } from '../config/fields';

/**
 * Stable test ids of the data source editors, shared by the Jest tests and the browser tests.
 * Grafana's convention: `data-testid <description>`.
 */
export const dsTestIds = {
  /** One per setting, derived from the settings table (`config/fields.ts`). */
  configEditor: CONFIG_TEST_IDS,
  queryEditor: {
    container: 'data-testid mlops-query-editor',
    queryType: 'data-testid mlops-query query-type',
    monitoredOnly: 'data-testid mlops-query monitored-only',
    deployment: 'data-testid mlops-query deployment',
    model: 'data-testid mlops-query model',
    modelScope: 'data-testid mlops-query model-scope',
    role: 'data-testid mlops-query role',
    predictionsUnit: 'data-testid mlops-query predictions-unit',
    operationalMetrics: 'data-testid mlops-query operational-metrics',
    feature: 'data-testid mlops-query feature',
  },
  variableEditor: {
    container: 'data-testid mlops-variable-editor',
    kind: 'data-testid mlops-variable kind',
    monitoredOnly: 'data-testid mlops-variable monitored-only',
    deployment: 'data-testid mlops-variable deployment',
    model: 'data-testid mlops-variable model',
  },
} as const;
