import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

import { mulberry32 } from '../../simulator/prng';

/**
 * `npm run mutation:sample [-- --lines 320 --seed 20261126]`: a seeded random sample of the source
 * lines `npm run mutation` covers, and a Stryker run of every mutant on those lines — an estimate of
 * the mutation score in ~15 minutes instead of the full run's hours. Lines are drawn among code
 * lines (not blank, comment, import or type-only lines) of the directories in stryker.config.mjs,
 * without replacement; the drawn lines go to reports/mutation/sample-lines.json. The estimate is
 * only fair for a seed no test was written against.
 */

const ROOT = join(__dirname, '..', '..');
const OUT_DIR = join(ROOT, 'reports', 'mutation');

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}

/** The directories of stryker.config.mjs's `mutate` globs (`src/x/{a,b}/**\/*.ts` → src/x/a, src/x/b). */
function mutatedDirectories(patterns: string[]): string[] {
  return patterns
    .filter((pattern) => !pattern.startsWith('!'))
    .flatMap((pattern) => {
      const base = pattern.split('/**')[0];
      const braces = /^(.*)\{([^}]+)\}(.*)$/.exec(base);
      return braces ? braces[2].split(',').map((part) => `${braces[1]}${part}${braces[3]}`) : [base];
    });
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        return sourceFiles(path);
      }
      return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
    });
}

const TRIVIAL = new Set(['}', '{', '};', ');', '})', ']', '],']);

/** Lines that can hold a mutant: not blank, not a comment, an import or a type-only line. */
function codeLines(file: string): number[] {
  const lines: number[] = [];
  let inComment = false;
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, index) => {
      const text = line.trim();
      if (text.startsWith('/*')) {
        inComment = true;
      }
      if (inComment) {
        inComment = !text.includes('*/');
        return;
      }
      const skip =
        text === '' ||
        text.startsWith('//') ||
        text.startsWith('import ') ||
        text.startsWith('export type') ||
        text.startsWith('type ') ||
        TRIVIAL.has(text);
      if (!skip) {
        lines.push(index + 1);
      }
    });
  return lines;
}

async function main(): Promise<void> {
  const size = option('lines', 320);
  const seed = option('seed', 20261126);
  const stryker = (await import(join(ROOT, 'stryker.config.mjs'))) as { default: { mutate: string[] } };
  const candidates = mutatedDirectories(stryker.default.mutate).flatMap((dir) =>
    sourceFiles(join(ROOT, dir)).flatMap((file) =>
      codeLines(file).map((line) => `${relative(ROOT, file)}:${line}-${line}`)
    )
  );
  // Partial Fisher–Yates: the first `size` entries are a uniform sample without replacement.
  const random = mulberry32(seed);
  for (let i = 0; i < Math.min(size, candidates.length); i++) {
    const j = i + Math.floor(random() * (candidates.length - i));
    [candidates[i], candidates[j]] = [candidates[j], candidates[i]];
  }
  const sample = candidates.slice(0, size).sort();
  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(join(OUT_DIR, 'sample-lines.json'), `${JSON.stringify({ seed, size, lines: sample }, null, 1)}\n`);
  console.log(`mutation sample: ${sample.length} of ${candidates.length} code lines, seed ${seed}`);
  execFileSync('npx', ['tsx', 'scripts/mutation/indexTests.ts'], { cwd: ROOT, stdio: 'inherit' });
  execFileSync(
    'npx',
    ['stryker', 'run', '--mutate', sample.join(','), '--incrementalFile', 'reports/mutation/sample-incremental.json'],
    { cwd: ROOT, stdio: 'inherit' }
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
