/**
 * `npm run package`: the catalog zip of the built plugin, as Grafana's plugin catalog and its
 * validator expect it — `dist/` under one top folder named after the app id, zipped to
 * `build/<id>-<version>.zip` with the archive's SHA-1 (hex, alone on one line) in `<zip>.sha1`.
 * Run `npm run build` first; the zip is made from whatever `dist/` holds, checked to be this version.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ZipFile } from 'yazl';

import { repoRoot } from './stack/paths';

export interface PluginPackage {
  pluginId: string;
  version: string;
  zipPath: string;
  sha1Path: string;
  sha1: string;
}

/** Files and folders under `dir`, relative, sorted so that the archive's order does not depend on the disk. */
function listTree(dir: string, prefix = ''): Array<{ rel: string; isDir: boolean }> {
  const entries = fs.readdirSync(path.join(dir, prefix), { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  return entries.flatMap((entry) => {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    return entry.isDirectory() ? [{ rel, isDir: true }, ...listTree(dir, rel)] : [{ rel, isDir: false }];
  });
}

/** Reads id and version from the built plugin.json, refusing a dist/ that is missing or of another version. */
function builtPlugin(distDir: string): { pluginId: string; version: string } {
  const pluginJson = path.join(distDir, 'plugin.json');
  if (!fs.existsSync(pluginJson)) {
    throw new Error(`${pluginJson} not found: run \`npm run build\` first`);
  }
  const plugin = JSON.parse(fs.readFileSync(pluginJson, 'utf8')) as { id: string; info: { version: string } };
  const { version } = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };
  if (plugin.info.version !== version) {
    throw new Error(`${pluginJson} is version ${plugin.info.version}, package.json ${version}: run \`npm run build\``);
  }
  return { pluginId: plugin.id, version };
}

function writeZip(distDir: string, topFolder: string, zipPath: string): Promise<void> {
  const zip = new ZipFile();
  for (const { rel, isDir } of listTree(distDir)) {
    const name = `${topFolder}/${rel}`;
    if (isDir) {
      zip.addEmptyDirectory(name);
    } else {
      const stat = fs.statSync(path.join(distDir, rel));
      zip.addFile(path.join(distDir, rel), name, { mode: stat.mode, mtime: stat.mtime });
    }
  }
  zip.end();
  return new Promise((resolve, reject) => {
    const out = fs.createWriteStream(zipPath);
    zip.outputStream
      .on('error', reject)
      .pipe(out)
      .on('error', reject)
      .on('close', () => resolve());
  });
}

/** Zips `dist/` as `<id>/…` into `outDir` and writes the SHA-1 beside it. */
export async function packagePlugin(
  distDir = path.join(repoRoot, 'dist'),
  outDir = path.join(repoRoot, 'build')
): Promise<PluginPackage> {
  const { pluginId, version } = builtPlugin(distDir);
  fs.mkdirSync(outDir, { recursive: true });
  const zipPath = path.join(outDir, `${pluginId}-${version}.zip`);
  const partial = `${zipPath}.partial`;
  await writeZip(distDir, pluginId, partial);
  fs.renameSync(partial, zipPath);
  const sha1 = createHash('sha1').update(fs.readFileSync(zipPath)).digest('hex');
  const sha1Path = `${zipPath}.sha1`;
  fs.writeFileSync(sha1Path, `${sha1}\n`);
  return { pluginId, version, zipPath, sha1Path, sha1 };
}

if (require.main === module) {
  packagePlugin().then(
    (pkg) => console.log(`${path.relative(repoRoot, pkg.zipPath)}\nsha1 ${pkg.sha1}`),
    (err: Error) => {
      console.error(`package failed: ${err.message}`);
      process.exit(1);
    }
  );
}
