/**
 * Compiles the `policy-reader` CLI to plain JavaScript with esbuild, so that
 * `npx policy-reader` starts in Node without a TypeScript loader:
 *   cli/policy-reader.ts       → dist/cli/policy-reader.mjs
 *   cli/parse-worker.ts        → dist/cli/parse-worker.mjs (the build's parse threads)
 *   cli/variants-worker.ts     → dist/cli/variants-worker.mjs (the variants step's threads)
 *   cli/subject-worker.ts      → dist/cli/subject-worker.mjs (the variants step's subject thread)
 *   cli/clause-worker.ts       → dist/cli/clause-worker.mjs (the variants step's clause thread)
 *   cli/read-ahead-worker.ts   → dist/cli/read-ahead-worker.mjs (the variants cache's read-ahead thread)
 *   cli/search-worker.ts       → dist/cli/search-worker.mjs (a rebuild's search index update)
 *   dist/cli/inputs.json       the source files the bundle was built from, for the staleness check
 * Plain .mjs (not .ts) because bin/policy-reader.mjs calls it lazily when the
 * bundle is missing or older than its sources, before any loader exists.
 * npm packages stay external: they are in node_modules wherever the CLI runs.
 *
 * Usage: node scripts/build-cli.mjs   (part of `npm run build`)
 */
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CLI_OUT_DIR = path.join(root, 'dist', 'cli');
export const CLI_BUNDLE = path.join(CLI_OUT_DIR, 'policy-reader.mjs');
const INPUTS = path.join(CLI_OUT_DIR, 'inputs.json');
const ENTRIES = {
  'policy-reader': path.join(root, 'cli/policy-reader.ts'),
  'parse-worker': path.join(root, 'cli/parse-worker.ts'),
  'variants-worker': path.join(root, 'cli/variants-worker.ts'),
  'subject-worker': path.join(root, 'cli/subject-worker.ts'),
  'clause-worker': path.join(root, 'cli/clause-worker.ts'),
  'read-ahead-worker': path.join(root, 'cli/read-ahead-worker.ts'),
  'search-worker': path.join(root, 'cli/search-worker.ts'),
};

export async function buildCli() {
  const { build } = await import('esbuild');
  mkdirSync(CLI_OUT_DIR, { recursive: true });
  // Build beside the final files and rename into place, so a concurrent `npx policy-reader` never imports half a file.
  const tmp = path.join(CLI_OUT_DIR, `.tmp-${process.pid}`);
  const result = await build({
    entryPoints: ENTRIES,
    outdir: tmp,
    bundle: true,
    splitting: false,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    outExtension: { '.js': '.mjs' },
    legalComments: 'none',
    logLevel: 'warning',
    metafile: true,
  });
  for (const name of Object.keys(ENTRIES).map((e) => `${e}.mjs`)) renameSync(path.join(tmp, name), path.join(CLI_OUT_DIR, name));
  rmSync(tmp, { recursive: true, force: true });
  const inputs = Object.keys(result.metafile.inputs).filter((f) => !f.includes('node_modules')).sort();
  writeFileSync(INPUTS, JSON.stringify(inputs) + '\n');
  return inputs.length;
}

/** True when the bundle is missing, or a source it was built from (or package.json) changed after it. */
export function cliBundleStale() {
  let built;
  let inputs;
  try {
    built = statSync(CLI_BUNDLE).mtimeMs;
    inputs = JSON.parse(readFileSync(INPUTS, 'utf8'));
  } catch {
    return true;
  }
  for (const rel of [...inputs, 'package.json']) {
    try {
      if (statSync(path.join(root, rel)).mtimeMs > built) return true;
    } catch {
      return true; // a source was renamed or deleted
    }
  }
  return false;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const started = Date.now();
  buildCli().then(
    (n) => console.log(`build:cli: ${Object.keys(ENTRIES).map((e) => `dist/cli/${e}.mjs`).join(', ')} from ${n} sources (${Date.now() - started} ms)`),
    (error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
