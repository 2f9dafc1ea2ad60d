/**
 * Bundles the Electron main process and the preload with esbuild:
 *   electron/main.ts    → dist/electron/main.cjs
 *   electron/preload.ts → dist/electron/preload.cjs
 * CommonJS because the package is "type": "module" and a sandboxed preload
 * cannot load ES modules; `electron` stays external, everything else is
 * bundled (a sandboxed preload may only require('electron')).
 *
 * Usage: tsx scripts/build-electron.ts [--outdir DIR] [--production]
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type BuildOptions } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Electron 45 ships Node 22 and Chromium 142. */
export function electronBuildOptions(outdir: string, production: boolean): BuildOptions[] {
  const common: BuildOptions = {
    bundle: true,
    format: 'cjs',
    external: ['electron'],
    sourcemap: production ? false : 'linked',
    minify: false,
    legalComments: 'none',
    logLevel: 'warning',
    define: { 'process.env.NODE_ENV': JSON.stringify(production ? 'production' : 'development') },
    outExtension: { '.js': '.cjs' },
    outdir,
  };
  return [
    { ...common, entryPoints: { main: path.join(root, 'electron/main.ts') }, platform: 'node', target: 'node22' },
    // The sandboxed preload runs in a renderer with a limited Node-like require.
    { ...common, entryPoints: { preload: path.join(root, 'electron/preload.ts') }, platform: 'node', target: 'chrome142' },
  ];
}

export async function buildElectron(outdir = path.join(root, 'dist/electron'), production = false): Promise<string[]> {
  const results = await Promise.all(electronBuildOptions(outdir, production).map((o) => build({ ...o, metafile: true })));
  return results.flatMap((r) => Object.keys(r.metafile!.outputs)).filter((f) => f.endsWith('.cjs'));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const i = args.indexOf('--outdir');
  const outdir = i >= 0 ? path.resolve(args[i + 1]) : path.join(root, 'dist/electron');
  const started = Date.now();
  buildElectron(outdir, args.includes('--production')).then(
    (files) => console.log(`build:electron: ${files.map((f) => path.relative(root, path.resolve(root, f))).join(', ')} (${Date.now() - started} ms)`),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
