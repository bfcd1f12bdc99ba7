/**
 * `npm run check:compat` (part of `npm test`): proves the Grafana floor that src/plugin.json claims.
 *
 * 1. Grafana APIs: `@grafana/levitate is-compatible` checks every @grafana/data, ui, runtime and schema
 *    API that the plugin's entry points (scripts/compat/pluginEntries.ts) use against those packages at
 *    the floor version. Levitate downloads the packages from npm; they are cached under
 *    `<cacheRoot>/levitate/`.
 * 2. Self-check: the same check against @grafana/data 8.0.0 must report incompatibilities, which shows
 *    that levitate resolved the plugin's imports on this machine (an unresolved import passes silently).
 * 3. React: Grafana runs React 18 below 13.2.0, so while the floor is below it the plugin's source may
 *    not use React-19-only APIs (Grafana's 13.1→13.2 migration guide).
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import { cacheRoot, repoRoot } from './stack/paths';

const PACKAGES = ['@grafana/data', '@grafana/ui', '@grafana/runtime', '@grafana/schema'];
const ENTRIES = path.join(repoRoot, 'scripts', 'compat', 'pluginEntries.ts');
const SELF_CHECK_TARGET = '@grafana/data@8.0.0';
const REACT_19_GRAFANA = '13.2.0';
/** React 19 APIs that React 18 lacks (react.dev React 19 release notes; Grafana's migration guide). */
const REACT_19_ONLY = ['use', 'useActionState', 'useOptimistic', 'useFormStatus', 'requestFormReset'];
const REACT_DOM_19_ONLY = ['preload', 'preinit', 'preconnect', 'prefetchDNS', 'preloadModule', 'preinitModule'];

/** a < b for X.Y.Z versions. */
function versionBelow(a: string, b: string): boolean {
  const [x, y] = [a, b].map((v) => v.split('.').map(Number));
  const i = x.findIndex((n, k) => n !== y[k]);
  return i >= 0 && x[i] < y[i];
}

/** The floor from src/plugin.json (`>=X.Y.Z`); anything else is refused, as it cannot be checked. */
export function claimedFloor(): string {
  const plugin = JSON.parse(fs.readFileSync(path.join(repoRoot, 'src', 'plugin.json'), 'utf8')) as {
    dependencies: { grafanaDependency: string };
  };
  const match = /^>=\s*(\d+\.\d+\.\d+)$/.exec(plugin.dependencies.grafanaDependency.trim());
  if (!match) {
    throw new Error(`grafanaDependency "${plugin.dependencies.grafanaDependency}" is not of the form >=X.Y.Z`);
  }
  return match[1];
}

/**
 * The package at the floor, or — when that exact version was never published (@grafana/schema skipped
 * 13.0.0) — the lowest patch release of the floor's minor.
 */
function targetAtFloor(pkg: string, floor: string): string {
  const out = execFileSync('npm', ['view', `${pkg}@~${floor}`, 'version', '--json'], { encoding: 'utf8' });
  const parsed = JSON.parse(out) as string | string[];
  const versions = (Array.isArray(parsed) ? parsed : [parsed]).sort((a, b) =>
    versionBelow(a, b) ? -1 : versionBelow(b, a) ? 1 : 0
  );
  if (versions.length === 0) {
    throw new Error(`no ${pkg} release in ~${floor} on the npm registry`);
  }
  if (versions[0] !== floor) {
    console.log(`${pkg}@${floor} is not published: checking ${pkg}@${versions[0]}`);
  }
  return `${pkg}@${versions[0]}`;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

/** Every src/**\/module.ts must be exported by pluginEntries.ts, or levitate would not see it. */
function missingEntries(): string[] {
  const entries = fs.readFileSync(ENTRIES, 'utf8');
  return sourceFiles(path.join(repoRoot, 'src'))
    .filter((f) => path.basename(f) === 'module.ts')
    .map((f) => `../../${path.relative(repoRoot, f).replace(/\.ts$/, '')}`)
    .filter((spec) => !entries.includes(`'${spec}'`));
}

/** Uses of React-19-only APIs in the plugin's source (imports and `React.x` member calls). */
export function react19Uses(files: string[]): string[] {
  const found: string[] = [];
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    for (const [module, names] of [
      ['react', REACT_19_ONLY],
      ['react-dom', REACT_DOM_19_ONLY],
    ] as const) {
      const imports = [...text.matchAll(new RegExp(`import\\s+[^;]*?\\{([^}]*)\\}\\s*from\\s*'${module}'`, 'g'))];
      const imported = imports.flatMap((m) =>
        m[1].split(',').map(
          (s) =>
            s
              .trim()
              .replace(/^type\s+/, '')
              .split(/\s+as\s+/)[0]
        )
      );
      const members = [...text.matchAll(/\bReact(?:DOM)?\.(\w+)\s*\(/g)].map((m) => m[1]);
      for (const name of new Set([...imported, ...members]).values()) {
        if ((names as readonly string[]).includes(name)) {
          found.push(`${path.relative(repoRoot, file)}: ${name} (${module})`);
        }
      }
    }
  }
  return found;
}

/** Runs levitate is-compatible; resolves with its exit code and output (also streamed). */
function levitate(target: string): Promise<{ code: number; output: string }> {
  const dir = path.join(cacheRoot(), 'levitate');
  fs.mkdirSync(dir, { recursive: true });
  const bin = path.join(repoRoot, 'node_modules', '.bin', 'levitate');
  const args = ['is-compatible', '--path', path.relative(repoRoot, ENTRIES), '--target', target];
  return new Promise((resolve, reject) => {
    // TMPDIR + LEVITATE_CACHE: levitate keeps the npm tarballs it downloads there between runs.
    const child = spawn(bin, args, {
      cwd: repoRoot,
      env: { ...process.env, TMPDIR: dir, LEVITATE_CACHE: 'true', FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const keep = (chunk: Buffer) => {
      output += chunk.toString();
      process.stdout.write(chunk);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code: code ?? 1, output }));
  });
}

/** Levitate logs some failures and carries on; these lines mean a package was not really checked. */
function silentFailures(output: string): string[] {
  return output.split('\n').filter((l) => /Could not process the package|Skipping package|ERROR/.test(l));
}

async function main(): Promise<string[]> {
  const floor = claimedFloor();
  const problems: string[] = missingEntries().map((e) => `${ENTRIES} does not export the entry point ${e}`);

  console.log(`Grafana floor claimed by src/plugin.json: ${floor}\n`);
  const check = await levitate(PACKAGES.map((p) => targetAtFloor(p, floor)).join(','));
  if (check.code !== 0) {
    problems.push(`levitate: the plugin uses Grafana APIs that differ in ${floor} (report above)`);
  }
  problems.push(...silentFailures(check.output).map((l) => `levitate did not check everything: ${l.trim()}`));

  console.log(`\nSelf-check: against ${SELF_CHECK_TARGET} levitate must find incompatibilities`);
  const selfCheck = await levitate(SELF_CHECK_TARGET);
  if (selfCheck.code === 0 || !/INCOMPATIBILITIES \(\d+\)/.test(selfCheck.output)) {
    problems.push(`self-check: levitate found nothing against ${SELF_CHECK_TARGET}, so it did not resolve the imports`);
  }

  if (versionBelow(floor, REACT_19_GRAFANA)) {
    const uses = react19Uses(sourceFiles(path.join(repoRoot, 'src')));
    console.log(`\nReact: Grafana ${floor} runs React 18; React-19-only APIs used: ${uses.length || 'none'}`);
    problems.push(...uses.map((u) => `React-19-only API while the floor is below ${REACT_19_GRAFANA}: ${u}`));
  }
  return problems;
}

if (require.main === module) {
  const started = Date.now();
  main().then(
    (problems) => {
      const seconds = Math.round((Date.now() - started) / 1000);
      problems.forEach((p) => console.error(`!! ${p}`));
      console.log(`\nGrafana compatibility: ${problems.length ? 'FAILED' : 'ok'} (${seconds} s)`);
      process.exit(problems.length ? 1 : 0);
    },
    (err: Error) => {
      console.error(`compatibility check failed to run: ${err.message}`);
      process.exit(1);
    }
  );
}
