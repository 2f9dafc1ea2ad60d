/**
 * Finding things, as a new user does, in real Chromium against the preview
 * server: search an article number (第四十三条) and see where each hit is;
 * hit links are real links; the search state (query, scope, facets, within)
 * survives a reload and Back, scroll position included; the reader offers
 * 返回搜索结果; groups expand to "本文共 N 处"; Ctrl+F finds 第十条 on screen.
 * Expectations are read from the corpus files under test (corpus-facts.ts).
 */
// Callbacks given to page.evaluate run in the page; this file is checked with Node types only.
declare const document: any, window: any;

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { PolicyDocument, Unit } from '../../core/corpus/types';
import { corpusDir, FIXTURE_CORPUS, screenshot, openSession, type Session } from './harness';
import { readCorpus, scenarioDoc, type CorpusFacts } from './corpus-facts';
import type { PreviewServer } from '../../scripts/preview-server';

let server: PreviewServer;
let session: Session;
let page: Page;
let facts: CorpusFacts;
const pageErrors: string[] = [];

/** Units with their ancestors, walked here (not with the app's helpers) so the expected paths are independent. */
function withAncestors(units: Unit[], up: Unit[] = []): { unit: Unit; up: Unit[] }[] {
  return units.flatMap((u) => [{ unit: u, up }, ...withAncestors(u.children, [...up, u])]);
}

/** Every unit in the corpus labelled `label`, with the path a reader would write: 第六章 › 第四十三条. */
function labelled(label: string): { doc: PolicyDocument; unit: Unit; path: string }[] {
  const out: { doc: PolicyDocument; unit: Unit; path: string }[] = [];
  for (const s of facts.library) {
    const d = facts.doc(s.id);
    for (const { unit, up } of withAncestors(d.units)) {
      if (unit.label === label) out.push({ doc: d, unit, path: [...up, unit].map((u) => u.label).filter(Boolean).join(' › ') });
    }
  }
  return out;
}

/** 共 N 处，M 篇文件 (without the timing). */
const summaryText = async () => ((await page.locator('.search-summary').textContent()) ?? '').split(' · ')[0];

async function waitForResults() {
  await page.waitForSelector('.search-summary');
  await page.waitForFunction(() => document.querySelector('.search-results')?.getAttribute('aria-busy') === 'false');
}

beforeAll(async () => {
  const dir = corpusDir();
  facts = readCorpus(dir, dir !== FIXTURE_CORPUS);
  session = await openSession(dir, { pageErrors });
  ({ server, page } = session);
});

afterAll(async () => {
  await session?.close();
});

describe(`finding (${corpusDir() === FIXTURE_CORPUS ? 'fixture' : 'real'} corpus)`, () => {
  it('finds an article by its number and shows where each hit is, as real links', async () => {
    // 第四十三条 where the corpus has it (two regulations do), else the scenario regulation's last article.
    const scenario = scenarioDoc(facts);
    const label = labelled('第四十三条').length ? '第四十三条' : withAncestors(scenario.units).filter((x) => x.unit.level === 'article').pop()!.unit.label;
    const expected = labelled(label);
    expect(expected.length).toBeGreaterThan(0);
    await page.goto(`${server.url}#/search?q=${encodeURIComponent(label)}`);
    await waitForResults();
    await screenshot(page, 'finding-label');
    for (const e of expected) {
      const link = page.locator(`.search-hit[data-unit="${e.unit.id}"]`);
      expect(await link.count(), `${e.doc.title} ${e.path}`).toBe(1);
      // Where: 第六章 › 第四十三条.
      expect((await link.locator('.search-trail').textContent())?.trim()).toBe(e.path);
      // The label itself is highlighted, whole.
      expect(await link.locator('mark').first().textContent()).toBe(label);
      // A real link to the clause, with the query to highlight.
      expect(await link.getAttribute('href')).toBe(`#/doc/${e.doc.id}/${encodeURIComponent(e.unit.id)}?q=${encodeURIComponent(label)}`);
    }
    // Opening it lands on the clause with its label marked, and offers the way back.
    const first = expected[0];
    await page.locator(`.search-hit[data-unit="${first.unit.id}"]`).click();
    await page.waitForSelector(`[id="${first.unit.id}"]`);
    // (In the label marker, or at the start of the text where the source prints it there.)
    expect(await page.locator(`[id="${first.unit.id}"] mark`).first().textContent()).toBe(label);
    const back = page.getByRole('link', { name: '← 返回搜索结果' });
    expect(await back.count()).toBe(1);
    await back.click();
    await waitForResults();
    expect(await page.getByRole('searchbox', { name: '搜索词' }).inputValue()).toBe(label);
  });

  it('finds an article together with words of its text: 第十五条 事项', async () => {
    const doc = scenarioDoc(facts);
    const a = withAncestors(doc.units).find((x) => x.unit.level === 'article' && x.unit.paragraphs.some((p) => p.text.length > 8));
    expect(a).toBeDefined();
    const word = a!.unit.paragraphs.find((p) => p.text.length > 8)!.text.replace(/^第.+?条\s*/, '').slice(2, 4);
    await page.goto(`${server.url}#/search?q=${encodeURIComponent(`${a!.unit.label} ${word}`)}&flat=1`);
    await waitForResults();
    expect(await page.locator(`.search-hit[data-unit="${a!.unit.id}"]`).count()).toBe(1);
  });

  it('keeps scope, facets and search-within in the URL across a reload and Back, scroll included', async () => {
    const term = facts.isReal ? '营商环境' : '政务服务';
    await page.goto(`${server.url}#/search?q=${encodeURIComponent(term)}`);
    await waitForResults();
    await page.getByRole('button', { name: '同篇' }).click();
    await waitForResults();
    const region = page.locator('.search-facets fieldset[data-facet=region] > .facet-node > .facet-row label').first();
    const regionName = (await region.locator('span').first().textContent())!;
    await region.locator('input').check();
    await waitForResults();
    const refine = page.getByRole('searchbox', { name: '在结果中搜索' });
    await refine.fill(facts.isReal ? '企业' : '服务');
    await refine.press('Enter');
    // The refinement's chip shows in the same render that marks the list busy: only then is "not busy" its result.
    await page.locator('.search-within .search-chip').nth(1).waitFor();
    await waitForResults();
    const url = decodeURIComponent(page.url());
    expect(url).toContain('scope=doc');
    expect(url).toContain(`region=${regionName}`);
    expect(url).toContain('w=');
    const summary = await summaryText();

    const check = async () => {
      await waitForResults();
      expect(await page.getByRole('button', { name: '同篇' }).getAttribute('aria-pressed')).toBe('true');
      expect(await page.locator('.search-facets fieldset[data-facet=region] input:checked').count()).toBe(1);
      expect(await page.locator('.search-within .search-chip').count()).toBe(2);
      expect(await summaryText()).toBe(summary);
    };
    await page.reload();
    await check();

    // Scroll down, open a hit further down the page, come Back: same results, same place.
    const hits = page.locator('.search-hit');
    const target = hits.nth(Math.min(5, (await hits.count()) - 1));
    await target.scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, 40));
    await page.waitForTimeout(400);
    const y = await page.evaluate(() => window.scrollY);
    await target.click();
    await page.waitForSelector('[data-testid=doc]');
    await page.goBack();
    await check();
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(y - 30);
    expect(Math.abs((await page.evaluate(() => window.scrollY)) - y)).toBeLessThan(30);
  });

  it('groups hits by document, with 本文共 N 处 to see them all', async () => {
    const term = facts.isReal ? '营商环境' : '政务服务';
    await page.goto(`${server.url}#/search?q=${encodeURIComponent(term)}`);
    await waitForResults();
    const named = { name: /^本文共 \d+ 处，全部显示$/ };
    const docId = await page.locator('.search-group').filter({ has: page.getByRole('button', named) }).first().getAttribute('data-doc-id');
    const group = page.locator(`.search-group[data-doc-id="${docId}"]`);
    const expand = group.getByRole('button', named);
    const n = Number((await expand.textContent())!.match(/\d+/)![0]);
    expect(await group.locator('.search-hit').count()).toBeLessThan(n);
    await expand.click();
    await expect.poll(() => group.locator('.search-hit').count()).toBe(n);
    // Grouping puts more documents on the first screen than a flat list of the same hits.
    const docsGrouped = await page.locator('.search-group').count();
    await page.getByRole('button', { name: '逐条列出' }).click();
    await waitForResults();
    expect(page.url()).toContain('flat=1');
    const docsFlat = await page.locator('.search-group').count();
    if (facts.isReal) expect(docsFlat).toBeLessThan(docsGrouped);
    else expect(docsFlat).toBeLessThanOrEqual(docsGrouped);
  });

  it('understands A｜B without spaces and says so in the help', async () => {
    await page.goto(`${server.url}#/search`);
    expect(await page.locator('.search-syntax').textContent()).toContain('｜');
    const [a, b] = facts.isReal ? ['告知承诺制', '融资担保'] : ['政务服务', '通知'];
    const count = async (q: string) => {
      await page.goto(`${server.url}#/search?q=${encodeURIComponent(q)}`);
      await waitForResults();
      return summaryText();
    };
    const spaced = await count(`${a} ｜ ${b}`);
    expect(spaced).toMatch(/^共 \d+ 处/);
    expect(await count(`${a}｜${b}`)).toBe(spaced);
    expect(await count(`${a}|${b}`)).toBe(spaced);
  });

  it('Ctrl+F finds 第十条 on screen', async () => {
    const doc = scenarioDoc(facts);
    const a10 = withAncestors(doc.units).find((x) => x.unit.label === '第十条')!.unit;
    await page.goto(`${server.url}#/doc/${doc.id}/${encodeURIComponent(a10.id)}`);
    await page.waitForSelector(`[id="${a10.id}"]`);
    // Reading: the deep link has settled with 第十条 at the top of the window.
    await page.waitForTimeout(600);
    await page.keyboard.press('Control+f');
    const input = page.getByRole('searchbox', { name: '在本文中查找' });
    await input.waitFor();
    await page.waitForTimeout(100);
    // The find bar takes its own room: the clause that was at the top is below it, and the bar
    // spans the whole text column, so it never hides the ends of lines.
    const geo = await page.evaluate((id: string) => {
      const bar = document.querySelector('.find-bar').getBoundingClientRect();
      const unit = document.getElementById(id).getBoundingClientRect();
      const col = document.querySelector('[data-testid=doc]').getBoundingClientRect();
      return { barBottom: bar.bottom, barLeft: bar.left, barRight: bar.right, unitTop: unit.top, colLeft: col.left, colRight: col.right };
    }, a10.id);
    expect(geo.unitTop).toBeGreaterThanOrEqual(geo.barBottom - 1);
    expect(geo.barLeft).toBeLessThanOrEqual(geo.colLeft);
    expect(geo.barRight).toBeGreaterThanOrEqual(geo.colRight);
    await input.fill('第十条');
    await expect.poll(() => page.locator('[data-testid=find-count]').textContent()).toMatch(/^1\/\d+$/);
    expect(await page.locator(`[id="${a10.id}"] mark`).first().textContent()).toBe('第十条');
    await screenshot(page, 'finding-ctrl-f');
  });

  it('logged no errors', () => {
    expect(pageErrors.join('\n')).toBe('');
  });
});
