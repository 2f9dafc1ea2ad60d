/**
 * 导入文件 in real Chromium against the preview server: a real PDF (a corpus
 * document printed by Chromium, test-support/import-fixtures.ts) is imported
 * through the file input; it is placed as the same text as the corpus's
 * copy, listed under 我的文件, read with its outline, highlighted (kept over a
 * reload), exported with its citation, compared with its corpus twin, then
 * removed, and the highlight is found under 未能定位. A scanned PDF, a
 * second import of the same file and a picture named .txt are refused with
 * their messages; a text file in GB18030 is read, and the panel says so. The
 * progress panel covers none of the text at 1366, 1024 and 800 px, takes the
 * focus when an import starts and gives it back when closed (关闭, Esc).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { PolicyDocument, Unit } from '../../core/corpus/types';
import { allUnits } from '../../core/corpus/units';
import { corpusDocPdf, lawAnswerKey, lawDocxNumbered, scannedPdf } from '../../test-support/import-fixtures';
import { encodeGb18030 } from '../../test-support/gb18030';
import { corpusDir, openSession, screenshot, tabTo, type Session } from './harness';
import { body, dragSelect, painted, stored } from './annotation-helpers';

declare const CSS: any, document: any, window: any;

let session: Session;
let page: Page;
let original: PolicyDocument;
let pdf: Uint8Array;
const pageErrors: string[] = [];

beforeAll(async () => {
  const dir = corpusDir();
  const library = JSON.parse(readFileSync(join(dir, 'library.json'), 'utf8')) as { id: string; docNumber: string | null }[];
  // A notice with 文号, numbered items and no attachment: what most imported files look like.
  const pickId = library.find((d) => d.docNumber === '宁市监〔2023〕115号')?.id;
  if (!pickId) throw new Error(`the corpus at ${dir} lacks the scenario document 宁市监〔2023〕115号 (build the sample corpus: npm run build:corpus)`);
  original = JSON.parse(readFileSync(join(dir, 'docs', `${pickId}.json`), 'utf8'));
  pdf = await corpusDocPdf(original, '宁德市人民政府公报');
  session = await openSession(dir, { pageErrors });
  page = session.page;
}, 180_000);

afterAll(async () => {
  await session?.close();
});

const importPdf = (name: string, bytes: Uint8Array) => page.getByTestId('import-input').setInputFiles({ name, mimeType: 'application/pdf', buffer: Buffer.from(bytes) });
const lineFor = (name: string) => page.getByTestId('import-line').filter({ hasText: name });

let userId: string;
let unit: Unit;

describe('importing a PDF', () => {
  it('imports through the file input with a progress line, and places it as the same text as the corpus copy', async () => {
    await page.goto(session.server.url);
    await page.getByTestId('library-list').waitFor();
    await importPdf('宁德通知.pdf', pdf);
    // The panel opens with the focus on it, so the keyboard is where the progress and its links are.
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === '导入进度');
    const line = lineFor('宁德通知.pdf');
    await line.locator('a', { hasText: original.title }).waitFor({ timeout: 60_000 });
    await screenshot(page, 'import-done');
    const placement = line.getByTestId('import-placement').first();
    expect(await placement.textContent()).toContain(`与《${original.title}》（${original.docNumber}）内容相同：同一文本`);
    expect(await placement.textContent()).toMatch(/\d+ 条对应，0 条有改动/);
    const href = (await line.locator('a', { hasText: original.title }).getAttribute('href'))!;
    userId = /#\/doc\/(u[0-9a-f]{11})$/.exec(href)![1];
  });

  // Officials read on laptops: the progress panel, still open after the import, hid the end of the
  // header's actions, the first paragraphs and the 标注 button at 800 px (and the text at 1024 and 1366).
  it('reading the imported file with the progress panel still open: at 1366, 1024 and 800 px the panel covers nothing, and 关闭 from the keyboard keeps the focus in the page', async () => {
    const panel = page.getByRole('region', { name: '导入进度' });
    const link = lineFor('宁德通知.pdf').getByRole('link', { name: `《${original.title}》` });
    await link.focus();
    await page.keyboard.press('Enter');
    await page.locator('[data-testid=doc] .units p').first().waitFor();
    expect(await panel.isVisible()).toBe(true);
    // What the reader reads or uses: the title, facts and actions, every paragraph, the 目录 and 标注 buttons.
    const covered = () =>
      page.evaluate(() => {
        const p = document.querySelector('[aria-label="导入进度"]').getBoundingClientRect();
        const els = [...document.querySelectorAll('[data-testid=doc] h1, .doc-facts > *, .doc-actions > *, [data-testid=doc] .units p, .reader-dock > *, .annot-panel-toggle')];
        return els
          .map((e: any) => ({ e, r: e.getBoundingClientRect() }))
          .filter(({ r }: any) => r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < window.innerHeight)
          .filter(({ r }: any) => r.left < p.right && p.left < r.right && r.top < p.bottom && p.top < r.bottom)
          .map(({ e }: any) => e.textContent.slice(0, 20));
      });
    for (const [w, h] of [
      [1366, 768],
      [1024, 700],
      [800, 600],
    ] as const) {
      await page.setViewportSize({ width: w, height: h });
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.waitForTimeout(150);
      expect(await covered(), `${w}×${h}, top of the document`).toEqual([]);
      await screenshot(page, `import-reading-${w}`);
      await page.evaluate(() => window.scrollBy(0, 600));
      await page.waitForTimeout(150);
      expect(await covered(), `${w}×${h}, scrolled into the text`).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    }
    // 关闭 is reached with Tab from the top bar; Enter closes the panel and the focus goes to the text
    // (the import began from the file input, not a button of this page), not lost to <body>.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.getByRole('link', { name: '政策阅读器' }).focus();
    const close = panel.getByRole('button', { name: '关闭' });
    expect(await tabTo(page, close, 40)).toBe(true);
    await page.keyboard.press('Enter');
    await panel.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('reading-text');
    await page.setViewportSize({ width: 1280, height: 860 });
    // Back to the library, where the next test starts.
    await page.goto(session.server.url);
    await page.getByTestId('library-list').waitFor();
  });

  it('lists it under 我的文件 with the recognised title, 文号 and date', async () => {
    await page.getByTestId('facet-source').getByText('我的文件').click();
    const rows = page.getByTestId('doc-row');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=doc-row]').length === 1);
    const row = rows.first();
    expect(await row.getAttribute('data-doc-id')).toBe(userId);
    const text = await row.textContent();
    expect(text).toContain(original.title);
    expect(text).toContain(original.docNumber!);
    expect(text).toContain('2023年5月29日');
  });

  it('reads with its outline and page numbers; a highlight is kept over a reload', async () => {
    unit = allUnits(original.units).find((u) => u.label === '1.' && body(u).length > 30)!;
    const id = `${userId}~${unit.path}`;
    await page.goto(`${session.server.url}#/doc/${userId}/${encodeURIComponent(id)}`);
    await page.waitForSelector(`[id="${id}"] p[data-para]`);
    expect(await page.getByTestId('user-doc-panel').textContent()).toContain('我的文件');
    expect(await page.locator('nav').filter({ hasText: '（一）' }).count()).toBeGreaterThan(0);
    await dragSelect(page, id, 2, 12);
    await page.getByRole('button', { name: '高亮：黄色' }).click();
    await page.waitForFunction(() => CSS.highlights.has('annot-yellow'));
    await page.reload();
    await page.waitForSelector(`[id="${id}"] p[data-para]`);
    await page.waitForFunction(() => CSS.highlights.has('annot-yellow'), undefined, { timeout: 10_000 });
    expect(await painted(page, 'annot-yellow')).toEqual([body(unit).slice(2, 12)]);
    const [a] = await stored(page);
    expect(a.target.source).toBe(`policy-reader:doc/${userId}#${id}`);
  });

  it('exports the highlight with its citation to the imported document', async () => {
    await page.goto(`${session.server.url}#/export?doc=${userId}`);
    const frame = page.locator('iframe[title="导出预览"]');
    await frame.waitFor({ timeout: 30_000 });
    const html = (await frame.getAttribute('srcdoc')) ?? '';
    expect(html).toContain(body(unit).slice(2, 12));
    expect(html).toContain(original.title);
    expect(html).toContain(original.docNumber!);
  });

  it('finds a sentence from it in one list with the corpus, and under 我的文件 alone', async () => {
    const sentence = body(unit).slice(2, 22);
    const links = () => page.locator('main a[href^="#/doc/"]').evaluateAll((as) => as.map((a) => (a as any).getAttribute('href') as string));
    await page.goto(`${session.server.url}#/search?q=${encodeURIComponent(sentence)}`);
    await page.waitForFunction((id) => [...document.querySelectorAll('main a[href^="#/doc/"]')].some((a: any) => a.getAttribute('href').startsWith(`#/doc/${id}/`)), userId, { timeout: 30_000 });
    // The corpus's own copy holds the same sentence: both are listed, ranked alike.
    expect((await links()).some((h) => h.startsWith(`#/doc/${original.id}/`))).toBe(true);
    await page.getByRole('group', { name: '来源' }).getByRole('button', { name: '我的文件' }).click();
    await page.waitForFunction((id) => { const hs = [...document.querySelectorAll('main a[href^="#/doc/"]')].map((a: any) => a.getAttribute('href')); return hs.length > 0 && hs.every((h: string) => h.startsWith(`#/doc/${id}`)); }, userId, { timeout: 30_000 });
    expect(page.url()).toContain('from=mine');
  });

  it('shows its placement in the reading view and opens the comparison with the corpus copy', async () => {
    await page.goto(`${session.server.url}#/doc/${userId}`);
    const placement = page.getByTestId('user-doc-placement').first();
    await placement.waitFor();
    await placement.getByRole('link', { name: '比较' }).click();
    await page.waitForURL(new RegExp(`#/compare/${original.id}/${userId}$`));
    // The comparison summary names the document-level figure 文本重合度 (one measure per level, issue 18 item 7).
    const overlap = page.getByLabel('比较摘要').locator('div', { has: page.locator('dt', { hasText: /^文本重合度$/ }) });
    await overlap.waitFor({ timeout: 30_000 });
    expect((await overlap.locator('dd').textContent())?.trim()).toMatch(/^\d+%$/);
    await screenshot(page, 'import-compare');
  });

  it('refuses the same file again, offering to open it; refuses a scanned PDF, and adds nothing', async () => {
    await page.goto(session.server.url);
    // From the keyboard: Enter on 导入文件… opens the file chooser.
    const button = page.getByRole('button', { name: '导入文件…' });
    await button.focus();
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), button.press('Enter')]);
    await chooser.setFiles({ name: '再次导入.pdf', mimeType: 'application/pdf', buffer: Buffer.from(pdf) });
    const again = lineFor('再次导入.pdf');
    await again.getByRole('alert').waitFor({ timeout: 30_000 });
    expect(await again.textContent()).toContain('这个文件已经导入过');
    expect(await again.locator(`a[href="#/doc/${userId}"]`).count()).toBe(1);
    await importPdf('扫描件.pdf', await scannedPdf());
    const scan = lineFor('扫描件.pdf');
    await scan.getByRole('alert').waitFor({ timeout: 30_000 });
    expect(await scan.textContent()).toContain('此 PDF 没有文字层（可能是扫描件），无法识别文字');
    // The focus is on the panel (each import puts it there); Esc closes it and gives the focus back to 导入文件….
    expect(await page.getByRole('region', { name: '导入进度' }).evaluate((p: any) => p.contains(document.activeElement))).toBe(true);
    await page.keyboard.press('Escape');
    await page.getByRole('region', { name: '导入进度' }).waitFor({ state: 'detached' });
    expect(await button.evaluate((b: any) => b === document.activeElement)).toBe(true);
    await page.goto(`${session.server.url}#/?from=${encodeURIComponent('我的文件')}`);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=doc-row]').length === 1);
  });

  it('removes it; its highlight is kept under 未能定位', async () => {
    await page.goto(`${session.server.url}#/doc/${userId}`);
    await page.getByTestId('user-doc-panel').waitFor();
    page.once('dialog', (d) => void d.accept());
    await page.getByTestId('user-doc-panel').getByRole('button', { name: '移除' }).click();
    await page.getByText('1 条标注保留在“我的标注 › 未能定位”').waitFor();
    await page.goto(`${session.server.url}#/annotations`);
    await page.getByRole('heading', { name: /^未能定位/ }).waitFor({ timeout: 20_000 });
    expect(await page.locator('main').textContent()).toContain(body(unit).slice(2, 12));
    const [a] = await stored(page);
    expect(a['policyReader:orphaned']).toBe(true);
    expect(pageErrors).toEqual([]);
  });

  // A PDF whose Chinese font is not embedded (ReportLab's STSong-Light through the standard CMap UniGB-UCS2-H,
  // test-data/import/make-unembedded-font-pdf.py): pdf.js reads it only with the CMaps the build serves.
  it('imports a PDF whose Chinese font is not embedded, reading its title and articles', async () => {
    await page.goto(session.server.url);
    await page.getByTestId('library-list').waitFor();
    await importPdf('人脸识别规定.pdf', new Uint8Array(readFileSync(join('test-data', 'import', 'unembedded-font.pdf'))));
    const line = lineFor('人脸识别规定.pdf');
    await line.locator('a', { hasText: '关于审理使用人脸识别技术处理个人信息相关民事案件适用法律若干问题的规定' }).waitFor({ timeout: 60_000 });
    await line.locator('a', { hasText: '关于审理使用人脸识别技术' }).click();
    await page.getByRole('heading', { name: '关于审理使用人脸识别技术处理个人信息相关民事案件适用法律若干问题的规定' }).waitFor();
    const text = await page.getByTestId('doc').textContent();
    expect(text).toContain('因信息处理者违反法律、行政法规的规定或者双方的约定使用人脸识别技术处理人脸信息');
    expect(text).toContain('（六）违反法律、行政法规的规定或者双方的约定，向他人提供人脸信息；');
    expect(pageErrors).toEqual([]);
  });

  it('imports a Word document whose 第一条 … are Word\'s automatic numbering, with its articles labelled', async () => {
    await page.goto(session.server.url);
    await page.getByTestId('library-list').waitFor();
    const key = lawAnswerKey();
    await page.getByTestId('import-input').setInputFiles({ name: '人脸识别规定（编号）.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: Buffer.from(await lawDocxNumbered()) });
    const line = lineFor('人脸识别规定（编号）.docx');
    await line.locator('a', { hasText: key.title }).first().waitFor({ timeout: 60_000 });
    await line.locator('a', { hasText: key.title }).first().click();
    await page.getByRole('heading', { name: key.title }).waitFor();
    const last = key.articles[key.articles.length - 1];
    // Each article is a clause of its own in the outline, under its label.
    await page.getByRole('navigation', { name: '目录' }).getByRole('link', { name: new RegExp(`^${last.label}`) }).waitFor();
    expect(await page.getByTestId('doc').textContent()).toContain(`${key.articles[1].label}`);
    expect(pageErrors).toEqual([]);
  });

  // Offices keep and send most of their files in Word 97–2003's .doc; this one LibreOffice wrote from the real text
  // (test-data/import/make-word97.mts), read in the browser's import worker (cfb and word97.ts).
  it('imports a Word 97–2003 .doc, chosen from the keyboard, with its outline of articles', async () => {
    await page.goto(session.server.url);
    await page.getByTestId('library-list').waitFor();
    const key = lawAnswerKey();
    const button = page.getByRole('button', { name: '导入文件…' });
    expect(await button.getAttribute('title')).toContain('Word（.docx、.doc）');
    expect((await page.getByTestId('import-input').getAttribute('accept'))!.split(',')).toContain('.doc');
    // Enter on the button, as the refusals' test presses it (the locator focuses it right before the key).
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), button.press('Enter')]);
    await chooser.setFiles({ name: '人脸识别规定.doc', mimeType: 'application/msword', buffer: readFileSync(join('test-data', 'import', 'face-recognition-rules.doc')) });
    const line = lineFor('人脸识别规定.doc');
    const link = line.getByRole('link', { name: `《${key.title}》` });
    await link.waitFor({ timeout: 60_000 });
    expect(await line.getByTestId('import-warning').count()).toBe(0);
    await link.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: key.title }).waitFor();
    const outline = page.getByRole('navigation', { name: '目录' });
    for (const a of [key.articles[0], key.articles.at(-1)!]) await outline.getByRole('link', { name: new RegExp(`^${a.label}`) }).waitFor();
    expect(await page.getByTestId('doc').textContent()).toContain(key.articles[1].paragraphs[2]);
    expect(pageErrors).toEqual([]);
  });

  it('reads a text file saved in GB18030 (as Chinese Windows saves text) and says how it read it; refuses a binary .txt in Chinese', async () => {
    await page.goto(session.server.url);
    await page.getByTestId('library-list').waitFor();
    const key = lawAnswerKey();
    const lines = [key.title, key.docNumber, ...key.dateLines, key.preamble, ...key.articles.flatMap((a) => [`${a.label}　${a.paragraphs[0]}`, ...a.paragraphs.slice(1)])];
    const importText = (name: string, bytes: Uint8Array) => page.getByTestId('import-input').setInputFiles({ name, mimeType: 'text/plain', buffer: Buffer.from(bytes) });
    await importText('人脸识别规定.txt', encodeGb18030(lines.join('\r\n')));
    const line = lineFor('人脸识别规定.txt');
    await line.locator('a', { hasText: key.title }).waitFor({ timeout: 60_000 });
    expect(await line.getByTestId('import-warning').allTextContents()).toEqual(['提示：文件不是有效的 UTF-8，已按 GB18030 编码读取']);
    await line.locator('a', { hasText: key.title }).click();
    await page.getByRole('heading', { name: key.title }).waitFor();
    const text = await page.getByTestId('doc').textContent();
    expect(text).toContain(key.articles[1].paragraphs[2]);
    // A picture renamed .txt: refused with the reason in Chinese (only the names of encodings and NUL stay Latin).
    await importText('照片.txt', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1]));
    const refused = lineFor('照片.txt');
    await refused.getByRole('alert').waitFor({ timeout: 30_000 });
    const message = (await refused.getByRole('alert').textContent())!;
    expect(message).toContain('无法读取文件中的文字：照片.txt（文件含 NUL 或控制字节，是二进制数据');
    expect(message.replace(/NUL|UTF-8|GB18030|Big5|\.txt/g, '')).not.toMatch(/[A-Za-z]{2,}/);
    expect(pageErrors).toEqual([]);
  });

  // The import program is a worker loaded from the app's files. When it cannot start (a missing or damaged file of
  // the app) or breaks outside an import's own error handling, no answer comes: the file's line waited for ever
  // (等待中), and 取消 did nothing.
  it('says in Chinese that a file was not imported when the import program cannot start or breaks, and the next import works', async () => {
    const key = lawAnswerKey();
    const text = new TextEncoder().encode([key.title, key.docNumber, ...key.dateLines, key.preamble, ...key.articles.map((a) => `${a.label}　${a.paragraphs.join('')}`)].join('\n'));
    const importText = (name: string) => page.getByTestId('import-input').setInputFiles({ name, mimeType: 'text/plain', buffer: Buffer.from(text) });
    // The import worker is the one script that carries pdf.js; the search worker is left alone.
    const broken = { script: '' };
    await page.context().route('**/assets/*.js', async (route) => {
      const response = await route.fetch();
      const body = await response.text();
      if (!body.includes('pdfjsWorker')) return route.fulfill({ response, body });
      if (broken.script) return route.fulfill({ response, body: broken.script });
      return route.abort();
    });
    for (const [name, script] of [
      ['不能启动.txt', ''],
      ['中途出错.txt', 'self.onmessage = () => { throw new Error("导入程序的内部错误"); };'],
    ] as const) {
      broken.script = script;
      // A fresh page: the import worker is started at the first import.
      await page.goto(session.server.url);
      await page.getByTestId('library-list').waitFor();
      await importText(name);
      const alert = lineFor(name).getByRole('alert');
      await alert.waitFor({ timeout: 30_000 });
      expect(await alert.textContent()).toBe(`导入中断：${name} 未导入，导入程序出错。请重试；如仍出错，请重新启动应用。`);
      expect(await lineFor(name).locator('a').count()).toBe(0);
    }
    // The app's file is back: the next import starts a new worker and succeeds, without reloading the page.
    await page.context().unrouteAll();
    await importText('恢复后导入.txt');
    await lineFor('恢复后导入.txt').locator('a', { hasText: key.title }).waitFor({ timeout: 60_000 });
    // What broke is kept for a bug report in the console, and nothing else went wrong.
    expect(pageErrors).toEqual(['import worker failed error', 'import worker failed Uncaught Error: 导入程序的内部错误']);
    pageErrors.length = 0;
  });
});
