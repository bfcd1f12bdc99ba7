import net from 'node:net';

/**
 * Asks the kernel for a free loopback port. There is a small race between closing this probe and the
 * child binding the port; callers start children right away, which is good enough for tests.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('could not get a free port'))));
    });
  });
}

export interface WaitOptions {
  timeoutMs: number;
  /** Rejects early when the process we wait for has died, instead of waiting for the timeout. */
  exited?: () => string | undefined;
  /** Basic-auth or other headers for the probe. */
  headers?: Record<string, string>;
  /** Which responses count as ready; default: any 2xx. */
  isReady?: (status: number, body: string) => boolean;
  intervalMs?: number;
}

/** Polls an HTTP URL until it answers as ready; used for every component's readiness check. */
export async function waitForHttp(url: string, options: WaitOptions): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  const isReady = options.isReady ?? ((status: number) => status >= 200 && status < 300);
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    const exited = options.exited?.();
    if (exited) {
      throw new Error(`${exited} before ${url} became ready`);
    }
    try {
      const res = await fetch(url, { headers: options.headers, signal: AbortSignal.timeout(5000) });
      const body = await res.text();
      if (isReady(res.status, body)) {
        return;
      }
      last = `HTTP ${res.status}`;
    } catch (err) {
      last = (err as Error).message;
    }
    await new Promise((r) => setTimeout(r, options.intervalMs ?? 500));
  }
  throw new Error(`timed out after ${options.timeoutMs} ms waiting for ${url} (last: ${last})`);
}
