/**
 * The reading view on laptop widths (issue 18 items 10, 11, 12, 14): no
 * sideways scroll at 1024×700 and 800×600 (page marks, 复制引用, clause jumps,
 * the find bar), the outline as a 目录 drawer at 800 px reached by keyboard,
 * the header actions whole and 返回搜索结果 in view after landing from a search
 * hit, and the annotation panel beside the text at 1440 px. Screenshots at
 * 1366, 1024 and 800 px land in test-results/.
 */
// page.evaluate callbacks run in the page; this file is checked with Node types only.
declare const document: any, window: any, getComputedStyle: any;

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { PolicyDocument, Unit } from '../../core/corpus/types';
import { corpusDir, FIXTURE_CORPUS, openSession, screenshot, tabTo, type Session } from './harness';
import { flatten, readCorpus, scenarioDoc } from './corpus-facts';

let session: Session;
let page: Page;
let doc: PolicyDocument;
let deep: Unit;

beforeAll(async () => {
  const dir = corpusDir();
  const facts = readCorpus(dir, dir !== FIXTURE_CORPUS);
  doc = scenarioDoc(facts);
  const articles = flatten(doc.units).filter((u) => u.level === 'article');
  deep = articles[Math.floor(articles.length * 0.7)];
  session = await openSession(dir);
  page = session.page;
});
afterAll(async () => session?.close());

/** Horizontal overflow of the page: the document's scroll width beyond the window, and the horizontal scroll position. */
const sideways = () =>
  page.evaluate(() => ({ over: document.documentElement.scrollWidth - document.documentElement.clientWidth, x: window.scrollX }));

async function open(unitId: string) {
  await page.goto(`${session.server.url}#/doc/${doc.id}/${encodeURIComponent(unitId)}`);
  await page.locator(`[id="${unitId}"]`).waitFor();
  await page.waitForTimeout(150);
}

describe(`reading on a laptop (${corpusDir() === FIXTURE_CORPUS ? 'fixture' : 'real'} corpus)`, () => {
  for (const [w, h] of [
    [1366, 768],
    [1024, 700],
    [800, 600],
  ] as const) {
    it(`never scrolls sideways at ${w}×${h}: after a clause jump, with 复制引用 and page marks showing, with the find bar open`, async () => {
      await page.setViewportSize({ width: w, height: h });
      await open(deep.id);
      expect(await sideways()).toEqual({ over: 0, x: 0 });
      // The controls in the right gutter show on hover; the window still does not scroll.
      await page.locator(`[id="${deep.id}"]`).hover();
      await expect(page.getByRole('button', { name: `复制${deep.label}及出处` }).isVisible()).resolves.toBe(true);
      const cite = await page.getByRole('button', { name: `复制${deep.label}及出处` }).boundingBox();
      expect(cite!.x + cite!.width).toBeLessThanOrEqual(w);
      // …and inside their own clause, whatever the width: where they hung below it, they covered the end of
      // the next clause's first line (800 px).
      const clause = (await page.locator(`[id="${deep.id}"]`).boundingBox())!;
      const controls = [cite!, (await page.locator(`[id="${deep.id}"] > .unit-annot`).boundingBox())!];
      for (const c of controls) {
        expect(c.y).toBeGreaterThanOrEqual(clause.y - 0.5);
        expect(c.y + c.height).toBeLessThanOrEqual(clause.y + clause.height + 0.5);
      }
      // j moves through the clauses (scrollIntoView), which scrolled sideways when the gutter stuck out.
      for (let i = 0; i < 4; i++) await page.keyboard.press('j');
      expect(await sideways()).toEqual({ over: 0, x: 0 });
      await page.keyboard.press('Control+f');
      await page.getByLabel('在本文中查找', { exact: true }).and(page.locator('input')).fill('政务服务');
      await page.waitForTimeout(200);
      expect(await sideways()).toEqual({ over: 0, x: 0 });
      await page.keyboard.press('Escape');
      // Page numbers stay inside the window.
      const marks: number[] = await page.evaluate(() => Array.from(document.querySelectorAll('.page-mark')).map((m: any) => m.getBoundingClientRect().right).filter((r: number) => r > 0));
      expect(Math.max(...marks, 0)).toBeLessThanOrEqual(w);
      await screenshot(page, `reader-laptop-${w}`);
    });
  }

  it('shows every page number whole, inside the clause it marks, at 1366 and at 800 px', async () => {
    // A document printed over several pages (the scenario's regulation has no page numbers). At 800 px the numbers
    // sat above the clause and lost their lower half where the clause began a chunk (content-visibility clips).
    const dir = corpusDir();
    const facts = readCorpus(dir, dir !== FIXTURE_CORPUS);
    const paged = facts.library.map((d) => facts.doc(d.id)).find((d) => d.sources.some((src) => src.lastPage !== null && src.firstPage !== null && src.lastPage > src.firstPage))!;
    expect(paged).toBeDefined();
    for (const w of [1366, 800]) {
      await page.setViewportSize({ width: w, height: 700 });
      await page.goto(`${session.server.url}#/doc/${paged.id}`);
      await page.locator('[data-testid=doc] [data-unit-id]').first().waitFor();
      await page.waitForTimeout(150);
      const marks = await page.evaluate(() =>
        Array.from(document.querySelectorAll('[data-testid=doc] .page-mark'))
          .map((m: any) => {
            const r = m.getBoundingClientRect();
            const clip = (m.closest('.chunk') ?? m.closest('.unit')).getBoundingClientRect();
            const unit = m.closest('.unit').getBoundingClientRect();
            return { right: r.right, top: r.top, bottom: r.bottom, clipTop: clip.top, unitTop: unit.top, unitBottom: unit.bottom };
          })
          .filter((m) => m.right > 0),
      );
      expect(marks.length, `${w} px`).toBeGreaterThan(0);
      for (const m of marks) {
        expect(m.right, `${w} px`).toBeLessThanOrEqual(w);
        expect(m.top, `${w} px`).toBeGreaterThanOrEqual(Math.max(m.clipTop, m.unitTop) - 0.5);
        expect(m.bottom, `${w} px`).toBeLessThanOrEqual(m.unitBottom + 0.5);
      }
      await screenshot(page, `reader-page-numbers-${w}`);
    }
  });

  it('at 800 px, 目录 is reached with Tab and opens the outline as a drawer; Enter on an entry jumps there; Esc closes it', async () => {
    await page.setViewportSize({ width: 800, height: 600 });
    await open(deep.id);
    const outline = page.getByRole('navigation', { name: '目录' });
    expect(await outline.isVisible()).toBe(false);
    const toggle = page.getByRole('button', { name: '目录' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    // Tab from the top of the page until the button has the focus.
    await page.evaluate(() => (document.activeElement as any)?.blur?.());
    expect(await tabTo(page, toggle, 60)).toBe(true);
    await page.keyboard.press('Enter');
    expect(await outline.isVisible()).toBe(true);
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    // The focus is in the drawer, on the current entry.
    expect(await outline.evaluate((n: any) => n.contains(document.activeElement))).toBe(true);
    await screenshot(page, 'reader-laptop-800-outline');
    // Esc closes it and gives the focus back to 目录.
    await page.keyboard.press('Escape');
    expect(await outline.isVisible()).toBe(false);
    expect(await toggle.evaluate((b: any) => b === document.activeElement)).toBe(true);
    // Enter on an entry jumps to it and closes the drawer.
    await page.keyboard.press('Enter');
    const first = flatten(doc.units).find((u) => u.level === 'article')!;
    await outline.getByRole('link', { name: new RegExp(`^${first.label}`) }).first().focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction((id) => document.activeElement?.id === id, first.id);
    expect(await outline.isVisible()).toBe(false);
    const top = await page.evaluate((id) => document.getElementById(id).getBoundingClientRect().top, first.id);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(200);
  });

  it('at 1440 px, landing on a deep clause from a search hit: the actions stay whole and 返回搜索结果 is in view', async () => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`${session.server.url}#/search?q=${encodeURIComponent(deep.label)}&flat=1`);
    const hit = page.locator(`.search-hit[data-unit="${deep.id}"]`);
    await hit.waitFor();
    await hit.click();
    await page.locator(`[id="${deep.id}"]`).waitFor();
    const back = page.getByRole('link', { name: '← 返回搜索结果' });
    const box = await back.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y + box!.height).toBeLessThanOrEqual(900);
    // Every action of the header's row is on one line (打印 never as 打/印).
    const heights: { text: string; lines: number }[] = await page.evaluate(() =>
      Array.from(document.querySelectorAll('.doc-actions > *')).map((el: any) => ({ text: el.textContent, lines: Math.round(el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight === 'normal' ? '20' : getComputedStyle(el).lineHeight)) })),
    );
    expect(heights.length).toBeGreaterThan(3);
    for (const x of heights) expect(x.lines, x.text).toBeLessThanOrEqual(1);
    await screenshot(page, 'reader-laptop-1440-from-search');
  });

  it('at 1440 px, the annotation panel sits beside the text and covers none of it', async () => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await open(deep.id);
    await page.getByRole('button', { name: '标注', exact: true }).click();
    const panel = page.getByRole('complementary', { name: '本文标注' });
    await panel.waitFor();
    const p = (await panel.boundingBox())!;
    const textRight: number = await page.evaluate(() => Math.max(...Array.from(document.querySelectorAll('.units p')).map((e: any) => e.getBoundingClientRect().right)));
    expect(textRight).toBeLessThanOrEqual(p.x);
    // …and the header's actions neither.
    const actionsRight: number = await page.evaluate(() => Math.max(...Array.from(document.querySelectorAll('.doc-actions > *')).map((e: any) => e.getBoundingClientRect().right)));
    expect(actionsRight).toBeLessThanOrEqual(p.x);
    expect(await sideways()).toEqual({ over: 0, x: 0 });
    await screenshot(page, 'reader-laptop-1440-panel');
    await page.getByRole('button', { name: '关闭标注面板' }).click();
  });
});
