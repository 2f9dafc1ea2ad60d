/**
 * Export in real Chromium against the preview server: notes on two documents
 * are made through the app (select words, 添加笔记, type), stored in its IndexedDB; #/export shows the preview,
 * the preview's HTML is printed with page.pdf (the engine of Electron's
 * printToPDF), and the PDF is read back with pdftotext, pdffonts and pdftoppm.
 */
declare const indexedDB: any, window: any, MutationObserver: any;

import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PolicyDocument, Unit } from '../../core/corpus/types';
import type { PreviewServer } from '../../scripts/preview-server';
import { dragSelect } from './annotation-helpers';
import { flatten, readCorpus, scenarioDoc, type CorpusFacts } from './corpus-facts';
import { corpusDir, FIXTURE_CORPUS, RESULTS, type Browser, openSession, screenshot, type Session } from './harness';

let server: PreviewServer;
let session: Session;
let browser: Browser;
let page: Page;
let facts: CorpusFacts;
const pageErrors: string[] = [];

interface Mark {
  doc: PolicyDocument;
  unit: Unit;
  quote: string;
  note: string;
  tags: string[];
  /** The citation as a reader would write it from the corpus: 《title》（文号）label…（第N页）. */
  expectCite: RegExp;
}
const marks: Mark[] = [];
const squash = (s: string) => s.replace(/\s+/g, '');
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A unit whose first paragraph is long enough to mark 12 characters in the middle of it. */
function pick(doc: PolicyDocument, want: (u: Unit) => boolean): Unit {
  const unit = flatten(doc.units).find((u) => want(u) && (u.paragraphs[0]?.text.length ?? 0) > 30 && !/[\s]/.test(u.paragraphs[0].text.slice(6, 18)));
  if (!unit) throw new Error(`no unit in ${doc.title}`);
  return unit;
}

/** The unit's ancestors in the corpus JSON, outermost first. */
function ancestorsOf(units: Unit[], id: string, above: Unit[] = []): Unit[] | null {
  for (const u of units) {
    if (u.id === id) return above;
    const hit = ancestorsOf(u.children, id, [...above, u]);
    if (hit) return hit;
  }
  return null;
}

/**
 * What the test will mark, and the citation a reader would write for it from the corpus:
 * 《title》（文号）label（第N页）, or, inside an attachment with its own title (the text a
 * notice issues), that text's title and the notice's 文号 as its source:
 * 《attachment title》label（文号印发）（第N页） (issue 18 item 4).
 */
function plan(doc: PolicyDocument, want: (u: Unit) => boolean, note: string, tags: string[]): Mark {
  const unit = pick(doc, want);
  const quote = unit.paragraphs[0].text.slice(6, 18);
  const cited = (t: string) => `《${t.trim().replace(/《/g, '〈').replace(/》/g, '〉')}》`;
  const pageOf = unit.paragraphs[0].pages[0];
  const pages = pageOf ? `（第${pageOf}页）` : '';
  const label = escapeRe(unit.label.replace(/\s/g, ''));
  const issued = (ancestorsOf(doc.units, unit.id) ?? [])
    .filter((u) => u.level === 'appendix' && (u.heading ?? '').trim() !== '')
    .pop();
  const expectCite = issued
    ? new RegExp(`${escapeRe(squash(cited(issued.heading!)))}.*${label}${escapeRe(doc.docNumber ? `（${doc.docNumber}印发）` : '')}${pages}`)
    : new RegExp(`${escapeRe(squash(cited(doc.title) + (doc.docNumber ? `（${doc.docNumber}）` : '')))}.*${label}${pages}`);
  return { doc, unit, quote, note, tags, expectCite };
}

/** Through the app: open the clause, select the words, 添加笔记, type the note and tags. */
async function markInApp(m: Mark) {
  await page.goto(`${server.url}#/doc/${m.doc.id}/${encodeURIComponent(m.unit.id)}`);
  await page.waitForSelector(`[id="${m.unit.id}"] p[data-para]`);
  await dragSelect(page, m.unit.id, 6, 18);
  await page.getByRole('button', { name: '添加笔记' }).click();
  const pop = page.getByRole('dialog', { name: '编辑标注' });
  await pop.waitFor();
  await pop.getByLabel('笔记', { exact: true }).fill(m.note);
  for (const t of m.tags) {
    await pop.getByLabel('添加标签').fill(t);
    await pop.getByLabel('添加标签').press('Enter');
    await pop.getByRole('button', { name: `删除标签：${t}` }).waitFor();
  }
  await pop.getByRole('button', { name: '关闭' }).click();
}

beforeAll(async () => {
  const dir = corpusDir();
  facts = readCorpus(dir, dir !== FIXTURE_CORPUS);
  const reg = scenarioDoc(facts);
  // A second document with numbered outline items (一、/（一）/1.), pages where the corpus has them.
  const second = facts.library
    .filter((d) => d.id !== reg.id && d.unitCount > 10)
    .map((d) => facts.doc(d.id))
    .find((d) => flatten(d.units).some((u) => u.level === 'outline2' && (u.paragraphs[0]?.text.length ?? 0) > 30 && u.paragraphs[0].pages.length > 0));
  if (!second) throw new Error('no second document with outline items');
  marks.push(plan(reg, (u) => u.level === 'article', '与本市做法对照，下周会上讨论。', ['待研究']));
  marks.push(plan(second, (u) => u.level === 'outline2' && u.paragraphs[0]?.pages.length > 0, '可借鉴：写入我局方案第三部分。', []));
  session = await openSession(dir, { pageErrors });
  ({ server, browser, page } = session);
  for (const m of marks) await markInApp(m);
  // Both are stored in the app's IndexedDB before the export reads them.
  await page.waitForFunction(
    (n) =>
      new Promise((resolve) => {
        const req = indexedDB.open('policy-reader');
        req.onsuccess = () => {
          const get = req.result.transaction('annotations').objectStore('annotations').count();
          get.onsuccess = () => {
            resolve(get.result >= n);
            req.result.close();
          };
        };
      }),
    marks.length,
  );
});

afterAll(async () => {
  await session?.close();
});

/** The preview once its fonts are embedded (before that it shows the same page without them). */
async function previewHtml(hash: string): Promise<string> {
  await page.goto(`${server.url}${hash}`);
  const frame = page.locator('iframe[title="导出预览"]');
  await frame.waitFor({ timeout: 30_000 });
  await page.locator('section[aria-label="导出预览"][aria-busy="false"]').waitFor({ timeout: 30_000 });
  return (await frame.getAttribute('srcdoc')) ?? '';
}

/** Records the HTML of every hidden frame the page prints from (the browser preview's 导出 PDF). */
async function watchPrinting(): Promise<void> {
  await page.evaluate(() => {
    (window as any).__printed = [];
    new MutationObserver((ms: any[]) =>
      ms.forEach((m: any) => m.addedNodes.forEach((n: any) => n.tagName === 'IFRAME' && !n.title && (window as any).__printed.push(n.srcdoc))),
    ).observe(document.body, { childList: true });
  });
}

describe('export', () => {
  it('#/export previews every passage; the PDF of that HTML has every passage, note and citation in an embedded Noto font', async () => {
    const html = await previewHtml('#/export');
    expect(html).not.toMatch(/<script/i);
    // The preview frame runs nothing (no allow-scripts); same origin only so the app can keep its scroll across updates.
    expect(await page.locator('iframe[title="导出预览"]').getAttribute('sandbox')).toBe('allow-same-origin');
    await screenshot(page, 'export-view');
    // In the browser preview 导出 PDF prints this same HTML through the print dialog (a hidden frame holding it).
    await watchPrinting();
    await page.getByRole('button', { name: '导出 PDF' }).click();
    await page.getByTestId('export-toast').filter({ hasText: '打印对话框' }).waitFor();
    expect(await page.evaluate(() => (window as any).__printed)).toEqual([html]);

    const pdfPage = await browser.context.newPage();
    await pdfPage.setContent(html);
    mkdirSync(RESULTS, { recursive: true });
    const pdf = join(RESULTS, 'export.pdf');
    writeFileSync(pdf, await pdfPage.pdf({ format: 'A4', printBackground: true }));
    await pdfPage.close();

    const text = squash(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }));
    expect(text).toContain(squash(`标注摘编`));
    expect(text).toContain('共2处摘录，来自2份文件，含批注2条');
    for (const m of marks) {
      expect(text).toContain(squash(m.quote));
      expect(text).toContain(squash(m.note));
      expect(text).toMatch(m.expectCite);
    }
    // The cover has no footer; the pages after it do.
    expect(text).toMatch(/第2页\/共\d+页/);

    const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) {
      // name type encoding emb sub uni: every font is the embedded Noto subset, none a system font.
      expect(line).toMatch(/^[A-Z]{6}\+NotoSansSC\S*\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
    }

    execFileSync('pdftoppm', ['-r', '70', '-png', '-f', '2', '-l', '2', '-singlefile', pdf, join(RESULTS, 'export-page-2')]);
    expect(readFileSync(join(RESULTS, 'export-page-2.png')).byteLength).toBeGreaterThan(10_000);
  });

  it('the query selects: ?doc= one document, ?tag= one tag', async () => {
    const [first, second] = marks;
    const byDoc = await previewHtml(`#/export?doc=${encodeURIComponent(second.doc.id)}`);
    expect(byDoc).toContain(second.quote);
    expect(byDoc).not.toContain(first.quote);
    expect(await page.getByRole('status').filter({ hasText: '处摘录' }).textContent()).toContain('1 处摘录，1 份文件');
    const byTag = await previewHtml(`#/export?tag=${encodeURIComponent('待研究')}`);
    expect(byTag).toContain(first.quote);
    expect(byTag).not.toContain(second.quote);
    expect(byTag).toContain('标签：待研究');
  });

  it('options change the preview; 导出 Markdown downloads the same selection', async () => {
    await previewHtml('#/export');
    await page.getByLabel('批注', { exact: true }).uncheck();
    await page.waitForFunction(() => !(document.querySelector('iframe[title="导出预览"]') as any)?.getAttribute('srcdoc')?.includes('class="note"'));
    const titleBox = page.getByLabel('标题');
    await titleBox.fill('周例会材料');
    await page.waitForFunction(() => (document.querySelector('iframe[title="导出预览"]') as any)?.getAttribute('srcdoc')?.includes('<h1>周例会材料</h1>'));
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 Markdown' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^周例会材料 \d{4}-\d{2}-\d{2}\.md$/);
    const md = readFileSync((await download.path())!, 'utf8');
    expect(md.startsWith('# 周例会材料\n')).toBe(true);
    for (const m of marks) {
      expect(md).toContain(m.quote);
      expect(md).not.toContain(m.note);
    }
  });

  it('remembers the title, 署名 and options on the next visit', async () => {
    // The previous test left 周例会材料 and no 批注.
    await previewHtml('#/export');
    expect(await page.getByLabel('标题').inputValue()).toBe('周例会材料');
    expect(await page.getByLabel('批注', { exact: true }).isChecked()).toBe(false);
    await page.getByLabel('署名').fill('法规处 张三');
    await page.getByLabel('摘录所在条款全文').check();
    await page.getByLabel('批注', { exact: true }).check();
    await page.reload();
    await page.locator('section[aria-label="导出预览"][aria-busy="false"]').waitFor({ timeout: 30_000 });
    expect(await page.getByLabel('署名').inputValue()).toBe('法规处 张三');
    expect(await page.getByLabel('摘录所在条款全文').isChecked()).toBe(true);
    expect(await page.getByLabel('批注', { exact: true }).isChecked()).toBe(true);
    expect(await page.locator('iframe[title="导出预览"]').getAttribute('srcdoc')).toContain('法规处 张三');
  });

  it('shows the preview at once and embeds the fonts in the background', async () => {
    // Font slices held back for 3 s: the preview must not wait for them.
    await page.route('**/*.woff2', async (route) => {
      await new Promise((r) => setTimeout(r, 3000));
      await route.continue();
    });
    try {
      // A fresh page: the app keeps font slices it already fetched.
      await page.goto('about:blank');
      const t0 = Date.now();
      await page.goto(`${server.url}#/export`);
      const frame = page.locator('iframe[title="导出预览"]');
      await frame.waitFor({ timeout: 30_000 });
      const shownAfter = Date.now() - t0;
      const first = (await frame.getAttribute('srcdoc')) ?? '';
      for (const m of marks) expect(first).toContain(m.quote);
      expect(first).not.toContain('@font-face');
      expect(await page.locator('section[aria-label="导出预览"]').getAttribute('aria-busy')).toBe('true');
      expect(await page.getByRole('status').filter({ hasText: '正在嵌入字体' }).count()).toBe(1);
      expect(shownAfter).toBeLessThan(3000);
      await page.locator('section[aria-label="导出预览"][aria-busy="false"]').waitFor({ timeout: 30_000 });
      expect(await frame.getAttribute('srcdoc')).toContain('@font-face');
    } finally {
      await page.unroute('**/*.woff2');
    }
  });

  it('Ctrl+P on the export page prints the briefing, not the app', async () => {
    const html = await previewHtml('#/export');
    await watchPrinting();
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('Control+p');
    await page.getByTestId('export-toast').filter({ hasText: '打印对话框' }).waitFor();
    expect(await page.evaluate(() => (window as any).__printed)).toEqual([html]);
  });

  it('entry points: the reading view (this document, the whole document) and 我的标注 (its filter)', async () => {
    const [first] = marks;
    await page.goto(`${server.url}#/doc/${first.doc.id}`);
    await page.getByRole('link', { name: '导出本文标注' }).click();
    await page.waitForFunction((id) => location.hash === `#/export?doc=${id}`, first.doc.id);
    await page.goBack();
    await page.getByRole('link', { name: '打印 / 导出本文' }).click();
    const frame = page.locator('iframe[title="导出预览"]');
    await frame.waitFor({ timeout: 30_000 });
    const whole = (await frame.getAttribute('srcdoc')) ?? '';
    // The whole text with its structure, the user's words marked in place, the note after the clause.
    expect(whole).toContain(`<h1 class="doc-title">${first.doc.title}</h1>`);
    expect(whole).toMatch(new RegExp(`<mark class="hl c-\\w+">${escapeRe(first.quote)}</mark>`));
    expect(whole).toContain(first.note);
    const last = flatten(first.doc.units).filter((u) => u.paragraphs.length).at(-1)!;
    expect(whole).toContain(last.paragraphs.at(-1)!.text.slice(0, 20));
    await page.getByRole('checkbox', { name: /包含我的标注/ }).uncheck();
    await page.waitForFunction(() => !(document.querySelector('iframe[title="导出预览"]') as any)?.getAttribute('srcdoc')?.includes('<mark'));

    await page.goto(`${server.url}#/annotations?tag=${encodeURIComponent('待研究')}`);
    await page.getByRole('button', { name: '导出 PDF…' }).click();
    await page.waitForFunction(() => location.hash.startsWith('#/export?') && location.hash.includes('tag='));
    const html = await (async () => {
      await frame.waitFor({ timeout: 30_000 });
      return (await frame.getAttribute('srcdoc')) ?? '';
    })();
    expect(html).toContain(first.quote);
    expect(html).not.toContain(marks[1].quote);
    expect(pageErrors).toEqual([]);
  });
});

declare const document: any, location: any;
