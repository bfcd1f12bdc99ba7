import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');

/**
 * Runs `measure` with the `dist/` folder of `revision`, built by its own `npm run build` in a temporary
 * git worktree that shares this checkout's node_modules, and a temporary folder for pages; removes
 * both afterwards. The A/B tools in Chromium (panel/ab.ts, browser/ab.ts) measure that build
 * against this working tree's.
 */
export async function withRevisionBuild<T>(
  revision: string,
  measure: (dist: string, tmp: string) => Promise<T>
): Promise<T> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'modelwatch-ab-'));
  const worktree = path.join(tmp, 'tree');
  try {
    execFileSync('git', ['worktree', 'add', '--detach', worktree, revision], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(worktree, 'node_modules'));
    console.log(`building ${revision} …`);
    execFileSync('npm', ['run', 'build'], { cwd: worktree, stdio: ['ignore', 'ignore', 'inherit'] });
    return await measure(path.join(worktree, 'dist'), tmp);
  } finally {
    // Not there when `git worktree add` failed (an unknown revision): its error is the one to show.
    if (fs.existsSync(worktree)) {
      execFileSync('git', ['worktree', 'remove', '--force', worktree], { cwd: ROOT, stdio: 'ignore' });
    }
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
