/** @jest-environment node */
import { MARKUP_FEATURE_NAME, SCENARIO_IDS } from '../../simulator/scenarios';
import { panelTestIds } from '../../src/panel/components/testIds';
import { MetricId } from '../../src/panel/types';
import { PANEL_SIZES, previewTestIds, type PanelSize } from '../../devtools/preview/shared';
import { luminance, startHarness, unexpectedErrors, waitForPanels, type Harness } from './harness';

/**
 * The BUILT champion/challenger panel (dist/panel/module.js) in headless Chromium, fed by the
 * BUILT data source (dist/datasource/module.js) whose requests go through the Grafana proxy
 * stand-in (plugin.json routes + tokenAuth) to the simulator.
 */

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
}, 120_000);

afterAll(() => harness?.close());

afterEach(() => {
  harness.stack.simulator.sim.faults.clear();
});

const SIZES: PanelSize[] = ['small', 'medium', 'large'];
const panelBox = (deployment: string) => `[data-testid="${previewTestIds.panelBox(deployment)}"]`;
const inPanel = (deployment: string, testId: string) => `${panelBox(deployment)} [data-testid="${testId}"]`;

describe('champion panel on simulator data', () => {
  it.each(SIZES)('renders the shadow deployment at size %s, in light and then dark theme', async (size) => {
    const { page, record } = await harness.open({ view: 'panel', deployments: ['shadow'], theme: 'light', size });
    await waitForPanels(page);
    const box = page.locator(panelBox('shadow'));
    expect(await box.getAttribute('data-state')).toBe('Done');

    const panel = page.locator(inPanel('shadow', panelTestIds.panel));
    const bounds = await panel.boundingBox();
    expect(bounds?.width).toBe(PANEL_SIZES[size].width);
    expect(bounds?.height).toBe(PANEL_SIZES[size].height);

    // Champion and challenger from the roles the data source filled in (model scope "all").
    await expect(
      page.locator(inPanel('shadow', panelTestIds.comparison.modelHeader(0))).innerText()
    ).resolves.toContain('loan-default-glm v2');
    await expect(
      page.locator(inPanel('shadow', panelTestIds.comparison.modelHeader(1))).innerText()
    ).resolves.toContain('loan-default-dnn v1');
    const total = await page
      .locator(inPanel('shadow', panelTestIds.comparison.cell(MetricId.Predictions, 0)))
      .innerText();
    expect(Number(total.replace(/[^\d]/g, ''))).toBeGreaterThan(1000);
    await expect(
      page.locator(inPanel('shadow', panelTestIds.comparison.cell(MetricId.Latency, 1))).innerText()
    ).resolves.toMatch(/\d+(\.\d+)? ms/);
    expect(await page.locator(inPanel('shadow', panelTestIds.drift.topBars)).count()).toBe(1);
    expect(await page.locator(inPanel('shadow', panelTestIds.states.partialErrors)).count()).toBe(0);

    const background = () => box.evaluate((el) => getComputedStyle(el).backgroundColor);
    const text = () => panel.evaluate((el) => getComputedStyle(el).color);
    expect(luminance(await background())).toBeGreaterThan(0.8);
    expect(luminance(await text())).toBeLessThan(0.4);

    await page.locator(`[data-testid="${previewTestIds.themeToggle}"]`).getByRole('radio', { name: 'Dark' }).click();
    await page.waitForFunction(() => document.body.className === 'theme-dark');
    expect(luminance(await background())).toBeLessThan(0.2);
    expect(luminance(await text())).toBeGreaterThan(0.6);
    // Still the same data after the re-render.
    await expect(
      page.locator(inPanel('shadow', panelTestIds.comparison.modelHeader(1))).innerText()
    ).resolves.toContain('loan-default-dnn v1');

    expect(unexpectedErrors(record)).toEqual([]);
  });

  it('follows the champion-role and top-N options without re-querying', async () => {
    const { page, record } = await harness.open({ view: 'panel', deployments: ['drifting'], size: 'large' });
    await waitForPanels(page);
    const bars = page.locator(
      `${inPanel('drifting', panelTestIds.drift.topBars)} li[data-testid^="data-testid champion-panel drift-bar "]`
    );
    expect(await bars.count()).toBe(7); // all seven features (top N defaults to 10)
    const requestsBefore = harness.stack.server.proxied.length;

    await page.locator(`[data-testid="${previewTestIds.topN}"]`).fill('3');
    await page.waitForFunction(
      (selector) => document.querySelectorAll(selector).length === 3,
      `${inPanel('drifting', panelTestIds.drift.topBars)} li[data-testid^="data-testid champion-panel drift-bar "]`
    );
    // The three with the highest drift, highest first.
    const names = await bars.evaluateAll((items) =>
      items.map((li) => li.getAttribute('data-testid')?.replace('data-testid champion-panel drift-bar ', ''))
    );
    expect(names).toEqual(['transaction_amount', 'merchant_category', MARKUP_FEATURE_NAME]);
    expect(harness.stack.server.proxied.length).toBe(requestsBefore);
    expect(unexpectedErrors(record)).toEqual([]);
  });

  it('switching the champion role swaps champion and challenger', async () => {
    const { page, record } = await harness.open({ view: 'panel', deployments: ['shadow'], size: 'large' });
    await waitForPanels(page);
    const header = (i: number) => page.locator(inPanel('shadow', panelTestIds.comparison.modelHeader(i))).innerText();
    await expect(header(0)).resolves.toContain('loan-default-glm v2');

    await page.locator(`[data-testid="${previewTestIds.championRole}"]`).fill('challenger');
    await page.waitForFunction(
      (selector) => document.querySelector(selector)?.textContent?.includes('loan-default-dnn v1') ?? false,
      inPanel('shadow', panelTestIds.comparison.modelHeader(0))
    );
    await expect(header(1)).resolves.toContain('loan-default-glm v2');
    expect(unexpectedErrors(record)).toEqual([]);
  });

  it('a failing gateway endpoint shows its error in that panel while the other panel renders', async () => {
    // Every operational call of the shadow deployment answers 503 (a proxy in front of the gateway).
    harness.stack.simulator.sim.faults.add({
      path: `${SCENARIO_IDS.shadow}/metrics/[^/]+/operational`,
      status: 503,
      body: 'html',
    });
    const { page, record } = await harness.open({ view: 'panel', deployments: ['shadow', 'drifting'], size: 'medium' });
    await waitForPanels(page);

    const errors = page.locator(inPanel('shadow', panelTestIds.states.partialErrors));
    await errors.waitFor();
    const message = await errors.innerText();
    expect(message).toMatch(/operational/i);
    expect(message).toMatch(/503/);
    // The shadow panel still shows what its other queries returned.
    await expect(
      page.locator(inPanel('shadow', panelTestIds.comparison.modelHeader(1))).innerText()
    ).resolves.toContain('loan-default-dnn v1');
    expect(await page.locator(inPanel('shadow', panelTestIds.drift.topBars)).count()).toBe(1);

    // The other panel is unaffected.
    expect(await page.locator(inPanel('drifting', panelTestIds.states.partialErrors)).count()).toBe(0);
    expect(await page.locator(inPanel('drifting', panelTestIds.states.error)).count()).toBe(0);
    await expect(
      page.locator(inPanel('drifting', panelTestIds.comparison.modelHeader(0))).innerText()
    ).resolves.toContain('fraud-xgb v7');
    expect(unexpectedErrors(record, [503])).toEqual([]);
  });

  it('every query failing gives the error state, not an empty or broken panel', async () => {
    harness.stack.simulator.sim.faults.add({ path: SCENARIO_IDS.shadow, status: 503 });
    const { page, record } = await harness.open({ view: 'panel', deployments: ['shadow'], size: 'medium' });
    await waitForPanels(page);
    const error = page.locator(inPanel('shadow', panelTestIds.states.error));
    await error.waitFor();
    expect(await error.innerText()).toMatch(/503|unavailable/i);
    expect(unexpectedErrors(record, [503])).toEqual([]);
  });

  it('shows a feature named like markup as text: no element injected, no script run', async () => {
    const { page, record } = await harness.open({ view: 'panel', deployments: ['drifting'], size: 'large' });
    await waitForPanels(page);
    const bar = page.locator(inPanel('drifting', panelTestIds.drift.bar(MARKUP_FEATURE_NAME)));
    await bar.waitFor();
    expect(await bar.innerText()).toContain(MARKUP_FEATURE_NAME);

    // Hover every quadrant point, so a tooltip that rendered names as HTML would inject here. A
    // point that cannot be hovered fails the test (force: points may overlap one another).
    const points = page.locator(`${inPanel('drifting', panelTestIds.drift.quadrantPoints)} > *`);
    const count = await points.count();
    expect(count).toBeGreaterThan(0);
    for (let i = 0; i < count; i++) {
      await points.nth(i).hover({ force: true, timeout: 5000 });
    }
    // The markup feature's point names it as text (its SVG title), not as an element.
    expect(
      (await points.locator('title').allTextContents()).filter((t) => t.startsWith(`${MARKUP_FEATURE_NAME}:`))
    ).toHaveLength(1);
    const injected = await page.evaluate(() => ({
      imgs: [...document.querySelectorAll('img')].filter((img) => img.getAttribute('src') === 'x').length,
      onerror: document.querySelectorAll('[onerror]').length,
    }));
    expect(injected).toEqual({ imgs: 0, onerror: 0 });
    expect(record.dialogs).toEqual([]);
    expect(record.requests.filter((r) => /\/x$/.test(new URL(r.url).pathname))).toEqual([]);
    expect(unexpectedErrors(record)).toEqual([]);
  });
});
