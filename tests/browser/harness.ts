import type { Browser, Page } from 'playwright-core';

import { launchChromium, openRecordedPage, waitForPreview, type PageRecord } from '../../devtools/preview/browser';
import { previewPath, type PreviewParams } from '../../devtools/preview/shared';
import {
  startPreviewStack,
  type ExternalIdentity,
  type PreviewStack,
  type PreviewStackOptions,
} from '../../devtools/preview/stack';
import { stackInfo } from '../stack/support/stackInfo';

/**
 * One preview stack (simulator, Grafana proxy stand-in, preview server) on the real Keycloak that
 * the stack tests' globalSetup started, and one headless Chromium per test file. Pages are opened on the preview with URL parameters and record
 * console errors, dialogs, requests and response bodies.
 */
export interface Harness {
  stack: PreviewStack;
  browser: Browser;
  open(
    params: Partial<PreviewParams>,
    viewport?: { width: number; height: number }
  ): Promise<{ page: Page; record: PageRecord }>;
  close(): Promise<void>;
}

/** The real Keycloak that tests/stack/globalSetup.ts started, as the preview's identity provider. */
function keycloakIdentity(): ExternalIdentity {
  const info = stackInfo();
  return {
    keycloakUrl: info.keycloak.baseUrl,
    realm: info.keycloak.realm,
    tokenUrl: info.keycloak.tokenUrl,
    jwksUrl: info.keycloak.jwksUrl,
    issuer: info.keycloak.issuer,
    audience: info.demo.audience,
    clientId: info.demo.clientId,
    clientSecret: info.demo.clientSecret,
    refreshToken: info.provisioningEnv.MLOPS_REFRESH_TOKEN,
  };
}

export async function startHarness(options: PreviewStackOptions = {}): Promise<Harness> {
  const stack = await startPreviewStack({ cacheTtlSeconds: 0, identity: keycloakIdentity(), ...options });
  let browser: Browser;
  try {
    browser = await launchChromium();
  } catch (error) {
    await stack.close();
    throw error;
  }
  const pages: Page[] = [];
  return {
    stack,
    browser,
    open: async (params, viewport) => {
      const opened = await openRecordedPage(browser, viewport ?? { width: 1400, height: 1000 });
      pages.push(opened.page);
      await opened.page.goto(`${stack.url}${previewPath(params)}`);
      await waitForPreview(opened.page);
      return opened;
    },
    close: async () => {
      await Promise.all(pages.map((p) => p.close().catch(() => undefined)));
      await browser.close();
      await stack.close();
    },
  };
}

/**
 * Console errors and failed requests a test should fail on. Left out: icon and font files —
 * @grafana/ui's npm package ships only part of Grafana's icon set and no fonts (Grafana's server
 * has them all) — and statuses the test itself provoked (`allowStatuses`).
 */
export function unexpectedErrors(record: PageRecord, allowStatuses: number[] = []): string[] {
  const failed = record.requests.filter((r) => (r.status ?? 0) >= 400);
  const unexpectedFailures = failed.filter(
    (r) => !/\/public\/(build\/img\/icons|fonts)\//.test(r.url) && !allowStatuses.includes(r.status ?? 0)
  );
  const consoleErrors = record.errors.filter(
    (e) => !/^Failed to load resource: the server responded with a status of \d+/.test(e)
  );
  return [...consoleErrors, ...unexpectedFailures.map((r) => `${r.status} ${r.method} ${r.url}`)];
}

/** Waits until every preview panel on the page has finished its queries. */
export async function waitForPanels(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const boxes = [...document.querySelectorAll('section[data-state]')];
      return (
        boxes.length > 0 &&
        boxes.every((b) => b.getAttribute('data-state') === 'Done' || b.getAttribute('data-state') === 'Error')
      );
    },
    undefined,
    { timeout: 30_000 }
  );
}

/** Relative luminance (0 dark … 1 light) of a CSS rgb()/rgba() colour. */
export function luminance(cssColor: string): number {
  const [r, g, b] = (cssColor.match(/[\d.]+/g) ?? ['0', '0', '0']).slice(0, 3).map((v) => Number(v) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
