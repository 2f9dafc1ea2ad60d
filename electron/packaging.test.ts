/**
 * Checks electron-builder.yml on paper (the real packaging needs downloads this
 * machine cannot make): valid against electron-builder's own JSON schema, and
 * — run through electron-builder's own file matcher — the app archive holds
 * what the packaged main process loads and nothing else (no sources, maps,
 * node_modules, corpus), and resources/corpus ships without raw/ where the
 * main process looks for it.
 *
 * js-yaml, ajv and app-builder-lib are devDependencies imported normally: if
 * one goes missing this file fails to load instead of skipping.
 */
import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { load } from 'js-yaml';
import type { Configuration } from 'app-builder-lib';
import { getFileMatchers } from 'app-builder-lib/out/fileMatcher';
import schema from 'app-builder-lib/scheme.json';
import { describe, expect, it } from 'vitest';
import { resolveAppPaths } from './paths';

const repo = path.resolve(__dirname, '..');
const config = load(fs.readFileSync(path.join(repo, 'electron-builder.yml'), 'utf8')) as Record<string, any>;
const pkg = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8')) as { main: string };

const file = { isDirectory: () => false } as fs.Stats;
const options = { macroExpander: (s: string) => s, customBuildOptions: {}, globalOutDir: path.join(repo, 'release'), defaultSrc: repo };

/** Would electron-builder put `rel` (relative to the repo) into app.asar? */
function packed(rel: string): boolean {
  const matchers = getFileMatchers(config as Configuration, 'files', '/app', options);
  expect(matchers).not.toBeNull();
  return matchers!.some((m) => m.from === repo && m.createFilter()(path.join(repo, rel), file));
}

/** Where electron-builder would copy `rel` (relative to the repo) among the resources, or null. */
function resource(rel: string): string | null {
  for (const m of getFileMatchers(config as Configuration, 'extraResources', '/resources', options) ?? []) {
    const abs = path.join(repo, rel);
    if (!abs.startsWith(m.from + path.sep)) continue;
    if (m.createFilter()(abs, file)) return path.posix.join(m.to, path.relative(m.from, abs).split(path.sep).join('/'));
  }
  return null;
}

describe('electron-builder.yml', () => {
  it('is valid against app-builder-lib/scheme.json', () => {
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    expect(validate(config), JSON.stringify(validate.errors)).toBe(true);
  });

  it('packs what the packaged main process loads: package.json, its main, the preload and the renderer', () => {
    const p = resolveAppPaths({ isPackaged: true, appPath: '/app', resourcesPath: '/resources', mainDir: path.posix.join('/app', path.posix.dirname(pkg.main)) });
    const inApp = (abs: string) => path.posix.relative('/app', abs);
    for (const rel of ['package.json', pkg.main, inApp(p.preload), path.posix.join(inApp(p.rendererRoot), 'index.html'), path.posix.join(inApp(p.rendererRoot), 'assets/index-abc123.js'), path.posix.join(inApp(p.rendererRoot), 'assets/index-abc123.css')]) {
      expect(packed(rel), rel).toBe(true);
    }
    expect(config.asar).not.toBe(false);
  });

  it('leaves sources, source maps, node_modules, tests and the corpus out of app.asar', () => {
    for (const rel of [
      `${pkg.main}.map`,
      'dist/renderer/assets/index-abc123.js.map',
      'node_modules/react/index.js',
      'node_modules/lunr/lunr.js',
      'electron/main.ts',
      'core/search/engine.ts',
      'renderer/App.tsx',
      'cli/policy-reader.ts',
      'scripts/start.ts',
      'e2e/browser/search.e2e.ts',
      'resources/corpus/library.json',
      'resources/corpus/raw/000.txt',
      'README.md',
      'test-results/search-results.png',
      'release/linux-unpacked/policy-reader',
    ]) {
      expect(packed(rel), rel).toBe(false);
    }
  });

  it('ships the current build of the corpus, flat, as resources/corpus where the packaged main process reads it; not raw/, the cache or other versions', () => {
    const p = resolveAppPaths({ isPackaged: true, appPath: '/resources/app.asar', resourcesPath: '/resources', mainDir: '/resources/app.asar/dist/electron' });
    for (const rel of ['library.json', 'manifest.json', 'docs/p0123456789a.json', 'search/index.json', 'search/units.json', 'variants.json']) {
      expect(resource(`resources/corpus/current/${rel}`), rel).toBe(path.posix.join(p.corpusRoot, rel));
    }
    for (const rel of ['raw/000_57e3cdbe4450e5ba.txt', 'raw/sub/x.txt', 'cache/parse/0a.json', 'versions/mx1-old/library.json', 'library.json']) {
      expect(resource(`resources/corpus/${rel}`), rel).toBeNull();
    }
  });

  it('targets NSIS, dmg, AppImage and deb with the committed 512×512 icon', () => {
    const targets = (os: 'win' | 'mac' | 'linux') => [config[os].target].flat().map((t: string | { target: string }) => (typeof t === 'string' ? t : t.target));
    expect(targets('win')).toContain('nsis');
    expect(targets('mac')).toContain('dmg');
    expect(targets('linux')).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    for (const os of ['win', 'mac', 'linux']) {
      const png = fs.readFileSync(path.join(repo, config[os].icon));
      expect(png.subarray(1, 4).toString(), os).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)], os).toEqual([512, 512]);
    }
    expect(fs.existsSync(path.join(repo, config.mac.entitlements))).toBe(true);
  });

  it('flips the hardening fuses: no run-as-node, no NODE_OPTIONS, app only from the asar, no file:// privileges', () => {
    expect(config.electronFuses).toMatchObject({ runAsNode: false, onlyLoadAppFromAsar: true, enableNodeOptionsEnvironmentVariable: false, grantFileProtocolExtraPrivileges: false });
  });
});
