import type { rawStatusValues, RawDeployment, RawModel } from '../src/datasource/gateway/rawTypes';
import { hash32, unit } from './prng';
import { DAY, formatRfc3339, MINUTE } from './time';

/**
 * The simulator's deployment catalogue. Ids are fixed so tests, provisioned dashboards and docs can
 * refer to a scenario by id; only the numbers (dates, traffic, drift noise) depend on the seed.
 */

export type Status = (typeof rawStatusValues)[number];
export type DeploymentType = 'singleDeployment' | 'shadowDeployment' | 'splitDeployment';

/** A monitored input column; `drift` is the level it settles at once drift has set in. */
export interface FeatureSpec {
  name: string;
  kind: 'numerical' | 'categorical';
  importance: number;
  drift: number;
  missingRate: number;
  /** Numerical baseline distribution (normal) and how many decimals its bin edges carry. */
  mean?: number;
  sd?: number;
  decimals?: number;
  /** Categorical baseline: category and its weight. */
  categories?: ReadonlyArray<readonly [string, number]>;
}

export interface ModelSpec {
  registeredModelName: string;
  registeredModelVersion: string;
  driftStatus: Status;
  accuracy: Status;
  /** Fraction of the deployment's traffic this model scores (shadow models each see ~all of it). */
  trafficShare: number;
  latencyMs: number;
  failureRate: number;
  /** Multiplies every feature's drift level, so a challenger can drift more than its champion. */
  driftFactor: number;
  /** Resident memory baseline in MB for the operational graphs. */
  memoryMb: number;
}

export interface ScenarioSpec {
  key: ScenarioKey;
  id: string;
  name: string;
  description: string;
  mode: 'Real Time' | 'Batch';
  environment: 'PROD' | 'DEV';
  type: DeploymentType;
  problemType: string;
  projectId: string;
  /** Either days before the seed's epoch, or minutes before the request's reference time. */
  deployed: { daysBeforeEpoch: number } | { minutesBeforeReference: number };
  monitoringEnabled: boolean;
  storeScoringData: boolean;
  /** Base scoring requests per hour for the whole deployment; 0 = no traffic at all. */
  trafficPerHour: number;
  /** Days after deployment when drift starts ramping up to each feature's level (none = from day 0). */
  driftOnsetDays?: number;
  /** Regression deployments report prediction value box plots around this centre/spread. */
  regression?: { center: number; spread: number };
  features: readonly FeatureSpec[];
  models: readonly ModelSpec[];
}

export type ScenarioKey = 'healthy' | 'drifting' | 'shadow' | 'split' | 'regression' | 'empty' | 'disabled';

/** Fixed deployment ids, by scenario. */
export const SCENARIO_IDS: Readonly<Record<ScenarioKey, string>> = {
  healthy: 'c0ffee01-1a2b-4c3d-8e4f-000000000001',
  drifting: 'c0ffee01-1a2b-4c3d-8e4f-000000000002',
  shadow: 'c0ffee01-1a2b-4c3d-8e4f-000000000003',
  split: 'c0ffee01-1a2b-4c3d-8e4f-000000000004',
  regression: 'c0ffee01-1a2b-4c3d-8e4f-000000000005',
  empty: 'c0ffee01-1a2b-4c3d-8e4f-000000000006',
  disabled: 'c0ffee01-1a2b-4c3d-8e4f-000000000007',
};

/** A feature name carrying markup, so UI tests can prove names are rendered as text. */
export const MARKUP_FEATURE_NAME = '<img src=x onerror=alert(1)>';

const RISK_PROJECT = 'c0ffee00-aaaa-4bbb-8ccc-000000000001';
const GROWTH_PROJECT = 'c0ffee00-aaaa-4bbb-8ccc-000000000002';

const model = (
  m: Partial<ModelSpec> & Pick<ModelSpec, 'registeredModelName' | 'registeredModelVersion'>
): ModelSpec => ({
  driftStatus: 'HEALTHY',
  accuracy: 'HEALTHY',
  trafficShare: 1,
  latencyMs: 10,
  failureRate: 0.002,
  driftFactor: 1,
  memoryMb: 640,
  ...m,
});

const num = (
  name: string,
  importance: number,
  drift: number,
  mean: number,
  sd: number,
  decimals = 2,
  missingRate = 0
) => ({ name, kind: 'numerical', importance, drift, missingRate, mean, sd, decimals }) as const satisfies FeatureSpec;

const cat = (
  name: string,
  importance: number,
  drift: number,
  categories: ReadonlyArray<readonly [string, number]>,
  missingRate = 0
) => ({ name, kind: 'categorical', importance, drift, missingRate, categories }) as const satisfies FeatureSpec;

const LOAN_FEATURES: readonly FeatureSpec[] = [
  num('debt_to_income', 0.31, 0.06, 0.32, 0.12, 3),
  num('loan_amount', 0.22, 0.07, 15000, 6000, 0, 0.002),
  cat('purpose', 0.14, 0.05, [
    ['debt_consolidation', 5],
    ['credit_card', 3],
    ['home_improvement', 2],
    ['car', 1],
  ]),
  num('annual_income', 0.11, 0.03, 68000, 21000, 0, 0.01),
  num('revolving_utilization', 0.05, 0.17, 0.48, 0.2, 3),
];

/** The catalogue, in its default list order (the order the gateway would return without orderBy). */
export const SCENARIOS: readonly ScenarioSpec[] = [
  {
    key: 'healthy',
    id: SCENARIO_IDS.healthy,
    name: 'credit-card-approval',
    description: 'Approves credit card applications; steady traffic, no drift.',
    mode: 'Real Time',
    environment: 'PROD',
    type: 'singleDeployment',
    problemType: 'Binomial Classification',
    projectId: RISK_PROJECT,
    deployed: { daysBeforeEpoch: 120 },
    monitoringEnabled: true,
    storeScoringData: true,
    trafficPerHour: 1800,
    features: [
      num('credit_score', 0.34, 0.03, 690, 55, 0),
      num('annual_income', 0.21, 0.02, 72000, 24000, 0, 0.004),
      num('age', 0.12, 0.02, 41, 12, 1),
      cat('employment_type', 0.09, 0.04, [
        ['salaried', 6],
        ['self_employed', 2],
        ['contract', 1],
        ['unemployed', 0.5],
      ]),
      num('num_open_accounts', 0.07, 0.03, 6, 2.5, 1),
      cat(
        'home_ownership',
        0.04,
        0.02,
        [
          ['rent', 4],
          ['mortgage', 4],
          ['own', 2],
        ],
        0.01
      ),
    ],
    models: [model({ registeredModelName: 'credit-approval-gbm', registeredModelVersion: '3', latencyMs: 8.4 })],
  },
  {
    key: 'drifting',
    id: SCENARIO_IDS.drifting,
    name: 'fraud-detection-eu',
    description: 'Card fraud scoring; transaction patterns shifted after a merchant onboarding wave.',
    mode: 'Real Time',
    environment: 'PROD',
    type: 'singleDeployment',
    problemType: 'Binomial Classification',
    projectId: RISK_PROJECT,
    deployed: { daysBeforeEpoch: 90 },
    monitoringEnabled: true,
    storeScoringData: true,
    trafficPerHour: 3200,
    driftOnsetDays: 21,
    features: [
      num('transaction_amount', 0.29, 0.42, 86, 40, 2),
      cat('merchant_category', 0.19, 0.33, [
        ['grocery', 5],
        ['electronics', 2],
        ['travel', 2],
        ['gambling', 0.5],
        ['crypto', 0.3],
      ]),
      num('hour_of_day', 0.13, 0.17, 14, 5, 1),
      cat(
        'device_type',
        0.09,
        0.14,
        [
          ['mobile', 6],
          ['desktop', 3],
          ['tablet', 1],
        ],
        0.02
      ),
      num('account_age_days', 0.07, 0.05, 900, 400, 0),
      cat(MARKUP_FEATURE_NAME, 0.04, 0.21, [
        ['a', 3],
        ['b', 2],
        ['<b>bold</b>', 1],
      ]),
      cat('country', 0.03, 0.04, [
        ['DE', 4],
        ['FR', 3],
        ['ES', 2],
        ['IT', 2],
        ['NL', 1],
      ]),
    ],
    models: [
      model({
        registeredModelName: 'fraud-xgb',
        registeredModelVersion: '7',
        driftStatus: 'FAILING',
        accuracy: 'AT_RISK',
        latencyMs: 14.2,
        failureRate: 0.004,
        memoryMb: 1150,
      }),
    ],
  },
  {
    key: 'shadow',
    id: SCENARIO_IDS.shadow,
    name: 'loan-default-shadow',
    description: 'Champion GLM serving, DNN challenger scoring the mirrored traffic in shadow.',
    mode: 'Real Time',
    environment: 'PROD',
    type: 'shadowDeployment',
    problemType: 'Binomial Classification',
    projectId: RISK_PROJECT,
    deployed: { daysBeforeEpoch: 45 },
    monitoringEnabled: true,
    storeScoringData: true,
    trafficPerHour: 900,
    features: LOAN_FEATURES,
    models: [
      model({ registeredModelName: 'loan-default-glm', registeredModelVersion: '2', latencyMs: 6.1, memoryMb: 420 }),
      model({
        registeredModelName: 'loan-default-dnn',
        registeredModelVersion: '1',
        driftStatus: 'AT_RISK',
        trafficShare: 0.97,
        latencyMs: 11.8,
        failureRate: 0.006,
        driftFactor: 1.6,
        memoryMb: 1380,
      }),
    ],
  },
  {
    key: 'split',
    id: SCENARIO_IDS.split,
    name: 'churn-ab-test',
    description: 'A/B test of two churn model versions, 70/30 traffic split.',
    mode: 'Real Time',
    environment: 'PROD',
    type: 'splitDeployment',
    problemType: 'Binomial Classification',
    projectId: GROWTH_PROJECT,
    deployed: { daysBeforeEpoch: 30 },
    monitoringEnabled: true,
    storeScoringData: true,
    trafficPerHour: 1200,
    features: [
      num('tenure_months', 0.33, 0.04, 28, 16, 1),
      num('monthly_charges', 0.24, 0.08, 64, 28, 2),
      cat('contract_type', 0.18, 0.05, [
        ['month-to-month', 5],
        ['one_year', 2],
        ['two_year', 2],
      ]),
      num('support_calls_90d', 0.11, 0.13, 1.6, 1.2, 1),
      cat('payment_method', 0.06, 0.03, [
        ['card', 5],
        ['bank_transfer', 3],
        ['check', 1],
      ]),
    ],
    models: [
      model({ registeredModelName: 'churn-predictor', registeredModelVersion: '5', trafficShare: 0.7, latencyMs: 9.3 }),
      model({
        registeredModelName: 'churn-predictor',
        registeredModelVersion: '6',
        trafficShare: 0.3,
        latencyMs: 7.9,
        driftFactor: 1.2,
        memoryMb: 700,
      }),
    ],
  },
  {
    key: 'regression',
    id: SCENARIO_IDS.regression,
    name: 'house-price-estimator',
    description: 'Estimates sale prices; the only scenario with prediction value box plots.',
    mode: 'Real Time',
    environment: 'DEV',
    type: 'singleDeployment',
    problemType: 'Regression',
    projectId: GROWTH_PROJECT,
    deployed: { daysBeforeEpoch: 60 },
    monitoringEnabled: true,
    storeScoringData: true,
    trafficPerHour: 400,
    regression: { center: 310000, spread: 85000 },
    features: [
      num('living_area_sqft', 0.41, 0.05, 1850, 620, 0),
      cat('neighborhood', 0.2, 0.07, [
        ['north', 3],
        ['riverside', 2],
        ['old_town', 2],
        ['harbor', 1],
      ]),
      num('year_built', 0.12, 0.02, 1978, 22, 0),
      num('bedrooms', 0.09, 0.03, 3.1, 0.9, 1),
      num('lot_size_sqft', 0.05, 0.11, 7400, 2600, 0, 0.03),
    ],
    models: [
      model({ registeredModelName: 'house-price-rf', registeredModelVersion: '12', latencyMs: 21.5, memoryMb: 900 }),
    ],
  },
  {
    key: 'empty',
    id: SCENARIO_IDS.empty,
    // The gateway sends "-" for an unnamed deployment.
    name: '-',
    description: '',
    mode: 'Real Time',
    environment: 'DEV',
    type: 'singleDeployment',
    problemType: 'Multinomial Classification',
    projectId: GROWTH_PROJECT,
    deployed: { minutesBeforeReference: 7 },
    monitoringEnabled: true,
    storeScoringData: true,
    trafficPerHour: 0,
    features: [
      num('ticket_length', 0.5, 0, 320, 180, 0),
      cat('channel', 0.3, 0, [
        ['email', 3],
        ['chat', 2],
        ['phone', 1],
      ]),
      cat('language', 0.2, 0, [
        ['en', 5],
        ['de', 2],
        ['fr', 1],
      ]),
    ],
    models: [
      model({
        registeredModelName: 'support-ticket-router',
        registeredModelVersion: '1',
        driftStatus: 'UNKNOWN',
        accuracy: 'UNKNOWN',
        latencyMs: 12,
        memoryMb: 510,
      }),
    ],
  },
  {
    key: 'disabled',
    id: SCENARIO_IDS.disabled,
    name: 'legacy-batch-scoring',
    description: 'Nightly batch scoring with monitoring switched off.',
    mode: 'Batch',
    environment: 'PROD',
    type: 'singleDeployment',
    problemType: 'Binomial Classification',
    projectId: RISK_PROJECT,
    deployed: { daysBeforeEpoch: 400 },
    monitoringEnabled: false,
    storeScoringData: false,
    trafficPerHour: 250,
    features: [
      num('score_band', 0.6, 0.02, 5, 2, 1),
      cat('segment', 0.4, 0.02, [
        ['retail', 3],
        ['sme', 1],
      ]),
    ],
    models: [
      model({
        registeredModelName: 'legacy-risk-score',
        registeredModelVersion: '4',
        driftStatus: 'UNKNOWN',
        accuracy: 'UNKNOWN',
        latencyMs: 35,
      }),
    ],
  },
];

/** Looks a scenario up by deployment id. */
export function findScenario(id: string): ScenarioSpec | undefined {
  return SCENARIOS.find((s) => s.id === id);
}

/**
 * The project's model id convention: the deployment id selects the primary (first) model, and
 * `<registeredModelName>:<registeredModelVersion>` selects a specific one.
 */
export function modelKey(m: Pick<RawModel, 'registeredModelName' | 'registeredModelVersion'>): string {
  return `${m.registeredModelName ?? ''}:${m.registeredModelVersion ?? ''}`;
}

/** Resolves a modelId path segment to a model of the scenario, or undefined when none matches. */
export function resolveModel(scenario: ScenarioSpec, modelId: string): ModelSpec | undefined {
  if (modelId === scenario.id) {
    return scenario.models[0];
  }
  return scenario.models.find((m) => modelKey(m) === modelId);
}

/**
 * The seed's epoch: a fixed instant (early 2024, shifted by up to 90 days per seed) that most
 * deployment dates hang off, so dates are stable for a seed yet in the past for any real "now".
 */
export function seedEpoch(seed: number): number {
  return Date.UTC(2024, 0, 1) - (hash32(`epoch|${seed}`) % 90) * DAY;
}

/**
 * When the scenario was deployed. `reference` (the request's end time, or now) only matters for
 * the brand-new deployment, which is always a few minutes old.
 */
export function deploymentDate(seed: number, scenario: ScenarioSpec, reference: number): number {
  if ('minutesBeforeReference' in scenario.deployed) {
    return Math.floor(reference / MINUTE) * MINUTE - scenario.deployed.minutesBeforeReference * MINUTE;
  }
  // A seeded time of day, whole seconds, so deployments do not sit on hour boundaries.
  const secondOfDay = Math.floor(unit(seed, scenario.id, 'deployed') * 86_400);
  return seedEpoch(seed) - scenario.deployed.daysBeforeEpoch * DAY + secondOfDay * 1000;
}

/** The Model object as the gateway lists it (note: it carries no id). */
export function modelView(scenario: ScenarioSpec, m: ModelSpec): RawModel {
  return {
    registeredModelName: m.registeredModelName,
    registeredModelVersion: m.registeredModelVersion,
    driftStatus: m.driftStatus,
    accuracy: m.accuracy,
    // Average scoring requests per hour; an unmonitored deployment reports none.
    averageScoringRequests: scenario.monitoringEnabled ? Math.round(scenario.trafficPerHour * m.trafficShare) : 0,
  };
}

/** The Deployment object as the list and get endpoints return it. */
export function deploymentView(seed: number, scenario: ScenarioSpec, reference: number): RawDeployment {
  return {
    id: scenario.id,
    name: scenario.name,
    description: scenario.description,
    mode: scenario.mode,
    environment: scenario.environment,
    type: scenario.type,
    problemType: scenario.problemType,
    models: scenario.models.map((m) => modelView(scenario, m)),
    deploymentDate: formatRfc3339(deploymentDate(seed, scenario, reference)),
    projectId: scenario.projectId,
    monitoringEnabled: scenario.monitoringEnabled,
    storeScoringData: scenario.storeScoringData,
  };
}
