import CopyWebpackPlugin from 'copy-webpack-plugin';
import path from 'node:path';
import { type Chunk, type ChunkGroup, Compilation, type Compiler, type Configuration, WebpackError } from 'webpack';

import grafanaConfig, { type Env } from './.config/webpack/webpack.config';

/** The dashboards shipped with the app: one source of truth, also read by provisioning. */
export const DASHBOARDS_SOURCE = path.resolve(process.cwd(), 'provisioning', 'dashboards', 'mlops');

/**
 * Extends create-plugin's webpack config (never edited in .config/): its copy step ships only the
 * app's own logos, so the nested data source's and panel's `img/` folders are copied here too —
 * Grafana shows them in the plugin catalogue and the data-source picker — and the dashboards of
 * provisioning/dashboards/mlops go to dist/dashboards, where the app's `includes` point. Our own
 * code is compiled for ES2020 instead of create-plugin's ES2015: every browser Grafana 13 supports
 * runs ES2020 natively, and not down-levelling `?.`, `??` and object spread makes the panel's
 * module.js about a fifth smaller (#11: about 7 KB less gzip; the data source's ~2.5 KB less).
 * Chunks split off by dynamic `import()` go beside their nested plugin's module.js (see
 * {@link NestedPluginChunks}).
 */
const config = async (env: Env): Promise<Configuration> => {
  const baseConfig = await grafanaConfig(env);
  return {
    ...baseConfig,
    module: { ...baseConfig.module, rules: (baseConfig.module?.rules ?? []).map(withSwcTarget) },
    plugins: [
      ...(baseConfig.plugins ?? []),
      new NestedPluginChunks(),
      new CopyWebpackPlugin({
        patterns: [
          { from: '*/img/**/*', to: '.', noErrorOnMissing: true },
          { from: path.join(DASHBOARDS_SOURCE, '*.json'), to: 'dashboards/[name][ext]' },
        ],
      }),
    ],
  };
};

/**
 * Moves each chunk split off by a dynamic `import()` (e.g. the data source's "editors" and
 * "mlops1x") into the folder of the entry that loads it: dist/datasource/editors.js. A nested
 * plugin's module.js sets webpack's public path from its own URL (create-plugin's
 * grafana-public-path: the folder module.js came from). Grafana serves a nested plugin both as
 * public/plugins/<its id>/ and inside the app's public/plugins/<app id>/datasource/, both mapped
 * to dist/datasource/, so its chunks must be there; webpack itself would emit them in dist/ (the
 * output path), where the chunk URLs miss them (grafana/plugin-tools#2172). The chunk's file name
 * (the part the runtime appends to the public path) stays the same; only where it is written
 * changes. A chunk loaded from entries of different folders cannot live beside both: the build
 * fails rather than ship a chunk that 404s.
 */
export class NestedPluginChunks {
  apply(compiler: Compiler): void {
    compiler.hooks.thisCompilation.tap('NestedPluginChunks', (compilation) => {
      compilation.hooks.processAssets.tap(
        // After minifying, source maps, content hashes and subresource integrity: only the place changes.
        { name: 'NestedPluginChunks', stage: Compilation.PROCESS_ASSETS_STAGE_ANALYSE },
        () => moveChunksBesideEntries(compilation)
      );
    });
  }
}

function moveChunksBesideEntries(compilation: Compilation): void {
  const folders = new Map<Chunk, Set<string>>();
  for (const [name, entrypoint] of compilation.entrypoints) {
    const folder = path.posix.dirname(name);
    for (const chunk of asyncChunksOf(entrypoint)) {
      folders.set(chunk, (folders.get(chunk) ?? new Set()).add(folder));
    }
  }
  for (const [chunk, chunkFolders] of folders) {
    if (chunkFolders.size > 1) {
      const error = new WebpackError(
        `Chunk ${chunk.name ?? chunk.id} is loaded by plugins in ${[...chunkFolders].join(', ')}; ` +
          'a chunk is served beside one nested plugin only. Give each plugin its own dynamic import.'
      );
      compilation.errors.push(error);
      continue;
    }
    const [folder] = chunkFolders;
    if (folder === '.') {
      continue;
    }
    for (const file of [...chunk.files, ...chunk.auxiliaryFiles]) {
      compilation.renameAsset(file, path.posix.join(folder, file));
    }
  }
}

/** The chunks an entry point loads on demand, at any depth. */
function asyncChunksOf(entrypoint: ChunkGroup): Set<Chunk> {
  const chunks = new Set<Chunk>();
  const seen = new Set<ChunkGroup>();
  const visit = (group: ChunkGroup) => {
    for (const child of group.getChildren()) {
      if (!seen.has(child)) {
        seen.add(child);
        child.chunks.forEach((chunk) => chunks.add(chunk));
        visit(child);
      }
    }
  };
  visit(entrypoint);
  return chunks;
}

/** Swc's output target, for the swc-loader rule of create-plugin's config. */
const SWC_TARGET = 'es2020';

type Rule = NonNullable<NonNullable<Configuration['module']>['rules']>[number];

function withSwcTarget(rule: Rule): Rule {
  const use = rule && typeof rule === 'object' && !Array.isArray(rule.use) ? rule.use : undefined;
  if (!use || typeof use !== 'object' || use.loader !== 'swc-loader' || typeof use.options !== 'object') {
    return rule;
  }
  const options = use.options as { jsc?: Record<string, unknown> };
  return { ...rule, use: { ...use, options: { ...options, jsc: { ...options.jsc, target: SWC_TARGET } } } };
}

export default config;
