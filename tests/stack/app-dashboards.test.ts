/**
 * The dashboards shipped with the app: every `includes` entry of type dashboard in the app's
 * plugin.json exists in the built plugin (dist/, from `npm run build`) and is byte for byte the
 * file provisioning reads — one source of truth, copied by the root webpack.config.ts.
 */
import fs from 'node:fs';
import path from 'node:path';

import { repoRoot } from './support/stackInfo';

const DIST = path.join(repoRoot, 'dist');
const SOURCE = path.join(repoRoot, 'provisioning', 'dashboards', 'mlops');

interface Include {
  type: string;
  name: string;
  path: string;
}

const includesOf = (pluginJson: string) =>
  (JSON.parse(fs.readFileSync(pluginJson, 'utf8')) as { includes: Include[] }).includes.filter(
    (i) => i.type === 'dashboard'
  );

it('lists every provisioned dashboard as an include of the app', () => {
  const listed = includesOf(path.join(repoRoot, 'src', 'plugin.json')).map((i) => path.basename(i.path));
  const provisioned = fs.readdirSync(SOURCE).filter((f) => f.endsWith('.json'));
  expect(listed.sort()).toEqual(provisioned.sort());
});

it('ships each included dashboard in dist, identical to the provisioned file', () => {
  const includes = includesOf(path.join(DIST, 'plugin.json'));
  expect(includes.length).toBeGreaterThan(0);
  for (const include of includes) {
    const built = path.join(DIST, include.path);
    expect({ include: include.path, exists: fs.existsSync(built) }).toEqual({ include: include.path, exists: true });
    const source = path.join(SOURCE, path.basename(include.path));
    expect({ include: include.path, same: fs.readFileSync(built).equals(fs.readFileSync(source)) }).toEqual({
      include: include.path,
      same: true,
    });
    const dashboard = JSON.parse(fs.readFileSync(built, 'utf8')) as { title: string; __inputs?: unknown };
    // Imported from the app's page, Grafana sends no inputs: the dashboards must not need any.
    expect(dashboard.__inputs).toBeUndefined();
  }
});
