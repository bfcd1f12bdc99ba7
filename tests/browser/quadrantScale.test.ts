import { openPanelPage } from '../../bench/panel/run';
import { panelTestIds as ids } from '../../src/panel/components/testIds';
import { INDIVIDUAL_LIMIT } from '../../src/panel/components/quadrant/pointLayers';
import { useBenchPage } from '../support/benchPage';

/**
 * The quadrant chart stays readable at scale (#11): the BUILT panel in headless Chromium on
 * 2,000 features × 5 models (the benchmark's page, bench/panel/). The most impactful
 * drifted-and-important features are individual SVG shapes with their names; every other point is
 * painted on the canvas and identified on hover; the chart's summary says how it is drawn. Needs
 * `npm run build` and Chromium, like the other browser tests. No timing assertions.
 */

const FEATURES = 2000;
const bench = useBenchPage((browser, outdir) => openPanelPage(browser, outdir));

beforeAll(() => bench.page.evaluate((features) => window.__bench!.show(features, 5), FEATURES));

const byTestId = (id: string) => bench.page.locator(`[data-testid="${id}"]`);

/** A pixel of the canvas that a point was painted on (opaque), in CSS pixels from the canvas's corner. */
async function paintedPixel(): Promise<{ x: number; y: number } | undefined> {
  return bench.page.evaluate((canvasId) => {
    const canvas = document.querySelector<HTMLCanvasElement>(`[data-testid="${canvasId}"]`)!;
    const ctx = canvas.getContext('2d')!;
    const { data, width, height } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    const ratio = canvas.width / canvas.getBoundingClientRect().width;
    // Scan from the bottom left, where the calm (stable) features are.
    for (let y = height - 1; y >= 0; y--) {
      for (let x = 0; x < width; x++) {
        if (data[(y * width + x) * 4 + 3] >= 200) {
          return { x: x / ratio, y: y / ratio };
        }
      }
    }
    return undefined;
  }, ids.drift.quadrantCanvas);
}

describe('quadrant chart at 2,000 features', () => {
  it('summarises the chart for screen readers, saying which points are drawn individually', async () => {
    const label = await byTestId(ids.drift.quadrant).getAttribute('aria-label');
    expect(label).toContain(`Drift versus importance of ${FEATURES} features`);
    const shapes = await byTestId(ids.drift.quadrantPoints).locator('path').count();
    expect(label).toContain(
      `${shapes} drifting and important features, the most impactful and the labelled ones, are drawn individually`
    );
    expect(label).toContain(`the other ${FEATURES - shapes} points are drawn as one image`);
    expect(bench.errors).toEqual([]);
  });

  it('draws the most impactful and the labelled drifted-and-important features as shapes named by their titles', async () => {
    const shapes = byTestId(ids.drift.quadrantPoints).locator('path');
    const count = await shapes.count();
    expect(count).toBeGreaterThanOrEqual(INDIVIDUAL_LIMIT);
    expect(count).toBeLessThanOrEqual(INDIVIDUAL_LIMIT + 5); // + the labelled ones (5 labels by default)
    const titles = await shapes.locator('title').allTextContents();
    expect(new Set(titles).size).toBe(count);
    for (const title of titles) {
      expect(title).toMatch(/^feature_\d{4}: drift [\d.]+, importance [\d.]+ \(Drifting & important\)$/);
    }
    const labels = await byTestId(ids.drift.quadrantLabel).allTextContents();
    expect(labels.length).toBeGreaterThan(0);
    expect(labels.every((l) => titles.some((t) => t.startsWith(`${l}:`)))).toBe(true);
  });

  it('paints every other point on the canvas: shapes and painted points are all the features', async () => {
    const canvas = byTestId(ids.drift.quadrantCanvas);
    const painted = Number(await canvas.getAttribute('data-points'));
    const shapes = await byTestId(ids.drift.quadrantPoints).locator('path').count();
    expect(painted + shapes).toBe(FEATURES);
    const svgBox = await byTestId(ids.drift.quadrant).boundingBox();
    const canvasBox = await canvas.boundingBox();
    expect(canvasBox).toEqual(svgBox);
    expect(await paintedPixel()).toBeDefined();
  });

  it('names a painted point under the pointer, and hides the name when the pointer leaves', async () => {
    const pixel = (await paintedPixel())!;
    const box = (await byTestId(ids.drift.quadrantCanvas).boundingBox())!;
    await bench.page.mouse.move(box.x + pixel.x + 0.5, box.y + pixel.y + 0.5);
    const hover = byTestId(ids.drift.quadrantHover);
    await hover.waitFor({ state: 'visible' });
    expect(await hover.getAttribute('role')).toBe('tooltip');
    expect(await hover.textContent()).toMatch(
      /^feature_\d{4}: drift [\d.]+, importance [\d.]+ \((Stable|Drifting|Important, stable|Drifting & important)\)$/
    );
    await bench.page.mouse.move(box.x + box.width + 50, box.y + box.height + 50);
    await hover.waitFor({ state: 'detached' });
  });
});
