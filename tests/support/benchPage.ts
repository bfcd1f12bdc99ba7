import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';

import { launchChromium } from '../../devtools/preview/browser';

/** A bench page (bench/browserPage.ts) open for a browser test file, and the page errors seen so far. */
export interface OpenBenchPage {
  page: Page;
  errors: string[];
}

/**
 * Opens a bench page in headless Chromium before the file's tests (`open` builds it into a
 * temporary folder) and closes it, and removes the folder, after them. The fields of the returned
 * object are set once `beforeAll` has run.
 */
export function useBenchPage(
  open: (browser: Browser, outdir: string) => Promise<OpenBenchPage>,
  chromiumArgs: string[] = []
): OpenBenchPage {
  const opened = {} as OpenBenchPage;
  let browser: Browser | undefined;
  let outdir: string | undefined;
  beforeAll(async () => {
    outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'modelwatch-bench-page-'));
    browser = await launchChromium(chromiumArgs);
    Object.assign(opened, await open(browser, outdir));
  });
  afterAll(async () => {
    await browser?.close();
    if (outdir) {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });
  return opened;
}
