/** Shared by the Electron e2e suites: where things are, and whether Electron can run here. */
import path from 'node:path';
import { findElectronBinary } from '../../scripts/start';

export const repoRoot = path.resolve(__dirname, '..', '..');
export const fixtureCorpus = path.join(repoRoot, 'e2e', 'fixtures', 'corpus');

const binary = findElectronBinary(repoRoot);

function skipReason(): string | null {
  if (!binary.found) return `the Electron binary is not installed (${binary.reason}); install it with \`node node_modules/electron/install.js\` where GitHub downloads work`;
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return 'no display (DISPLAY/WAYLAND_DISPLAY unset); run under `xvfb-run -a npm run test:electron`';
  }
  return null;
}

export const electronSkipReason = skipReason();
export const hasElectronBinary = electronSkipReason === null;
export const electronExecutable = binary.found ? binary.path : '';

export function announceSkip(suite: string): void {
  if (electronSkipReason) console.log(`[test:electron] skipping "${suite}": ${electronSkipReason}.`);
}
