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
declare const document: any, location: any, Worker: any;

import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { DocSummary, PolicyDocument } from '../../core/corpus/types';
import { buildSearchArtifacts } from '../../core/search/artifacts';
import { normalize } from '../../core/text/normalize';
import { INDEX_LOAD_MEASURE } from '../../renderer/search/protocol';
import { copyCorpus, corpusDir, screenshot, type Browser, openSession, type Session } from './harness';
import type { PreviewServer } from '../../scripts/preview-server';

let server: PreviewServer;
let session: Session;
let browser: Browser;
let page: Page;
let tmp: string;
let docs: PolicyDocument[];
const pageErrors: string[] = [];

beforeAll(async () => {
  const src = corpusDir();
  tmp = copyCorpus(src, 'search-e2e-corpus-');
  const library = JSON.parse(readFileSync(join(tmp, 'library.json'), 'utf8')) as DocSummary[];
  docs = library.map((d) => JSON.parse(readFileSync(join(tmp, 'docs', `${d.id}.json`), 'utf8')) as PolicyDocument);
  mkdirSync(join(tmp, 'search'), { recursive: true });
  for (const a of buildSearchArtifacts(docs)) writeFileSync(join(tmp, 'search', a.path), a.data);
  session = await openSession(tmp, { pageErrors });
  ({ server, browser, page } = session);
});

afterAll(async () => {
  await session?.close();
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

/** A document as the brute force sees it: normalised unit lines, and title/文号/issuer. */
interface DocText {
  units: string[][];
  title: string;
  titleKey: string;
  meta: string;
}

let texts: DocText[] | undefined;
function docTexts(): DocText[] {
  return (texts ??= docs.map((d) => {
    const units: string[][] = [];
    const walk = (us: PolicyDocument['units']) => {
      for (const u of us) {
        units.push([...(u.heading ? [u.heading] : []), ...u.paragraphs.map((p) => p.text)].map(normalize));
        walk(u.children);
      }
    };
    walk(d.units);
    const titleKey = `${normalize(d.title)}\n${normalize(d.docNumber ?? '')}`;
    return { units, title: normalize(d.title), titleKey, meta: `${titleKey}\n${normalize(d.issuer)}` };
  }));
}

/**
 * How many documents the panel must list for the words `ws` (all required),
 * computed from the files: 同条 needs one unit holding every word (a word may
 * instead be in the document's title/文号/issuer, but at least one in the unit),
 * or all words in that metadata; 同篇 needs every word somewhere in the
 * document; 标题 needs every word in the title or 文号.
 */
function expectedDocs(ws: string[], mode: 'clause' | 'doc' | 'title'): number {
  return docTexts().filter((d) => {
    const inUnit = (u: string[], w: string) => u.some((line) => line.includes(w));
    if (mode === 'title') return ws.every((w) => d.titleKey.includes(w));
    if (mode === 'doc') return ws.every((w) => d.meta.includes(w) || d.units.some((u) => inUnit(u, w)));
    if (ws.every((w) => d.meta.includes(w))) return true;
    return d.units.some((u) => ws.some((w) => inUnit(u, w)) && ws.every((w) => inUnit(u, w) || d.meta.includes(w)));
  }).length;
}

const WORDS = ['政务服务', '营商环境', '企业', '服务', '管理', '办法', '数据', '监督', '审批', '人民政府', '部门', '市场', '实施', '工作', '发展', '示例', '措施'];

const docCount = async () => Number(/(\d+) 篇文件/.exec((await page.textContent('.search-summary')) ?? '')?.[1] ?? 0);
const waitDocCount = (n: number) =>
  page.waitForFunction((k: number) => {
    const t = document.querySelector('.search-summary')?.textContent ?? '';
    return k === 0 ? t.includes('没有找到结果') : t.includes(`，${k} 篇文件`);
  }, n, { timeout: 30_000 });
const pressed = (name: string) => page.getAttribute(`button:has-text("${name}")`, 'aria-pressed');

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
    // Each highlight is exactly the phrase (touching occurrences merge into repeats of it), never
    // more, never less; only a highlight cut by the snippet's edge may be a part of it.
    const hits = await page.$$eval('.search-hit', (els: any[]) =>
      els.map((e) => {
        const full = e.textContent as string;
        return [...e.querySelectorAll('mark')].map((m: any) => {
          const before = document.createRange();
          before.setStart(e, 0);
          before.setEndBefore(m);
          const at = before.toString().length;
          const t = m.textContent as string;
          return { t, cutStart: at <= 1 && full.startsWith('…'), cutEnd: at + t.length >= full.length - 1 && full.endsWith('…') };
        });
      }),
    );
    expect(hits.length).toBeGreaterThan(0);
    const whole = new RegExp(`^(${phrase})+$`);
    for (const marks of hits) {
      expect(marks.some((m: { t: string }) => whole.test(normalize(m.t))), JSON.stringify(marks)).toBe(true);
      for (const m of marks as { t: string; cutStart: boolean; cutEnd: boolean }[]) {
        const n = normalize(m.t);
        if (whole.test(n)) continue;
        // Cut at the snippet edge: a suffix of the phrase at the start, a prefix at the end.
        expect((m.cutStart && phrase.endsWith(n)) || (m.cutEnd && phrase.startsWith(n)), `highlight "${m.t}" for "${phrase}"`).toBe(true);
      }
    }
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
    // Two words that share documents more often than clauses, so 同条 and 同篇 differ.
    let pair: [string, string] | null = null;
    let gap = 0;
    for (const a of WORDS)
      for (const b of WORDS) {
        if (a >= b || a.includes(b) || b.includes(a)) continue;
        const clause = expectedDocs([a, b], 'clause');
        const g = expectedDocs([a, b], 'doc') - clause;
        if (clause > 0 && g > gap) [pair, gap] = [[a, b], g];
      }
    expect(pair, 'two words whose 同条 and 同篇 document counts differ').not.toBeNull();
    const [a, b] = pair!;
    await page.fill('input[aria-label="搜索词"]', `${a} ${b}`);
    await page.click('form[role="search"] button[type="submit"]');
    await waitDocCount(expectedDocs([a, b], 'clause'));
    expect(await pressed('同条')).toBe('true');
    await page.click('button:has-text("同篇")');
    await waitDocCount(expectedDocs([a, b], 'doc'));
    expect(await pressed('同篇')).toBe('true');
    expect(await pressed('同条')).toBe('false');
    await page.click('button:has-text("同条")');
    await waitDocCount(expectedDocs([a, b], 'clause'));

    // Title only: a word found in fewer titles than documents.
    // (at most 40 titles: the panel lists 50 hits per page)
    const word = WORDS.find((w) => expectedDocs([w], 'title') > 0 && expectedDocs([w], 'title') <= 40 && expectedDocs([w], 'title') < expectedDocs([w], 'clause'));
    expect(word, 'a word in some titles but not all documents that contain it').toBeDefined();
    await page.fill('input[aria-label="搜索词"]', word!);
    await page.click('form[role="search"] button[type="submit"]');
    await waitDocCount(expectedDocs([word!], 'clause'));
    await page.click('button:has-text("标题")');
    await waitDocCount(expectedDocs([word!], 'title'));
    expect(await pressed('标题')).toBe('true');
    // Title hits show the title highlighted and no clause snippets.
    expect(await page.$$eval('.search-hit', (els: any[]) => els.length)).toBe(0);
    const titleMarks = await page.$$eval('.search-group h3', (els: any[]) => els.map((h) => [...h.querySelectorAll('mark')].map((m: any) => m.textContent as string)));
    expect(titleMarks.length).toBe(expectedDocs([word!], 'title'));
    for (const ms of titleMarks) {
      expect(ms.length).toBeGreaterThan(0);
      for (const m of ms) expect(normalize(m)).toBe(word);
    }
    await page.click('button:has-text("全文")');
    await waitDocCount(expectedDocs([word!], 'clause'));
    expect(await docCount()).toBe(expectedDocs([word!], 'clause'));
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

  it('fetches the unit texts in the background once the index is loaded: a search then fetches none', async () => {
    const shards = readdirSync(join(tmp, 'search')).filter((f) => /^texts-\d+\.json$/.test(f));
    expect(shards.length).toBeGreaterThan(0);
    // A fresh tab on the library: no search is asked for, the index loads when the page is idle.
    const from = browser.requests.length;
    const tab = await browser.context.newPage();
    try {
      await tab.goto(server.url);
      const fetched = () => shards.filter((f) => browser.requests.slice(from).some((r) => r.endsWith(`/corpus/search/${f}`)));
      await expect.poll(fetched, { timeout: 30_000 }).toEqual(shards);
      const before = browser.requests.length;
      await tab.goto(`${server.url}#/search?q=${encodeURIComponent(pickPhrase().phrase)}`);
      await tab.locator('.search-summary').waitFor();
      expect(browser.requests.slice(before).filter((r) => /\/search\/texts-\d+\.json$/.test(r))).toEqual([]);
    } finally {
      await tab.close();
    }
  });

  it("a search opened in a fresh tab fetches each index file once, and not the library's full list", async () => {
    // The query is asked while the index loads; it must wait for the index, not be asked again when it is ready
    // (that cancelled the first and fetched its posting and position shards twice). The list is several megabytes
    // at 10,000 documents that a search does not show: preloaded from index.html, the page's main thread took it
    // in before it ran the scripts that start the search.
    const from = browser.requests.length;
    const tab = await browser.context.newPage();
    try {
      await tab.goto(`${server.url}#/search?q=${encodeURIComponent(pickPhrase().phrase)}`);
      await tab.locator('.search-summary').waitFor({ timeout: 30_000 });
      const files = browser.requests
        .slice(from)
        .map((r) => /\/corpus\/search\/((?:index|units)\.json|(?:postings|positions)-\d+\.json)$/.exec(r)?.[1])
        .filter((f): f is string => !!f);
      expect(files.filter((f) => /^(postings|positions)-/.test(f)).length).toBeGreaterThan(0);
      expect(files.filter((f, k) => files.indexOf(f) !== k)).toEqual([]);
      expect(browser.requests.slice(from).filter((r) => r.endsWith('/corpus/library.json'))).toEqual([]);
      // The worker's index load is a User Timing entry (read by bench:startup and the browser's tools), made once.
      const loads = await Promise.all(tab.workers().map((w) => w.evaluate((name) => (performance as any).getEntriesByName(name).map((m: { duration: number }) => m.duration) as number[], INDEX_LOAD_MEASURE)));
      expect(loads.filter((l) => l.length)).toEqual([[expect.any(Number)]]);
      expect(loads.flat()[0]).toBeGreaterThan(0);
    } finally {
      await tab.close();
    }
  });

  it('a search worker whose name says where the index is loads it before any message reaches it', async () => {
    // A message to a worker that has not started yet waits for the page's main thread, which in a fresh tab is
    // busy evaluating and rendering the app; so the page names the worker with the index's place (protocol.ts).
    // Here the app's own worker script is started twice by hand and sent nothing.
    const tab = await browser.context.newPage();
    try {
      const started = tab.waitForEvent('worker');
      await tab.goto(`${server.url}#/search?q=${encodeURIComponent(pickPhrase().phrase)}`);
      const url = (await started).url();
      await tab.locator('.search-summary').waitFor({ timeout: 30_000 });
      const base = `${server.url}corpus/search/`;
      const answers = (name: string) =>
        tab.evaluate(
          ({ url, name }) =>
            new Promise<unknown[]>((resolve) => {
              const got: unknown[] = [];
              const w = new Worker(url, { type: 'module', name });
              w.onmessage = (ev: { data: unknown }) => got.push(ev.data);
              setTimeout(() => (w.terminate(), resolve(got)), 5_000);
            }),
          { url, name },
        );
      const [named, plain] = await Promise.all([answers(`search?${new URLSearchParams({ base })}`), answers('search')]);
      expect(named).toEqual([{ type: 'ready', stats: { docs: docs.length, units: expect.any(Number), loadMs: expect.any(Number) } }]);
      expect(plain).toEqual([]);
    } finally {
      await tab.close();
    }
  });

  it('an index file cut short: the search says in Chinese which file is damaged', async () => {
    const tab = await browser.context.newPage();
    try {
      // As an interrupted copy leaves it, for the page's fetch and the worker's alike.
      const units = readFileSync(join(tmp, 'search', 'units.json'), 'utf8');
      await tab.route(/\/corpus\/search\/units\.json$/, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: units.slice(0, units.length >> 1) }));
      await tab.goto(`${server.url}#/search?q=${encodeURIComponent(pickPhrase().phrase)}`);
      const alert = tab.getByRole('alert').filter({ hasText: '搜索索引加载失败' });
      await alert.waitFor({ timeout: 30_000 });
      expect(await alert.textContent()).toBe('搜索索引加载失败：搜索索引文件 units.json 已损坏或与文库版本不符，请重新构建或重新安装文库。');
    } finally {
      await tab.close();
    }
  });

  it('no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
  it('a damaged search index: the search says so in Chinese and names the file', async () => {
    // A copy cut short, as an interrupted copy or a full disk leaves it: every text shard.
    const bad = copyCorpus(tmp, 'search-e2e-damaged-');
    cpSync(join(tmp, 'search'), join(bad, 'search'), { recursive: true });
    for (const f of readdirSync(join(bad, 'search')).filter((x) => /^texts-\d+\.json$/.test(x))) {
      const file = join(bad, 'search', f);
      writeFileSync(file, readFileSync(file, 'utf8').slice(0, 200));
    }
    const damaged = await openSession(bad);
    try {
      await damaged.page.goto(`${damaged.server.url}#/search?q=${encodeURIComponent(pickPhrase().phrase)}`);
      const alert = damaged.page.getByRole('alert').filter({ hasText: '搜索失败' });
      await alert.waitFor({ timeout: 30_000 });
      expect(await alert.textContent()).toMatch(/^搜索失败：搜索索引文件 texts-\d+\.json 已损坏或与文库版本不符，请重新构建或重新安装文库。$/);
    } finally {
      await damaged.close();
      rmSync(bad, { recursive: true, force: true });
    }
  });
});
