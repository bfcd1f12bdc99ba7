/**
 * `npm run validate:plugin` (part of `npm test`, after the build): packages `dist/` as the catalog
 * zip (scripts/package.ts) and runs Grafana's plugin validator on it, each offline analyzer on its
 * own, with the source tree for the analyzers that read it. Prints what every analyzer reported and
 * fails on any error or warning other than "unsigned plugin", on any analyzer that did not run, and
 * when code-rules shows no sign of semgrep having run. The analyzers that cannot run here (network,
 * credentials) are listed, not run; so are the Go-backend ones, after checking there is no backend.
 */
import fs from 'node:fs';
import path from 'node:path';

import {
  BACKEND_ONLY_ANALYZERS,
  checkAgainstSource,
  NOT_RUN_ANALYZERS,
  OFFLINE_ANALYZERS,
} from './validator/analyzers';
import { problems, runAnalyzer, type AnalyzerResult } from './validator/runAnalyzer';
import { packagePlugin } from './package';
import { ensurePluginValidator, ensureSemgrep, vendoredValidatorSource } from './setup/pluginValidator';
import { repoRoot } from './stack/paths';

/** semgrep's silence and its failure look alike to code-rules; with reportAll it reports either way. */
function codeRulesProblems(result: AnalyzerResult): string[] {
  return (result.diagnostics['code-rules'] ?? []).length === 0
    ? ['code-rules reported nothing: semgrep did not run (not on PATH, or it failed)']
    : [];
}

/** The backend-only analyzers are left out only while no plugin.json in dist/ declares a backend. */
function backendProblems(distDir: string): string[] {
  const manifests = ['plugin.json', 'datasource/plugin.json', 'panel/plugin.json'].map((f) => path.join(distDir, f));
  return manifests
    .filter((f) => fs.existsSync(f) && (JSON.parse(fs.readFileSync(f, 'utf8')) as { backend?: boolean }).backend)
    .map(
      (f) => `${f} declares a backend: install gosec and govulncheck and run ${Object.keys(BACKEND_ONLY_ANALYZERS)}`
    );
}

function printResult(result: AnalyzerResult, found: string[]): void {
  const own = result.diagnostics[result.analyzer] ?? [];
  const status = found.length ? 'FAIL' : 'ok  ';
  const summary = own.length ? `${own.length} finding(s)` : 'nothing reported';
  console.log(`${status} ${result.analyzer.padEnd(22)} ${summary}`);
  for (const d of own) {
    console.log(`       ${d.Severity}: ${d.Name}: ${d.Title}`);
  }
  for (const p of found) {
    console.log(`       !! ${p}`);
  }
}

async function main(): Promise<number> {
  const started = Date.now();
  const source = vendoredValidatorSource();
  if (source) {
    checkAgainstSource(source);
  }
  const [binary, semgrepBin, pkg] = await Promise.all([ensurePluginValidator(), ensureSemgrep(), packagePlugin()]);
  console.log(`plugin validator ${binary}\nchecking ${pkg.zipPath} (sha1 ${pkg.sha1}), source ${repoRoot}\n`);

  let failures = 0;
  for (const analyzer of OFFLINE_ANALYZERS) {
    const result = await runAnalyzer(analyzer, {
      binary,
      zipPath: pkg.zipPath,
      sha1: pkg.sha1,
      sourceDir: repoRoot,
      extraPath: semgrepBin,
    });
    const found = [...problems(result), ...(analyzer === 'code-rules' ? codeRulesProblems(result) : [])];
    printResult(result, found);
    failures += found.length ? 1 : 0;
  }

  console.log('\nNot run here (these machines reach only the package registries):');
  for (const [name, why] of Object.entries(NOT_RUN_ANALYZERS)) {
    console.log(`  ${name.padEnd(16)} ${why}`);
  }
  console.log('Not run because the plugin has no Go backend:');
  for (const [name, why] of Object.entries(BACKEND_ONLY_ANALYZERS)) {
    console.log(`  ${name.padEnd(16)} ${why}`);
  }
  const backend = backendProblems(path.join(repoRoot, 'dist'));
  backend.forEach((p) => console.log(`!! ${p}`));
  failures += backend.length;
  const seconds = Math.round((Date.now() - started) / 1000);
  console.log(`\n${OFFLINE_ANALYZERS.length - failures} passed, ${failures} failed (plugin validator, ${seconds} s)`);
  return failures ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err: Error) => {
    console.error(`plugin validation failed to run: ${err.message}`);
    process.exit(1);
  }
);
