/**
 * Runs one analyzer of Grafana's plugin validator and judges what it reported. The validator's runner
 * stops silently at the first analyzer (or dependency) that errors and reports nothing for it, so a
 * run counts only when its debug output shows the analyzer started and no "check failed".
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface Diagnostic {
  Severity: 'error' | 'warning' | 'ok' | 'suspected' | 'recommendation';
  Title: string;
  Detail: string;
  Context?: string;
  Name: string;
}

export interface AnalyzerResult {
  analyzer: string;
  /** The runner started this analyzer (debug line "Running analyzer <name>"). */
  started: boolean;
  /** "check failed: …" from the runner: the analyzer or a dependency errored. */
  checkFailed?: string;
  /** Everything reported during the run, by analyzer (dependencies included). */
  diagnostics: Record<string, Diagnostic[]>;
}

/** Rules whose warnings are accepted: a locally built plugin is unsigned (Grafana signs catalog releases). */
export const ACCEPTED_RULES = new Set(['unsigned-plugin']);

const FAILING_SEVERITIES = new Set<Diagnostic['Severity']>(['error', 'warning', 'suspected']);

// reportAll: OK results are reported too, so a clean run says what it checked (e.g. code-rules'
// "no code rules violations found" only appears when semgrep really ran).
const CONFIG = 'global:\n  enabled: true\n  severity: warning\n  reportAll: true\n';

export interface RunOptions {
  binary: string;
  zipPath: string;
  sha1: string;
  sourceDir: string;
  /** Put first on PATH (semgrep's venv). */
  extraPath?: string;
}

/** Parses the runner's debug lines and JSON output into an AnalyzerResult. */
export function parseRun(analyzer: string, stdout: string, json: string | undefined): AnalyzerResult {
  const started = stdout.split('\n').some((line) => line.trim() === `[DEBUG] Running analyzer ${analyzer}`);
  const checkFailed = /\[DEBUG\] check failed: (.*)/.exec(stdout)?.[1];
  const diagnostics = json
    ? (JSON.parse(json) as { 'plugin-validator': AnalyzerResult['diagnostics'] })['plugin-validator']
    : {};
  return { analyzer, started, checkFailed, diagnostics: diagnostics ?? {} };
}

/** Why this run fails the suite (empty when it passes). */
export function problems(result: AnalyzerResult): string[] {
  const found: string[] = [];
  if (!result.started) {
    found.push(`analyzer ${result.analyzer} did not run (unknown name, or the runner stopped before it)`);
  }
  if (result.checkFailed) {
    found.push(`check failed: ${result.checkFailed}`);
  }
  for (const [name, list] of Object.entries(result.diagnostics)) {
    for (const d of list) {
      if (FAILING_SEVERITIES.has(d.Severity) && !ACCEPTED_RULES.has(d.Name)) {
        found.push(`${name}: ${d.Severity} ${d.Name}: ${d.Title}${d.Detail ? ` — ${d.Detail}` : ''}`);
      }
    }
  }
  return found;
}

/** Runs `plugincheck2 -analyzer <analyzer>` with debug output on; never rejects on findings. */
export async function runAnalyzer(analyzer: string, options: RunOptions): Promise<AnalyzerResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plugincheck-'));
  try {
    const config = path.join(dir, 'config.yaml');
    const out = path.join(dir, 'out.json');
    fs.writeFileSync(config, CONFIG);
    const args = [
      '-config',
      config,
      '-analyzer',
      analyzer,
      '-sourceCodeUri',
      `file://${options.sourceDir}`,
      '-checksum',
      options.sha1,
      '-output-to-file',
      out,
      options.zipPath,
    ];
    const env = {
      ...process.env,
      DEBUG: '1',
      PATH: options.extraPath ? `${options.extraPath}${path.delimiter}${process.env.PATH}` : process.env.PATH,
    };
    const stdout = await new Promise<string>((resolve, reject) => {
      // Exit status 1 means findings, which the JSON holds; a crash leaves no JSON and fails below.
      execFile(options.binary, args, { env, maxBuffer: 64 << 20, timeout: 600_000 }, (err, so, se) => {
        if (err && typeof err.code !== 'number') {
          reject(new Error(`${options.binary} -analyzer ${analyzer}: ${err.message}\n${se}`));
        } else {
          resolve(`${so}\n${se}`);
        }
      });
    });
    const json = fs.existsSync(out) ? fs.readFileSync(out, 'utf8') : undefined;
    if (json === undefined) {
      throw new Error(`${options.binary} -analyzer ${analyzer} wrote no JSON output:\n${stdout.slice(-3000)}`);
    }
    return parseRun(analyzer, stdout, json);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
