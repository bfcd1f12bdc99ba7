/**
 * Proof that the Grafana server from the Go module proxy builds and answers the HTTP API:
 *   npx tsx scripts/stack/checkGrafana.ts
 * Builds (or reuses) the cached binary, starts it with an empty plugins dir, calls /api/health and
 * /api/datasources with basic auth, and stops it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureGrafana, startGrafana } from './grafanaServer';
import { installCleanupHandlers } from './processes';

async function main(): Promise<void> {
  installCleanupHandlers();
  const t0 = Date.now();
  const install = await ensureGrafana();
  console.log(`grafana binary ready in ${Math.round((Date.now() - t0) / 1000)} s: ${install.binary}`);
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlops-grafana-check-'));
  const pluginsDir = path.join(runDir, 'empty-plugins');
  fs.mkdirSync(pluginsDir);
  const grafana = await startGrafana({ runDir, install, pluginsDir });
  try {
    for (const api of ['/api/health', '/api/datasources']) {
      const res = await fetch(`${grafana.url}${api}`, { headers: { authorization: grafana.authHeader } });
      console.log(`GET ${api}: HTTP ${res.status} ${(await res.text()).slice(0, 300)}`);
      if (!res.ok) {
        throw new Error(`${api} answered ${res.status}`);
      }
    }
    console.log('GRAFANA CHECK OK');
  } finally {
    await grafana.stop();
    fs.rmSync(runDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
