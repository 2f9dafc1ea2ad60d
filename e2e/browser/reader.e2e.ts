/**
 * The main reading scenario in real Chromium against the preview server:
 * library → filter 山东 → open the regulation → outline → 第十条 → deep link
 * reload → copy citation → theme/font persisted in IndexedDB → position
 * restored. Also: the page never requests anything but 127.0.0.1.
 */
// Callbacks given to page.evaluate run in the page; this file is checked with
// Node types only (tsconfig.node.json), so name the browser globals they use.
declare const document: any, window: any, location: any, navigator: any, indexedDB: any, getComputedStyle: any;

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { PolicyDocument, Unit } from '../../core/corpus/types';
import { findUnit } from '../../core/citation/citation';
import { corpusDir, FIXTURE_CORPUS, screenshot, type Browser, openSession, type Session, waitForLibrary } from './harness';
import { flatten, readCorpus, scenarioDoc, type CorpusFacts } from './corpus-facts';
import type { PreviewServer } from '../../scripts/preview-server';

let server: PreviewServer;
let session: Session;
let browser: Browser;
let page: Page;
let facts: CorpusFacts;
let doc: PolicyDocument;
let article10: Unit;
const pageErrors: string[] = [];

/** The page numbers at the end of a citation line: （第3页） → [3], （第3–4页） → [3, 4], none → []. */
function citedPages(line: string): number[] {
  const m = /（第(\d+)(?:[–-](\d+))?页）$/.exec(line);
  return m ? [Number(m[1]), ...(m[2] ? [Number(m[2])] : [])] : [];
}

/** What a citation must cite for a unit, from the corpus JSON: its first and last page (one number when equal). */
function pagesOf(u: Unit): number[] {
  const all = [...u.pages, ...u.paragraphs.flatMap((p) => p.pages)];
  if (!all.length) return [];
  const lo = Math.min(...all);
  const hi = Math.max(...all);
  return lo === hi ? [lo] : [lo, hi];
}

const unitTop = (id: string) => page.evaluate((i) => document.getElementById(i)?.getBoundingClientRect().top ?? NaN, id);
const topbarBottom = () => page.evaluate(() => document.querySelector('.topbar')!.getBoundingClientRect().bottom);

async function expectAtTop(id: string) {
  // Two animation frames: the reader re-aligns after content-visibility layout.
  await page.waitForFunction(
    (i) => {
      const el = document.getElementById(i);
      const bar = document.querySelector('.topbar')!.getBoundingClientRect().bottom;
      if (!el) return false;
      const top = el.getBoundingClientRect().top;
      return top >= bar - 2 && top <= bar + 40;
    },
    id,
    { timeout: 5000 },
  );
  expect(await unitTop(id)).toBeGreaterThanOrEqual((await topbarBottom()) - 2);
}

beforeAll(async () => {
  const dir = corpusDir();
  facts = readCorpus(dir, dir !== FIXTURE_CORPUS);
  doc = scenarioDoc(facts);
  const a10 = flatten(doc.units).find((u) => u.level === 'article' && u.label === '第十条');
  if (!a10) throw new Error('scenario document has no 第十条');
  article10 = a10;
  session = await openSession(dir, { clipboard: true, pageErrors });
  ({ server, browser, page } = session);
});

afterAll(async () => {
  await session?.close();
});

describe(`reading scenario (${corpusDir() === FIXTURE_CORPUS ? 'fixture' : 'real'} corpus)`, () => {
  it('lists every document and filters to 山东 with matching counts', async () => {
    await page.goto(server.url);
    await waitForLibrary(page);
    expect(await page.locator('[data-testid=doc-row]').count()).toBe(facts.library.length);
    await screenshot(page, 'library');

    const shandong = facts.library.filter((d) => d.region.province === '山东省');
    const button = page.locator('[data-testid=facet-province] button', { hasText: '山东省' });
    expect(await button.locator('.facet-count').textContent()).toBe(String(shandong.length));
    await button.click();
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid=doc-row]').length === n, shandong.length);
    const ids = await page.locator('[data-testid=doc-row]').evaluateAll((rows) => rows.map((r) => (r as any).dataset.docId));
    expect(new Set(ids)).toEqual(new Set(shandong.map((d) => d.id)));
    expect(page.url()).toContain('#/?p=');
    // Cities appear once a province is chosen.
    const cities = new Set(shandong.map((d) => d.region.city).filter(Boolean));
    expect(await page.locator('[data-testid=facet-city] li').count()).toBe(cities.size);
    if (doc.sources.length > 1) expect(await page.locator(`[data-doc-id="${doc.id}"] .sources`).textContent()).toBe(`${doc.sources.length} 个来源`);
    await screenshot(page, 'library-shandong');
  });

  it('opens the regulation and shows its chapters in the outline', async () => {
    await page.locator(`[data-doc-id="${doc.id}"] a.doc-title`).click();
    await page.waitForSelector('[data-testid=doc] h1');
    expect(await page.locator('[data-testid=doc] h1').textContent()).toContain(doc.title);
    const chapters = doc.units.filter((u) => u.level === 'chapter');
    const articles = flatten(doc.units).filter((u) => u.level === 'article');
    if (facts.isReal) {
      expect(chapters.length).toBe(8);
      expect(articles.length).toBe(61);
    }
    // The text is laid out in chunks after the heading (a busy machine shows the heading first): wait for all of it.
    await expect.poll(() => page.locator('.outline li.ol-chapter').count()).toBe(chapters.length);
    await expect.poll(() => page.locator('.outline li.ol-article').count()).toBe(articles.length);
    await expect.poll(() => page.locator('[data-testid=doc] [data-level=article]').count()).toBe(articles.length);
    expect(await page.locator('[data-testid=sources]').getAttribute('data-count')).toBe(String(doc.sources.length));
    expect(await page.locator('[data-testid=sources] .file').count()).toBe(doc.sources.length);
    await screenshot(page, 'reading-light');
  });

  it('jumps to 第十条 from the outline, and a reload of the deep link lands there', async () => {
    await page.locator('.outline a', { hasText: /^第十条$/ }).click();
    await page.waitForFunction((id) => decodeURIComponent(location.hash).endsWith(`/${id}`), article10.id);
    await expectAtTop(article10.id);
    expect(await page.locator(`[id="${article10.id}"]`).getAttribute('class')).toContain('is-target');
    expect(await page.locator('.outline a[aria-current]').textContent()).toBe('第十条');

    await page.reload();
    await page.waitForSelector(`[id="${article10.id}"]`);
    await expectAtTop(article10.id);
    expect(await page.locator(`[id="${article10.id}"]`).getAttribute('class')).toContain('is-target');
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    await screenshot(page, 'reading-article10');
  });

  it('moves between units with j/k and shows where focus is', async () => {
    const order = flatten(doc.units).map((u) => u.id);
    const at = order.indexOf(article10.id);
    await page.keyboard.press('j');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(order[at + 1]);
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(order[at + 2]);
    await page.keyboard.press('k');
    await page.keyboard.press('k');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(article10.id);
    const shadow = await page.evaluate(() => getComputedStyle(document.activeElement!, '::before').boxShadow);
    expect(shadow).not.toBe('none');
  });

  it('copies 第十条 with its citation', async () => {
    await page.locator(`[id="${article10.id}"]`).hover();
    await page.locator(`[id="${article10.id}"] > .copy-cite`).click();
    await page.waitForFunction(() => document.querySelector('[data-testid=toast]')?.textContent?.startsWith('已复制'));
    const text = await page.evaluate(() => navigator.clipboard.readText());
    const [first, ...rest] = text.split('\n');
    expect(first.replace(/（第[^（]*页）$/, '')).toBe(`《${doc.title}》${doc.docNumber ? `（${doc.docNumber}）` : ''}第十条`);
    expect(citedPages(first)).toEqual(pagesOf(article10));
    if (facts.isReal) expect(first).toMatch(/^《青岛市政务服务管理办法》.*第十条(（第\d+(–\d+)?页）)?$/);
    expect(rest[0].startsWith('第十条')).toBe(true);
    for (const p of article10.paragraphs) expect(rest.join('\n')).toContain(p.text);
  });

  it('cites the page of a clause that has page numbers (press c on a deep-linked unit)', async () => {
    // Any labelled unit with pages, anywhere in the corpus: the scenario document's source may have none.
    let found: { d: PolicyDocument; u: Unit } | null = null;
    for (const s of facts.library) {
      const d = facts.doc(s.id);
      const u = flatten(d.units).find((x) => x.label !== '' && x.pages.length > 0 && x.paragraphs.length > 0);
      if (u) {
        found = { d, u };
        break;
      }
    }
    expect(found, 'no unit with pages in the corpus').not.toBeNull();
    const { d, u } = found!;
    await page.goto(`${server.url}#/doc/${d.id}/${encodeURIComponent(u.id)}`);
    await page.waitForSelector(`[id="${u.id}"]`);
    await expectAtTop(u.id);
    // The page number is shown in the margin where the page changes.
    expect(await page.locator('[data-testid=doc] .page-mark').count()).toBeGreaterThan(0);
    await page.locator(`[id="${u.id}"]`).hover();
    await screenshot(page, 'reading-pages');
    await page.keyboard.press('c');
    await page.waitForFunction(() => document.querySelector('[data-testid=toast]')?.textContent?.startsWith('已复制'));
    const first = (await page.evaluate(() => navigator.clipboard.readText())).split('\n')[0];
    // Title marks inside the title nest as 〈〉 within the outer 《》. A unit of a regulation a notice
    // issues (an attachment with its own title) is cited by that regulation's title.
    const issued = [...(findUnit(d.units, u.id)?.ancestors ?? [])].reverse().find((a) => a.level === 'appendix' && a.heading);
    const title = issued?.heading ?? d.title;
    expect(first.startsWith(`《${title.replace(/《/g, '〈').replace(/》/g, '〉')}》`), first).toBe(true);
    expect(citedPages(first)).toEqual(pagesOf(u));
    // The margin shows only page numbers the unit really spans.
    const shown = await page.locator(`[id="${u.id}"] .page-mark`).allTextContents();
    for (const n of shown) expect(u.pages).toContain(Number(n));
    await page.goto(`${server.url}#/doc/${doc.id}/${encodeURIComponent(article10.id)}`);
    await page.waitForSelector(`[id="${article10.id}"]`);
  });

  it('persists theme and font size in IndexedDB across reloads', async () => {
    const before = Number(await page.locator('[data-testid=font-size]').textContent());
    await page.getByRole('button', { name: '增大字号' }).click();
    await page.getByRole('button', { name: '增大字号' }).click();
    await page.locator('.theme-toggle').click();
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    await expect.poll(() => page.evaluate(() => getComputedStyle(document.querySelector('.doc')!).fontSize)).toBe(`${before + 2}px`);
    await screenshot(page, 'reading-dark');

    await page.reload();
    await page.waitForSelector('[data-testid=doc] h1');
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    expect(await page.locator('[data-testid=font-size]').textContent()).toBe(String(before + 2));
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('.doc')!).fontSize)).toBe(`${before + 2}px`);
    const bg = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    expect(bg).not.toBe('rgb(251, 250, 247)');
    // The values really are in IndexedDB, not only in memory.
    const rows = await page.evaluate(
      () =>
        new Promise<unknown[]>((ok, fail) => {
          const req = indexedDB.open('policy-reader');
          req.onerror = () => fail(req.error);
          req.onsuccess = () => {
            const tx = req.result.transaction('settings');
            const all = tx.objectStore('settings').getAll();
            all.onsuccess = () => ok(all.result);
          };
        }),
    );
    expect(rows).toEqual(expect.arrayContaining([{ key: 'theme', value: 'dark' }, { key: 'fontSize', value: before + 2 }]));
    // Back to light for the rest.
    await page.locator('.theme-toggle').click();
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'light');
  });

  it('restores the last reading position when the document is reopened', async () => {
    const articles = flatten(doc.units).filter((u) => u.level === 'article');
    const target = articles[articles.length - 2];
    await page.evaluate((id) => document.getElementById(id)!.scrollIntoView({ block: 'start' }), target.id);
    // The throttled writer (400 ms) has stored it before the document is left: read IndexedDB.
    const stored = () =>
      page.evaluate(
        (docId) =>
          new Promise<string | null>((ok, fail) => {
            const req = indexedDB.open('policy-reader');
            req.onerror = () => fail(req.error);
            req.onsuccess = () => {
              const get = req.result.transaction('positions').objectStore('positions').get(docId);
              get.onsuccess = () => {
                req.result.close();
                ok(get.result?.unitId ?? null);
              };
            };
          }),
        doc.id,
      );
    await expect.poll(stored, { timeout: 5000 }).toBe(target.id);
    await page.goto(server.url + '#/');
    await page.waitForSelector('[data-testid=doc-row]');
    await page.goto(`${server.url}#/doc/${doc.id}`);
    await page.reload();
    await page.waitForSelector(`[id="${target.id}"]`);
    await expectAtTop(target.id);
  });

  it('finds in the document with Ctrl+F and steps through every match', async () => {
    // Expected count by brute force over the document's own text (folded the same way as display).
    const term = '政务服务';
    const texts = flatten(doc.units).flatMap((u) => [u.heading ?? '', ...u.paragraphs.map((p) => p.text)]);
    const expected = texts.reduce((n, t) => n + (t.split(term).length - 1), 0);
    expect(expected).toBeGreaterThan(1);
    await page.locator('[data-testid=doc] h1').click();
    await page.keyboard.press('Control+f');
    const input = page.getByRole('searchbox', { name: '在本文中查找' });
    await input.waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('在本文中查找');
    await input.fill(term);
    await expect.poll(() => page.locator('[data-testid=find-count]').textContent()).toBe(`1/${expected}`);
    expect(await page.locator('[data-testid=doc] mark').count()).toBe(expected);
    await input.press('Enter');
    await input.press('Enter');
    await expect.poll(() => page.locator('[data-testid=find-count]').textContent()).toBe(`3/${expected}`);
    // The match in focus is on screen and is the third occurrence in reading order.
    await page.waitForFunction(() => {
      const r = document.querySelector('mark.find-current')?.getBoundingClientRect();
      return !!r && r.top >= 0 && r.bottom <= window.innerHeight;
    });
    const thirdIsCurrent = await page.evaluate(() => [...document.querySelectorAll('[data-testid=doc] mark')].indexOf(document.querySelector('mark.find-current')));
    expect(thirdIsCurrent).toBe(2);
    await screenshot(page, 'reading-find');
    await input.press('Shift+Enter');
    await expect.poll(() => page.locator('[data-testid=find-count]').textContent()).toBe(`2/${expected}`);
    await input.press('Escape');
    await expect.poll(() => page.locator('[data-testid=doc] mark').count()).toBe(0);
  });

  it('never requested anything off 127.0.0.1 and logged no errors', () => {
    expect(browser.requests.length).toBeGreaterThan(0);
    const origin = server.url.replace(/\/$/, '');
    const foreign = browser.requests.filter((u) => !(u.startsWith(origin + '/') || u.startsWith('data:') || u.startsWith('blob:' + origin)));
    expect(foreign).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
