/**
 * Official client conformance: H2O's own Python client (h2o-mlops 1.3.4, its generated
 * model-monitoring client and h2o_authn.TokenProvider) against the gateway simulator with a
 * Keycloak token. No Grafana involved. The script is tests/stack/official_client_conformance.py.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { SCENARIOS } from '../../simulator/scenarios';
import { runCaptured } from './support/runCaptured';
import { stackInfo } from './support/stackInfo';

const info = stackInfo();
const SCRIPT = path.join(__dirname, 'official_client_conformance.py');

it('every monitoring method of the official client, for every scenario, deserializes and matches the scenario', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlops-conformance-'));
  const expectedFile = path.join(dir, 'expected.json');
  fs.writeFileSync(
    expectedFile,
    JSON.stringify({
      scenarios: SCENARIOS.map((s) => ({
        key: s.key,
        id: s.id,
        name: s.name,
        type: s.type,
        problemType: s.problemType,
        monitoringEnabled: s.monitoringEnabled,
        trafficPerHour: s.trafficPerHour,
        regression: Boolean(s.regression),
        models: s.models.map((m) => ({ name: m.registeredModelName, version: m.registeredModelVersion })),
        features: s.features.map((f) => f.name),
      })),
    })
  );
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, ...info.provisioningEnv, PYTHONDONTWRITEBYTECODE: '1' };
  try {
    const result = await runCaptured(info.venvPython, [SCRIPT, expectedFile], env);
    const output = `${result.stdout}\n${result.stderr}`;
    // Secrets are passed through the environment only and never printed.
    for (const secret of [info.provisioningEnv.MLOPS_CLIENT_SECRET, info.provisioningEnv.MLOPS_REFRESH_TOKEN]) {
      expect(output).not.toContain(secret);
    }
    expect({
      code: result.code,
      failures: result.stdout.split('\n').filter((l) => l.startsWith('FAIL')),
      stderr: result.stderr.slice(-2000),
    }).toEqual({
      code: 0,
      failures: [],
      stderr: expect.any(String),
    });
    const summaries = result.stdout
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map(
        (l) =>
          JSON.parse(l) as {
            scenario: string;
            models: Array<{ model: string; totalPredictions: number; driftCalculated: boolean; boxes: number }>;
          }
      );
    expect(summaries.map((s) => s.scenario)).toEqual(SCENARIOS.map((s) => s.key));
    for (const scenario of SCENARIOS) {
      const got = summaries.find((s) => s.scenario === scenario.key)!;
      expect(got.models.map((m) => m.model)).toEqual(
        scenario.models.map((m) => `${m.registeredModelName}:${m.registeredModelVersion}`)
      );
    }
    const empty = summaries.find((s) => s.scenario === 'empty')!;
    expect(empty.models.every((m) => m.totalPredictions === 0 && !m.driftCalculated)).toBe(true);
    const disabled = summaries.find((s) => s.scenario === 'disabled')!;
    expect(disabled.models.every((m) => m.totalPredictions === 0)).toBe(true);
    expect(summaries.find((s) => s.scenario === 'healthy')!.models[0].totalPredictions).toBeGreaterThan(0);
    expect(summaries.find((s) => s.scenario === 'regression')!.models[0].boxes).toBeGreaterThan(0);
    const calls =
      SCENARIOS.reduce((n, s) => n + 1 + s.models.length * 3, 3) + SCENARIOS.reduce((n, s) => n + s.models.length, 0);
    const last = /CONFORMANCE OK (\d+) checks, (\d+) calls/.exec(result.stdout);
    expect(last).not.toBeNull();
    expect(Number(last![2])).toBe(calls);
    expect(Number(last![1])).toBeGreaterThan(500);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
