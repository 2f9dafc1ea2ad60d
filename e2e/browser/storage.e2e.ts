/**
 * The storage layer in real Chromium with real IndexedDB: the app opens the
 * database at schema version 2 with the annotations table, and at start an
 * empty database beside a non-empty automatic backup leads to the restore
 * offer (the Electron bridge is stood in by an init script that serves the
 * backup, since the browser preview has no automatic backup of its own).
 */
declare const window: any, indexedDB: any, navigator: any;

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newAnnotation } from '../../core/annotations/create';
import { serializeAnnotationFile } from '../../core/annotations/file';
import { unitBodyText } from '../../core/annotations/anchor';
import type { PreviewServer } from '../../scripts/preview-server';
import { corpusDir, FIXTURE_CORPUS, launch, screenshot, startServer, collectPageErrors, type Browser } from './harness';
import { flatten, readCorpus, scenarioDoc } from './corpus-facts';

let server: PreviewServer;
let backupJson: string;
let ids: string[];

beforeAll(async () => {
  const dir = corpusDir();
  const facts = readCorpus(dir, dir !== FIXTURE_CORPUS);
  const doc = scenarioDoc(facts);
  const unit = flatten(doc.units).find((u) => unitBodyText(u).length > 10)!;
  const manifest = (await import('node:fs')).readFileSync(`${dir}/manifest.json`, 'utf8');
  const contentHash = JSON.parse(manifest).contentHash as string;
  const list = [
    newAnnotation({ motivation: 'commenting', doc, unit, range: { start: 0, end: 6 }, note: '与我局现行做法不一致', tags: ['待研究'], contentHash, now: new Date() }),
    newAnnotation({ motivation: 'bookmarking', doc, unit, contentHash, now: new Date() }),
  ];
  ids = list.map((a) => a.id);
  backupJson = serializeAnnotationFile(list, new Date());
  server = await startServer(dir);
});

afterAll(async () => {
  await server?.close();
});

/** A stand-in for window.policyReader: serves one backup and records automatic-backup writes. */
function fakeBridge(page: Page, json: string) {
  return page.addInitScript((backup: string) => {
    const writes: string[] = [];
    window.__autoBackupWrites = writes;
    window.policyReader = {
      getAppInfo: async () => ({ version: 'test', platform: 'linux', isPackaged: false }),
      openExternal: async () => ({ ok: false, message: 'test' }),
      savePdf: async () => ({ ok: false, code: 'canceled', message: '已取消。' }),
      saveBackup: async () => ({ ok: false, code: 'canceled', message: '已取消。' }),
      openBackup: async () => ({ ok: false, code: 'canceled', message: '已取消。' }),
      writeAutoBackup: async (j: string) => (writes.push(j), { ok: true, file: '/tmp/x.json', skipped: false }),
      readAutoBackup: async () => ({ ok: true, json: backup, file: '/u/annotation-backups/annotations-1.json', savedAt: '2024-05-01T08:00:00.000Z' }),
      onMenuCommand: () => () => {},
    };
  }, json);
}

async function annotationIds(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const req = indexedDB.open('policy-reader');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const get = db.transaction('annotations').objectStore('annotations').getAllKeys();
          get.onsuccess = () => resolve([...get.result].sort());
          get.onerror = () => reject(get.error);
        };
      }),
  );
}

describe('storage in Chromium', () => {
  let browser: Browser;
  afterAll(async () => browser?.close());

  it('the browser preview opens schema version 4 with the annotations table, asks for persistent storage, and offers no restore', async () => {
    browser = await launch();
    const errors = collectPageErrors(browser.page);
    await browser.page.addInitScript(() => {
      const storage = navigator.storage;
      const persist = storage.persist.bind(storage);
      window.__persistCalls = 0;
      storage.persist = () => (window.__persistCalls++, persist());
    });
    await browser.page.goto(server.url);
    await browser.page.waitForFunction(() => indexedDB.databases().then((d: { name: string }[]) => d.some((x) => x.name === 'policy-reader')));
    const info = await browser.page.evaluate(
      () =>
        new Promise<{ version: number; stores: string[]; indexes: string[] }>((resolve) => {
          const req = indexedDB.open('policy-reader');
          req.onsuccess = () => {
            const db = req.result;
            const indexes = [...db.transaction('annotations').objectStore('annotations').indexNames];
            resolve({ version: db.version, stores: [...db.objectStoreNames].sort(), indexes: indexes.sort() });
            db.close();
          };
        }),
    );
    expect(info.version).toBe(40); // Dexie stores version × 10; v4 added the user library (我的文件)
    expect(info.stores).toEqual(['anchorChecks', 'annotations', 'positions', 'settings', 'userDocs', 'userFiles']);
    // v3 keeps only the indexes a query uses (renderer/db/migrations.ts).
    expect(info.indexes).toEqual(['created', 'docId']);
    expect(await browser.page.getByRole('dialog').count()).toBe(0);
    expect(await browser.page.evaluate(() => window.__persistCalls)).toBe(1);
    // The start's re-anchoring pass has run, and with no annotation to check it did not fetch the corpus's
    // manifest (read for its contentHash alone: 1.8 MB at 10,007 documents).
    await browser.page.waitForFunction(() => window.performance.getEntriesByName('policy-reader:reanchor').length > 0);
    expect(browser.requests.filter((u) => u.endsWith('/manifest.json'))).toEqual([]);
    expect(errors).toEqual([]);
    await browser.close();
  });

  it('an empty database beside a backup: 恢复备份 restores it into IndexedDB', async () => {
    browser = await launch();
    const errors = collectPageErrors(browser.page);
    await fakeBridge(browser.page, backupJson);
    await browser.page.goto(server.url);
    const dialog = browser.page.getByRole('dialog', { name: '恢复标注？' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('共 2 条标注');
    await screenshot(browser.page, 'restore-offer');
    await dialog.getByRole('button', { name: '恢复备份' }).click();
    await dialog.waitFor({ state: 'detached' });
    await browser.page.getByTestId('notice').filter({ hasText: '已从自动备份恢复 2 条标注' }).waitFor();
    expect(await annotationIds(browser.page)).toEqual([...ids].sort());
    // With annotations stored, the pass after the restore reads the corpus's contentHash to check them.
    await expect.poll(() => browser.requests.filter((u) => u.endsWith('/manifest.json')).length, { timeout: 10_000 }).toBeGreaterThan(0);
    // Reloaded with the data in place: no second offer.
    await browser.page.reload();
    await browser.page.waitForTimeout(500);
    expect(await browser.page.getByRole('dialog').count()).toBe(0);
    expect(errors).toEqual([]);
    await browser.close();
  });

  it('暂不恢复 leaves the database empty and the app usable', async () => {
    browser = await launch();
    await fakeBridge(browser.page, backupJson);
    await browser.page.goto(server.url);
    const dialog = browser.page.getByRole('dialog', { name: '恢复标注？' });
    await dialog.getByRole('button', { name: '暂不恢复' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await annotationIds(browser.page)).toEqual([]);
    expect(await browser.page.evaluate(() => window.__autoBackupWrites.length)).toBe(0); // nothing changed, nothing written over the backup
  });
});
