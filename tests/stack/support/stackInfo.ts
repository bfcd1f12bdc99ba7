import fs from 'node:fs';
import path from 'node:path';

import type { ProvisioningEnv } from '../../../scripts/stack/stack';

/**
 * What globalSetup started, handed to the test files through a 0600 JSON file in a private temp
 * directory (path in MLOPS_STACK_INFO). It holds the demo-only client secret and a live offline
 * refresh token: never print it.
 */
export interface StackInfo {
  keycloak: { baseUrl: string; realm: string; issuer: string; tokenUrl: string; jwksUrl: string };
  simulatorUrl: string;
  provisioningEnv: ProvisioningEnv;
  demo: { clientId: string; clientSecret: string; username: string; password: string; audience: string };
  /** Test-only clients of the realm (provisioning/keycloak/mlops-realm.json). */
  testClients: {
    shortLived: { clientId: string; clientSecret: string };
    otherAudience: { clientId: string; clientSecret: string };
  };
  venvPython: string;
  composeBin: string;
}

export const INFO_ENV = 'MLOPS_STACK_INFO';

export function stackInfo(): StackInfo {
  const file = process.env[INFO_ENV];
  if (!file || !fs.existsSync(file)) {
    throw new Error(
      `${INFO_ENV} is not set or missing: run these tests with \`npm run test:stack\` (jest -c jest.stack.config.js)`
    );
  }
  return JSON.parse(fs.readFileSync(file, 'utf8')) as StackInfo;
}

export const repoRoot = path.resolve(__dirname, '..', '..', '..');
