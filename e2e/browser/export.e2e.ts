/**
 * Export in real Chromium against the preview server: highlights with notes on
 * two documents are stored in the app's IndexedDB, #/export shows the preview,
 * the preview's HTML is printed with page.pdf (the engine of Electron's
 * printToPDF), and the PDF is read back with pdftotext, pdffonts and pdftoppm.
 */
declare const indexedDB: any;

import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newAnnotation } from '../../core/annotations/create';
import type { Annotation } from '../../core/annotations/model';
import type { PolicyDocument, Unit } from '../../core/corpus/types';
import { annotationRecord } from '../../renderer/db/records';
import type { PreviewServer } from '../../scripts/preview-server';
import { flatten, readCorpus, scenarioDoc, type CorpusFacts } from './corpus-facts';
import { collectPageErrors, corpusDir, FIXTURE_CORPUS, launch, RESULTS, startServer, type Browser } from './harness';

let server: PreviewServer;
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

/** A unit of `level` with a paragraph long enough to mark 12 characters in the middle of it. */
function pick(doc: PolicyDocument, want: (u: Unit) => boolean): { unit: Unit; start: number } {
  const unit = flatten(doc.units).find((u) => want(u) && u.paragraphs.some((p) => p.text.length > 30));
  if (!unit) throw new Error(`no unit in ${doc.title}`);
  const pi = unit.paragraphs.findIndex((p) => p.text.length > 30);
  const before = unit.paragraphs.slice(0, pi).reduce((n, p) => n + p.text.length + 1, 0);
  return { unit, start: before + 6 };
}

function mark(doc: PolicyDocument, want: (u: Unit) => boolean, note: string, tags: string[], when: string, contentHash: string): Annotation {
  const { unit, start } = pick(doc, want);
  const body = unit.paragraphs.map((p) => p.text).join('\n');
  const quote = body.slice(start, start + 12);
  const title = `《${doc.title.replace(/《/g, '〈').replace(/》/g, '〉')}》`;
  const pageOf = unit.paragraphs.find((p) => p.text.includes(quote))?.pages[0];
  marks.push({
    doc,
    unit,
    quote,
    note,
    tags,
    expectCite: new RegExp(`${escapeRe(squash(title + (doc.docNumber ? `（${doc.docNumber}）` : '')))}.*${escapeRe(unit.label.replace(/\s/g, ''))}${pageOf ? `（第${pageOf}页）` : ''}`),
  });
  return newAnnotation({
    motivation: 'commenting',
    doc,
    unit,
    range: { start, end: start + 12 },
    colour: marks.length === 1 ? 'yellow' : 'green',
    note,
    tags,
    contentHash,
    now: when,
  });
}

beforeAll(async () => {
  const dir = corpusDir();
  facts = readCorpus(dir, dir !== FIXTURE_CORPUS);
  const hash = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')).contentHash as string;
  const reg = scenarioDoc(facts);
  // A second document with numbered outline items (一、/（一）/1.), pages where the corpus has them.
  const second = facts.library
    .filter((d) => d.id !== reg.id && d.unitCount > 10)
    .map((d) => facts.doc(d.id))
    .find((d) => flatten(d.units).some((u) => u.level === 'outline2' && u.paragraphs.some((p) => p.text.length > 30 && p.pages.length)));
  if (!second) throw new Error('no second document with outline items');
  const annotations = [
    mark(reg, (u) => u.level === 'article', '与本市做法对照，下周会上讨论。', ['待研究'], '2026-03-02T09:00:00.000Z', hash),
    mark(second, (u) => u.level === 'outline2', '可借鉴：写入我局方案第三部分。', [], '2026-03-05T09:00:00.000Z', hash),
  ];
  server = await startServer(dir);
  browser = await launch();
  page = browser.page;
  collectPageErrors(page, pageErrors);
  await page.goto(`${server.url}#/`);
  // The app has opened its database (schema v2); store the annotations as the app does, rows from its own record function.
  const rows = annotations.map((a) => annotationRecord(a));
  await page.waitForFunction(async () => (await indexedDB.databases()).some((d: any) => d.name === 'policy-reader' && d.version >= 20));
  await page.evaluate(
    (rs) =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('policy-reader');
        req.onsuccess = () => {
          if (!req.result.objectStoreNames.contains('annotations')) {
            req.result.close();
            reject(new Error('the app has not created its annotations store'));
            return;
          }
          const tx = req.result.transaction('annotations', 'readwrite');
          for (const r of rs) tx.objectStore('annotations').put(r);
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
        req.onerror = () => reject(req.error);
      }),
    rows,
  );
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function previewHtml(hash: string): Promise<string> {
  await page.goto(`${server.url}${hash}`);
  const frame = page.locator('iframe[title="导出预览"]');
  await frame.waitFor({ timeout: 30_000 });
  return (await frame.getAttribute('srcdoc')) ?? '';
}

describe('export', () => {
  it('#/export previews every passage; the PDF of that HTML has every passage, note and citation in an embedded Noto font', async () => {
    const html = await previewHtml('#/export');
    expect(html).not.toMatch(/<script/i);
    // The preview frame runs nothing and reaches nothing.
    expect(await page.locator('iframe[title="导出预览"]').getAttribute('sandbox')).toBe('');
    await page.screenshot({ path: join(RESULTS, 'export-view.png') });

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
    expect(download.suggestedFilename()).toBe('周例会材料.md');
    const md = readFileSync((await download.path())!, 'utf8');
    expect(md.startsWith('# 周例会材料\n')).toBe(true);
    for (const m of marks) {
      expect(md).toContain(m.quote);
      expect(md).not.toContain(m.note);
    }
    expect(pageErrors).toEqual([]);
  });
});

declare const document: any;
