/**
 * Starts the real services ONCE for every tests/stack file: Keycloak (demo realm) and the gateway
 * simulator validating Keycloak's tokens. Grafana's server cannot run on these machines (its Go
 * module is refused by the module proxy), so `grafana: false`; the tests stand in for its data-source
 * proxy with devtools/grafanaProxy/. Fails loudly (with log tails) when a part cannot start.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { ensureStackTools } from '../../scripts/setup/tools';
import { loadDemoRealm, realmFile } from '../../scripts/stack/realm';
import { startStack, type Stack } from '../../scripts/stack/stack';
import { INFO_ENV, type StackInfo } from './support/stackInfo';

declare global {
  var __MLOPS_STACK__: { stack: Stack; infoDir: string } | undefined;
}

function testClient(clientId: string): { clientId: string; clientSecret: string } {
  const realm = JSON.parse(fs.readFileSync(realmFile, 'utf8')) as {
    clients: Array<{ clientId: string; secret?: string }>;
  };
  const client = realm.clients.find((c) => c.clientId === clientId);
  if (!client?.secret) {
    throw new Error(`${realmFile}: test client ${clientId} with a secret is missing`);
  }
  return { clientId, clientSecret: client.secret };
}

export default async function globalSetup(): Promise<void> {
  const started = Date.now();
  const tools = await ensureStackTools();
  process.stderr.write(`\n[stack] tools ready after ${Math.round((Date.now() - started) / 1000)} s\n`);
  const stack = await startStack({ grafana: false, simulator: true, handleSignals: true });
  try {
    if (!stack.simulator) {
      throw new Error('the simulator did not start');
    }
    const demo = loadDemoRealm();
    const info: StackInfo = {
      keycloak: {
        baseUrl: stack.keycloak.baseUrl,
        realm: stack.keycloak.realm,
        issuer: stack.keycloak.issuer,
        tokenUrl: stack.keycloak.tokenUrl,
        jwksUrl: stack.keycloak.jwksUrl,
      },
      simulatorUrl: stack.simulator.url,
      provisioningEnv: stack.provisioningEnv,
      demo: {
        clientId: demo.clientId,
        clientSecret: demo.clientSecret,
        username: demo.username,
        password: demo.password,
        audience: demo.audience,
      },
      testClients: {
        shortLived: testClient('mlops-test-short-lived'),
        otherAudience: testClient('mlops-test-other-audience'),
      },
      venvPython: tools.venvPython,
      composeBin: tools.composeBin,
    };
    const infoDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlops-stack-info-'));
    const file = path.join(infoDir, 'stack.json');
    fs.writeFileSync(file, JSON.stringify(info), { mode: 0o600 });
    process.env[INFO_ENV] = file;
    globalThis.__MLOPS_STACK__ = { stack, infoDir };
    process.stderr.write(`[stack] Keycloak + simulator up after ${Math.round((Date.now() - started) / 1000)} s\n`);
  } catch (err) {
    await stack.stop();
    throw err;
  }
}
