import { spawn } from 'node:child_process';

/** What a finished child process printed, and its exit code. */
export interface CapturedRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `command args` to completion with its output captured (the Python conformance and
 * cross-check scripts: their stdout is the result, stderr the explanation when they fail).
 */
export function runCaptured(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<CapturedRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
