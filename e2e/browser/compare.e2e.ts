/**
 * Variants in real Chromium: from a family member's reading view, 相似文本 →
 * 比较 opens the side-by-side comparison; the summary agrees with core's
 * alignment of the two files, deletions and insertions are marked, 下一处差异
 * (button and key) walks the differences, 只看差异 folds identical runs, and a
 * reload at the link shows the same comparison. Also: 本条亦见于 on a unit, and
 * picking two rows in the library. Expectations come from the corpus files.
 */
// Callbacks given to page.evaluate run in the page; this file is checked with Node types only.
declare const document: any, window: any;

import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { alignDocuments } from '../../core/compare/align';
import type { VariantPair, VariantsFile } from '../../core/compare/format';
import { loadVariants } from '../../cli/commands/variants';
import { copyCorpus, corpusDir, FIXTURE_CORPUS, screenshot, openSession, startServer, type Session } from './harness';
import { readCorpus, type CorpusFacts } from './corpus-facts';
import type { PreviewServer } from '../../scripts/preview-server';

const dir = corpusDir();
// The summary joined with every document's shard (a corpus without variants.json has none).
const variants: VariantsFile | null = existsSync(join(dir, 'variants.json')) ? await loadVariants(dir) : null;
// A pair whose texts differ in places (an adaptation): the comparison has something to mark.
const pair: VariantPair | undefined = variants?.families.flatMap((f) => f.pairs).find((p) => p.relation === 'adaptation');
if (!pair) console.warn(`compare.e2e: ${dir} has no variants.json with an adapted pair (fixture corpus?); skipped`);

let server: PreviewServer;
let session: Session;
let page: Page;
let facts: CorpusFacts;
const pageErrors: string[] = [];

describe.skipIf(!pair)('comparing variant texts', () => {
  beforeAll(async () => {
    facts = readCorpus(dir, dir !== FIXTURE_CORPUS);
    session = await openSession(dir, { pageErrors });
    ({ server, page } = session);
  });
  afterAll(async () => {
    await session?.close();
  });

  it('opens from 相似文本 in the reading view, shows the summary and the marked differences, walks them, and survives a reload', async () => {
    const { a, b } = pair!;
    const aligned = alignDocuments(facts.doc(a), facts.doc(b));
    const expected = aligned.summary;
    const overlap = `${Math.round(Math.max(pair!.aInB, pair!.bInA) * 100)}%`;
    await page.goto(`${server.url}#/doc/${a}`);
    const similar = page.locator('[data-testid=similar-texts]');
    await similar.locator('summary').click();
    await expect.poll(() => similar.locator('summary').textContent()).toMatch(/^相似文本 \(\d+\)$/);
    const member = similar.locator(`li[data-doc-id="${b}"]`);
    // One document figure, named the same here and in the comparison's summary.
    expect(await member.locator('.similar-score').textContent()).toBe(`文本重合度 ${overlap}`);
    await member.getByRole('link', { name: /^比较本篇与/ }).click();
    await page.waitForSelector('[data-testid=compare-view] .cmp-list[aria-busy="false"]'); // aligned (in a worker)
    expect(new URL(page.url()).hash).toBe(`#/compare/${a}/${b}`);

    const summary = page.getByLabel('比较摘要');
    const figure = async (label: string) => (await summary.locator('div', { has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }) }).locator('dd').textContent())?.trim();
    expect(await figure('相同')).toBe(String(expected.same));
    expect(await figure('有改动')).toBe(String(expected.changed));
    expect(await figure('仅左侧')).toBe(String(expected.onlyA));
    expect(await figure('仅右侧')).toBe(String(expected.onlyB));
    expect(await figure('文本重合度')).toBe(overlap);
    expect(`${Math.round(expected.overlap * 100)}%`).toBe(overlap);
    // Rows carry the clause figure under its own name, and the page says which figure is which.
    expect(await page.locator('.cmp-meta .cmp-note', { hasText: /^条文相似度 \d+%$/ }).count()).toBe(expected.changed + expected.moved);
    expect(await page.locator('.cmp-legend').textContent()).toMatch(/文本重合度：.+条文相似度/);
    // A rewritten clause is shown whole on both sides, labelled 改写, without character marks.
    const rewritten = aligned.rows.filter((r) => r.rewritten).length;
    expect(await page.locator('.cmp-row:has(.cmp-rewritten)').count()).toBe(rewritten);
    expect(await page.locator('.cmp-row:has(.cmp-rewritten) :is(del, ins)').count()).toBe(0);
    expect(await page.locator('.cmp-a del').count()).toBeGreaterThan(0);
    expect(await page.locator('.cmp-b ins').count()).toBeGreaterThan(0);
    expect(await page.locator('.cmp-gap').count()).toBe(expected.onlyA + expected.onlyB);

    const stops = expected.changed + expected.moved + expected.onlyA + expected.onlyB;
    await page.getByRole('button', { name: '下一处差异' }).click();
    await expect.poll(() => page.getByTestId('compare-position').textContent()).toBe(`差异 1 / ${stops}`);
    const firstDiff = await page.evaluate(() => {
      const el = document.querySelector('.cmp-row.is-current');
      const r = el.getBoundingClientRect();
      return { status: el.dataset.status, visible: r.top >= 0 && r.top < window.innerHeight };
    });
    expect(firstDiff.status).not.toBe('same');
    expect(firstDiff.visible).toBe(true);
    await page.keyboard.press('n');
    await expect.poll(() => page.getByTestId('compare-position').textContent()).toBe(`差异 2 / ${stops}`);
    await page.keyboard.press('p');
    await expect.poll(() => page.getByTestId('compare-position').textContent()).toBe(`差异 1 / ${stops}`);
    await screenshot(page, 'compare-view');

    const rowsBefore = await page.locator('.cmp-row').count();
    await page.getByLabel('只看差异').check();
    expect(await page.locator('.cmp-row').count()).toBe(stops);
    await page.keyboard.press('n'); // the key still works with the toggle focused
    await expect.poll(() => page.getByTestId('compare-position').textContent()).toBe(`差异 2 / ${stops}`);
    expect(await page.locator('.cmp-row[data-status=same]').count()).toBe(0);
    expect(rowsBefore).toBe(await page.locator('.cmp-row').count() + expected.same);
    await screenshot(page, 'compare-only-differences');

    await page.reload();
    await page.waitForSelector('[data-testid=compare-view] .cmp-list[aria-busy="false"]'); // aligned (in a worker)
    expect(await figure('相同')).toBe(String(expected.same));
    expect(await page.locator('.cmp-a del').count()).toBeGreaterThan(0);
    // Each unit links to its place in the reading view.
    expect(await page.locator(`.cmp-row.st-changed .cmp-b a.cmp-unit-link[href^="#/doc/${b}/${b}~"]`).count()).toBeGreaterThan(0);
    expect(await page.locator(`.cmp-row.st-changed .cmp-a a.cmp-unit-link[href^="#/doc/${a}/${a}~"]`).count()).toBeGreaterThan(0);
  });

  it('shows a clause whose wording was rewritten side by side, labelled 改写, without character marks', async () => {
    // The first family pair of the corpus whose alignment has a rewritten row (a district's rewrite of a city's point).
    const found = variants!.families
      .flatMap((f) => f.pairs)
      .map((p) => ({ p, al: alignDocuments(facts.doc(p.a), facts.doc(p.b)) }))
      .find(({ al }) => al.rows.some((r) => r.rewritten));
    expect(found, 'the corpus has a family pair with a rewritten clause').toBeTruthy();
    const { p, al } = found!;
    await page.goto(`${server.url}#/compare/${p.a}/${p.b}`);
    await page.waitForSelector('.cmp-row');
    const rows = page.locator('.cmp-row:has(.cmp-rewritten)');
    await expect.poll(() => rows.count()).toBe(al.rows.filter((r) => r.rewritten).length);
    const row = al.rows.find((r) => r.rewritten)!;
    const first = rows.first();
    expect(await first.locator('.cmp-rewritten').textContent()).toBe('改写');
    expect(await first.locator(':is(del, ins)').count()).toBe(0);
    expect(await first.locator('.cmp-a .cmp-text').textContent()).toBe(row.ops[0][1]);
    expect(await first.locator('.cmp-b .cmp-text').textContent()).toBe(row.ops[1][1]);
    await first.scrollIntoViewIfNeeded();
    await screenshot(page, 'compare-rewritten');
  });

  it('shows 本条亦见于 as a marker in the clause margin that opens its list, and compares two rows picked in the library', async () => {
    const [unitId, matches] = Object.entries(variants!.clauses).find(([id]) => id.startsWith(`${pair!.b}~`))!;
    await page.goto(`${server.url}#/doc/${pair!.b}/${encodeURIComponent(unitId)}`);
    const seeAlso = page.locator(`[id="${unitId}"] [data-testid=see-also]`);
    await seeAlso.waitFor();
    // UI, not text: a small marker right of the text column, its list closed until asked for.
    const inUnit = seeAlso.locator('summary');
    expect(await inUnit.getAttribute('aria-label')).toBe(`本条亦见于 ${matches.length} 篇`);
    expect(await seeAlso.locator('.see-also-panel').isVisible()).toBe(false);
    const boxes = await page.evaluate((id: string) => {
      const unit = document.getElementById(id);
      const para = unit.querySelector('p[data-para]');
      const m = unit.querySelector('.see-also-marker').getBoundingClientRect();
      return { markerLeft: m.left, textRight: para ? para.getBoundingClientRect().right : 0 };
    }, unitId);
    expect(boxes.markerLeft).toBeGreaterThanOrEqual(boxes.textRight - 1);
    await inUnit.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => seeAlso.locator('.see-also-panel').isVisible()).toBe(true);
    expect(await seeAlso.textContent()).toContain('本条亦见于');
    expect(await seeAlso.locator('.see-also-score').first().textContent()).toBe(`条文相似度 ${Math.round(matches[0].similarity * 100)}%`);
    await screenshot(page, 'see-also-open');
    // Every counterpart is linked, the best one first.
    const hrefs = await seeAlso.locator('a[href^="#/doc/"]').evaluateAll((as: any[]) => as.map((a) => a.getAttribute('href') as string));
    expect(hrefs[0]).toBe(`#/doc/${matches[0].doc}/${encodeURIComponent(matches[0].unit)}`);
    expect(hrefs).toHaveLength(matches.length);

    // Every marker of the document sits clear of the text's lines (at laptop widths there is no gutter, and it
    // covered their ends); where it sits among the clause's ☆ and 复制引用 (below 60rem), beside them, not on them.
    for (const width of [800, 1024]) {
      await page.setViewportSize({ width, height: 700 });
      await page.goto(`${server.url}#/doc/${pair!.b}/${encodeURIComponent(unitId)}`);
      await seeAlso.waitFor();
      const covered = await page.evaluate((controlsToo: boolean) =>
        [...document.querySelectorAll('.see-also-marker')].flatMap((marker) => {
          const unit = marker.closest('section')!;
          const m = marker.getBoundingClientRect();
          const boxes = controlsToo ? [...unit.querySelectorAll('.unit-annot, .copy-cite')].map((c) => c.getBoundingClientRect()) : [];
          const range = document.createRange();
          for (const para of unit.querySelectorAll('p[data-para]')) {
            for (const node of para.childNodes) {
              if ((node as { classList?: { contains(name: string): boolean } }).classList?.contains('page-mark')) continue;
              range.selectNodeContents(node);
              boxes.push(...range.getClientRects());
            }
          }
          const hit = boxes.some((r) => r.width > 1 && r.right > m.left && r.left < m.right && r.bottom > m.top && r.top < m.bottom);
          return hit ? [unit.id] : [];
        }),
      width < 960);
      expect(covered, `width ${width}`).toEqual([]);
    }
    await page.setViewportSize({ width: 1280, height: 860 });

    await page.goto(`${server.url}#/`);
    const title = (id: string) => facts.library.find((d) => d.id === id)!.title;
    const compare = page.getByRole('button', { name: /^比较/ });
    expect(await compare.isDisabled()).toBe(true);
    await page.getByRole('checkbox', { name: `选择《${title(pair!.a)}》用于比较` }).check();
    await page.getByRole('checkbox', { name: `选择《${title(pair!.b)}》用于比较` }).check();
    await compare.click();
    await page.waitForSelector('[data-testid=compare-view] .cmp-list[aria-busy="false"]'); // aligned (in a worker)
    expect(new URL(page.url()).hash).toBe(`#/compare/${pair!.a}/${pair!.b}`);
    expect(pageErrors).toEqual([]);
  });

  it("a damaged variants shard costs that document's 相似文本 and 亦见 only, said in Chinese; the document, its partner's 相似文本 and the comparison work", async () => {
    // A copy of the corpus whose shard for b is cut off mid-file (a failed copy), served by a second server.
    const tmp = copyCorpus(dir, 'compare-e2e-shard-');
    const shard = join(tmp, 'variants', `${pair!.b}.json`);
    writeFileSync(shard, readFileSync(shard, 'utf8').slice(0, 40));
    const damaged = await startServer(tmp);
    try {
      await page.goto(`${damaged.url}#/doc/${pair!.b}`);
      const problem = page.locator('[data-testid=variants-problem]');
      await problem.waitFor();
      expect(await problem.textContent()).toContain(`variants/${pair!.b}.json`);
      expect(await problem.textContent()).toMatch(/缺失或已损坏.*其他文件.*不受影响/);
      // The text itself is there, and no clause shows a 亦见 marker it cannot fill.
      await page.locator('[data-unit-id]').first().waitFor();
      expect(await page.locator('[data-testid=see-also]').count()).toBe(0);
      // The partner's shard is intact: its 相似文本 still lists b.
      await page.goto(`${damaged.url}#/doc/${pair!.a}`);
      await page.locator(`[data-testid=similar-texts] li[data-doc-id="${pair!.b}"]`).waitFor({ state: 'attached' });
      expect(await page.locator('[data-testid=variants-problem]').count()).toBe(0);
      await page.goto(`${damaged.url}#/compare/${pair!.a}/${pair!.b}`);
      await page.waitForSelector('[data-testid=compare-view] .cmp-list[aria-busy="false"] .cmp-row');
      expect(pageErrors).toEqual([]);
    } finally {
      await damaged.close();
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
