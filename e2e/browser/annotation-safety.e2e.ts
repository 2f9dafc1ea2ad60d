/**
 * Nothing lost, in real Chromium with real IndexedDB (issue 16):
 * - item 10: the disk fills while a note is saved: 磁盘空间不足, the note stays
 *   in the editor and 保存笔记 stays enabled; once there is room it saves;
 * - item 13: a very fast double press of ☆ or `b` never leaves two bookmarks;
 * - item 2: an imported highlight whose words changed a little is placed
 *   approximately, flagged 位置可能已变化 with 确认, and the stored quote stays
 *   the words the user marked.
 */
// page.evaluate callbacks run in the page; this file is checked with Node types only.
declare const IDBObjectStore: any, DOMException: any, CSS: any, window: any, document: any;

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newAnnotation } from '../../core/annotations/create';
import { serializeAnnotationFile } from '../../core/annotations/file';
import type { PolicyDocument, Unit } from '../../core/corpus/types';
import type { PreviewServer } from '../../scripts/preview-server';
import { body, dragSelect, painted, pick, scenarioArticles, stored } from './annotation-helpers';
import { readCorpus, scenarioDoc } from './corpus-facts';
import { corpusDir, FIXTURE_CORPUS, openSession, screenshot, type Session } from './harness';

let server: PreviewServer;
let session: Session;
let page: Page;
let doc: PolicyDocument;
let a10: Unit;
let a11: Unit;
const pageErrors: string[] = [];

beforeAll(async () => {
  const dir = corpusDir();
  doc = scenarioDoc(readCorpus(dir, dir !== FIXTURE_CORPUS));
  ({ a10, a11 } = scenarioArticles(doc, 30));
  session = await openSession(dir, { pageErrors });
  ({ server, page } = session);
});

afterAll(async () => {
  await session?.close();
});

const open = async (unit: Unit) => {
  await page.goto(`${server.url}#/doc/${doc.id}/${encodeURIComponent(unit.id)}`);
  await page.waitForSelector(`[id="${unit.id}"] p[data-para]`);
};

describe('nothing lost (issue 16)', () => {
  it('item 10: the disk fills while saving a note: 磁盘空间不足, the text stays in the editor, 保存笔记 stays enabled; it saves once there is room', async () => {
    await open(a10);
    const w = pick(a10, 2, 6);
    await dragSelect(page, a10.id, w.start, w.end);
    await page.getByRole('button', { name: '添加笔记' }).click();
    const pop = page.getByRole('dialog', { name: '编辑标注' });
    await pop.waitFor();
    await expect.poll(async () => (await stored(page)).length).toBe(1);
    // From now on every IndexedDB write fails as Chromium reports a full disk under its store.
    await page.evaluate(() => {
      window.__put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function () {
        throw new DOMException('IO error: .../000003.log: No space left on device (ENOSPC)', 'UnknownError');
      };
    });
    const NOTE = '磁盘满时写下的笔记\n第二行';
    const box = pop.getByLabel('笔记', { exact: true });
    await box.fill(NOTE);
    const save = pop.getByRole('button', { name: '保存笔记' });
    await save.click();
    await expect.poll(() => page.getByTestId('notice').textContent(), { timeout: 10_000 }).toMatch(/磁盘空间不足/);
    expect(await page.getByTestId('notice').textContent()).not.toMatch(/AbortError|UnknownError/);
    // Give a live query time to re-emit the stored row: the draft must survive it.
    await page.waitForTimeout(500);
    expect(await box.inputValue()).toBe(NOTE);
    expect(await save.isEnabled()).toBe(true);
    await screenshot(page, 'annotations-disk-full');

    await page.evaluate(() => {
      IDBObjectStore.prototype.put = window.__put;
    });
    await save.click();
    await expect.poll(async () => (await stored(page))[0]?.body.find((b: any) => b.purpose === 'commenting')?.value).toBe(NOTE);
    await page.keyboard.press('Escape');
  });

  it('item 13: a very fast double press of ☆ or b toggles twice and never leaves two bookmarks on one clause', async () => {
    await open(a11);
    const bookmarksOf = async (unitId: string) => (await stored(page)).filter((a) => a.motivation === 'bookmarking' && a.target['policyReader:unitId'] === unitId);
    await page.locator(`[id="${a11.id}"]`).hover();
    const star = page.getByRole('button', { name: '书签：第十一条' });
    await star.waitFor();
    // Two presses in the same task: the second cannot see the first one's result in the UI.
    await page.evaluate(() => {
      const b = document.querySelector('button[aria-label="书签：第十一条"]');
      b.click();
      b.click();
    });
    await page.waitForTimeout(800);
    const afterDouble = await bookmarksOf(a11.id);
    expect(afterDouble.length).toBeLessThanOrEqual(1);
    expect(await star.getAttribute('aria-pressed')).toBe(afterDouble.length ? 'true' : 'false');

    // b on the current clause: twice without waiting.
    await page.locator(`[id="${a11.id}"] p[data-para]`).first().click();
    const before = (await bookmarksOf(a11.id)).length;
    await Promise.all([page.keyboard.press('b'), page.keyboard.press('b')]);
    await page.waitForTimeout(800);
    const afterKeys = await bookmarksOf(a11.id);
    expect(afterKeys.length).toBeLessThanOrEqual(1);
    expect(afterKeys.length).toBe(before);
    // And one press still toggles.
    await page.keyboard.press('b');
    await expect.poll(async () => (await bookmarksOf(a11.id)).length).toBe(1 - before);
  });

  it('item 2: an imported highlight whose words changed a little is shown approximately, flagged 位置可能已变化 with 确认; the stored quote stays the words marked', async () => {
    const text = body(a10);
    const start = 10;
    const shown = text.slice(start, start + 12);
    // The words as an older corpus printed them: one character different, the same context.
    const marked = `${shown.slice(0, 5)}${shown[5] === '的' ? '之' : '的'}${shown.slice(6)}`;
    const older = { ...a10, paragraphs: [{ text: `${text.slice(0, start)}${marked}${text.slice(start + 12)}`, pages: [] }] };
    const a = newAnnotation({ motivation: 'highlighting', doc, unit: older, range: { start, end: start + 12 }, colour: 'orange', contentHash: 'an-older-corpus', now: new Date(Date.now() - 60_000) });
    await page.goto(`${server.url}#/annotations`);
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: '导入标注' }).click()]);
    await chooser.setFiles({ name: 'older.json', mimeType: 'application/json', buffer: Buffer.from(serializeAnnotationFile([a], new Date())) });
    await expect.poll(() => page.getByTestId('annot-toast').textContent()).toMatch(/^已导入：新增 1 条/);
    await expect.poll(async () => (await stored(page)).find((x) => x.id === a.id)?.target['policyReader:approximate']?.exact, { timeout: 20_000 }).toBe(shown);

    await open(a10);
    await page.waitForFunction(() => CSS.highlights.has('annot-orange'), undefined, { timeout: 10_000 });
    expect(await painted(page, 'annot-orange')).toEqual([shown]);
    await page.getByRole('button', { name: '标注', exact: true }).click();
    const panel = page.getByRole('complementary', { name: '本文标注' });
    await panel.getByText('位置可能已变化').waitFor();
    await screenshot(page, 'annotations-approximate');
    await panel.getByRole('button', { name: /^确认新位置/ }).click();
    await expect.poll(async () => (await stored(page)).find((x) => x.id === a.id)?.target['policyReader:approximate']?.confirmed).toBeTruthy();
    await panel.getByText('位置可能已变化').waitFor({ state: 'detached' });
    const row = (await stored(page)).find((x) => x.id === a.id);
    expect(row.target.selector.find((s: any) => s.type === 'TextQuoteSelector').exact).toBe(marked);
    expect(pageErrors).toEqual([]);
  });

  it('item 13: the hidden frame that prints an export in the browser is sandboxed: no scripts, no navigation, only the print dialog', async () => {
    await page.goto(`${server.url}#/export`);
    await page.locator('iframe[title="导出预览"]').waitFor();
    await page.evaluate(() => {
      window.__printFrames = [];
      new window.MutationObserver((ms: any[]) =>
        ms.forEach((m: any) => m.addedNodes.forEach((n: any) => n.tagName === 'IFRAME' && !n.title && window.__printFrames.push(n.getAttribute('sandbox')))),
      ).observe(document.body, { childList: true });
    });
    await page.getByRole('button', { name: '导出 PDF' }).click();
    await page.getByTestId('export-toast').filter({ hasText: '打印对话框' }).waitFor();
    const sandboxes: (string | null)[] = await page.evaluate(() => window.__printFrames);
    expect(sandboxes).toHaveLength(1);
    expect(sandboxes[0]).not.toBeNull();
    expect(sandboxes[0]!.split(/\s+/).sort()).toEqual(['allow-modals', 'allow-same-origin']);
  });
});
