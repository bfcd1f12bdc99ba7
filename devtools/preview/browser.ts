import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/**
 * Headless Chromium for the preview: Debian's `chromium` driven by playwright-core (no browser
 * download). Playwright gives every launch a new, empty temporary profile (user-data-dir).
 */

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** `extraArgs`: e.g. `--js-flags=--expose-gc` for a benchmark page that collects between samples. */
export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_ARGS, ...extraArgs] });
}

/** What a page did that a test may want to assert on. */
export interface PageRecord {
  /** Console errors and uncaught exceptions. */
  errors: string[];
  /** Every request URL with method and status; bodies of same-origin responses in `bodies`. */
  requests: Array<{ method: string; url: string; status?: number; requestHeaders: Record<string, string> }>;
  bodies: string[];
  dialogs: string[];
}

/** Opens a page that records console errors, dialogs, requests and (text) response bodies. */
export async function openRecordedPage(
  context: BrowserContext | Browser,
  viewport = { width: 1400, height: 1000 }
): Promise<{ page: Page; record: PageRecord }> {
  const page = await context.newPage({ viewport });
  const record: PageRecord = { errors: [], requests: [], bodies: [], dialogs: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') {
      record.errors.push(message.text());
    }
  });
  page.on('pageerror', (error) => record.errors.push(`pageerror: ${error.message}`));
  page.on('dialog', (dialog) => {
    record.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('request', (request) => {
    record.requests.push({ method: request.method(), url: request.url(), requestHeaders: request.headers() });
  });
  page.on('response', (response) => {
    const entry = [...record.requests].reverse().find((r) => r.url === response.url() && r.status === undefined);
    if (entry) {
      entry.status = response.status();
    }
    const type = response.headers()['content-type'] ?? '';
    if (/json|text|javascript/.test(type)) {
      response
        .text()
        .then((text) => record.bodies.push(text))
        .catch(() => undefined);
    }
  });
  return { page, record };
}

/** Waits until the preview booted (or failed, which throws with the page's message). */
export async function waitForPreview(page: Page): Promise<void> {
  await page.waitForFunction(
    () => document.body.dataset.previewState === 'ready' || document.body.dataset.previewState === 'error',
    undefined,
    {
      timeout: 30_000,
    }
  );
  const state = await page.evaluate(() => ({
    state: document.body.dataset.previewState,
    error: window.__preview?.error,
  }));
  if (state.state === 'error') {
    throw new Error(`preview failed: ${state.error ?? 'unknown error'}`);
  }
}
