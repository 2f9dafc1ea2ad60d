/**
 * The library at scale in real Chromium: 10,000 documents (the corpus's
 * entries repeated with new ids, e2e/browser/large-library.ts) are listed
 * virtually — a few dozen rows in the page, every one reachable by scrolling,
 * filters and the quick filter exact — and the 比较 checkboxes refuse a third
 * document with a reason instead of silently unticking the first.
 */
// page.evaluate callbacks run in the page; this file is checked with Node types only.
declare const window: any, document: any;

import { readFileSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Page } from 'playwright-core';
import type { DocSummary } from '../../core/corpus/types';
import { documentYear } from '../../core/corpus/facts';
import { makeLargeLibrary } from './large-library';
import { collectPageErrors, corpusDir, openSession, screenshot, type Session, waitForLibrary } from './harness';

const N = 10_000;
let lib: ReturnType<typeof makeLargeLibrary>;
let session: Session;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  lib = makeLargeLibrary(corpusDir(), N);
  session = await openSession(lib.dir, { pageErrors });
  page = session.page;
});

afterAll(async () => {
  await session?.close();
  rmSync(lib.dir, { recursive: true, force: true });
});

describe('a library of 10,000 documents', () => {
  it('lists them virtually: a few dozen rows in the page, the last one reached by scrolling', async () => {
    await page.goto(session.server.url);
    await page.getByTestId('doc-count').filter({ hasText: `共 ${N} 篇` }).waitFor({ timeout: 30_000 });
    const rows = await page.getByTestId('doc-row').count();
    expect(rows).toBeGreaterThan(5);
    expect(rows).toBeLessThan(80);
    await screenshot(page, 'library-10000');
    // Sorted by title, the last document is the one the collation puts last.
    await page.getByLabel('排序').selectOption('title');
    // Sorted, the first screen gives way to the full list (正在载入全部文档… until library.json is in).
    await waitForLibrary(page);
    const collator = new Intl.Collator('zh-Hans-CN');
    const all: DocSummary[] = JSON.parse((await import('node:fs')).readFileSync(`${lib.dir}/library.json`, 'utf8'));
    const last = [...all].sort((a, b) => collator.compare(a.title, b.title) || a.id.localeCompare(b.id)).at(-1)!;
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expect.poll(async () => page.locator(`[data-testid=doc-row][data-doc-id="${last.id}"]`).count(), { timeout: 10_000 }).toBe(1);
    expect(await page.locator(`[data-doc-id="${last.id}"]`).getAttribute('aria-posinset')).toBe(String(N));
    expect(await page.getByTestId('doc-row').count()).toBeLessThan(80);
  });

  it('shows its first screen from library-head.json while library.json is still on its way, then the same rows from the full list', async () => {
    const fresh = await session.browser.context.newPage();
    const errors = collectPageErrors(fresh);
    // library.json is held back until the first screen has been seen.
    let release!: () => void;
    const held = new Promise<void>((ok) => (release = ok));
    await fresh.route('**/corpus/library.json', async (route) => {
      await held;
      await route.continue();
    });
    try {
      await fresh.goto(session.server.url);
      await fresh.getByTestId('doc-count').filter({ hasText: `共 ${N} 篇` }).waitFor({ timeout: 30_000 });
      expect(await fresh.getByRole('region', { name: '文档列表' }).getAttribute('aria-busy')).toBe('true');
      // The newest document (by the date a row shows: issued, else in force) comes first, and the facets count all 10,000.
      const all: DocSummary[] = JSON.parse(readFileSync(`${lib.dir}/library.json`, 'utf8'));
      const shown = (d: DocSummary) => d.date ?? d.effectiveDate ?? '';
      const newest = all.reduce((a, b) => (shown(b) > shown(a) ? b : a));
      const firstId = await fresh.getByTestId('doc-row').first().getAttribute('data-doc-id');
      expect(shown(all.find((d) => d.id === firstId)!)).toBe(shown(newest));
      const year = documentYear(newest)!;
      const inYear = all.filter((d) => documentYear(d) === year).length;
      await expect.poll(() => fresh.getByTestId('facet-year').getByRole('button', { name: new RegExp(`^${year}`) }).textContent()).toContain(String(inYear));
      const headRows = await fresh.getByTestId('doc-row').evaluateAll((rows: any[]) => rows.slice(0, 15).map((r) => r.dataset.docId as string));
      release();
      await expect.poll(() => fresh.getByRole('region', { name: '文档列表' }).getAttribute('aria-busy'), { timeout: 30_000 }).toBe(null);
      const fullRows = await fresh.getByTestId('doc-row').evaluateAll((rows: any[]) => rows.slice(0, 15).map((r) => r.dataset.docId as string));
      expect(fullRows).toEqual(headRows);
      expect(errors.join('\n')).toBe('');
    } finally {
      release();
      await fresh.close();
    }
  });

  it('keeps the quick filter, its focus and what was typed when the full list takes over from the first screen', async () => {
    const fresh = await session.browser.context.newPage();
    let release!: () => void;
    const held = new Promise<void>((ok) => (release = ok));
    await fresh.route('**/corpus/library.json', async (route) => {
      await held;
      await route.continue();
    });
    try {
      await fresh.goto(session.server.url);
      await fresh.getByTestId('doc-count').filter({ hasText: `共 ${N} 篇` }).waitFor({ timeout: 30_000 });
      const box = fresh.getByRole('searchbox', { name: '按标题或文号筛选' });
      await box.focus();
      await fresh.keyboard.type('营商');
      // Nothing is listed under a filter until the full list is in, and the screen says so.
      await expect.poll(() => fresh.getByRole('status').filter({ hasText: '正在载入全部文档' }).count()).toBe(1);
      release();
      const all: DocSummary[] = JSON.parse(readFileSync(`${lib.dir}/library.json`, 'utf8'));
      const want = all.filter((d) => d.title.includes('营商') || (d.docNumber ?? '').includes('营商')).length;
      await expect.poll(() => fresh.getByTestId('doc-count').textContent(), { timeout: 30_000 }).toBe(`${want} / ${N} 篇`);
      expect(await box.inputValue()).toBe('营商');
      expect(await box.evaluate((el: any) => el === document.activeElement)).toBe(true);
      await fresh.keyboard.type('环境');
      expect(await box.inputValue()).toBe('营商环境');
    } finally {
      release();
      await fresh.close();
    }
  });

  it('a damaged library-head.json is passed over: the library waits for the full list', async () => {
    const fresh = await session.browser.context.newPage();
    await fresh.route('**/corpus/library-head.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"v":1,"count":3,"rows":[{"id":"x"}],"facets":{}}' }));
    try {
      await fresh.goto(session.server.url);
      await fresh.getByTestId('doc-count').filter({ hasText: `共 ${N} 篇` }).waitFor({ timeout: 30_000 });
      expect(await fresh.getByRole('region', { name: '文档列表' }).getAttribute('aria-busy')).toBe(null);
    } finally {
      await fresh.close();
    }
  });

  it('filters exactly: a year, then the quick filter, counted as the files say', async () => {
    const all: DocSummary[] = JSON.parse((await import('node:fs')).readFileSync(`${lib.dir}/library.json`, 'utf8'));
    const year = '2023';
    const inYear = all.filter((d) => documentYear(d) === year);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.getByTestId('facet-year').getByRole('button', { name: new RegExp(`^${year}`) }).click();
    await expect.poll(() => page.getByTestId('doc-count').textContent()).toBe(`${inYear.length} / ${N} 篇`);
    const word = '营商环境';
    const both = inYear.filter((d) => d.title.includes(word) || (d.docNumber ?? '').includes(word));
    await page.getByRole('searchbox', { name: '按标题或文号筛选' }).fill(word);
    await expect.poll(() => page.getByTestId('doc-count').textContent()).toBe(`${both.length} / ${N} 篇`);
    await page.getByRole('button', { name: '清除筛选' }).click();
    await expect.poll(() => page.getByTestId('doc-count').textContent()).toBe(`共 ${N} 篇`);
  });

  it('a third 比较 tick is refused with the reason, and the first two stay ticked', async () => {
    // Three rows by their ids, at the top of the list, read once the page has settled: right after the filters are
    // cleared the virtual list renders again (20 rows in the page, then 29), and on a loaded machine (clean-clone CI
    // runs) rows read before that could leave the page, and a tick of a row no longer there never held.
    await page.evaluate(() => window.scrollTo(0, 0));
    const firstRows = () => page.getByTestId('doc-row').evaluateAll((rows: any[]) => rows.slice(0, 3).map((r) => r.dataset.docId as string));
    let ids: string[] = [];
    await vi.waitFor(async () => {
      const before = await firstRows();
      await page.waitForTimeout(300);
      ids = await firstRows();
      expect(ids.filter(Boolean)).toHaveLength(3);
      expect(ids).toEqual(before);
    }, { timeout: 10_000, interval: 100 });
    const box = (i: number) => page.locator(`[data-testid=doc-row][data-doc-id="${ids[i]}"] input.compare-pick`);
    // A click that lands on a row being replaced is lost (a reader clicks again), so each of the first two ticks is
    // tried until it holds; each try gives up on a row it cannot find within a second, and the next looks again.
    const tick = (i: number) =>
      vi.waitFor(async () => {
        if (!(await box(i).isChecked({ timeout: 1_000 }))) await box(i).click({ timeout: 2_000 });
        expect(await box(i).isChecked({ timeout: 1_000 })).toBe(true);
      }, { timeout: 10_000, interval: 200 });
    await tick(0);
    await tick(1);
    await box(2).click();
    expect(await box(2).isChecked()).toBe(false);
    expect(await box(0).isChecked()).toBe(true);
    expect(await box(1).isChecked()).toBe(true);
    await expect.poll(() => page.getByRole('status').filter({ hasText: '一次只能比较两篇' }).count()).toBe(1);
    expect(await box(2).getAttribute('title')).toBe('已选两篇：请先取消其中一篇');
    expect(await page.getByRole('button', { name: /^比较/ }).textContent()).toBe('比较（已选 2）');
    await box(0).uncheck();
    await box(2).check();
    expect(await page.getByRole('status').filter({ hasText: '一次只能比较两篇' }).count()).toBe(0);
    expect(pageErrors.join('\n')).toBe('');
  });
});
