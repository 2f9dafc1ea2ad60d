/**
 * Before the Electron e2e suites: bundle main/preload (always; fast, needs no
 * binary) and, only when Electron can actually run, build the renderer if it
 * is missing. The suites use the fixture corpus (POLICY_READER_CORPUS).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildElectron } from '../../scripts/build-electron';
import { electronSkipReason, repoRoot } from './env';

export default async function setup(): Promise<void> {
  await buildElectron();
  if (electronSkipReason) return;
  if (!fs.existsSync(path.join(repoRoot, 'dist', 'renderer', 'index.html'))) {
    const npm = process.env.npm_execpath;
    const r = npm
      ? spawnSync(process.execPath, [npm, 'run', 'build:renderer'], { cwd: repoRoot, stdio: 'inherit' })
      : spawnSync('npm', ['run', 'build:renderer'], { cwd: repoRoot, stdio: 'inherit', shell: process.platform === 'win32' });
    if (r.status !== 0) throw new Error('npm run build:renderer failed');
  }
}
