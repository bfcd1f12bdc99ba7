/**
 * `npm run setup:stack` (also the `pretest:stack` step): installs Keycloak, Java, the h2o-mlops venvs (1.3.4, 1.6.5)
 * and docker compose into the cache when missing. See tools.ts.
 */
import { ensureStackTools } from './tools';

const started = Date.now();
ensureStackTools().then(
  (tools) => {
    for (const [name, value] of Object.entries(tools)) {
      console.log(`${name.padEnd(12)} ${value}`);
    }
    console.log(`stack tools ready in ${Math.round((Date.now() - started) / 1000)} s`);
  },
  (err: Error) => {
    console.error(`stack setup failed: ${err.message}`);
    process.exit(1);
  }
);
