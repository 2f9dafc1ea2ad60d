/**
 * The real app in the real Electron: starts, shows the library from
 * app://reader/ (never file://), exposes exactly the bridge methods, no Node in
 * the renderer, navigation and pop-ups to external sites blocked.
 * Skipped (with the reason printed) where the Electron binary or a display is missing.
 */
// Callbacks given to page.evaluate run in the page; this file is checked with
// Node types only (tsconfig.node.json), so name the browser globals they use.
declare const document: any, window: any, location: any, performance: any;

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BRIDGE_METHODS } from '../../electron/contract';
import { announceSkip, electronExecutable, fixtureCorpus, hasElectronBinary, repoRoot } from './env';


announceSkip('Electron app');

describe.skipIf(!hasElectronBinary)('Electron app', () => {
  let app: ElectronApplication;
  let page: Page;
  let userData: string;
  const titles: string[] = (JSON.parse(fs.readFileSync(path.join(fixtureCorpus, 'library.json'), 'utf8')) as { title: string }[]).map((d) => d.title);

  beforeAll(async () => {
    userData = fs.mkdtempSync(path.join(os.tmpdir(), 'pr-electron-e2e-'));
    app = await _electron.launch({
      executablePath: electronExecutable,
      args: [repoRoot, ...(process.platform === 'linux' && process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
      cwd: repoRoot,
      env: { ...process.env, POLICY_READER_USER_DATA: userData, POLICY_READER_CORPUS: fixtureCorpus, ELECTRON_RUN_AS_NODE: '' },
      timeout: 60_000,
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  afterAll(async () => {
    await app?.close();
    if (userData) fs.rmSync(userData, { recursive: true, force: true });
  });

  it('shows the library, loaded from app://reader/', async () => {
    await page.waitForFunction((ts) => ts.some((t) => document.body.innerText.includes(t)), titles, { timeout: 30_000 });
    expect(page.url()).toMatch(/^app:\/\/reader\//);
  });

  it('never uses a file:// URL', async () => {
    for (const w of app.windows()) expect(w.url()).not.toMatch(/^file:/);
    expect(await page.evaluate(() => location.origin)).toBe('app://reader');
    const resources = await page.evaluate(() => performance.getEntriesByType('resource').map((e: { name: string }) => e.name));
    expect(resources.filter((u: string) => !u.startsWith('app://reader/') && !u.startsWith('data:'))).toEqual([]);
  });

  it('window.policyReader has exactly the allowed methods', async () => {
    const keys = await page.evaluate(() => Object.keys(window.policyReader).sort());
    expect(keys).toEqual(Object.keys(BRIDGE_METHODS).sort());
    const info = await page.evaluate(() => window.policyReader.getAppInfo());
    expect(info).toMatchObject({ platform: process.platform, isPackaged: false });
  });

  it('has no Node in the renderer', async () => {
    const types = await page.evaluate(() => {
      const g = globalThis as Record<string, unknown>;
      return [typeof g.require, typeof g.process, typeof g.module, typeof g.Buffer, typeof g.ipcRenderer];
    });
    expect(types).toEqual(['undefined', 'undefined', 'undefined', 'undefined', 'undefined']);
  });

  it('blocks navigation to an external URL and denies pop-ups', async () => {
    await page.evaluate(() => {
      location.href = 'https://example.com/';
    });
    await page.waitForTimeout(1_000);
    expect(page.url()).toMatch(/^app:\/\/reader\//);
    expect(await page.evaluate(() => window.open('https://www.gov.cn/') === null)).toBe(true);
    expect(app.windows()).toHaveLength(1);
  });

  it('refuses openExternal outside the allow-list', async () => {
    const r = await page.evaluate(() =>
      window.policyReader.openExternal('https://example.com/'),
    );
    expect(r).toMatchObject({ ok: false });
  });

  it('cannot fetch remote or file URLs', async () => {
    const results = await page.evaluate(async () =>
      Promise.all(
        ['https://example.com/', 'file:///etc/hosts', 'app://reader/corpus/..%2f..%2fpackage.json'].map((u) =>
          fetch(u).then(
            (r) => r.status,
            () => 'blocked',
          ),
        ),
      ),
    );
    expect(results[0]).toBe('blocked');
    expect(results[1]).toBe('blocked');
    expect(results[2]).toBe(403);
  });
});
