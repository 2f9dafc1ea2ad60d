import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAppPaths, userDataOverride } from './paths';

describe('resolveAppPaths', () => {
  it('development: everything from the repository', () => {
    const p = resolveAppPaths({ isPackaged: false, appPath: '/repo', resourcesPath: '/ignored', mainDir: '/repo/dist/electron' });
    expect(p).toEqual({
      rendererRoot: path.join('/repo', 'dist', 'renderer'),
      corpusRoot: path.join('/repo', 'resources', 'corpus'),
      preload: path.join('/repo/dist/electron', 'preload.cjs'),
      icon: path.join('/repo', 'build', 'icon.png'),
    });
  });
  it('packaged: renderer inside app.asar, corpus from resources/corpus, no overrides', () => {
    const p = resolveAppPaths({
      isPackaged: true,
      appPath: '/opt/app/resources/app.asar',
      resourcesPath: '/opt/app/resources',
      mainDir: '/opt/app/resources/app.asar/dist/electron',
      env: { POLICY_READER_CORPUS: '/tmp/evil' },
    });
    expect(p.rendererRoot).toBe(path.join('/opt/app/resources/app.asar', 'dist', 'renderer'));
    expect(p.corpusRoot).toBe(path.join('/opt/app/resources', 'corpus'));
    expect(p.icon).toBeUndefined();
  });
  it('POLICY_READER_CORPUS / POLICY_READER_USER_DATA only in development', () => {
    expect(resolveAppPaths({ isPackaged: false, appPath: '/r', resourcesPath: '', mainDir: '/r', env: { POLICY_READER_CORPUS: '/fx' } }).corpusRoot).toBe(
      path.resolve('/fx'),
    );
    expect(userDataOverride(false, { POLICY_READER_USER_DATA: '/tmp/u' })).toBe(path.resolve('/tmp/u'));
    expect(userDataOverride(true, { POLICY_READER_USER_DATA: '/tmp/u' })).toBeNull();
    expect(userDataOverride(false, {})).toBeNull();
  });
});
