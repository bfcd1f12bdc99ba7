import fs from 'node:fs';

/** Stops what globalSetup started and removes the connection-info file (it holds secrets). */
export default async function globalTeardown(): Promise<void> {
  const state = globalThis.__MLOPS_STACK__;
  globalThis.__MLOPS_STACK__ = undefined;
  if (state) {
    fs.rmSync(state.infoDir, { recursive: true, force: true });
    await state.stack.stop();
  }
}
