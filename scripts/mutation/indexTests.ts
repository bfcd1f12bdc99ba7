import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Before `stryker run` (npm run mutation): runs the tests Stryker uses once and writes
 * reports/mutation/test-index.json — each test file (relative path) with the full names of its
 * tests — for relatedTestsRunner.cjs, which runs only the files holding the tests a mutant needs,
 * and reports/mutation/test-durations.json — each file's run time, so that runner can try the
 * quick files first.
 * Fails when a test fails: mutating code whose tests are red would measure nothing.
 */

const ROOT = join(__dirname, '..', '..');
const OUT_DIR = join(ROOT, 'reports', 'mutation');

interface JestJson {
  success: boolean;
  testResults: Array<{
    name: string;
    startTime: number;
    endTime: number;
    assertionResults: Array<{ fullName: string }>;
  }>;
}

interface StrykerJestConfig {
  default: { jest?: { config?: { testMatch?: string[] } } };
}

async function main(): Promise<void> {
  const stryker = (await import(pathToFileURL(join(ROOT, 'stryker.config.mjs')).href)) as StrykerJestConfig;
  const testMatch = stryker.default.jest?.config?.testMatch ?? [];
  if (testMatch.length === 0) {
    throw new Error('stryker.config.mjs names no jest.config.testMatch to index');
  }
  mkdirSync(OUT_DIR, { recursive: true });
  const raw = join(OUT_DIR, 'jest-results.json');
  try {
    execFileSync('npx', ['jest', '--silent', '--json', '--outputFile', raw, '--testMatch', ...testMatch], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    process.stderr.write(String((error as { stderr?: Buffer }).stderr ?? error));
    throw new Error('the tests Stryker mutates against fail; fix them first');
  }
  const results = JSON.parse(readFileSync(raw, 'utf8')) as JestJson;
  const index: Record<string, string[]> = {};
  const durations: Record<string, number> = {};
  for (const file of results.testResults) {
    index[relative(ROOT, file.name)] = file.assertionResults.map((test) => test.fullName);
    durations[relative(ROOT, file.name)] = file.endTime - file.startTime;
  }
  writeFileSync(join(OUT_DIR, 'test-index.json'), `${JSON.stringify(index, null, 1)}\n`);
  writeFileSync(join(OUT_DIR, 'test-durations.json'), `${JSON.stringify(durations, null, 1)}\n`);
  const tests = Object.values(index).reduce((sum, names) => sum + names.length, 0);
  console.log(`test index: ${Object.keys(index).length} files, ${tests} tests → reports/mutation/test-index.json`);
}

void main();
