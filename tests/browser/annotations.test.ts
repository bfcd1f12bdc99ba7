/** @jest-environment node */
import type { Page } from 'playwright-core';

import { SCENARIO_IDS } from '../../simulator/scenarios';
import { previewTestIds } from '../../devtools/preview/shared';
import { startHarness, unexpectedErrors, type Harness } from './harness';

/**
 * The provisioned dashboards' deployment-event annotations, run by the BUILT data source plugin
 * (dist/datasource/module.js) in headless Chromium through its annotation support
 * (prepareAnnotation → prepareQuery → query) against the live data source: the Grafana proxy
 * stand-in (holding the secrets, running tokenAuth) in front of the simulator.
 */

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
}, 120_000);

afterAll(() => harness?.close());

const byTestId = (page: Page, testId: string) => page.locator(`[data-testid="${testId}"]`);

describe('annotations view', () => {
  it("lists a deployment event of each chosen deployment for every dashboard's annotation query", async () => {
    const chosen = ['shadow', 'drifting'] as const;
    const { page, record } = await harness.open({ view: 'annotations', deployments: [...chosen] });
    await byTestId(page, previewTestIds.annotationsView).waitFor();

    const dashboards = await page.locator(`[data-testid^="data-testid preview annotation "]`).evaluateAll((nodes) =>
      nodes
        .filter((n) => n.getAttribute('data-testid')?.startsWith('data-testid preview annotation ') ?? false)
        .map((n) => ({
          id: n.getAttribute('data-testid') ?? '',
          events: [...n.querySelectorAll('li')].map((li) => li.textContent ?? ''),
          deploymentIds: [...n.querySelectorAll('li')].map((li) => li.getAttribute('data-deployment-id') ?? ''),
          errors: [...n.querySelectorAll('pre')].map((pre) => pre.textContent ?? ''),
        }))
    );
    // One Deployments annotation per provisioned dashboard (the alert runbook has none).
    expect(dashboards.map((d) => d.id).sort()).toEqual(
      ['MLOps champion vs challenger', 'MLOps deployment detail', 'MLOps drift', 'MLOps fleet overview'].map((title) =>
        previewTestIds.annotation(title)
      )
    );
    for (const dashboard of dashboards) {
      expect({ id: dashboard.id, errors: dashboard.errors }).toEqual({ id: dashboard.id, errors: [] });
      // Exactly the chosen deployments ($deployment as a multi-value variable), each "Deployed …".
      expect(dashboard.deploymentIds.sort()).toEqual(chosen.map((key) => SCENARIO_IDS[key]).sort());
      expect(dashboard.events.every((text) => /^\d{4}-\d\d-\d\dT[\d:.]+Z Deployed /.test(text))).toBe(true);
    }
    expect(unexpectedErrors(record)).toEqual([]);
  });
});
