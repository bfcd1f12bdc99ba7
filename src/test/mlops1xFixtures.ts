import { readFileSync } from 'fs';
import { join } from 'path';

/**
 * The H2O MLOps 1.x answers in `tests/fixtures/mlops1x/`, shaped like the official client's models
 * (h2o-mlops 1.6.x; each accepted by its `Model.model_validate`, see that folder's README).
 */
export function mlops1xFixture(name: string): unknown {
  return JSON.parse(readFileSync(join(__dirname, '../../tests/fixtures/mlops1x', name), 'utf8'));
}
