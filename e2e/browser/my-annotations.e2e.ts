/**
 * 我的标注 in real Chromium with real IndexedDB, driven by Chinese accessible
 * names: every card says which clause it is about (第十条, an outline item's
 * marker, 全文 for a whole-document bookmark), a long note is folded until
 * 展开笔记, saving a note says 已保存, Enter in the tag field adds the tag and
 * leaves the note a draft, a PDF picked for 导入标注 is "不是标注文件", and
 * 导出 PDF… is a button of the toolbar. Expectations come from the corpus files.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Route } from 'playwright-core';
import { regionPath } from '../../core/corpus/facts';
import { newAnnotation } from '../../core/annotations/create';
import { serializeAnnotationFile } from '../../core/annotations/file';
import type { PolicyDocument, Unit } from '../../core/corpus/types';
import { body, stored as storedIn } from './annotation-helpers';
import { flatten, readCorpus, scenarioDoc } from './corpus-facts';
import { corpusDir, FIXTURE_CORPUS, openSession, screenshot, type Session } from './harness';

let session: Session;
let page: Page;
let doc: PolicyDocument;
let a10: Unit;
let outlineDoc: PolicyDocument;
let item: Unit;
const pageErrors: string[] = [];
const LONG_NOTE = `${'这一条与我局现行做法不一致，需要在下次局务会上汇报，并请法规科研究是否需要修订本单位的实施细则。'.repeat(12)}\n最后一行`;

beforeAll(async () => {
  const dir = corpusDir();
  const facts = readCorpus(dir, dir !== FIXTURE_CORPUS);
  doc = scenarioDoc(facts);
  a10 = flatten(doc.units).find((u) => u.level === 'article' && u.label === '第十条')!;
  // A document numbered with outline items (一、 → （一）): the card must print the item's own marker.
  for (const d of facts.library) {
    const full = facts.doc(d.id);
    const found = flatten(full.units).find((u) => u.level === 'outline2' && body(u).length > 20);
    if (found) {
      outlineDoc = full;
      item = found;
      break;
    }
  }
  if (!a10 || !item) throw new Error('corpus lacks 第十条 or an outline item');
  const contentHash = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')).contentHash;
  const now = new Date();
  const file = serializeAnnotationFile(
    [
      newAnnotation({ motivation: 'commenting', doc, unit: a10, range: { start: 2, end: 10 }, colour: 'green', note: LONG_NOTE, contentHash, now }),
      newAnnotation({ motivation: 'bookmarking', doc: outlineDoc, unit: item, contentHash, now }),
      newAnnotation({ motivation: 'bookmarking', doc: outlineDoc, contentHash, now }),
    ],
    now,
  );
  session = await openSession(dir, { pageErrors });
  page = session.page;
  await page.setViewportSize({ width: 1366, height: 860 });
  await page.goto(`${session.server.url}#/annotations`);
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: '导入标注' }).click()]);
  await chooser.setFiles({ name: 'mine.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  await page.getByTestId('annot-count').filter({ hasText: '共 3 条' }).waitFor();
});

afterAll(async () => {
  await session?.close();
});

const card = (name: RegExp) => page.getByRole('article', { name });

describe('我的标注', () => {
  it('every card says where it is: the article, the outline item as printed, 全文 for the document', async () => {
    const note = card(/^笔记：/);
    await expect.poll(() => note.getByTestId('annot-where').textContent()).toBe('第十条');
    const bookmarks = page.getByRole('article', { name: /^书签：/ });
    await expect.poll(() => bookmarks.getByTestId('annot-where').allTextContents()).toEqual(expect.arrayContaining(['全文']));
    const printed = item.printedLabel ?? item.label;
    const wheres = await bookmarks.getByTestId('annot-where').allTextContents();
    expect(wheres.some((w) => w.endsWith(printed))).toBe(true);
    await screenshot(page, 'my-annotations-cards');
  });

  it('folds a long note to a few lines until 展开笔记', async () => {
    const note = card(/^笔记：/).locator('.note');
    const folded = await note.evaluate((el: any) => ({ shown: el.clientHeight, full: el.scrollHeight }));
    expect(folded.shown).toBeLessThan(folded.full / 2);
    await card(/^笔记：/).getByRole('button', { name: /^展开笔记/ }).click();
    const open = await note.evaluate((el: any) => ({ shown: el.clientHeight, full: el.scrollHeight }));
    expect(open.shown).toBe(open.full);
    expect(await note.textContent()).toBe(LONG_NOTE);
    await card(/^笔记：/).getByRole('button', { name: '收起笔记' }).click();
  });

  it('says 已保存 after 保存笔记; Enter in the tag field adds the tag and keeps the note a draft', async () => {
    const c = card(/^笔记：/);
    await c.getByRole('button', { name: /^编辑笔记：/ }).click();
    const noteBox = c.getByRole('textbox', { name: '笔记' });
    await noteBox.fill('改过的笔记');
    await c.getByRole('button', { name: '保存笔记' }).click();
    await expect.poll(() => c.getByRole('status').filter({ hasText: /./ }).first().textContent()).toBe('已保存');
    expect(await c.getByRole('button', { name: '保存笔记' }).isDisabled()).toBe(true);
    const noteOf = async () => (await storedIn(page)).find((a) => a.motivation === 'commenting').body.find((b: any) => b.purpose === 'commenting').value;
    await expect.poll(noteOf).toBe('改过的笔记');

    await noteBox.fill('草稿，尚未保存');
    await c.getByRole('combobox', { name: '添加标签' }).fill('待研究');
    await c.getByRole('combobox', { name: '添加标签' }).press('Enter');
    await expect.poll(async () => (await storedIn(page)).find((a) => a.motivation === 'commenting').body.filter((b: any) => b.purpose === 'tagging').map((b: any) => b.value)).toEqual(['待研究']);
    // The note was not saved with the tag: still a draft, said so, and 保存笔记 can save it.
    expect(await noteOf()).toBe('改过的笔记');
    expect(await noteBox.inputValue()).toBe('草稿，尚未保存');
    expect(await c.getByRole('button', { name: '保存笔记' }).isDisabled()).toBe(false);
    expect(await c.locator('.annot-save-state').textContent()).toBe('笔记未保存');
    await c.getByRole('button', { name: '保存笔记' }).click();
    await expect.poll(noteOf).toBe('草稿，尚未保存');
    await expect.poll(() => c.locator('.annot-save-state').textContent()).toBe('已保存');
    await c.getByRole('button', { name: '关闭' }).click();
  });

  it('地区 waits for the library: no 未注明 while it loads, then the documents\' regions', async () => {
    // Every annotation's document has a region the library knows (else 未注明 would be right after loading too).
    const regions = [doc, outlineDoc].map((d) => regionPath(d.region)[0]);
    expect(regions).not.toContain('未注明');
    const held = async (route: Route) => {
      await new Promise((r) => setTimeout(r, 3000));
      await route.fallback();
    };
    await page.route('**/corpus/library.json', held);
    try {
      await page.reload();
      await page.getByTestId('annot-count').filter({ hasText: '共 3 条' }).waitFor();
      const facet = page.getByRole('complementary', { name: '筛选标注' }).getByRole('region', { name: '地区' });
      await expect.poll(() => facet.textContent()).toContain('正在读取文件库');
      expect(await facet.getByRole('button', { name: /未注明/ }).count()).toBe(0);
      // 'wait': the held request is let through by its handler, not cut off by the unroute.
      await page.unrouteAll({ behavior: 'wait' });
      for (const r of regions) await facet.getByRole('button', { name: new RegExp(`^${r}`) }).waitFor();
      expect(await facet.getByRole('button', { name: /未注明/ }).count()).toBe(0);
    } finally {
      await page.unrouteAll({ behavior: 'wait' });
    }
  });

  it('a PDF picked for 导入标注 is "不是标注文件", and nothing changes', async () => {
    const before = (await storedIn(page)).length;
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: '导入标注' }).click()]);
    expect(chooser.isMultiple()).toBe(false);
    expect(await chooser.element().getAttribute('accept')).toContain('.json');
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from([0xe2, 0xe3, 0xcf, 0xd3, 0x0a, 0xff, 0xfe, 0x00])]);
    await chooser.setFiles({ name: '简报.pdf', mimeType: 'application/pdf', buffer: pdf });
    await expect.poll(() => page.getByTestId('annot-toast').textContent()).toContain('「简报.pdf」是PDF 文件，不是标注文件');
    expect((await storedIn(page)).length).toBe(before);
  });

  it('导出 PDF… is a button lined up with the toolbar buttons', async () => {
    const toolbar = page.getByRole('toolbar', { name: '我的标注操作' });
    const boxes = await Promise.all(['导出标注', '导入标注', '导出 PDF…'].map((n) => toolbar.getByRole('button', { name: n }).boundingBox()));
    const [exp, , pdf] = boxes;
    expect(Math.abs(pdf!.y - exp!.y)).toBeLessThanOrEqual(1);
    expect(Math.abs(pdf!.height - exp!.height)).toBeLessThanOrEqual(1);
    expect(pageErrors).toEqual([]);
  });
});
