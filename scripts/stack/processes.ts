import { spawn, ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { log } from './paths';

/**
 * A long-running child (Keycloak, simulator, Grafana) in its own process group, with stdout+stderr
 * written to a log file. Own process group because kc.sh/npx start grandchildren (java, node) that a
 * plain kill of the direct child would orphan.
 */
export interface ManagedProcess {
  name: string;
  pid: number;
  logFile: string;
  /** Set once the process group leader has exited: a description such as "exited with code 1". */
  exitReason(): string | undefined;
  /** Last lines of the log file, for error messages. */
  tail(lines?: number): string;
  /** SIGTERM the whole group, SIGKILL it after graceMs; resolves when the leader has exited. */
  stop(graceMs?: number): Promise<void>;
}

const running = new Set<ManagedProcess>();

export interface SpawnOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  logDir: string;
}

/** Starts a managed child; see ManagedProcess. */
export function spawnManaged(name: string, command: string, args: string[], options: SpawnOptions): ManagedProcess {
  fs.mkdirSync(options.logDir, { recursive: true });
  const logFile = path.join(options.logDir, `${name}.log`);
  const fd = fs.openSync(logFile, 'a');
  const child: ChildProcess = spawn(command, args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    detached: true,
    stdio: ['ignore', fd, fd],
  });
  fs.closeSync(fd);
  if (child.pid === undefined) {
    throw new Error(`${name}: could not start ${command}`);
  }
  const pid = child.pid;
  let exitReason: string | undefined;
  const exited = new Promise<void>((resolve) => {
    child.on('exit', (code, signal) => {
      exitReason = `${name} ${signal ? `was killed by ${signal}` : `exited with code ${code}`}`;
      resolve();
    });
    child.on('error', (err) => {
      exitReason = `${name} failed to start: ${err.message}`;
      resolve();
    });
  });

  const managed: ManagedProcess = {
    name,
    pid,
    logFile,
    exitReason: () => exitReason,
    tail: (lines = 40) => tailFile(logFile, lines),
    stop: async (graceMs = 15000) => {
      killGroup(pid, 'SIGTERM');
      const timer = setTimeout(() => killGroup(pid, 'SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
      // The leader is gone; make sure no grandchild of the group survives it.
      killGroup(pid, 'SIGKILL');
      running.delete(managed);
    },
  };
  running.add(managed);
  log(name, `started (pid ${pid}), log: ${logFile}`);
  return managed;
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // ESRCH: the group is already gone.
  }
}

/** Last `lines` lines of a file; empty when it does not exist. */
export function tailFile(file: string, lines: number): string {
  try {
    const text = fs.readFileSync(file, 'utf8');
    return text
      .split('\n')
      .slice(-lines - 1)
      .join('\n');
  } catch {
    return '';
  }
}

/**
 * Stops every managed child still running. All groups get SIGTERM at once, so that even if this
 * process is killed while waiting, no child is left without having been told to stop.
 */
export async function stopAll(): Promise<void> {
  await Promise.all([...running].map((p) => p.stop()));
}

/** Last resort: SIGKILL every managed group now (second Ctrl-C, process exit). */
export function killAllNow(): void {
  for (const p of running) {
    killGroup(p.pid, 'SIGKILL');
  }
}

let exitHandlerInstalled = false;
let signalHandlersInstalled = false;

/**
 * Makes Ctrl-C / SIGTERM stop every child before exiting, and SIGKILLs any group left over if the
 * process exits some other way, so no Keycloak/Grafana outlives a crashed test run.
 */
export function installCleanupHandlers(options: { signals?: boolean } = {}): void {
  if (!exitHandlerInstalled) {
    exitHandlerInstalled = true;
    process.once('exit', killAllNow);
  }
  if (options.signals === false || signalHandlersInstalled) {
    return;
  }
  signalHandlersInstalled = true;
  let stoppingSince = 0;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    // `on`, not `once`: a second signal must still find a listener (tsx exits a child that has none).
    process.on(signal, () => {
      if (stoppingSince) {
        // Ctrl-C reaches us both directly and relayed by tsx's parent process: ignore that echo.
        if (Date.now() - stoppingSince < 2000) {
          return;
        }
        log('stack', `${signal} again: killing children`);
        killAllNow();
        process.exit(signal === 'SIGINT' ? 130 : 143);
      }
      stoppingSince = Date.now();
      log('stack', `${signal}: stopping children`);
      stopAll().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
    });
  }
}

/**
 * Runs a short command to completion (downloads, builds), streaming its output to a log file and
 * rejecting with the tail of that log on failure.
 */
export function runLogged(
  name: string,
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; logFile: string }
): Promise<void> {
  fs.mkdirSync(path.dirname(options.logFile), { recursive: true });
  const fd = fs.openSync(options.logFile, 'a');
  fs.writeSync(fd, `\n$ ${command} ${args.join(' ')}\n`);
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', fd, fd],
    });
    fs.closeSync(fd);
    child.on('error', (err) => reject(new Error(`${name}: ${err.message}`)));
    child.on('exit', (code, signal) => {
      if (code === 0) {
        resolve();
      } else {
        reject(
          new Error(
            `${name} failed (${signal ?? `exit ${code}`}): ${command} ${args.join(' ')}\n` +
              `--- last lines of ${options.logFile} ---\n${tailFile(options.logFile, 30)}`
          )
        );
      }
    });
  });
}
