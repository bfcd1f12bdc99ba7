/** @jest-environment node */
import { findDeployment } from '../../simulator/mlops1x/catalog';
import { SCENARIO_IDS } from '../../simulator/scenarios';
import { panelTestIds } from '../../src/panel/components/testIds';
import { MetricId } from '../../src/panel/types';
import { PREVIEW_DS_1X_UID, PROXY_PREFIX, previewTestIds } from '../../devtools/preview/shared';
import { startHarness, unexpectedErrors, waitForPanels, type Harness } from './harness';

/**
 * The BUILT champion/challenger panel on an H2O MLOps 1.x SHADOW deployment, in headless Chromium:
 * the preview's `panel1x` view runs the targets of the provisioned 1.x deployment-detail
 * dashboard's champion panel (volume, drift over time, prediction distribution) through the BUILT
 * data source configured for API generation 1.x, via the Grafana proxy stand-in (plugin.json
 * routes + tokenAuth on the real Keycloak) to the simulator's 1.x API.
 */

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
}, 120_000);

afterAll(() => harness?.close());

const KEY = 'mlops1x-shadow';
const inPanel = (testId: string) => `[data-testid="${previewTestIds.panelBox(KEY)}"] [data-testid="${testId}"]`;

describe('champion panel on an H2O MLOps 1.x shadow deployment', () => {
  const deployment = findDeployment('-', SCENARIO_IDS.shadow);

  it('the simulator catalogue has a 1.x shadow deployment with a primary and a shadow experiment', () => {
    expect(deployment?.kind).toBe('shadow');
    expect(deployment?.experiments).toHaveLength(2);
  });

  it('renders champion and challenger with their scored rows and drift, and no error', async () => {
    const [champion, challenger] = deployment!.experiments;
    const { page, record } = await harness.open({ view: 'panel1x', deployments: ['shadow'], size: 'large' });
    await waitForPanels(page);
    expect(await page.locator(`[data-testid="${previewTestIds.panelBox(KEY)}"]`).getAttribute('data-state')).toBe(
      'Done'
    );

    // Models are the 1.x experiments (by id); roles from the frames' role labels, champion first.
    const header0 = await page.locator(inPanel(panelTestIds.comparison.modelHeader(0))).innerText();
    const header1 = await page.locator(inPanel(panelTestIds.comparison.modelHeader(1))).innerText();
    expect(header0).toContain(champion.id);
    expect(header0).toMatch(/champion/i);
    expect(header1).toContain(challenger.id);
    expect(header1).toMatch(/challenger/i);

    for (const index of [0, 1]) {
      const rows = await page.locator(inPanel(panelTestIds.comparison.cell(MetricId.Predictions, index))).innerText();
      expect(Number(rows.split('\n')[0].replace(/[^\d]/g, ''))).toBeGreaterThan(1000);
    }
    // Prediction distribution: the mean of the numerical output column, a neutral row with a delta.
    const predictionRow = (index: number) => inPanel(panelTestIds.comparison.cell('predictionMean:prediction', index));
    for (const index of [0, 1]) {
      expect(Number((await page.locator(predictionRow(index)).innerText()).split('\n')[0])).toBeGreaterThan(0);
    }
    expect(
      await page.locator(inPanel(panelTestIds.comparison.delta('predictionMean:prediction', 1))).innerText()
    ).toMatch(/\d/);
    // Drift per column, including the 1.x-only text column of this deployment.
    expect(await page.locator(inPanel(panelTestIds.drift.topBars)).count()).toBe(1);
    expect(await page.locator(inPanel(panelTestIds.drift.featureRow('loan_description'))).count()).toBe(1);

    for (const state of [
      panelTestIds.states.error,
      panelTestIds.states.partialErrors,
      panelTestIds.states.noData,
      panelTestIds.states.unrecognised,
      panelTestIds.states.onlyChampion,
    ]) {
      expect(await page.locator(inPanel(state)).count()).toBe(0);
    }
    // Every query went through the 1.x data source's proxy routes.
    const proxied = record.requests.filter((r) => new URL(r.url).pathname.startsWith(PROXY_PREFIX));
    expect(proxied.length).toBeGreaterThan(0);
    expect(proxied.filter((r) => !new URL(r.url).pathname.startsWith(`${PROXY_PREFIX}${PREVIEW_DS_1X_UID}/`))).toEqual(
      []
    );
    expect(unexpectedErrors(record)).toEqual([]);
  });
});
