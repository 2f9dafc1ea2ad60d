/**
 * Checks electron-builder.yml on paper (the real packaging needs downloads this
 * machine cannot make): valid against electron-builder's own JSON schema, ships
 * only the built app plus the corpus without raw/, and agrees with the paths the
 * main process resolves when packaged.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAppPaths } from './paths';

const repo = path.resolve(__dirname, '..');
const require = createRequire(import.meta.url);
const load = <T>(id: string): T | null => {
  try {
    return require(id) as T;
  } catch {
    return null;
  }
};
const yaml = load<{ load(s: string): unknown }>('js-yaml');
const Ajv = load<new (o: object) => { compile(s: object): ((d: unknown) => boolean) & { errors?: unknown } }>('ajv');
const schema = load<object>('app-builder-lib/scheme.json');

describe.skipIf(!yaml)('electron-builder.yml', () => {
  const config = yaml!.load(fs.readFileSync(path.join(repo, 'electron-builder.yml'), 'utf8')) as Record<string, any>;
  const pkg = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8'));

  it.skipIf(!Ajv || !schema)('is valid against app-builder-lib/scheme.json', () => {
    const validate = new Ajv!({ allErrors: true, strict: false }).compile(schema!);
    expect(validate(config), JSON.stringify(validate.errors)).toBe(true);
  });

  it('packs only package.json and the built app, no node_modules or source maps', () => {
    expect(config.files).toEqual(['package.json', 'dist/electron/**/*', 'dist/renderer/**/*', '!**/*.map', '!node_modules/**/*']);
    expect(pkg.main).toBe('dist/electron/main.cjs');
    expect(config.asar).toBe(true);
  });

  it('ships the corpus as resources/corpus without raw/', () => {
    expect(config.extraResources).toEqual([{ from: 'resources/corpus', to: 'corpus', filter: ['**/*', '!raw/**'] }]);
    const p = resolveAppPaths({ isPackaged: true, appPath: '/x/resources/app.asar', resourcesPath: '/x/resources', mainDir: '/x/resources/app.asar/dist/electron' });
    expect(p.corpusRoot).toBe(path.join('/x/resources', config.extraResources[0].to));
  });

  it('targets NSIS, dmg, AppImage and deb with the committed icon', () => {
    expect(config.win.target.map((t: { target: string }) => t.target)).toEqual(['nsis']);
    expect(config.mac.target.map((t: { target: string }) => t.target)).toEqual(['dmg']);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    for (const os of ['win', 'mac', 'linux']) expect(fs.existsSync(path.join(repo, config[os].icon)), os).toBe(true);
    const png = fs.readFileSync(path.join(repo, 'build', 'icon.png'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
    expect(fs.existsSync(path.join(repo, config.mac.entitlements))).toBe(true);
  });

  it('flips the hardening fuses', () => {
    expect(config.electronFuses).toMatchObject({ runAsNode: false, onlyLoadAppFromAsar: true, enableNodeOptionsEnvironmentVariable: false, grantFileProtocolExtraPrivileges: false });
  });
});
