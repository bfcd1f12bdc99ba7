import CopyWebpackPlugin from 'copy-webpack-plugin';
import path from 'node:path';
import type { Configuration } from 'webpack';

import grafanaConfig, { type Env } from './.config/webpack/webpack.config';

/** The dashboards shipped with the app: one source of truth, also read by provisioning. */
export const DASHBOARDS_SOURCE = path.resolve(process.cwd(), 'provisioning', 'dashboards', 'mlops');

/**
 * Extends create-plugin's webpack config (never edited in .config/): its copy step ships only the
 * app's own logos, so the nested data source's and panel's `img/` folders are copied here too —
 * Grafana shows them in the plugin catalogue and the data-source picker — and the dashboards of
 * provisioning/dashboards/mlops go to dist/dashboards, where the app's `includes` point.
 */
const config = async (env: Env): Promise<Configuration> => {
  const baseConfig = await grafanaConfig(env);
  return {
    ...baseConfig,
    plugins: [
      ...(baseConfig.plugins ?? []),
      new CopyWebpackPlugin({
        patterns: [
          { from: '*/img/**/*', to: '.', noErrorOnMissing: true },
          { from: path.join(DASHBOARDS_SOURCE, '*.json'), to: 'dashboards/[name][ext]' },
        ],
      }),
    ],
  };
};

export default config;
