/**
 * Annotations in real Chromium with real IndexedDB, driven by the Chinese
 * accessible names: select words in 第十条 with the mouse → 高亮：绿色 →
 * reload, still painted green; a note and a tag found in 我的标注; a clause
 * bookmark listed in the side panel and 我的标注; export downloads a file with
 * the quote and the note; a corrupt import is refused and changes nothing;
 * delete with 撤销. Expected words come from the corpus files, not the app.
 */
// page.evaluate callbacks run in the page; this file is checked with Node types only.
declare const document: any, window: any, CSS: any;

import { readFileSync } from 'node:fs';
import { newAnnotation } from '../../core/annotations/create';
import { serializeAnnotationFile } from '../../core/annotations/file';
import type { Unit } from '../../core/corpus/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Route } from 'playwright-core';
import type { PolicyDocument } from '../../core/corpus/types';
import type { PreviewServer } from '../../scripts/preview-server';
import { dragSelect as drag, painted as paintedIn, pick, scenarioArticles, stored as storedIn } from './annotation-helpers';
import { readCorpus, scenarioDoc } from './corpus-facts';
import { corpusDir, FIXTURE_CORPUS, screenshot, openSession, type Session } from './harness';

let server: PreviewServer;
let session: Session;
let page: Page;
let doc: PolicyDocument;
let a10: Unit;
let a11: Unit;
const pageErrors: string[] = [];
const stored = () => storedIn(page);
const dragSelect = (id: string, s: number, e: number) => drag(page, id, s, e);
const painted = (name: string) => paintedIn(page, name);

beforeAll(async () => {
  const dir = corpusDir();
  const facts = readCorpus(dir, dir !== FIXTURE_CORPUS);
  doc = scenarioDoc(facts);
  ({ a10, a11 } = scenarioArticles(doc, 20));
  session = await openSession(dir, { clipboard: true, pageErrors });
  ({ server, page } = session);
});

afterAll(async () => {
  await session?.close();
});

describe('annotations', () => {
  const green = () => pick(a10, 2, 10);
  const noted = () => pick(a10, 14, 6);
  const NOTE = '与我局现行做法不一致\n需要汇报';
  const TAG = '待研究';

  it('highlights a mouse selection in green; after a reload it is still painted green and stored', async () => {
    await page.goto(`${server.url}#/doc/${doc.id}/${encodeURIComponent(a10.id)}`);
    await page.waitForSelector(`[id="${a10.id}"] p[data-para]`);
    const g = green();
    await dragSelect(a10.id, g.start, g.end);
    await screenshot(page, 'annotations-toolbar');
    await page.getByRole('button', { name: '高亮：绿色' }).click();
    await page.waitForFunction(() => CSS.highlights.has('annot-green'));

    await page.reload();
    await page.waitForSelector(`[id="${a10.id}"] p[data-para]`);
    await page.waitForFunction(() => CSS.highlights.has('annot-green'), undefined, { timeout: 10_000 });
    expect(await painted('annot-green')).toEqual([g.text]);
    expect(await painted('annot-yellow')).toEqual([]);
    const rows = await stored();
    expect(rows).toHaveLength(1);
    expect(rows[0]['policyReader:colour']).toBe('green');
    expect(rows[0].target.selector.find((s: any) => s.type === 'TextQuoteSelector').exact).toBe(g.text);
    expect(rows[0].target['policyReader:unitId']).toBe(a10.id);
  });

  it('adds a note with a tag from the toolbar; the popover reopens on a click on the words', async () => {
    const n = noted();
    await dragSelect(a10.id, n.start, n.end);
    await page.getByRole('button', { name: '添加笔记' }).click();
    const pop = page.getByRole('dialog', { name: '编辑标注' });
    await pop.waitFor();
    await pop.getByLabel('笔记', { exact: true }).fill(NOTE);
    await pop.getByLabel('添加标签').fill(TAG);
    await pop.getByLabel('添加标签').press('Enter');
    await pop.getByRole('button', { name: `删除标签：${TAG}` }).waitFor();
    await screenshot(page, 'annotations-popover');
    await pop.getByRole('button', { name: '关闭' }).click();
    await expect.poll(async () => (await stored()).find((a) => a.body.some((b: any) => b.value === NOTE))?.body.map((b: any) => b.value)).toEqual([NOTE, TAG]);
    // The paint follows the stored note by a render: wait for it rather than read it in the same tick.
    await expect.poll(() => painted('annot-note')).toEqual([n.text]);

    // Clicking inside the noted words opens its popover with the note.
    const box = await page.evaluate(
      ([id, s]) => {
        const p = document.getElementById(id).querySelector('p[data-para="0"]');
        const w = document.createTreeWalker(p, 4);
        let k = s;
        for (let t = w.nextNode(); t; t = w.nextNode()) {
          if (t.parentElement.closest('.marker, .page-mark')) continue;
          if (k < t.length) {
            const r = document.createRange();
            r.setStart(t, k);
            r.setEnd(t, k + 1);
            const b = r.getBoundingClientRect();
            return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
          }
          k -= t.length;
        }
        return null;
      },
      [a10.id, n.start + 3] as const,
    );
    await page.mouse.click(box!.x, box!.y);
    await expect.poll(() => pop.getByLabel('笔记', { exact: true }).inputValue()).toBe(NOTE);
    await page.keyboard.press('Escape');
    await pop.waitFor({ state: 'detached' });
  });

  it('bookmarks a clause from its own control and lists it in the side panel', async () => {
    await page.locator(`[id="${a11.id}"]`).hover();
    const button = page.getByRole('button', { name: '书签：第十一条' });
    await button.click();
    await expect.poll(() => button.getAttribute('aria-pressed')).toBe('true');
    await page.getByRole('button', { name: '标注', exact: true }).click();
    const panel = page.getByRole('complementary', { name: '本文标注' });
    await panel.waitFor();
    const items = panel.getByRole('listitem');
    expect(await items.count()).toBe(3);
    // Reading order: 第十条's highlight and note, then 第十一条's bookmark.
    expect(await items.nth(2).textContent()).toContain('第十一条');
    expect(await items.nth(0).textContent()).toContain(green().text);
    await screenshot(page, 'annotations-panel');
    // An entry jumps to its clause, flashed as a deep link is.
    await page.evaluate(() => window.scrollTo(0, 0));
    await items.nth(2).getByRole('link').click();
    await expect.poll(() => page.url()).toContain(`/${encodeURIComponent(a11.id)}`);
    await page.waitForSelector(`[id="${a11.id}"].is-target`);
    const rows = await stored();
    expect(rows.filter((a) => a.motivation === 'bookmarking').map((a) => a.target['policyReader:unitId'])).toEqual([a11.id]);
    await page.getByRole('button', { name: '关闭标注面板' }).click();
  });

  it('finds the note and the tag in 我的标注, with counts and a search', async () => {
    await page.getByRole('link', { name: '我的标注' }).click();
    await page.getByTestId('annotations-view').waitFor();
    const list = page.getByTestId('annot-list');
    await list.getByText('与我局现行做法不一致').waitFor();
    await expect.poll(() => list.locator('.tag', { hasText: TAG }).count()).toBe(1);
    const facet = (group: string, name: string) => page.getByRole('complementary', { name: '筛选标注' }).getByRole('region', { name: group }).getByRole('button', { name: new RegExp(`^${name}`) });
    expect(await facet('类型', '书签').textContent()).toBe('书签1');
    expect(await facet('类型', '笔记').textContent()).toBe('笔记1');
    expect(await facet('类型', '高亮').textContent()).toBe('高亮1');
    await facet('标签', TAG).click();
    await expect.poll(() => page.getByTestId('annot-count').textContent()).toContain('筛选出 1 条');
    expect(page.url()).toContain('#/annotations?tag=');
    await page.getByRole('button', { name: '清除筛选' }).click();
    await page.getByLabel('搜索标注').fill('现行做法');
    await expect.poll(() => page.getByTestId('annot-count').textContent()).toContain('筛选出 1 条');
    await page.getByLabel('搜索标注').fill('');
    await expect.poll(() => page.getByTestId('annot-count').textContent()).toBe('共 3 条');
    // Each entry links to its clause.
    const link = list.getByRole('link', { name: new RegExp(`^打开原文：「${green().text.slice(0, 6)}`) });
    expect(await link.getAttribute('href')).toBe(`#/doc/${doc.id}/${encodeURIComponent(a10.id)}`);
    await screenshot(page, 'annotations-view');
  });

  it('exports a file holding the quote and the note', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出标注' }).click()]);
    const file = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(file.formatVersion).toBe(1);
    expect(file.annotations).toHaveLength(3);
    const text = JSON.stringify(file);
    expect(text).toContain(JSON.stringify(green().text));
    expect(text).toContain(JSON.stringify(noted().text));
    expect(text).toContain(JSON.stringify(NOTE));
  });

  it('refuses a corrupt import with a Chinese message and changes nothing', async () => {
    const before = await stored();
    for (const bad of ['{"format":"policy-reader/annotations","formatVersion":1,"annotations":[{"id":"x"}]}', '{ not json', '']) {
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: '导入标注' }).click()]);
      await chooser.setFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(bad) });
      await expect.poll(() => page.getByTestId('annot-toast').textContent()).toMatch(/^导入失败：.*未做任何更改/);
      expect(await stored()).toEqual(before);
    }
    await expect.poll(() => page.getByTestId('annot-count').textContent()).toBe('共 3 条');
  });

  it('imports a valid file; an annotation whose words are gone is listed under 未能定位 and re-attached to a new selection', async () => {
    // Made on another corpus version, on words this document does not contain.
    const gone = newAnnotation({
      motivation: 'commenting',
      doc,
      unit: { ...a10, paragraphs: [{ text: '这段文字在语料中并不存在，只为测试未能定位。', pages: [] }] },
      range: { start: 0, end: 12 },
      colour: 'purple',
      note: '孤立的笔记',
      contentHash: 'an-older-corpus',
      now: new Date(),
    });
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: '导入标注' }).click()]);
    await chooser.setFiles({ name: 'old.json', mimeType: 'application/json', buffer: Buffer.from(serializeAnnotationFile([gone], new Date())) });
    await expect.poll(() => page.getByTestId('annot-toast').textContent()).toMatch(/^已导入：新增 1 条/);
    // At the next start the app re-anchors it against this corpus and cannot place it.
    // library.json is held back, as on a slow start: 重新定位 must still open the document, not the library.
    const held = async (route: Route) => {
      await new Promise((r) => setTimeout(r, 3000));
      await route.fallback();
    };
    await page.route('**/corpus/library.json', held);
    await page.reload();
    await page.getByRole('heading', { name: /^未能定位/ }).waitFor({ timeout: 20_000 });
    const list = page.getByTestId('annot-list');
    await list.getByText('孤立的笔记').waitFor();
    await list.getByRole('button', { name: /^重新定位笔记：/ }).click();
    await page.waitForSelector(`[id="${a11.id}"] p[data-para]`);
    // 'wait': the held request is let through by its handler, not cut off by the unroute.
    await page.unrouteAll({ behavior: 'wait' });
    const banner = page.getByRole('region', { name: '重新定位' });
    await banner.waitFor();
    const w = pick(a11, 3, 8);
    await dragSelect(a11.id, w.start, w.end);
    await banner.getByRole('button', { name: '确认重新定位' }).click();
    await banner.waitFor({ state: 'detached' });
    await expect.poll(async () => (await stored()).find((a) => a.id === gone.id)?.target['policyReader:unitId']).toBe(a11.id);
    const placed = (await stored()).find((a) => a.id === gone.id);
    expect(placed['policyReader:orphaned']).toBeUndefined();
    expect(placed.target.selector.find((x: any) => x.type === 'TextQuoteSelector').exact).toBe(w.text);
    await page.waitForFunction(() => CSS.highlights.has('annot-purple'));
    expect(await painted('annot-purple')).toEqual([w.text]);
    await page.getByRole('link', { name: '我的标注' }).click();
    await expect.poll(() => page.getByTestId('annot-count').textContent()).toBe('共 4 条');
    expect(await page.getByRole('heading', { name: /^未能定位/ }).count()).toBe(0);
  });

  it('deletes from 我的标注 and 撤销 brings it back', async () => {
    const list = page.getByTestId('annot-list');
    await list.getByRole('button', { name: /^删除书签：/ }).click();
    await expect.poll(() => page.getByTestId('annot-count').textContent()).toBe('共 3 条');
    await page.getByTestId('annot-toast').getByRole('button', { name: '撤销' }).click();
    await expect.poll(() => page.getByTestId('annot-count').textContent()).toBe('共 4 条');
    expect((await stored()).filter((a) => a.motivation === 'bookmarking')).toHaveLength(1);
    expect(pageErrors).toEqual([]);
  });
});
