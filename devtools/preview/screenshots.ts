import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';

import { dsTestIds } from '../../src/datasource/components/testIds';
import { panelTestIds } from '../../src/panel/components/testIds';
import { launchChromium, openRecordedPage, waitForPreview } from './browser';
import { previewPath, previewTestIds, type PreviewParams } from './shared';
import { startPreviewStack } from './stack';

/**
 * README screenshots of the REAL built plugins on simulator data, taken in headless Chromium:
 *
 *   npm run build && npx tsx devtools/preview/screenshots.ts [--out docs/screenshots] [--scale 1.5] [--only a.png,b.png]
 *
 * Each shot waits for its content (panel data loaded, editor options fetched) and fails on
 * console errors other than missing icon files, so a broken page never becomes a README image.
 */

const ROOT = path.resolve(__dirname, '../..');

interface Shot {
  file: string;
  params: Partial<PreviewParams> & { deployments?: PreviewParams['deployments'] };
  /** The element to capture. */
  target: (page: Page) => Locator;
  /** Waits until the content is complete. */
  ready: (page: Page) => Promise<void>;
  /** Optional interaction before the capture. */
  prepare?: (page: Page) => Promise<void>;
}

async function panelReady(page: Page): Promise<void> {
  await page.locator('section[data-state="Done"], section[data-state="Error"]').first().waitFor({ timeout: 30_000 });
  await page.getByTestId(panelTestIds.panel).first().waitFor();
  await page.waitForLoadState('networkidle');
}

const SHOTS: Shot[] = [
  {
    file: 'panel-shadow-light.png',
    params: { view: 'panel', deployments: ['shadow'], theme: 'light', size: 'large' },
    target: (page) => page.getByTestId(previewTestIds.panelBox('shadow')),
    ready: panelReady,
  },
  {
    // The 1.x deployment-detail dashboard's champion panel on the simulator's 1.x shadow deployment.
    file: 'panel-mlops1x-shadow.png',
    params: { view: 'panel1x', deployments: ['shadow'], theme: 'light', size: 'large' },
    target: (page) => page.getByTestId(previewTestIds.panelBox('mlops1x-shadow')),
    ready: panelReady,
  },
  {
    file: 'panel-drifting-dark.png',
    params: { view: 'panel', deployments: ['drifting'], theme: 'dark', size: 'large' },
    target: (page) => page.getByTestId(previewTestIds.panelBox('drifting')),
    ready: panelReady,
  },
  {
    file: 'query-editor.png',
    params: { view: 'query', deployments: ['shadow'], theme: 'light' },
    target: (page) => page.getByTestId(previewTestIds.queryView),
    ready: async (page) => {
      await page.getByTestId(dsTestIds.queryEditor.container).waitFor();
      await page
        .locator(`[data-testid="${previewTestIds.frames}"][data-frame-count]:not([data-frame-count="0"])`)
        .waitFor({ timeout: 30_000 });
      await page.waitForLoadState('networkidle');
    },
    // Leave out the rig's own run counter and query JSON.
    prepare: async (page) => {
      await page.addStyleTag({ content: `[data-testid="${previewTestIds.queryMeta}"] { display: none !important; }` });
    },
  },
  {
    file: 'config-editor.png',
    params: { view: 'config', theme: 'light' },
    target: (page) => page.getByTestId(previewTestIds.configEditorBox),
    ready: async (page) => {
      await page.getByTestId(dsTestIds.configEditor.gatewayUrl).waitFor();
      await page.waitForLoadState('networkidle');
    },
    // The preview's servers listen on random loopback ports; type example hosts, as a user would.
    prepare: async (page) => {
      await page.getByTestId(dsTestIds.configEditor.gatewayUrl).fill('https://mlops.example.com');
      await page.getByTestId(dsTestIds.configEditor.keycloakUrl).fill('https://keycloak.example.com');
      await page.getByTestId(dsTestIds.configEditor.clientId).click();
    },
  },
];

/** Resource errors for icons @grafana/ui's package does not ship (see the preview README). */
const isIconMiss = (text: string) => /Failed to load resource: .*404/.test(text);

/** Takes the README screenshots, or only those named in `only` (file names). */
export async function takeScreenshots(
  outDir: string,
  scale: number,
  only?: string[]
): Promise<Array<{ file: string; bytes: number }>> {
  const shots = only ? SHOTS.filter((shot) => only.includes(shot.file)) : SHOTS;
  if (only && shots.length !== only.length) {
    throw new Error(`unknown screenshot in --only ${only.join(',')}; known: ${SHOTS.map((s) => s.file).join(', ')}`);
  }
  fs.mkdirSync(outDir, { recursive: true });
  const stack = await startPreviewStack({ simulatorPort: 0 });
  const browser = await launchChromium();
  const written: Array<{ file: string; bytes: number }> = [];
  try {
    const context = await browser.newContext({ deviceScaleFactor: scale, viewport: { width: 1400, height: 1000 } });
    for (const shot of shots) {
      const { page, record } = await openRecordedPage(context);
      await page.goto(`${stack.url}${previewPath(shot.params)}`);
      await waitForPreview(page);
      await shot.ready(page);
      await shot.prepare?.(page);
      const errors = record.errors.filter((e) => !isIconMiss(e));
      if (errors.length > 0) {
        throw new Error(`${shot.file}: page errors:\n${errors.join('\n')}`);
      }
      const file = path.join(outDir, shot.file);
      await shot.target(page).screenshot({ path: file, animations: 'disabled' });
      written.push({ file: path.relative(ROOT, file), bytes: fs.statSync(file).size });
      await page.close();
    }
  } finally {
    await browser.close();
    await stack.close();
  }
  return written;
}

if (require.main === module) {
  const arg = (name: string) => {
    const index = process.argv.indexOf(name);
    return index >= 0 ? process.argv[index + 1] : undefined;
  };
  const started = Date.now();
  takeScreenshots(
    path.resolve(ROOT, arg('--out') ?? 'docs/screenshots'),
    Number(arg('--scale') ?? 1.5),
    arg('--only')?.split(',')
  )
    .then((files) => {
      for (const { file, bytes } of files) {
        console.log(`${file}  ${(bytes / 1024).toFixed(0)} KiB`);
      }
      console.log(`${files.length} screenshots in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
