/**
 * `npm run bench:startup`: in Chromium against the preview server, times
 *   - navigation → library list visible (target < 1 s)
 *   - navigation → the scenario regulation fully rendered (deep link, cold page)
 *   - click in the library → that document rendered (in-app, target < 300 ms)
 *   - navigation → the largest document rendered, its DOM size, and frame
 *     times while scrolling through it (smoothness of long documents)
 *   - on a library of --large N documents (default 10,000; the corpus's entries
 *     repeated with new ids): navigation → library visible against a static
 *     file from the same server, rows in the DOM, a filter (a year clicked →
 *     the count changed) and the quick filter (typing → the count changed)
 * and prints medians over N runs. Figures only, no pass/fail.
 *
 *   npm run bench:startup -- [--runs N] [--corpus DIR] [--large N] [--large-only] [--no-head]
 *
 * --no-head: the large library without its library-head.json (the app then waits for the full list, as
 * before the build wrote one): the same code's baseline for what the head saves.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { LIBRARY_HEAD_FILE } from '../core/corpus/library-head';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';
import type { PolicyDocument, Unit } from '../core/corpus/types';
import { FIXTURE_CORPUS, launch, startServer, writeLibraryHead } from '../e2e/browser/harness';
import { flatten, readCorpus, scenarioDoc } from '../e2e/browser/corpus-facts';
import { makeLargeLibrary } from '../e2e/browser/large-library';
import { DEFAULT_CORPUS } from './preview-server';

// page.evaluate callbacks run in the browser; this file is checked with Node types only.
declare const document: any, window: any, performance: any, MutationObserver: any, requestAnimationFrame: any, Event: any;

const argv = process.argv.slice(2);
const opt = (name: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
/** A phrase in nearly every policy text: the first search reads the most of the index. */
const SEARCH_TERM = '国务院';
const RUNS = Math.max(1, Number(opt('--runs') ?? 7));
const corpus = opt('--corpus') ?? (existsSync(join(DEFAULT_CORPUS, 'library.json')) ? DEFAULT_CORPUS : FIXTURE_CORPUS);

/**
 * Injected before any page script: records, per animation frame, when the
 * library rows and a document's units first exist, and when a click happened.
 * rAF timing is what the user sees: the frame in which the content is painted.
 */
// A string, not a function: tsx rewrites functions with helpers (__name) that
// do not exist in the page.
export const PROBE = `
  window.__bench = { libraryAt: null, docAt: null, clickAt: null, want: 0 };
  document.addEventListener('click', () => (window.__bench.clickAt = performance.now()), true);
  // The content is in the DOM at the frame where it is first seen; it has been
  // laid out and painted when the next frame starts, which is the time recorded.
  const painted = (key) => requestAnimationFrame(() => (window.__bench[key] = performance.now()));
  let seenLibrary = false, seenDoc = false;
  const tick = () => {
    const b = window.__bench;
    if (!seenLibrary && document.querySelector('[data-testid=doc-row]')) { seenLibrary = true; painted('libraryAt'); }
    if (!seenDoc && b.want > 0 && document.querySelectorAll('[data-testid=doc] [data-unit-id]').length >= b.want) { seenDoc = true; painted('docAt'); }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
`;

/** Scrolls the document in 60 px steps, one per frame, and resolves to the frame durations. */
export const SCROLL_THROUGH = `new Promise((ok) => {
  window.scrollTo(0, 0);
  const out = [];
  let last = performance.now();
  const step = () => {
    const now = performance.now();
    out.push(now - last);
    last = now;
    const before = window.scrollY;
    window.scrollBy(0, 60);
    if (window.scrollY === before) ok(out.slice(1));
    else requestAnimationFrame(step);
  };
  requestAnimationFrame(step);
})`;

/**
 * A corpus with one synthetic compilation (汇编) made of every document's
 * units, re-identified, until it has at least `minUnits` units: a worst case
 * for the reading view, larger than any real document.
 */
export function makeStressCorpus(dir: string, library: { id: string }[], minUnits: number): { dir: string; id: string; units: number; chars: number } {
  const out = mkdtempSync(join(tmpdir(), 'policy-reader-stress-'));
  mkdirSync(join(out, 'docs'));
  for (const d of library) symlinkSync(resolve(dir, 'docs', `${d.id}.json`), join(out, 'docs', `${d.id}.json`));
  const id = 'stress-compilation';
  const appendices: Unit[] = [];
  let units = 0;
  let chars = 0;
  const reId = (u: Unit, prefix: string): Unit => {
    units++;
    chars += u.paragraphs.reduce((n, p) => n + p.text.length, 0);
    return { ...u, id: `${id}~${prefix}.${u.path}`, path: `${prefix}.${u.path}`, children: u.children.map((c) => reId(c, prefix)) };
  };
  for (let round = 0; units < minUnits; round++) {
    for (const d of library) {
      if (units >= minUnits) break;
      const doc = JSON.parse(readFileSync(join(dir, 'docs', `${d.id}.json`), 'utf8')) as PolicyDocument;
      const prefix = `ap${appendices.length + 1}`;
      units++;
      appendices.push({ id: `${id}~${prefix}`, path: prefix, level: 'appendix', label: `附件${appendices.length + 1}`, heading: doc.title, paragraphs: [], pages: [], children: doc.units.map((u) => reId(u, prefix)) });
    }
  }
  const first = JSON.parse(readFileSync(join(dir, 'docs', `${library[0].id}.json`), 'utf8')) as PolicyDocument;
  const stress: PolicyDocument = { ...first, id, title: '压力测试汇编', docNumber: null, units: appendices, unitCount: units, charCount: chars };
  writeFileSync(join(out, 'docs', `${id}.json`), JSON.stringify(stress));
  const lib = JSON.parse(readFileSync(join(dir, 'library.json'), 'utf8'));
  const { units: _u, formatVersion: _f, addressees: _a, signature: _s, ...summary } = stress;
  writeFileSync(join(out, 'library.json'), JSON.stringify([...lib, summary]));
  writeLibraryHead(out);
  return { dir: out, id, units, chars };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const frameStats = (fs: number[]) => {
  const sorted = [...fs].sort((a, b) => a - b);
  const p95 = sorted[Math.floor(sorted.length * 0.95)] ?? 0;
  return `${fs.length} frames, median ${median(fs).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, max ${Math.max(...fs).toFixed(1)} ms, frames > 50 ms: ${fs.filter((f) => f > 50).length}`;
};
const fmt = (xs: number[]) => `median ${median(xs).toFixed(0)} ms  (min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)}, n=${xs.length})`;

/**
 * The document opened from the library: the scenario's regulation where the corpus has it, else (a generated
 * corpus of another size) the document of median unit count among those with at least 20 units.
 */
function benchDoc(facts: ReturnType<typeof readCorpus>): PolicyDocument {
  try {
    return scenarioDoc(facts);
  } catch {
    const structured = facts.library.filter((d) => d.unitCount >= 20).sort((a, b) => a.unitCount - b.unitCount || (a.id < b.id ? -1 : 1));
    if (!structured.length) throw new Error(`no document with 20 units or more in ${facts.dir}`);
    return facts.doc(structured[Math.floor(structured.length / 2)].id);
  }
}

/**
 * Resident memory of the tab, in MB: the largest Chromium renderer process started under this Node process.
 * The page and its workers (threads of it) are one process; the others are Chromium's own (the first blank
 * page's, a spare one), 80–160 MB each, not the app's.
 */
function rendererRssMb(): number {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let stat = '';
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue; // gone meanwhile
    }
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    (children.get(ppid) ?? children.set(ppid, []).get(ppid)!).push(Number(name));
  }
  let kb = 0;
  const walk = (pid: number) => {
    for (const c of children.get(pid) ?? []) {
      try {
        if (readFileSync(`/proc/${c}/cmdline`, 'utf8').includes('--type=renderer')) kb = Math.max(kb, Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${c}/status`, 'utf8'))?.[1] ?? 0));
      } catch {
        // gone meanwhile
      }
      walk(c);
    }
  };
  walk(process.pid);
  return kb / 1024;
}

/** Only the large-library figures (`--large-only`): the rest takes minutes on a shared machine. */
function printLarge(large: Awaited<ReturnType<typeof measureLargeLibrary>>) {
  console.log(`large library (${large.count} documents): baseline static file ${fmt(large.floor)}`);
  console.log(`large library: library visible (navigation → first row painted): ${fmt(large.visible)}   target < 1000 ms and ≤ 2× the static file`);
  console.log(`large library: the full list in place (filters live): ${fmt(large.full)}`);
  console.log(`large library: ${large.rows} rows in the DOM; year facet clicked → count changed ${fmt(large.facet)}; quick filter typed → count changed ${fmt(large.typed)}   target < 100 ms`);
}

async function main() {
  if (argv.includes('--large-only')) return printLarge(await measureLargeLibrary(Number(opt('--large') ?? 10_000)));
  const facts = readCorpus(corpus, corpus !== FIXTURE_CORPUS);
  const doc = benchDoc(facts);
  const docUnits = flatten(doc.units).length;
  const largestId = [...facts.library].sort((a, b) => b.charCount - a.charCount)[0].id;
  const largest = facts.doc(largestId);
  const largestUnits = flatten(largest.units).length;

  const server = await startServer(corpus);
  const browser = await launch();
  const { context } = browser;
  await context.addInitScript({ content: PROBE });
  const lib: number[] = [];
  // Baseline in the same run: navigation → load of a small static file from the same server.
  const floor: number[] = [];
  const cold: number[] = [];
  const inApp: number[] = [];
  const big: number[] = [];
  let nodes = 0;
  const frames: number[] = [];
  const firstSearch: number[] = [];
  const laterSearch: number[] = [];
  const tabMb: number[] = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      // A new page per run: no JS heap or parsed-document cache carried over.
      const b = await context.newPage();
      await b.goto(`${server.url}corpus/manifest.json`, { waitUntil: 'load' });
      floor.push(await b.evaluate(() => performance.getEntriesByType('navigation')[0].loadEventEnd as number));
      await b.close();

      const page = await context.newPage();
      // Function predicates, not strings: the app's CSP forbids eval.
      const wait = (key: 'libraryAt' | 'docAt', p = page) => p.waitForFunction((k) => (window as any).__bench[k] !== null, key, { timeout: 30_000 });

      await page.goto(server.url);
      await wait('libraryAt');
      lib.push(await page.evaluate(() => (window as any).__bench.libraryAt));

      await page.evaluate((n: number) => ((window as any).__bench.want = n), docUnits);
      // The list is virtual: in a large library the row is brought on screen by the quick filter first.
      const row = page.locator(`[data-doc-id="${doc.id}"] a.doc-title`);
      if (!(await row.count())) await page.locator('input.quick-filter').fill(doc.title);
      await row.click();
      await wait('docAt');
      inApp.push(await page.evaluate(() => (window as any).__bench.docAt - (window as any).__bench.clickAt));
      await page.close();

      const p2 = await context.newPage();
      await p2.goto('about:blank');
      await p2.goto(`${server.url}#/doc/${doc.id}`);
      await p2.evaluate((n: number) => ((window as any).__bench.want = n), docUnits);
      await wait('docAt', p2);
      cold.push(await p2.evaluate(() => (window as any).__bench.docAt));
      await p2.close();

      const p3 = await context.newPage();
      await p3.goto(`${server.url}#/doc/${largestId}`);
      await p3.evaluate((n: number) => ((window as any).__bench.want = n), largestUnits);
      await wait('docAt', p3);
      big.push(await p3.evaluate(() => (window as any).__bench.docAt));
      if (i === 0) {
        nodes = await p3.evaluate(() => document.getElementsByTagName('*').length);
        // Scroll the whole document in 60 px steps, one per frame, and record frame durations.
        const durations = (await p3.evaluate(SCROLL_THROUGH)) as number[];
        frames.push(...durations);
      }
      await p3.close();

      // A reading session in a fresh tab: a first search (the index loads for it), then the largest document;
      // the tab's memory is read with only this page open.
      const p4 = await context.newPage();
      const t0 = Date.now();
      await p4.goto(`${server.url}#/search?q=${encodeURIComponent(SEARCH_TERM)}`);
      await p4.locator('.search-summary').first().waitFor({ timeout: 120_000 });
      firstSearch.push(Date.now() - t0);
      await p4.goto(`${server.url}#/doc/${largestId}`);
      await p4.locator('[data-testid=doc] [data-unit-id]').first().waitFor({ timeout: 60_000 });
      tabMb.push(rendererRssMb());
      await p4.close();

      // The usual first search: the library first, the query typed a few seconds later (the index and the
      // texts load in the background meanwhile).
      const p5 = await context.newPage();
      await p5.goto(server.url);
      await p5.locator('[data-testid=doc-row]').first().waitFor({ timeout: 60_000 });
      await p5.waitForTimeout(5_000);
      const t1 = Date.now();
      await p5.goto(`${server.url}#/search?q=${encodeURIComponent(SEARCH_TERM)}`);
      await p5.locator('.search-summary').first().waitFor({ timeout: 120_000 });
      laterSearch.push(Date.now() - t1);
      await p5.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }

  // Worst case: one document with thousands of units (the real compilations are split into their parts).
  const stress = makeStressCorpus(corpus, facts.library, Number(opt('--stress-units') ?? 3000));
  const stressServer = await startServer(stress.dir);
  const stressBrowser = await launch();
  await stressBrowser.context.addInitScript({ content: PROBE });
  const stressTimes: number[] = [];
  let stressNodes = 0;
  const stressFrames: number[] = [];
  try {
    for (let i = 0; i < Math.min(RUNS, 3); i++) {
      const p = await stressBrowser.context.newPage();
      await p.goto(`${stressServer.url}#/doc/${stress.id}`);
      await p.evaluate((n: number) => ((window as any).__bench.want = n), stress.units);
      await p.waitForFunction(() => (window as any).__bench.docAt !== null, undefined, { timeout: 60_000 });
      stressTimes.push(await p.evaluate(() => (window as any).__bench.docAt));
      if (i === 0) {
        stressNodes = await p.evaluate(() => document.getElementsByTagName('*').length);
        stressFrames.push(...((await p.evaluate(SCROLL_THROUGH)) as number[]));
      }
      await p.close();
    }
  } finally {
    await stressBrowser.close();
    await stressServer.close();
    rmSync(stress.dir, { recursive: true, force: true });
  }

  const large = await measureLargeLibrary(Number(opt('--large') ?? 10_000));

  console.log(`corpus: ${corpus} (${facts.library.length} documents), ${RUNS} runs, Chromium headless`);
  console.log(`baseline: a static file from the same server (navigation → load): ${fmt(floor)}`);
  console.log(`library visible (navigation → first row painted):         ${fmt(lib)}   target < 1000 ms`);
  console.log(`${doc.title} in-app (click → ${docUnits} units painted):   ${fmt(inApp)}   target < 300 ms`);
  console.log(`${doc.title} cold deep link (navigation → painted):       ${fmt(cold)}`);
  console.log(`largest document ${largestId} (${largest.charCount} chars, ${largestUnits} units) cold: ${fmt(big)}`);
  console.log(`largest document: ${nodes} DOM elements; scrolling it end to end: ${frameStats(frames)}`);
  console.log(`first search in a fresh tab (navigation to #/search?q=${SEARCH_TERM} → results shown): ${fmt(firstSearch)}   target < 1000 ms`);
  console.log(`first search 5 s after the library is shown (→ results shown): ${fmt(laterSearch)}   target < 1000 ms`);
  console.log(`tab memory after that search and the largest document (RSS of its renderer process): median ${median(tabMb).toFixed(0)} MB (min ${Math.min(...tabMb).toFixed(0)}, max ${Math.max(...tabMb).toFixed(0)})   target < 600 MB`);
  console.log(`synthetic compilation (${stress.units} units, ${stress.chars} chars) cold: ${fmt(stressTimes)}`);
  console.log(`synthetic compilation: ${stressNodes} DOM elements; scrolling it end to end: ${frameStats(stressFrames)}`);
  printLarge(large);
}

/** The library at scale: visible, its DOM, and filters, against a static file from the same server. */
async function measureLargeLibrary(n: number) {
  // A corpus that is large already (bench:scale's) is measured as it is; a small one is repeated up to n.
  const own = JSON.parse(readFileSync(join(corpus, 'library.json'), 'utf8')) as unknown[];
  const lib = own.length >= n ? { dir: corpus, count: own.length, own: true } : { ...makeLargeLibrary(corpus, n), own: false };
  if (argv.includes('--no-head')) {
    // Only from the copy this script made: never a file of the user's corpus.
    if (lib.own) throw new Error('--no-head needs a copy of the library: pass --large with more documents than the corpus has');
    rmSync(join(lib.dir, LIBRARY_HEAD_FILE));
  }
  const server = await startServer(lib.dir);
  const browser = await launch();
  await browser.context.addInitScript({ content: PROBE });
  const floor: number[] = [];
  const visible: number[] = [];
  const full: number[] = [];
  const facet: number[] = [];
  const typed: number[] = [];
  let rows = 0;
  // The time from an input event to the frame after the count text changed.
  const countChangeAfter = (act: () => Promise<void>, page: import('playwright-core').Page) =>
    page
      .evaluate(
        () =>
          new Promise<void>((ok) => {
            const el = document.querySelector('[data-testid=doc-count]');
            const before = el.textContent;
            (window as any).__changedAt = null;
            new MutationObserver((_m: any, obs: any) => {
              if (el.textContent === before) return;
              obs.disconnect();
              requestAnimationFrame(() => ((window as any).__changedAt = performance.now()));
            }).observe(el, { childList: true, characterData: true, subtree: true });
            ok();
          }),
      )
      .then(async () => {
        await act();
        const t0 = await page.evaluate(() => (window as any).__bench.clickAt ?? performance.now());
        await page.waitForFunction(() => (window as any).__changedAt !== null, undefined, { timeout: 30_000 });
        return (await page.evaluate(() => (window as any).__changedAt)) - t0;
      });
  try {
    for (let i = 0; i < RUNS; i++) {
      const b = await browser.context.newPage();
      await b.goto(`${server.url}corpus/manifest.json`, { waitUntil: 'load' });
      floor.push(await b.evaluate(() => performance.getEntriesByType('navigation')[0].loadEventEnd as number));
      await b.close();
      const page = await browser.context.newPage();
      await page.goto(server.url);
      await page.waitForFunction(() => (window as any).__bench.libraryAt !== null, undefined, { timeout: 30_000 });
      visible.push(await page.evaluate(() => (window as any).__bench.libraryAt));
      // The first screen may be the build's head (aria-busy): filters are timed on the full list.
      await page.waitForFunction(() => document.querySelector('#doc-list:not([aria-busy])') !== null, undefined, { timeout: 30_000 });
      full.push(await page.evaluate(() => performance.now()));
      rows = await page.locator('[data-testid=doc-row]').count();
      const year = page.getByTestId('facet-year').getByRole('button', { pressed: false }).nth(1);
      facet.push(await countChangeAfter(() => year.click(), page));
      await page.getByTestId('facet-year').getByRole('button', { name: '清除年份筛选' }).click();
      await page.getByTestId('doc-count').filter({ hasText: `共 ${lib.count} 篇` }).waitFor();
      // Typing measured from the input event itself: a character set as React sees typing, its time recorded then.
      typed.push(
        await countChangeAfter(
          () =>
            page.evaluate(() => {
              const el = document.querySelector('input.quick-filter');
              const setValue = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(el), 'value')!.set!;
              (window as any).__bench.clickAt = performance.now();
              setValue.call(el, '办');
              el.dispatchEvent(new Event('input', { bubbles: true }));
            }),
          page,
        ),
      );
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
    if (!lib.own) rmSync(lib.dir, { recursive: true, force: true });
  }
  return { count: lib.count, floor, visible, full, facet, typed, rows };
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(fileURLToPath(import.meta.url))) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
