import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

/**
 * Bundles the preview host (devtools/preview/host/main.tsx) with esbuild into
 * devtools/preview/dist/host.js (+ host.css). The bundle contains the real npm packages Grafana
 * shares with plugins — react, react-dom, @grafana/data/ui/runtime, rxjs, @emotion, lodash — and
 * hands them to the plugin modules from dist/ through its AMD loader. The plugins themselves are
 * NOT in this bundle: they are loaded at runtime from `npm run build`'s output.
 *
 *   npx tsx devtools/preview/build.ts [--dev]
 */

export const PREVIEW_DIR = __dirname;
export const HOST_OUT_DIR = path.join(__dirname, 'dist');
/** The project files the last build read (not node_modules), so callers can tell whether it is stale. */
export const HOST_INPUTS_FILE = path.join(HOST_OUT_DIR, 'host.inputs.json');
const ROOT = path.resolve(__dirname, '../..');

export async function buildHost(options: { dev?: boolean } = {}): Promise<{ ms: number; bytes: number }> {
  const started = Date.now();
  const result = await build({
    entryPoints: { host: path.join(__dirname, 'host', 'main.tsx') },
    outdir: HOST_OUT_DIR,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    jsx: 'automatic',
    minify: !options.dev,
    sourcemap: options.dev ? 'inline' : false,
    metafile: true,
    logLevel: 'warning',
    // Production builds of React and the Grafana packages, as Grafana itself ships them.
    define: {
      'process.env.NODE_ENV': JSON.stringify(options.dev ? 'development' : 'production'),
      global: 'globalThis',
    },
    loader: {
      '.svg': 'dataurl',
      '.png': 'dataurl',
      '.woff': 'dataurl',
      '.woff2': 'dataurl',
      '.ttf': 'dataurl',
    },
  });
  const bytes = Object.values(result.metafile.outputs).reduce((sum, output) => sum + output.bytes, 0);
  const inputs = Object.keys(result.metafile.inputs).filter((input) => !input.includes('node_modules/'));
  fs.writeFileSync(
    HOST_INPUTS_FILE,
    JSON.stringify(
      inputs.map((input) => path.relative(ROOT, path.resolve(input))),
      null,
      2
    )
  );
  return { ms: Date.now() - started, bytes };
}

if (require.main === module) {
  buildHost({ dev: process.argv.includes('--dev') })
    .then(({ ms, bytes }) =>
      console.log(
        `preview host built in ${ms} ms (${(bytes / 1e6).toFixed(1)} MB) → ${path.relative(process.cwd(), HOST_OUT_DIR)}/`
      )
    )
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
