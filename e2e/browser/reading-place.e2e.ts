/**
 * Reading without losing one's place, in real Chromium against the preview
 * server: click a clause then j / c act on it; font size and theme changes
 * keep the clause where it was on screen; ← 文库 returns to the library as it
 * was; a document without text says so and keeps its layout; links to
 * documents or clauses that do not exist say so; dark theme prints readable
 * (page.pdf + pdftotext); the library's skip link, issuers and dates.
 */
// Callbacks given to page.evaluate run in the page; this file is checked with Node types only.
declare const document: any, window: any, navigator: any, getComputedStyle: any, MutationObserver: any;

import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { DocSummary, PolicyDocument, Unit } from '../../core/corpus/types';
import { corpusDir, FIXTURE_CORPUS, RESULTS, screenshot, openSession, type Session } from './harness';
import { flatten, readCorpus, scenarioDoc, type CorpusFacts } from './corpus-facts';
import type { PreviewServer } from '../../scripts/preview-server';

let server: PreviewServer;
let session: Session;
let page: Page;
let facts: CorpusFacts;
let doc: PolicyDocument;
let articles: Unit[];
const pageErrors: string[] = [];

const top = (id: string) => page.evaluate((i: string) => document.getElementById(i).getBoundingClientRect().top, id);
const focusedId = () => page.evaluate(() => document.activeElement?.id ?? null);

async function open(docId: string, unitId?: string) {
  await page.goto(`${server.url}#/doc/${docId}${unitId ? '/' + encodeURIComponent(unitId) : ''}`);
  await page.waitForSelector('[data-testid=doc] h1');
  if (unitId) await page.waitForSelector(`[id="${unitId}"]`);
  await page.waitForTimeout(300);
}

beforeAll(async () => {
  const dir = corpusDir();
  facts = readCorpus(dir, dir !== FIXTURE_CORPUS);
  doc = scenarioDoc(facts);
  articles = flatten(doc.units).filter((u) => u.level === 'article');
  session = await openSession(dir, { clipboard: true, pageErrors });
  ({ server, page } = session);
});

afterAll(async () => {
  await session?.close();
});

describe(`reading without losing the place (${corpusDir() === FIXTURE_CORPUS ? 'fixture' : 'real'} corpus)`, () => {
  it('a click makes a clause current: c copies it, j moves on from it, the outline follows', async () => {
    const order = flatten(doc.units).map((u) => u.id);
    // Land on an article, then click one a few articles further down the screen.
    const from = articles[Math.min(4, articles.length - 4)];
    const clicked = articles[articles.indexOf(from) + 3];
    await open(doc.id, from.id);
    const label = page.locator(`[id="${clicked.id}"] p`).first();
    await label.scrollIntoViewIfNeeded();
    await label.click();
    await page.keyboard.press('c');
    await page.waitForFunction(() => document.querySelector('[data-testid=toast]')?.textContent?.startsWith('已复制'));
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied.split('\n')[0]).toContain(clicked.label);
    await page.keyboard.press('j');
    const next = order[order.indexOf(clicked.id) + 1];
    expect(await focusedId()).toBe(next);
    // j nine times: the blue bar (focus) and the outline's entry stay on the same clause.
    for (let i = 0; i < 9; i++) await page.keyboard.press('j');
    await page.waitForTimeout(300);
    const cur = (await focusedId()) as string;
    expect(order.indexOf(cur)).toBe(Math.min(order.length - 1, order.indexOf(clicked.id) + 10));
    const outlineId = await page.locator('.outline a[aria-current]').getAttribute('data-outline-id');
    const chain = (id: string): string[] => {
      const walk = (us: Unit[], up: string[]): string[] | null => {
        for (const u of us) {
          if (u.id === id) return [...up, u.id];
          const r = walk(u.children, [...up, u.id]);
          if (r) return r;
        }
        return null;
      };
      return walk(doc.units, []) ?? [];
    };
    expect(chain(cur)).toContain(outlineId);
  });

  it('keeps the current clause at the same place on screen across font size and theme changes', async () => {
    const target = articles[Math.floor(articles.length / 2)];
    await open(doc.id, target.id);
    await page.evaluate(() => window.scrollBy(0, -120));
    await page.waitForTimeout(300);
    const before = await top(target.id);
    for (const name of ['增大字号', '增大字号', '减小字号']) {
      await page.getByRole('button', { name }).click();
      await page.waitForTimeout(400);
      expect(Math.abs((await top(target.id)) - before), name).toBeLessThan(6);
    }
    await page.locator('.theme-toggle').click();
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    await page.waitForTimeout(300);
    expect(Math.abs((await top(target.id)) - before)).toBeLessThan(6);
    await screenshot(page, 'reading-place-dark');
    await page.locator('.theme-toggle').click();
    await page.getByRole('button', { name: '减小字号' }).click();
    await page.waitForTimeout(300);
  });

  it('keeps a jump made straight after a theme change: the place keeping corrects layout, not scrolls', async () => {
    await open(doc.id, articles[2].id);
    const far = articles[articles.length - 2];
    // The jump is made the moment the theme attribute changes, before the next frame: on a
    // loaded machine a test's (or an app's) scroll can land there.
    const [justAfter, twoFramesLater] = await page.evaluate((id: string) => {
      return new Promise<number[]>((done) => {
        const mo = new MutationObserver(() => {
          mo.disconnect();
          const el = document.getElementById(id);
          el.scrollIntoView({ block: 'start' });
          const y = el.getBoundingClientRect().top;
          window.requestAnimationFrame(() => window.requestAnimationFrame(() => done([y, el.getBoundingClientRect().top])));
        });
        mo.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
        document.querySelector('.theme-toggle').click();
      });
    }, far.id);
    expect(Math.abs(twoFramesLater - justAfter)).toBeLessThan(2);
    await page.locator('.theme-toggle').click();
    await page.waitForTimeout(300);
  });

  it('← 文库 returns to the library as it was: filters, sort and scroll', async () => {
    const province = facts.library.find((d) => d.region.province)!.region.province!;
    await page.goto(`${server.url}#/?p=${encodeURIComponent(province)}&s=title`);
    await page.waitForSelector('[data-testid=doc-row]');
    await page.evaluate(() => window.scrollTo(0, 300));
    await page.waitForTimeout(400);
    const y = await page.evaluate(() => window.scrollY);
    const url = page.url();
    await page.locator('[data-testid=doc-row] a.doc-title').last().click();
    await page.waitForSelector('[data-testid=doc] h1');
    await page.getByRole('link', { name: '← 文库' }).click();
    await page.waitForSelector('[data-testid=doc-row]');
    expect(page.url()).toBe(url);
    expect(await page.locator('select').inputValue()).toBe('title');
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(y);
  });

  it('explains a document without body text, and keeps the layout', async () => {
    const empty = facts.library.find((s) => flatten(facts.doc(s.id).units).every((u) => u.paragraphs.every((p) => !p.text.trim()) && !(u.heading ?? '').trim()));
    if (!empty) {
      expect(facts.isReal, 'the real corpus has documents whose pages were blank').toBe(false);
      return;
    }
    await open(empty.id);
    const note = page.locator('[data-testid=body-missing]');
    expect(await note.textContent()).toContain('本文没有正文');
    // The text column sits right of the outline column, as in every document.
    const geo = await page.evaluate(() => ({ outline: document.querySelector('.outline').getBoundingClientRect().right, doc: document.querySelector('[data-testid=doc]').getBoundingClientRect().left }));
    expect(geo.doc).toBeGreaterThan(geo.outline);
    await screenshot(page, 'reading-empty-body');
  });

  it('says so when a link names a document or clause that does not exist', async () => {
    await page.goto(`${server.url}#/doc/p00000000000`);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('文库中没有这篇文件');
    expect(await alert.textContent()).not.toContain('corpus/docs');
    await open(doc.id, undefined);
    await page.goto(`${server.url}#/doc/${doc.id}/${encodeURIComponent(doc.id + '~ch99.ar999')}`);
    const missing = page.locator('[data-testid=missing-clause]');
    await missing.waitFor();
    expect(await missing.textContent()).toContain('找不到链接指向的条文');
    expect(await missing.getByRole('link').getAttribute('href')).toBe(`#/doc/${doc.id}`);
  });

  it('prints dark theme readable: light palette, no UI, no raw file names', async () => {
    // A document with several sources shows them folded (展开其余…) on screen.
    const many = facts.library.filter((d) => d.sources.length > 3 && d.unitCount > 0).sort((a, b) => b.sources.length - a.sources.length)[0] ?? facts.library.find((d) => d.unitCount > 0)!;
    await open(many.id);
    await page.locator('.theme-toggle').click();
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    await page.emulateMedia({ media: 'print' });
    const colours = await page.evaluate(() => {
      const p = document.querySelector('[data-testid=doc] .unit p');
      return { text: getComputedStyle(p).color, page: getComputedStyle(document.body).backgroundColor };
    });
    expect(colours.text).toBe('rgb(0, 0, 0)');
    expect(['rgb(255, 255, 255)', 'rgba(0, 0, 0, 0)']).toContain(colours.page);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    await page.emulateMedia({ media: 'screen' });
    mkdirSync(RESULTS, { recursive: true });
    const file = join(RESULTS, 'reading-dark-print.pdf');
    writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    const d = facts.doc(many.id);
    const firstText = flatten(d.units).flatMap((u) => u.paragraphs.map((p) => p.text)).find((t) => t.length > 12)!;
    expect(text.replace(/\s+/g, '')).toContain(firstText.slice(0, 10).replace(/\s+/g, ''));
    expect(text).not.toMatch(/\.txt/);
    expect(text).not.toContain('展开其余');
    expect(text).not.toContain('复制引用');
    await page.locator('.theme-toggle').click();
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'light');
  });

  it('library: a skip link comes first, authors are not issuers, a document with only an effective date shows it', async () => {
    // A fresh start, as when the app opens: the first Tab reaches the skip link.
    await page.goto(`${server.url}#/`);
    await page.reload();
    await page.waitForSelector('[data-testid=doc-row]');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('跳到文档列表');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('doc-list');
    // The issuer group opens on demand and can be narrowed.
    await page.getByRole('button', { name: /发文机关/ }).click();
    const issuers = await page.locator('[data-testid=facet-issuer] .facet-name').allTextContents();
    const authorsOnly = new Set(facts.library.flatMap((d) => d.authors));
    for (const d of facts.library) for (const i of d.issuers) if (!d.authors.includes(i)) authorsOnly.delete(i);
    for (const a of authorsOnly) expect(issuers).not.toContain(a);
    const counts = (await page.locator('[data-testid=facet-issuer] .facet-count').allTextContents()).map(Number);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    // Long lists get a box to narrow them.
    const box = page.getByRole('searchbox', { name: '筛选发文机关' });
    expect(await box.count()).toBe(issuers.length > 8 ? 1 : 0);
    if (issuers.length > 8) {
      const some = issuers.find((i) => i.length > 4)!;
      await box.fill(some.slice(0, 4));
      const narrowed = await page.locator('[data-testid=facet-issuer] .facet-name').allTextContents();
      expect(narrowed).toContain(some);
      expect(narrowed.every((n) => n.includes(some.slice(0, 4)))).toBe(true);
    }
    const effectiveOnly: DocSummary | undefined = facts.library.find((d) => !d.date && d.effectiveDate);
    if (effectiveOnly) {
      const [y, m, day] = effectiveOnly.effectiveDate!.split('-').map(Number);
      expect(await page.locator(`[data-doc-id="${effectiveOnly.id}"] .date`).textContent()).toBe(`施行 ${y}年${m}月${day}日`);
    } else expect(facts.isReal, '青岛市政务服务管理办法 has only an effective date').toBe(false);
    await screenshot(page, 'library-skip');
  });

  it('logged no errors (but the one 404 of the missing document)', () => {
    expect(pageErrors.filter((e) => !/status of 404/.test(e)).join('\n')).toBe('');
    expect(pageErrors.length).toBeLessThanOrEqual(1);
  });
});
