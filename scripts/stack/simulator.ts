import fs from 'node:fs';
import path from 'node:path';
import { freePort } from './net';
import { log, repoRoot } from './paths';
import { ManagedProcess, spawnManaged } from './processes';

export const simulatorEntry = path.join(repoRoot, 'simulator', 'main.ts');

export interface SimulatorOptions {
  runDir: string;
  jwksUrl: string;
  issuer: string;
  audience: string;
  port?: number;
  timeoutMs?: number;
}

export interface SimulatorHandle {
  process: ManagedProcess;
  /** The URL the simulator printed ("simulator listening on http://HOST:PORT"). */
  url: string;
  stop(): Promise<void>;
}

/** True when the simulator exists in this checkout (it is developed separately). */
export function simulatorAvailable(): boolean {
  return fs.existsSync(simulatorEntry);
}

/**
 * Starts the MLOps gateway simulator with tsx, validating bearer tokens against Keycloak's JWKS.
 * Readiness is its "simulator listening on URL" line, which also tells us the URL it really bound.
 */
export async function startSimulator(options: SimulatorOptions): Promise<SimulatorHandle> {
  if (!simulatorAvailable()) {
    throw new Error(`${simulatorEntry} does not exist yet; start the stack with simulator: false`);
  }
  const port = options.port ?? (await freePort());
  const localTsx = path.join(repoRoot, 'node_modules', '.bin', 'tsx');
  const [command, prefix] = fs.existsSync(localTsx) ? [localTsx, []] : ['npx', ['tsx']];
  const proc = spawnManaged(
    'simulator',
    command,
    [
      ...prefix,
      simulatorEntry,
      '--port',
      String(port),
      '--host',
      '127.0.0.1',
      '--jwks-url',
      options.jwksUrl,
      '--issuer',
      options.issuer,
      '--audience',
      options.audience,
    ],
    { cwd: repoRoot, logDir: options.runDir }
  );
  const deadline = Date.now() + (options.timeoutMs ?? 60000);
  while (Date.now() < deadline) {
    const m = /simulator listening on (http:\/\/\S+)/.exec(proc.tail(200));
    if (m) {
      const url = m[1].replace(/\/$/, '');
      log('simulator', `ready: ${url}`);
      return { process: proc, url, stop: () => proc.stop() };
    }
    const exited = proc.exitReason();
    if (exited) {
      throw new Error(
        `${exited} before it printed "simulator listening on"\n--- simulator log tail ---\n${proc.tail()}`
      );
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await proc.stop();
  throw new Error(
    `simulator did not print "simulator listening on" in time\n--- simulator log tail ---\n${proc.tail()}`
  );
}
