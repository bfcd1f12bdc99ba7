import { readFileSync } from 'fs';
import { join } from 'path';

/**
 * The H2O MLOps 1.x answers written for the unit tests, `tests/fixtures/mlops1x/handwritten/`, shaped
 * like the official client's models (h2o-mlops 1.6.x; each accepted by its `Model.model_validate`, see
 * that folder's README). The simulator's own fixtures are the parent folder's.
 */
export function mlops1xFixture(name: string): unknown {
  return JSON.parse(readFileSync(join(__dirname, '../../tests/fixtures/mlops1x/handwritten', name), 'utf8'));
}

/** The simulator's 1.x answers, `tests/fixtures/mlops1x/` (listed in its manifest.json, validated by the client). */
export function simulatorMlops1xFixture(name: string): unknown {
  return JSON.parse(readFileSync(join(__dirname, '../../tests/fixtures/mlops1x', name), 'utf8'));
}
