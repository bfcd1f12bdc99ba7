import fs from 'node:fs';
import path from 'node:path';

import { buildFixtures, FIXTURE_DIR, manifestOf } from './fixtures';

/**
 * The committed fixtures (tests/fixtures/mlops1x) are exactly what the simulator serves at the
 * pinned clock; the official client validates them in tests/stack/official-client-1x.test.ts.
 */
it('the committed 1.x fixtures are up to date (regenerate: npx tsx simulator/mlops1x/fixtures.ts)', () => {
  const fixtures = buildFixtures();
  const committed = fs
    .readdirSync(FIXTURE_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort();
  expect(committed).toEqual([...Object.keys(fixtures), 'manifest.json'].sort());
  // Compared as JSON, not text, so a formatter (npm run lint:fix runs prettier) may re-indent them.
  const read = (name: string): unknown => JSON.parse(fs.readFileSync(path.join(FIXTURE_DIR, name), 'utf8'));
  for (const [name, f] of Object.entries(fixtures)) {
    expect({ name, body: read(name) }).toEqual({ name, body: f.body });
  }
  expect(read('manifest.json')).toEqual(manifestOf(fixtures));
});

it('covers every topology, logical type, pagination and errors', () => {
  const fixtures = buildFixtures();
  const text = JSON.stringify(fixtures);
  for (const needle of [
    '"single"',
    '"shadow"',
    '"split"',
    '"TEXT"',
    '"CATEGORICAL"',
    '"NUMERICAL"',
    '"nextPageToken"',
    '"code":5',
    '"code":3',
  ]) {
    expect(text).toContain(needle);
  }
  const page = fixtures['scoring-aggregates-shadow-page1.json'].body as { aggregates: unknown[] };
  expect(page.aggregates).toHaveLength(100);
});
