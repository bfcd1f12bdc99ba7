import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { JSONWebKeySet } from 'jose';
import { createSimulator, type SimulatorOptions } from './server';

/**
 * CLI: `npx tsx simulator/main.ts --port 8090 --jwks-url <url>`. Serves the legacy gateway API under
 * `/model-monitoring` and the H2O MLOps 1.x routes (`/v1`, `/deployer`, `/monitoring`; see
 * mlops1x/routes.ts) on the same port, so its base URL is both 1.x gateway URLs. Every flag can
 * also come from the environment (SIM_PORT, SIM_HOST, SIM_SEED, SIM_JWKS_URL, SIM_JWKS_FILE,
 * SIM_ISSUER, SIM_AUDIENCE, SIM_DEFAULT_PAGE_SIZE); flags win. Prints one line once listening and
 * nothing else on success — in particular never a token or an Authorization header.
 */

const USAGE = `usage: tsx simulator/main.ts [--port 8090] [--host 127.0.0.1] [--seed 42]
  (--jwks-url <url> | --jwks-file <path>) [--issuer <iss>] [--audience <aud>] [--default-page-size 50]`;

/** Turns argv + env into simulator options; throws with a usage message on bad input. */
export function parseCli(argv: string[], env: NodeJS.ProcessEnv): SimulatorOptions {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      seed: { type: 'string' },
      'jwks-url': { type: 'string' },
      'jwks-file': { type: 'string' },
      issuer: { type: 'string' },
      audience: { type: 'string' },
      'default-page-size': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    throw new Error(USAGE);
  }
  const pick = (flag: string | undefined, name: string) => flag ?? (env[name] === '' ? undefined : env[name]);
  const int = (text: string | undefined, what: string, min: number, max: number) => {
    if (text === undefined) {
      return undefined;
    }
    const n = Number(text);
    if (!/^-?\d+$/.test(text) || n < min || n > max) {
      throw new Error(`invalid ${what} ${JSON.stringify(text)}\n${USAGE}`);
    }
    return n;
  };
  const jwksUrl = pick(values['jwks-url'], 'SIM_JWKS_URL');
  const jwksFile = pick(values['jwks-file'], 'SIM_JWKS_FILE');
  if (!jwksUrl && !jwksFile) {
    throw new Error(
      `a key set is required (--jwks-url or --jwks-file): the simulator has no unauthenticated mode\n${USAGE}`
    );
  }
  return {
    port: int(pick(values.port, 'SIM_PORT'), 'port', 0, 65535) ?? 8090,
    host: pick(values.host, 'SIM_HOST') ?? '127.0.0.1',
    seed: int(pick(values.seed, 'SIM_SEED'), 'seed', -(2 ** 31), 2 ** 31 - 1) ?? 42,
    jwksUrl,
    jwks: jwksFile ? (JSON.parse(readFileSync(jwksFile, 'utf8')) as JSONWebKeySet) : undefined,
    issuer: pick(values.issuer, 'SIM_ISSUER'),
    audience: pick(values.audience, 'SIM_AUDIENCE'),
    defaultPageSize: int(pick(values['default-page-size'], 'SIM_DEFAULT_PAGE_SIZE'), 'default page size', 1, 1000),
  };
}

async function main(): Promise<void> {
  let options: SimulatorOptions;
  try {
    options = parseCli(process.argv.slice(2), process.env);
  } catch (e) {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 2;
    return;
  }
  const sim = await createSimulator(options);
  process.stdout.write(`simulator listening on ${sim.url}\n`);
  const stop = () => {
    sim.close().then(
      () => process.exit(0),
      () => process.exit(1)
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (require.main === module) {
  main().catch((e: unknown) => {
    process.stderr.write(`simulator failed to start: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
}
