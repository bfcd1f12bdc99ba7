/** @jest-environment node */
import type { Page } from 'playwright-core';

import { SCENARIO_IDS } from '../../simulator/scenarios';
import { dsTestIds } from '../../src/datasource/components/testIds';
import { DATASOURCE_ID, previewTestIds } from '../../devtools/preview/shared';
import { startHarness, unexpectedErrors, type Harness } from './harness';

/**
 * The BUILT data source plugin's editors (dist/datasource/module.js) in headless Chromium, working
 * against the live data source: requests go through the Grafana proxy stand-in, which holds the
 * secrets and runs tokenAuth, to the simulator.
 */

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
}, 120_000);

afterAll(() => harness?.close());

const byTestId = (page: Page, testId: string) => page.locator(`[data-testid="${testId}"]`);

async function frameSummary(page: Page): Promise<Array<{ kind: string | null; text: string }>> {
  return page
    .locator(`[data-testid="${previewTestIds.frames}"] > [data-kind]`)
    .evaluateAll((frames) => frames.map((f) => ({ kind: f.getAttribute('data-kind'), text: f.textContent ?? '' })));
}

async function runs(page: Page): Promise<number> {
  return Number(await byTestId(page, previewTestIds.runCount).getAttribute('data-runs'));
}

/** Picks an option of a @grafana/ui Combobox, as a user does: open it, click the option. */
async function choose(page: Page, testId: string, option: string | RegExp) {
  await byTestId(page, testId).click();
  await page.getByRole('option', { name: option }).first().click();
}

describe('code splitting (#11)', () => {
  it('loads the editors chunk from beside the data source module, and a legacy data source never its 1.x chunk', async () => {
    const { page, record } = await harness.open({ view: 'query' });
    await byTestId(page, dsTestIds.queryEditor.container).waitFor();
    const pluginFiles = record.requests
      .filter((r) => r.url.includes('/public/plugins/') && r.url.includes('.js'))
      .map((r) => ({ path: new URL(r.url).pathname, status: r.status }));
    // Where Grafana loads the nested data source's files from (its own id): module.js, then the chunk.
    expect(pluginFiles).toEqual(
      expect.arrayContaining([
        { path: `/public/plugins/${DATASOURCE_ID}/module.js`, status: 200 },
        { path: `/public/plugins/${DATASOURCE_ID}/editors.js`, status: 200 },
      ])
    );
    expect(pluginFiles.filter((f) => f.path.endsWith('/mlops1x.js'))).toEqual([]);
    expect(unexpectedErrors(record)).toEqual([]);
  });
});

describe('query editor', () => {
  it('changing query type and deployment re-runs the query and the frames follow', async () => {
    const { page, record } = await harness.open({ view: 'query', deployments: ['shadow'] });
    await byTestId(page, dsTestIds.queryEditor.container).waitFor();
    await page.waitForFunction(
      (sel) => document.querySelector(sel)?.getAttribute('data-frame-count') === '2',
      `[data-testid="${previewTestIds.frames}"]`
    );
    // Health summary of both models of the shadow deployment, with their roles.
    let frames = await frameSummary(page);
    expect(frames.map((f) => f.kind)).toEqual(['healthSummary', 'healthSummary']);
    expect(frames[0].text).toContain('role="champion"');
    expect(frames[1].text).toContain('role="challenger"');
    const before = await runs(page);

    await choose(page, dsTestIds.queryEditor.queryType, 'Feature drift');
    await page.waitForFunction(
      (sel) => [...document.querySelectorAll(sel)].some((f) => f.getAttribute('data-kind') === 'featureDrift'),
      `[data-testid="${previewTestIds.frames}"] > [data-kind]`
    );
    expect(await runs(page)).toBeGreaterThan(before);
    frames = await frameSummary(page);
    expect(frames.every((f) => f.kind === 'featureDrift')).toBe(true);
    expect(frames[0].text).toContain('revolving_utilization');

    const afterType = await runs(page);
    await choose(page, dsTestIds.queryEditor.deployment, /fraud-detection-eu/);
    await page.waitForFunction(
      (sel) => [...document.querySelectorAll(sel)].some((f) => f.textContent?.includes('transaction_amount')),
      `[data-testid="${previewTestIds.frames}"] > [data-kind]`
    );
    expect(await runs(page)).toBeGreaterThan(afterType);
    frames = await frameSummary(page);
    expect(frames[0].text).toContain(`deployment_id="${SCENARIO_IDS.drifting}"`);
    expect(JSON.parse(await byTestId(page, previewTestIds.queryJson).innerText())).toMatchObject({
      queryType: 'featureDrift',
      deploymentId: SCENARIO_IDS.drifting,
    });
    expect(unexpectedErrors(record)).toEqual([]);
  });
});

describe('query editor with template variables', () => {
  it('a $variable in the deployment field is interpolated when the query runs', async () => {
    // The preview dashboard defines $deployment = the first deployment of the URL (here: drifting).
    const { page, record } = await harness.open({ view: 'query', deployments: ['drifting'] });
    await byTestId(page, dsTestIds.queryEditor.container).waitFor();
    await choose(page, dsTestIds.queryEditor.deployment, /credit-card-approval/);
    await page.waitForFunction(
      (args) => [...document.querySelectorAll(args.sel)].some((f) => f.textContent?.includes(args.id)),
      { sel: `[data-testid="${previewTestIds.frames}"] > [data-kind]`, id: SCENARIO_IDS.healthy }
    );

    await choose(page, dsTestIds.queryEditor.deployment, '$deployment');
    await page.waitForFunction(
      (args) => [...document.querySelectorAll(args.sel)].every((f) => f.textContent?.includes(args.id)),
      { sel: `[data-testid="${previewTestIds.frames}"] > [data-kind]`, id: SCENARIO_IDS.drifting }
    );
    // The saved query keeps the variable; the frames come from the deployment it stands for.
    expect(JSON.parse(await byTestId(page, previewTestIds.queryJson).innerText())).toMatchObject({
      deploymentId: '$deployment',
    });
    const frames = await frameSummary(page);
    expect(frames.length).toBeGreaterThan(0);
    expect(frames.every((f) => f.text.includes(`deployment_id="${SCENARIO_IDS.drifting}"`))).toBe(true);
    expect(unexpectedErrors(record)).toEqual([]);
  });
});

describe('variable editor', () => {
  it('lists the models of the chosen deployment from the gateway', async () => {
    const { page, record } = await harness.open({ view: 'variable', deployments: ['shadow'] });
    await byTestId(page, dsTestIds.variableEditor.container).waitFor();
    const values = byTestId(page, previewTestIds.variableValues);
    await page.waitForFunction(
      (sel) => document.querySelector(sel)?.textContent?.includes('loan-default-dnn') ?? false,
      `[data-testid="${previewTestIds.variableValues}"]`
    );
    const text = await values.innerText();
    expect(text).toContain(`loan-default-glm v2 = ${SCENARIO_IDS.shadow}`);
    expect(text).toContain('loan-default-dnn v1 = loan-default-dnn:1');
    expect(unexpectedErrors(record)).toEqual([]);
  });
});

describe('config editor', () => {
  it('shows stored secrets as configured, and no secret ever reaches the page or its traffic', async () => {
    const { page, record } = await harness.open({ view: 'config' });
    await byTestId(page, dsTestIds.configEditor.gatewayUrl).waitFor();
    for (const testId of [dsTestIds.configEditor.clientSecret, dsTestIds.configEditor.refreshToken]) {
      const input = byTestId(page, testId);
      expect(await input.inputValue()).toBe('configured');
      expect(await input.isDisabled()).toBe(true);
    }
    await expect(byTestId(page, dsTestIds.configEditor.tokenUrlPreview).inputValue()).resolves.toBe(
      harness.stack.datasource.jsonData.tokenUrl
    );

    // Save & test: a new instance calls the gateway through the proxy, which uses the secrets.
    await byTestId(page, previewTestIds.testButton).click();
    const result = byTestId(page, previewTestIds.testResult);
    await result.waitFor();
    expect(await result.getAttribute('data-status')).toBe('success');
    expect(await result.innerText()).toMatch(/Connected: 7 monitored deployments/);
    // The proxy obtained real access tokens from Keycloak with the stored secrets.
    expect(harness.stack.upstream.standIn?.accessTokens().length).toBeGreaterThan(0);

    const html = await page.content();
    const storage = await page.evaluate(
      () => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie
    );
    await page.waitForLoadState('networkidle');
    const traffic = [
      ...record.requests.map((r) => `${r.url} ${JSON.stringify(r.requestHeaders)}`),
      ...record.bodies,
      html,
      storage,
    ].join('\n');
    expect(record.requests.length).toBeGreaterThan(3);
    expect(record.bodies.some((b) => b.includes('totalDeployments') || b.includes('deployments'))).toBe(true);
    // The haystack holds the settings the page loaded (so a leak would be in it)…
    expect(traffic).toContain(String(harness.stack.datasource.jsonData.clientId));
    // …but none of the secrets, nor any access token the proxy obtained with them.
    const secrets = harness.stack.secrets();
    // The client secret, the refresh token and at least one access token from Keycloak.
    expect(secrets.length).toBeGreaterThanOrEqual(3);
    for (const secret of secrets) {
      expect(traffic.includes(secret)).toBe(false);
    }
    expect(unexpectedErrors(record)).toEqual([]);
  });

  it('explains bad URLs and refuses to save them', async () => {
    const { page, record } = await harness.open({ view: 'config' });
    const gateway = byTestId(page, dsTestIds.configEditor.gatewayUrl);
    await gateway.waitFor();
    await gateway.fill('mlops.example.com/api');
    await gateway.blur();
    await page.getByText('Enter an absolute http(s) URL, e.g. https://api.mlops.example.com.').waitFor();

    await gateway.fill('ftp://mlops.example.com');
    await gateway.blur();
    await page.getByText('Enter an absolute http(s) URL, e.g. https://api.mlops.example.com.').waitFor();

    const keycloak = byTestId(page, dsTestIds.configEditor.keycloakUrl);
    await keycloak.fill('');
    await keycloak.blur();
    await expect(page.getByText(/Enter the Keycloak URL/i).count()).resolves.toBeGreaterThan(0);

    await byTestId(page, previewTestIds.validateButton).click();
    await page.waitForFunction(
      (sel) => document.querySelector(sel)?.textContent === 'false',
      `[data-testid="${previewTestIds.validateResult}"]`
    );
    await byTestId(page, previewTestIds.testButton).click();
    await expect(byTestId(page, previewTestIds.testResult).innerText()).resolves.toMatch(/fix them before saving/);

    // Fixing the URLs clears the messages.
    await gateway.fill('https://mlops.example.com');
    await gateway.blur();
    await keycloak.fill('https://keycloak.example.com');
    await keycloak.blur();
    expect(await page.getByText(/Enter an absolute http\(s\) URL/).count()).toBe(0);
    await byTestId(page, previewTestIds.validateButton).click();
    await page.waitForFunction(
      (sel) => document.querySelector(sel)?.textContent === 'true',
      `[data-testid="${previewTestIds.validateResult}"]`
    );
    expect(unexpectedErrors(record)).toEqual([]);
  });
});
