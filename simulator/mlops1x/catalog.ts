import { hash32 } from '../prng';
import {
  findScenario,
  SCENARIO_IDS,
  type FeatureSpec,
  type ModelSpec,
  type ScenarioKey,
  type ScenarioSpec,
} from '../scenarios';

/**
 * The H2O MLOps 1.x catalogue: workspaces and deployments built from the legacy scenarios
 * (simulator/scenarios.ts) — same ids, names, features and traffic models — plus what 1.x adds:
 * experiments, a text column, model output columns and a column whose missing values rise.
 */

export type LogicalType = 'NUMERICAL' | 'CATEGORICAL' | 'TEXT';
export type Kind = 'single' | 'shadow' | 'split';

/** A text column: character lengths ~ normal, words drawn from `words`; drift mixes in `driftWords`. */
export interface TextSpec {
  name: string;
  kind: 'text';
  drift: number;
  missingRate: number;
  meanLength: number;
  sdLength: number;
  words: ReadonlyArray<readonly [string, number]>;
  driftWords: ReadonlyArray<readonly [string, number]>;
}

/** A monitored column: a legacy feature or a text column, and whether it is a model output. */
export interface ColumnSpec {
  spec: FeatureSpec | TextSpec;
  logicalType: LogicalType;
  isModelOutput: boolean;
  /** Missing rate rises over each week from `missingRate` to this (the "broken upstream" column). */
  risingMissingTo?: number;
}

export interface ExperimentSpec {
  id: string;
  model: ModelSpec;
  /** Split weight (percent); shadow and single deployments have none. */
  weight?: number;
}

export interface Workspace1x {
  id: string;
  displayName: string;
  description: string;
}

export interface Deployment1x {
  id: string;
  workspaceId: string;
  kind: Kind;
  scenario: ScenarioSpec;
  /** Champion first: single → one, shadow → primary then secondary, split → by weight. */
  experiments: readonly ExperimentSpec[];
  columns: readonly ColumnSpec[];
}

export const WORKSPACES: readonly Workspace1x[] = [
  { id: 'c0ffee1a-0000-4000-8000-00000000a001', displayName: 'Risk', description: 'Credit risk and fraud models.' },
  { id: 'c0ffee1a-0000-4000-8000-00000000a002', displayName: 'Growth', description: 'Customer lifecycle models.' },
];

/** A stable UUID-shaped id for an experiment (the registry's ids are UUIDs). */
export function experimentId(model: ModelSpec): string {
  const h = hash32(`experiment|${model.registeredModelName}|${model.registeredModelVersion}`).toString(16);
  return `${h.padStart(8, '0')}-e1e1-4000-8000-${hash32(model.registeredModelName).toString(16).padStart(12, '0')}`;
}

const PREDICTION: FeatureSpec = {
  name: 'prediction',
  kind: 'numerical',
  importance: 0,
  drift: 0.05,
  missingRate: 0,
  mean: 0.22,
  sd: 0.14,
  decimals: 3,
};
const PREDICTED_LABEL: FeatureSpec = {
  name: 'predicted_label',
  kind: 'categorical',
  importance: 0,
  drift: 0.04,
  missingRate: 0,
  categories: [
    ['0', 78],
    ['1', 22],
  ],
};

const NOTE_WORDS: ReadonlyArray<readonly [string, number]> = [
  ['payment', 40],
  ['online', 31],
  ['store', 27],
  ['card', 25],
  ['refund', 12],
  ['subscription', 11],
  ['grocery', 10],
  ['fuel', 8],
  ['restaurant', 8],
  ['pharmacy', 5],
];

const transactionNote = (drift: number): TextSpec => ({
  name: 'transaction_note',
  kind: 'text',
  drift,
  missingRate: 0.01,
  meanLength: 64,
  sdLength: 22,
  words: NOTE_WORDS,
  driftWords: [
    ['crypto', 30],
    ['wallet', 22],
    ['transfer', 18],
    ['gift', 9],
  ],
});

const LOAN_PURPOSE_WORDS: ReadonlyArray<readonly [string, number]> = [
  ['consolidate', 30],
  ['debt', 28],
  ['credit', 20],
  ['home', 15],
  ['repair', 12],
  ['car', 10],
  ['wedding', 4],
  ['medical', 4],
];

function columnsOf(scenario: ScenarioSpec, extra: readonly ColumnSpec[]): ColumnSpec[] {
  const inputs = scenario.features.map<ColumnSpec>((spec) => ({
    spec,
    logicalType: spec.kind === 'numerical' ? 'NUMERICAL' : 'CATEGORICAL',
    isModelOutput: false,
  }));
  return [
    ...inputs,
    ...extra,
    { spec: PREDICTION, logicalType: 'NUMERICAL', isModelOutput: true },
    { spec: PREDICTED_LABEL, logicalType: 'CATEGORICAL', isModelOutput: true },
  ];
}

function deployment(
  key: ScenarioKey,
  workspaceId: string,
  kind: Kind,
  extra: readonly ColumnSpec[] = []
): Deployment1x {
  const scenario = findScenarioByKey(key);
  const ordered =
    kind === 'split' ? [...scenario.models].sort((a, b) => b.trafficShare - a.trafficShare) : scenario.models;
  return {
    id: scenario.id,
    workspaceId,
    kind,
    scenario,
    experiments: ordered.map((model) => ({
      id: experimentId(model),
      model,
      weight: kind === 'split' ? Math.round(model.trafficShare * 100) : undefined,
    })),
    columns: columnsOf(scenario, extra),
  };
}

function findScenarioByKey(key: ScenarioKey): ScenarioSpec {
  const found = findScenario(SCENARIO_IDS[key]);
  if (!found) {
    throw new Error(`legacy scenario ${key} is missing`);
  }
  return found;
}

/** Marks one column as the one whose missing values rise (see ColumnSpec.risingMissingTo). */
function withRisingMissing(d: Deployment1x, column: string, to: number): Deployment1x {
  return { ...d, columns: d.columns.map((c) => (c.spec.name === column ? { ...c, risingMissingTo: to } : c)) };
}

const text = (spec: TextSpec): ColumnSpec => ({ spec, logicalType: 'TEXT', isModelOutput: false });

/** Deployments in the order the deployer lists them without orderBy. */
export const DEPLOYMENTS: readonly Deployment1x[] = [
  deployment('drifting', WORKSPACES[0].id, 'single', [text(transactionNote(0.35))]),
  withRisingMissing(
    deployment('shadow', WORKSPACES[0].id, 'shadow', [
      text({
        ...transactionNote(0.03),
        name: 'loan_description',
        meanLength: 140,
        sdLength: 60,
        words: LOAN_PURPOSE_WORDS,
      }),
    ]),
    'annual_income',
    0.25
  ),
  deployment('healthy', WORKSPACES[1].id, 'single'),
  deployment('split', WORKSPACES[1].id, 'split'),
  deployment('disabled', WORKSPACES[1].id, 'single'),
];

/** A deployment by workspace and id; `workspaces/-` matches any workspace. */
export function findDeployment(workspaceId: string, deploymentId: string): Deployment1x | undefined {
  return DEPLOYMENTS.find((d) => d.id === deploymentId && (workspaceId === '-' || d.workspaceId === workspaceId));
}
