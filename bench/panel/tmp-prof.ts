(globalThis as any).navigator = { language: 'en-US', languages: ['en-US'] };
import { largeDataset } from '../../src/test/panelFrames';
import { collectModels } from '../../src/panel/data/collect';
import { resolveRoles } from '../../src/panel/data/roles';
import { buildDrift } from '../../src/panel/data/drift';
import { buildComparison } from '../../src/panel/data/comparison';
import { buildPanelView } from '../../src/panel/data/panelModel';
import { DEFAULT_OPTIONS } from '../../src/panel/types';
import { createTheme } from '@grafana/data';
const theme = createTheme();
const o = DEFAULT_OPTIONS;
for (let k = 0; k < 8; k++) {
  const frames = largeDataset(5, 2000);
  const t0 = performance.now();
  const c = collectModels(frames, o.metricAliases);
  const t1 = performance.now();
  const r = resolveRoles(c.models, o);
  const d = buildDrift(r.data, r.models, o);
  const t3 = performance.now();
  buildComparison(r.data, r.models, d, o, theme);
  const t4 = performance.now();
  buildPanelView({ series: frames }, o, theme);
  const t5 = performance.now();
  buildPanelView({ series: frames }, { ...o, topN: 12 }, theme);
  const t6 = performance.now();
  console.log([t1 - t0, t3 - t1, t4 - t3, t5 - t4, t6 - t5].map((x) => x.toFixed(1)).join(' '));
}
