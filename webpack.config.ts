import CopyWebpackPlugin from 'copy-webpack-plugin';
import type { Configuration } from 'webpack';

import grafanaConfig, { type Env } from './.config/webpack/webpack.config';

/**
 * Extends create-plugin's webpack config (never edited in .config/): its copy step ships only the
 * app's own logos, so the nested data source's and panel's `img/` folders are copied here too —
 * Grafana shows them in the plugin catalogue and the data-source picker.
 */
const config = async (env: Env): Promise<Configuration> => {
  const baseConfig = await grafanaConfig(env);
  return {
    ...baseConfig,
    plugins: [
      ...(baseConfig.plugins ?? []),
      new CopyWebpackPlugin({
        patterns: [{ from: '*/img/**/*', to: '.', noErrorOnMissing: true }],
      }),
    ],
  };
};

export default config;
