/**
 * Search in real Chromium against the preview server: open #/search?q=…,
 * the worker loads the index (visible loading state), results appear grouped
 * by document with <mark>ed matches and facet counts; toggles and filters
 * work; opening a hit lands on that clause in the reading view.
 *
 * The corpus under test (real when built, else the fixture) is copied to a
 * temporary directory with freshly built search artifacts, so the test never
 * depends on a stale search/ directory.
 */
declare const document: any, location: any;

import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { DocSummary, PolicyDocument } from '../../core/corpus/types';
import { buildSearchArtifacts } from '../../core/search/artifacts';
import { corpusDir, launch, screenshot, startServer, type Browser, collectPageErrors } from './harness';
import type { PreviewServer } from '../../scripts/preview-server';

let server: PreviewServer;
let browser: Browser;
let page: Page;
let tmp: string;
let docs: PolicyDocument[];
const pageErrors: string[] = [];

beforeAll(async () => {
  const src = corpusDir();
  tmp = mkdtempSync(join(tmpdir(), 'search-e2e-corpus-'));
  for (const f of ['library.json', 'manifest.json']) cpSync(join(src, f), join(tmp, f));
  cpSync(join(src, 'docs'), join(tmp, 'docs'), { recursive: true });
  const library = JSON.parse(readFileSync(join(tmp, 'library.json'), 'utf8')) as DocSummary[];
  docs = library.map((d) => JSON.parse(readFileSync(join(tmp, 'docs', `${d.id}.json`), 'utf8')) as PolicyDocument);
  mkdirSync(join(tmp, 'search'), { recursive: true });
  for (const a of buildSearchArtifacts(docs)) writeFileSync(join(tmp, 'search', a.path), a.data);
  server = await startServer(tmp);
  browser = await launch();
  page = browser.page;
  collectPageErrors(page, pageErrors);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** A phrase that occurs in the corpus, and the units that contain it (by the files). */
function pickPhrase(): { phrase: string; units: string[] } {
  for (const phrase of ['告知承诺制', '政务服务', '服务']) {
    const units: string[] = [];
    const walk = (us: PolicyDocument['units']) => {
      for (const u of us) {
        if (u.paragraphs.some((p) => p.text.includes(phrase)) || u.heading?.includes(phrase)) units.push(u.id);
        walk(u.children);
      }
    };
    docs.forEach((d) => walk(d.units));
    if (units.length) return { phrase, units };
  }
  throw new Error('no phrase found in corpus');
}

describe('search panel', () => {
  it('loads the index in a worker and shows highlighted, grouped results', async () => {
    const { phrase, units } = pickPhrase();
    // Hold the index back a little so the loading state is observable.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    await page.route('**/corpus/search/index.json', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${server.url}#/search?q=${encodeURIComponent(phrase)}`);
    await page.waitForSelector('text=索引加载中', { timeout: 30_000 });
    release();
    await page.waitForSelector('.search-summary', { timeout: 30_000 });
    await page.unroute('**/corpus/search/index.json');
    const summary = await page.textContent('.search-summary');
    // Every unit whose text has the phrase is counted (normalised matching may find more, and title hits add).
    expect(Number(/共 (\d+) 处/.exec(summary ?? '')?.[1])).toBeGreaterThanOrEqual(units.length);
    const marks = await page.$$eval('.search-hit mark', (els: any[]) => els.map((e) => e.textContent));
    expect(marks.length).toBeGreaterThan(0);
    for (const m of marks) expect(m.replace(/\s/g, '')).toContain(phrase.slice(0, 1));
    const hitUnits = await page.$$eval('.search-hit', (els: any[]) => els.map((e) => e.getAttribute('data-unit')));
    for (const u of hitUnits) expect(units).toContain(u);
    expect(await page.$$eval('.search-facets fieldset', (els: any[]) => els.length)).toBeGreaterThan(0);
    await screenshot(page, 'search-results');
    // The worker fetched the search artifacts relative to the page.
    expect(browser.requests.some((r) => r.endsWith('/corpus/search/index.json'))).toBe(true);
  });

  it('filters with counts narrow the results; search within results', async () => {
    const before = Number(/共 (\d+) 处/.exec((await page.textContent('.search-summary')) ?? '')?.[1]);
    const label = page.locator('.search-facets fieldset').first().locator('label').first();
    const count = Number(await label.locator('.search-count').textContent());
    await label.locator('input').check();
    await page.waitForFunction((n: number) => document.querySelector('.search-summary')?.textContent?.includes(`共 ${n} 处`), count);
    expect(count).toBeLessThanOrEqual(before);
    await label.locator('input').uncheck();
    await page.waitForFunction((n: number) => document.querySelector('.search-summary')?.textContent?.includes(`共 ${n} 处`), before);
    // within: refine by the first character of the first snippet's highlighted text → at most as many hits
    const refine = (await page.$eval('.search-hit mark', (e: any) => e.textContent as string)).slice(0, 1);
    await page.fill('input[aria-label="在结果中搜索"]', refine);
    await page.click('.search-refine button');
    await page.waitForSelector('.search-within');
    const after = Number(/共 (\d+) 处/.exec((await page.textContent('.search-summary')) ?? '')?.[1]);
    expect(after).toBeLessThanOrEqual(before);
    await page.click('.search-within button');
    await page.waitForFunction((n: number) => document.querySelector('.search-summary')?.textContent?.includes(`共 ${n} 处`), before);
  });

  it('scope and field toggles re-run the search', async () => {
    await page.click('button:has-text("标题")');
    await page.waitForFunction(() => document.querySelector('button[aria-pressed="true"]')?.textContent !== null);
    await page.click('button:has-text("全文")');
    await page.click('button:has-text("同篇")');
    await page.waitForSelector('.search-summary');
    await page.click('button:has-text("同条")');
    await page.waitForSelector('.search-hit');
  });

  it('opening a hit lands on the clause in the reading view', async () => {
    const target = await page.$eval('.search-hit', (e: any) => e.getAttribute('data-unit'));
    await page.click('.search-hit');
    await page.waitForFunction(() => location.hash.startsWith('#/doc/'));
    expect(decodeURIComponent(await page.evaluate(() => location.hash))).toContain(target);
    await page.waitForFunction((id: string) => {
      const el = document.getElementById(id);
      if (!el) return false;
      const r = el.getBoundingClientRect();
      return r.top >= 0 && r.top < 400;
    }, target, { timeout: 10_000 });
    // The clause shows the query highlighted.
    await page.waitForFunction((id: string) => !!document.getElementById(id)?.querySelector('mark'), target, { timeout: 5_000 });
    await screenshot(page, 'search-opened');
  });

  it('no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
