/**
 * Drift of H2O MLOps 1.x monitoring aggregates, as H2O documents it (TVD, PSI, Hellinger, Z-score,
 * time-window aggregation), in pure functions shared by the data source and the panel. The
 * contract and every decision: docs/h2o-mlops-1x-contract.md.
 */
export * from './types';
export * from './metrics';
export * from './binning';
export * from './windows';
export * from './status';
export * from './columnDrift';
