/**
 * Every entry point Grafana loads from this plugin (app, data source, panel), in one module so that
 * one levitate run (scripts/checkCompat.ts) sees every Grafana API the plugin uses. checkCompat.ts
 * fails when a src/**\/module.ts is missing here.
 */
export { plugin as app } from '../../src/module';
export { plugin as datasource } from '../../src/datasource/module';
export { plugin as panel } from '../../src/panel/module';
