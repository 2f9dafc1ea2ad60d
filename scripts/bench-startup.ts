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
import { existsSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';
import type { PolicyDocument } from '../core/corpus/types';
import { FIXTURE_CORPUS, launch, startServer } from '../e2e/browser/harness';
import { flatten, readCorpus, scenarioDoc } from '../e2e/browser/corpus-facts';
import { DEFAULT_CORPUS } from './preview-server';
import { median, fmtMs } from './bench-stats';
import { PROBE, SCROLL_THROUGH, frameStats, rendererRssMb } from './bench-browser';
import { makeStressCorpus } from './stress-corpus';
import { INDEX_LOAD_MEASURE } from '../renderer/search/protocol';
import type { Page } from 'playwright-core';
import { measureLargeLibrary, printLarge } from './bench-large-library';

// page.evaluate callbacks run in the browser; this file is checked with Node types only.
declare const document: any, window: any, performance: any;

const argv = process.argv.slice(2);
const opt = (name: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
/** A phrase in nearly every policy text: the first search reads the most of the index. */
const SEARCH_TERM = '国务院';
const RUNS = Math.max(1, Number(opt('--runs') ?? 7));
const corpus = opt('--corpus') ?? (existsSync(join(DEFAULT_CORPUS, 'library.json')) ? DEFAULT_CORPUS : FIXTURE_CORPUS);

const fmt = (xs: number[]) => fmtMs(xs);

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
 * Until the search results' summary is on the page, checked every frame: a locator's waitFor checks less and less
 * often (up to every 500 ms), which hid or made up differences of that size between two builds.
 */
function searchShown(p: Page): Promise<unknown> {
  return p.waitForFunction(() => document.querySelector('.search-summary') !== null, undefined, { polling: 'raf', timeout: 120_000 });
}

interface FreshTabParts {
  /** Navigation → the page's HTML parsed (domInteractive): mostly the browser starting the tab's renderer. */
  htmlParsed: number;
  /** Navigation → the search worker's time origin. */
  workerStarted: number;
  /** Navigation → the worker's index loaded (its INDEX_LOAD_MEASURE ends). */
  indexReady: number;
  /** The worker's INDEX_LOAD_MEASURE: its first fetch of the index files → the engine made. */
  indexLoad: number;
}

/** Where a fresh tab's first search spent its time, on the driver's clock (`t0`: just before navigation, epoch ms). */
async function freshTabParts(p: Page, t0: number): Promise<FreshTabParts> {
  const page = await p.evaluate(() => ({ origin: performance.timeOrigin as number, html: performance.getEntriesByType('navigation')[0].domInteractive as number }));
  for (const w of p.workers()) {
    const load = await w.evaluate((name: string) => {
      const m = performance.getEntriesByName(name)[0];
      return m ? { origin: performance.timeOrigin as number, start: m.startTime as number, duration: m.duration as number } : null;
    }, INDEX_LOAD_MEASURE);
    if (!load) continue;
    return { htmlParsed: page.origin + page.html - t0, workerStarted: load.origin - t0, indexReady: load.origin + load.start + load.duration - t0, indexLoad: load.duration };
  }
  throw new Error(`no worker has the measure ${INDEX_LOAD_MEASURE}: the search worker did not load the index`);
}

async function main() {
  if (argv.includes('--large-only')) return printLarge(await measureLargeLibrary(corpus, Number(opt('--large') ?? 10_000), { runs: RUNS, noHead: argv.includes('--no-head') }));
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
  const freshParts: Record<keyof FreshTabParts, number[]> = { htmlParsed: [], workerStarted: [], indexReady: [], indexLoad: [] };
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
      await searchShown(p4);
      firstSearch.push(Date.now() - t0);
      const parts = await freshTabParts(p4, t0);
      for (const k of Object.keys(freshParts) as (keyof FreshTabParts)[]) freshParts[k].push(parts[k]);
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
      await searchShown(p5);
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

  const large = await measureLargeLibrary(corpus, Number(opt('--large') ?? 10_000), { runs: RUNS, noHead: argv.includes('--no-head') });

  console.log(`corpus: ${corpus} (${facts.library.length} documents), ${RUNS} runs, Chromium headless`);
  console.log(`baseline: a static file from the same server (navigation → load): ${fmt(floor)}`);
  console.log(`library visible (navigation → first row painted):         ${fmt(lib)}   target < 1000 ms`);
  console.log(`${doc.title} in-app (click → ${docUnits} units painted):   ${fmt(inApp)}   target < 300 ms`);
  console.log(`${doc.title} cold deep link (navigation → painted):       ${fmt(cold)}`);
  console.log(`largest document ${largestId} (${largest.charCount} chars, ${largestUnits} units) cold: ${fmt(big)}`);
  console.log(`largest document: ${nodes} DOM elements; scrolling it end to end: ${frameStats(frames)}`);
  console.log(`first search in a fresh tab (navigation to #/search?q=${SEARCH_TERM} → results shown): ${fmt(firstSearch)}   target < 1000 ms`);
  console.log(
    `  of which (medians, from navigation): the page's HTML parsed at ${median(freshParts.htmlParsed).toFixed(0)} ms (the tab's renderer starting), ` +
      `the search worker started at ${median(freshParts.workerStarted).toFixed(0)} ms, its index loaded at ${median(freshParts.indexReady).toFixed(0)} ms`,
  );
  console.log(`search index load in the worker (its first fetch → engine made, a fresh tab): ${fmt(freshParts.indexLoad)}   target < 1000 ms`);
  console.log(`first search 5 s after the library is shown (→ results shown): ${fmt(laterSearch)}   target < 1000 ms`);
  console.log(`tab memory after that search and the largest document (RSS of its renderer process): median ${median(tabMb).toFixed(0)} MB (min ${Math.min(...tabMb).toFixed(0)}, max ${Math.max(...tabMb).toFixed(0)})   target < 600 MB`);
  console.log(`synthetic compilation (${stress.units} units, ${stress.chars} chars) cold: ${fmt(stressTimes)}`);
  console.log(`synthetic compilation: ${stressNodes} DOM elements; scrolling it end to end: ${frameStats(stressFrames)}`);
  printLarge(large);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(fileURLToPath(import.meta.url))) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
