/**
 * The reading view shows the text as printed (issue 18 items 1, 3, 4) on the
 * real corpus: 上海市建筑工程施工许可管理规定, issued as the attachment of a
 * notice, prints `第十一条【监督检查】市、区…` and has its article text in 款.
 * Driven through the Chinese accessible names.
 */
// page.evaluate callbacks run in the page; this file is checked with Node types only.
declare const document: any, navigator: any;

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { PolicyDocument } from '../../core/corpus/types';
import { corpusDir, FIXTURE_CORPUS, openSession, screenshot, type Session } from './harness';
import { readCorpus } from './corpus-facts';

const REAL = corpusDir() !== FIXTURE_CORPUS;
const TITLE = '上海市住房和城乡建设管理委员会关于印发《上海市建筑工程施工许可管理规定》的通知';
let session: Session;
let page: Page;
let doc: PolicyDocument;

beforeAll(async () => {
  if (!REAL) return;
  const facts = readCorpus(corpusDir(), true);
  const summary = facts.library.find((d) => d.title === TITLE);
  if (!summary) throw new Error(`${TITLE} not in the real corpus`);
  doc = facts.doc(summary.id);
  session = await openSession(corpusDir(), { clipboard: true });
  page = session.page;
});
afterAll(async () => session?.close());

describe.skipIf(!REAL)('the text as printed (real corpus)', () => {
  if (!REAL) console.log('reader-printed.e2e.ts skipped: it needs the real corpus (npm run build:corpus); the fixture has no attachment with articles in 款');

  it('prints an article split into 款 on the line of its number, never a 第一款 label; the 款 keep their names for the controls', async () => {
    await page.goto(`${session.server.url}#/doc/${doc.id}/${doc.id}~att1.ar11`);
    const k1 = page.locator(`[id="${doc.id}~att1.ar11.k1"]`);
    await k1.waitFor();
    const firstLine: string = await k1.locator('p').first().innerText();
    expect(firstLine.replace(/\s/g, '')).toMatch(/^(\d+)?第十一条【监督检查】市、区建设行政管理部门/);
    const text: string = await page.locator('.units').innerText();
    expect(text).not.toMatch(/第[一二三四五六七八九十]+款/);
    await expect(page.getByRole('button', { name: '书签：第十一条第二款' }).count()).resolves.toBe(1);
    await expect(page.getByRole('button', { name: '复制第十一条第二款及出处' }).count()).resolves.toBe(1);
    await screenshot(page, 'reader-printed-article-11');
  });

  it('lists the printed 【headings】 in the outline: 第十一条【监督检查】', async () => {
    const outline = page.getByRole('navigation', { name: '目录' });
    await expect(outline.getByRole('link', { name: '第十一条【监督检查】' }).count()).resolves.toBe(1);
    await expect(outline.getByRole('link', { name: '第一条【目的依据】' }).count()).resolves.toBe(1);
  });

  it('cites a 款 of the issued regulation by the regulation\'s own title, the notice\'s 文号 as where it was issued', async () => {
    const k2 = page.locator(`[id="${doc.id}~att1.ar11.k2"]`);
    await k2.hover();
    await page.getByRole('button', { name: '复制第十一条第二款及出处' }).click();
    const copied: string = await page.evaluate(() => navigator.clipboard.readText());
    const [line, first] = copied.split('\n');
    expect(line.startsWith('《上海市建筑工程施工许可管理规定》第十一条第二款（沪住建规范〔2023〕2号印发）')).toBe(true);
    expect(first.startsWith('发现未取得施工许可证')).toBe(true);
    // The whole article, copied with c from the keyboard, is quoted as printed.
    await page.locator(`[id="${doc.id}~att1.ar11"]`).focus();
    await page.keyboard.press('c');
    await page.waitForFunction(async () => (await navigator.clipboard.readText()).includes('第十一条（'));
    const article: string = await page.evaluate(() => navigator.clipboard.readText());
    expect(article.split('\n')[1]).toMatch(/^第十一条【监督检查】市、区/);
  });

  it('finds the article number where it is shown (Ctrl+F 第十一条), and not a 第二款 nobody can see', async () => {
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('Control+f');
    const box = page.getByLabel('在本文中查找', { exact: true }).and(page.locator('input'));
    await box.fill('第十一条');
    await page.waitForFunction(() => document.querySelector('mark.find-current'));
    const inClause: boolean = await page.evaluate((id) => !!document.getElementById(id)?.querySelector('mark.find-current'), `${doc.id}~att1.ar11.k1`);
    expect(inClause).toBe(true);
    await box.fill('第二款');
    await page.waitForFunction(() => /0/.test(document.querySelector('[data-testid=find-count]')?.textContent ?? ''));
    expect(await page.locator('mark.find-current').count()).toBe(0);
    await page.keyboard.press('Escape');
  });
});

/** 德州市人民政府办公室's notice: its plan as an attachment, then the 版记 the compilation's PDF prints under it. */
const WITH_IMPRINT = '德州市人民政府办公室关于印发进一步优化营商环境降低市场主体制度性交易成本工作方案的通知';
const WITH_NOTE = '厦门市人民政府办公厅关于印发2023年首批营商环境提升重点任务清单的通知';

describe.skipIf(!REAL)('a notice\'s signature and 版记 where they are printed (real corpus)', () => {
  it('shows the signature before the attachment and the 版记 after its last item, apart from it', async () => {
    const summary = readCorpus(corpusDir(), true).library.find((d) => d.title === WITH_IMPRINT);
    if (!summary) throw new Error(`${WITH_IMPRINT} not in the real corpus`);
    await page.goto(`${session.server.url}#/doc/${summary.id}`);
    await page.locator('.units .unit').first().waitFor();
    // What the reading view shows from the signature on, in order (the units render in chunks as they are reached;
    // textContent, since a chunk off screen is not laid out and has no innerText).
    await page.locator('.unit.lv-imprint').last().scrollIntoViewIfNeeded();
    const order: string[] = await page.evaluate(() =>
      [...document.querySelectorAll('.signature, .unit.lv-appendix, .unit.lv-imprint > p')].map((e: any) =>
        e.classList.contains('signature') ? 'signature' : e.classList.contains('lv-appendix') ? 'attachment' : e.textContent.replace(/\s/g, ''),
      ),
    );
    expect(order[0]).toBe('signature');
    expect(order[1]).toBe('attachment');
    expect(order.slice(2).join('')).toMatch(/^抄送：市委有关部门，.*市工商联。德州市人民政府办公室2023年1月20日印发$/);
    const lastItem: string = await page.evaluate(() => [...document.querySelectorAll('[data-level=outline3]')].at(-1).textContent);
    expect(lastItem).toContain('切实提高诉求办理质量');
    expect(lastItem).not.toContain('抄送');
    await screenshot(page, 'reader-printed-imprint');
  });

  it('prints a note under the signature, as the notice does: （此件主动公开） after the date, in no item', async () => {
    const summary = readCorpus(corpusDir(), true).library.find((d) => d.title === WITH_NOTE);
    if (!summary) throw new Error(`${WITH_NOTE} not in the real corpus`);
    await page.goto(`${session.server.url}#/doc/${summary.id}`);
    await page.locator('.unit.lv-note').last().scrollIntoViewIfNeeded();
    const order: string[] = await page.evaluate(() =>
      [...document.querySelectorAll('.units .unit > p, .signature')].map((e: any) => (e.classList.contains('signature') ? 'signature' : e.textContent.replace(/\s/g, ''))),
    );
    // The request to report monthly is the notice's last paragraph; then the signature (office, date), then the note.
    expect(order.slice(-3)).toEqual([expect.stringMatching(/由市营商办汇总上报市政府。$/), 'signature', expect.stringMatching(/^[（(]此件主动公开[）)]$/)]);
    const signature = (await page.locator('.signature').textContent()) ?? '';
    expect(signature.replace(/\s/g, '')).toBe('厦门市人民政府办公厅2023年5月28日');
  });
});

