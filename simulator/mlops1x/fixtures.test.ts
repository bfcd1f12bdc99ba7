import fs from 'node:fs';
import path from 'node:path';

import { buildFixtures, FIXTURE_DIR, fixtureText, manifestOf } from './fixtures';

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
  for (const [name, f] of Object.entries(fixtures)) {
    expect({ name, text: fs.readFileSync(path.join(FIXTURE_DIR, name), 'utf8') }).toEqual({
      name,
      text: fixtureText(f.body),
    });
  }
  expect(fs.readFileSync(path.join(FIXTURE_DIR, 'manifest.json'), 'utf8')).toBe(fixtureText(manifestOf(fixtures)));
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
