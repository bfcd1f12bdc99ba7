/**
 * One-shot for docker-compose: obtains the demo user's offline refresh token and writes it as
 * `MLOPS_REFRESH_TOKEN=...` to an env file that Grafana's entrypoint sources, because compose cannot
 * pass a value computed at run time to another container's environment. The token is written to the
 * file only, never printed.
 *   npx tsx scripts/stack/writeTokenEnv.ts --token-url URL --out FILE
 */
import fs from 'node:fs';
import path from 'node:path';
import { offlineRefreshToken } from './oidc';
import { loadDemoRealm } from './realm';

function arg(name: string): string {
  const i = process.argv.indexOf(name);
  const value = i >= 0 ? process.argv[i + 1] : undefined;
  if (!value) {
    throw new Error(`missing ${name}`);
  }
  return value;
}

async function main(): Promise<void> {
  const tokenUrl = arg('--token-url');
  const out = arg('--out');
  const demo = loadDemoRealm();
  const client = { tokenUrl, clientId: demo.clientId, clientSecret: demo.clientSecret };
  let lastError: unknown;
  // Keycloak may answer health before the imported realm serves tokens; retry for a minute.
  for (let attempt = 0; attempt < 30; attempt++) {
    try {
      const token = await offlineRefreshToken(client, demo.username, demo.password);
      fs.mkdirSync(path.dirname(out), { recursive: true });
      // Readable by Grafana's non-root user (uid 472) in the compose volume shared only with it.
      fs.writeFileSync(out, `MLOPS_REFRESH_TOKEN=${token}\n`, { mode: 0o644 });
      console.log(`wrote MLOPS_REFRESH_TOKEN for ${demo.username} to ${out}`);
      return;
    } catch (err) {
      lastError = err;
      await new Promise((r) => setTimeout(r, 2000));
    }
  }
  throw lastError;
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
