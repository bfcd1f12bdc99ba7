import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import { createSimulator, type Simulator } from '../../simulator/server';
import { startTestSimulator, type TestSimulator } from '../../simulator/testKit';
import type { ProxyStandIn } from '../grafanaProxy/server';
import { ApiGeneration, AuthMode, OPTIONS_SCHEMA_VERSION, TokenUrlMode } from '../../src/datasource/types';
import { buildHost, HOST_INPUTS_FILE, HOST_OUT_DIR } from './build';
import { startPreviewServer, type PreviewServer } from './server';
import { PREVIEW_DS_1X_UID, PREVIEW_DS_UID, previewPath } from './shared';
import {
  directSimulatorUpstream,
  proxyStandInUpstream,
  startTokenEndpoint,
  type PreviewDataSource,
  type ProxyUpstream,
  type TokenEndpoint,
} from './upstream';

/**
 * Simulator + token endpoint + Grafana proxy stand-in + preview server, started together and
 * closed together. Used by screenshots.ts, the browser tests, and by hand:
 *
 *   npx tsx devtools/preview/stack.ts [--port 3300] [--direct]
 */

export interface PreviewStack {
  url: string;
  simulator: { sim: Simulator; close(): Promise<void> };
  server: PreviewServer;
  upstream: ProxyUpstream & { standIn?: ProxyStandIn };
  /** The local token endpoint, when no external identity provider was given. */
  tokenEndpoint?: TokenEndpoint;
  datasource: PreviewDataSource;
  /** The H2O MLOps 1.x data source (same credentials; the simulator serves the 1.x API too). */
  datasource1x: PreviewDataSource;
  /** Values that must never reach the browser: configured secrets and every gateway access token so far. */
  secrets(): string[];
  close(): Promise<void>;
}

/** A real identity provider (the browser tests use the Keycloak that tests/stack starts). */
export interface ExternalIdentity {
  keycloakUrl: string;
  realm: string;
  tokenUrl: string;
  jwksUrl: string;
  issuer: string;
  audience: string;
  clientId: string;
  clientSecret: string;
  /** An offline refresh token of the demo user. */
  refreshToken: string;
}

export interface PreviewStackOptions {
  port?: number;
  /** Simulator port (0: any). The gateway URL in the config editor shows it. */
  simulatorPort?: number;
  /** Bypass the proxy stand-in: forward to the simulator with a bearer token (local identity only). */
  direct?: boolean;
  /** Response cache TTL of the data source (seconds); tests use 0. */
  cacheTtlSeconds?: number;
  /**
   * Take tokens from this identity provider, and have the simulator validate them against its
   * JWKS. Without it, a local token endpoint and a locally generated key stand in for Keycloak.
   */
  identity?: ExternalIdentity;
}

const ROOT = path.resolve(__dirname, '../..');

/** Fails early with the command to run when the plugin or the host bundle is not built. */
export function assertBuilt(): void {
  const missing = ['dist/module.js', 'dist/datasource/module.js', 'dist/panel/module.js'].filter(
    (f) => !fs.existsSync(path.join(ROOT, f))
  );
  if (missing.length > 0) {
    throw new Error(`${missing.join(', ')} missing: run \`npm run build\` first`);
  }
}

/** Builds the host bundle unless it exists and is newer than every project file it was built from. */
export async function ensureHostBuilt(): Promise<void> {
  const out = path.join(HOST_OUT_DIR, 'host.js');
  const built = fs.existsSync(out) && fs.existsSync(HOST_INPUTS_FILE) ? fs.statSync(out).mtimeMs : 0;
  const inputs: string[] = built ? (JSON.parse(fs.readFileSync(HOST_INPUTS_FILE, 'utf8')) as string[]) : [];
  const stale =
    built === 0 ||
    inputs.map((f) => path.join(ROOT, f)).some((file) => !fs.existsSync(file) || fs.statSync(file).mtimeMs > built);
  if (stale) {
    await buildHost();
  }
}

export async function startPreviewStack(options: PreviewStackOptions = {}): Promise<PreviewStack> {
  assertBuilt();
  await ensureHostBuilt();
  const { identity } = options;
  if (identity && options.direct) {
    throw new Error('direct mode mints its own tokens: it cannot be combined with an external identity provider');
  }
  const port = options.simulatorPort ?? 0;
  const local: TestSimulator | undefined = identity ? undefined : await startTestSimulator({ port });
  const simulator = local ?? {
    sim: await createSimulator({
      port,
      jwksUrl: identity!.jwksUrl,
      issuer: identity!.issuer,
      audience: identity!.audience,
    }),
    close() {
      return this.sim.close();
    },
  };
  const credentials = identity ?? {
    clientId: 'grafana-mlops',
    // Recognisable but random: the tests search every page and response for them.
    clientSecret: `preview-secret-${randomBytes(8).toString('hex')}`,
    refreshToken: `preview-refresh-${randomBytes(8).toString('hex')}`,
  };
  let tokenEndpoint: TokenEndpoint | undefined;
  let upstream: (ProxyUpstream & { standIn?: ProxyStandIn }) | undefined;
  let server: PreviewServer | undefined;
  try {
    tokenEndpoint = local ? await startTokenEndpoint(local, credentials) : undefined;
    const keycloak = identity
      ? { baseUrl: identity.keycloakUrl, realm: identity.realm, url: identity.tokenUrl }
      : { baseUrl: tokenEndpoint!.baseUrl, realm: tokenEndpoint!.realm, url: tokenEndpoint!.url };
    const datasource: PreviewDataSource = {
      uid: PREVIEW_DS_UID,
      name: 'MLOps Gateway',
      jsonData: {
        schemaVersion: OPTIONS_SCHEMA_VERSION,
        gatewayUrl: simulator.sim.url,
        authMode: AuthMode.RefreshToken,
        tokenUrlMode: TokenUrlMode.Keycloak,
        keycloakUrl: keycloak.baseUrl,
        keycloakRealm: keycloak.realm,
        keycloakLegacyAuthPath: false,
        tokenUrl: keycloak.url,
        clientId: credentials.clientId,
        // Empty: the routes send `openid`, which Keycloak accepts (it refuses an empty scope).
        scope: '',
        requestTimeoutSeconds: 30,
        cacheTtlSeconds: options.cacheTtlSeconds ?? 15,
      },
      secureJsonData: { clientSecret: credentials.clientSecret, refreshToken: credentials.refreshToken },
    };
    // One base URL is both the MLOps API URL and the authz URL, as in the stack tests.
    const datasource1x: PreviewDataSource = {
      uid: PREVIEW_DS_1X_UID,
      name: 'MLOps 1.x',
      jsonData: {
        ...datasource.jsonData,
        gatewayUrl: undefined,
        apiGeneration: ApiGeneration.Mlops1x,
        mlopsApiUrl: simulator.sim.url,
        authzUrl: simulator.sim.url,
      },
      secureJsonData: datasource.secureJsonData,
    };
    // The one line that picks what plays Grafana's data-source proxy.
    upstream =
      options.direct && local ? directSimulatorUpstream(local) : await proxyStandInUpstream([datasource, datasource1x]);
    server = await startPreviewServer({
      upstream,
      datasource,
      otherDatasources: [datasource1x],
      port: options.port,
    });
    const started = { upstream, server, tokenEndpoint };
    return {
      url: server.url,
      simulator,
      server,
      upstream,
      tokenEndpoint,
      datasource,
      datasource1x,
      secrets: () => [
        credentials.clientSecret,
        credentials.refreshToken,
        ...(local ? [local.token] : []),
        ...(started.tokenEndpoint?.issuedTokens ?? []),
        ...(started.upstream.standIn?.accessTokens() ?? []),
      ],
      close: async () => {
        await started.server.close();
        await started.upstream.close();
        await started.tokenEndpoint?.close();
        await simulator.close();
      },
    };
  } catch (error) {
    await server?.close();
    await upstream?.close();
    await tokenEndpoint?.close();
    await simulator.close();
    throw error;
  }
}

if (require.main === module) {
  const arg = (name: string) => {
    const index = process.argv.indexOf(name);
    return index >= 0 ? process.argv[index + 1] : undefined;
  };
  startPreviewStack({ port: Number(arg('--port') ?? 3300), direct: process.argv.includes('--direct') })
    .then((stack) => {
      console.log(
        `preview: ${stack.url}  (data-source proxy: ${stack.upstream.description}; simulator ${stack.simulator.sim.url})`
      );
      for (const p of [
        previewPath({ view: 'panel', deployments: ['shadow', 'drifting'], theme: 'light', size: 'medium' }),
        previewPath({ view: 'panel1x', deployments: ['shadow'], theme: 'light', size: 'large' }),
        previewPath({ view: 'query', deployments: ['shadow'] }),
        previewPath({ view: 'variable', deployments: ['shadow'] }),
        previewPath({ view: 'config' }),
      ]) {
        console.log(`  ${stack.url}${p}`);
      }
      const stop = () => void stack.close().then(() => process.exit(0));
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
