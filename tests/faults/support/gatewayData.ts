import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * What the fault gateway answers when nothing is wrong: the legacy model-monitoring API's shapes
 * (see /work/shared/gateway-contract.md) with fixed values, so every cell can assert exact numbers.
 * Health, operational and drift bodies are the shared fixtures under tests/fixtures/gateway.
 */

/** The deployment the faults hit; its siblings must never notice. */
export const TARGET = 'target';
/** A deployment in the same request, never faulted. */
export const SIBLING = 'sibling';

const FIXTURES = path.join(__dirname, '..', '..', 'fixtures', 'gateway');

function fixture(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(FIXTURES, name), 'utf8')) as Record<string, unknown>;
}

export const HEALTH = fixture('health-documented-example.json');
export const OPERATIONAL = fixture('operational.json');
export const DRIFT = fixture('drift.json');

/** One monitored single-model deployment; `id` also names its model. */
export function deployment(id: string): Record<string, unknown> {
  return {
    id,
    name: `${id}-name`,
    description: '',
    mode: 'real time',
    environment: 'PROD',
    type: 'singleDeployment',
    problemType: 'binomial',
    models: [model(id)],
    deploymentDate: '2026-10-01T12:00:00Z',
    projectId: 'p-1',
    monitoringEnabled: true,
    storeScoringData: true,
  };
}

export function model(deploymentId: string): Record<string, unknown> {
  return {
    registeredModelName: `${deploymentId}-model`,
    registeredModelVersion: '1',
    driftStatus: 'HEALTHY',
    accuracy: 'UNKNOWN',
    averageScoringRequests: 42,
  };
}

export function deploymentList(nextPageToken = ''): Record<string, unknown> {
  return {
    deployment: [deployment(TARGET), deployment(SIBLING)],
    totalDeployments: '2',
    totalPredictions: '35340',
    nextPageToken,
  };
}

export function modelList(deploymentId: string, nextPageToken = ''): Record<string, unknown> {
  return { model: [model(deploymentId)], nextPageToken };
}
