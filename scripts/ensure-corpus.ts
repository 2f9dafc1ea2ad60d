/**
 * Vitest global setup for the unit suite: tests that check the search on the
 * real corpus (core/search/property.test.ts) need resources/corpus built. In a
 * fresh clone it is not, so build it here, through the same entry point as
 * `npm run build:corpus`, instead of letting those tests pass vacuously.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const REAL_CORPUS = path.join(root, 'resources', 'corpus');

export default function setup(): void {
  if (fs.existsSync(path.join(REAL_CORPUS, 'library.json'))) return;
  console.log('resources/corpus is not built: building it (npm run build:corpus) for the tests that read it');
  const r = spawnSync(process.execPath, [path.join(root, 'bin', 'policy-reader.mjs'), 'build'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('building resources/corpus failed (npm run build:corpus)');
}
