/**
 * `npm run bench:startup`: in Chromium against the preview server, times
 *   - navigation → library list visible (target < 1 s)
 *   - navigation → the scenario regulation fully rendered (deep link, cold page)
 *   - click in the library → that document rendered (in-app, target < 300 ms)
 *   - navigation → the largest document rendered, its DOM size, and frame
 *     times while scrolling through it (smoothness of long documents)
 * and prints medians over N runs. Figures only, no pass/fail.
 *
 *   npm run bench:startup -- [--runs N] [--corpus DIR]
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURE_CORPUS, launch, startServer } from '../e2e/browser/harness';
import { flatten, readCorpus, scenarioDoc } from '../e2e/browser/corpus-facts';
import { DEFAULT_CORPUS } from './preview-server';

// page.evaluate callbacks run in the browser; this file is checked with Node types only.
declare const document: any, window: any, performance: any, requestAnimationFrame: any;

const argv = process.argv.slice(2);
const opt = (name: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const RUNS = Math.max(1, Number(opt('--runs') ?? 7));
const corpus = opt('--corpus') ?? (existsSync(join(DEFAULT_CORPUS, 'library.json')) ? DEFAULT_CORPUS : FIXTURE_CORPUS);

/**
 * Injected before any page script: records, per animation frame, when the
 * library rows and a document's units first exist, and when a click happened.
 * rAF timing is what the user sees: the frame in which the content is painted.
 */
// A string, not a function: tsx rewrites functions with helpers (__name) that
// do not exist in the page.
const PROBE = `
  window.__bench = { libraryAt: null, docAt: null, clickAt: null, want: 0 };
  document.addEventListener('click', () => (window.__bench.clickAt = performance.now()), true);
  const tick = () => {
    const b = window.__bench;
    if (b.libraryAt === null && document.querySelector('[data-testid=doc-row]')) b.libraryAt = performance.now();
    if (b.want > 0 && b.docAt === null && document.querySelectorAll('[data-testid=doc] [data-unit-id]').length >= b.want) b.docAt = performance.now();
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
`;

/** Scrolls the document in 60 px steps, one per frame, and resolves to the frame durations. */
const SCROLL_THROUGH = `new Promise((ok) => {
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

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmt = (xs: number[]) => `median ${median(xs).toFixed(0)} ms  (min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)}, n=${xs.length})`;

async function main() {
  const facts = readCorpus(corpus, corpus !== FIXTURE_CORPUS);
  const doc = scenarioDoc(facts);
  const docUnits = flatten(doc.units).length;
  const largestId = [...facts.library].sort((a, b) => b.charCount - a.charCount)[0].id;
  const largest = facts.doc(largestId);
  const largestUnits = flatten(largest.units).length;

  const server = await startServer(corpus);
  const browser = await launch();
  const { context } = browser;
  await context.addInitScript({ content: PROBE });
  const lib: number[] = [];
  const cold: number[] = [];
  const inApp: number[] = [];
  const big: number[] = [];
  let nodes = 0;
  const frames: number[] = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      // A new page per run: no JS heap or parsed-document cache carried over.
      const page = await context.newPage();
      // Function predicates, not strings: the app's CSP forbids eval.
      const wait = (key: 'libraryAt' | 'docAt', p = page) => p.waitForFunction((k) => (window as any).__bench[k] !== null, key, { timeout: 30_000 });

      await page.goto(server.url);
      await wait('libraryAt');
      lib.push(await page.evaluate(() => (window as any).__bench.libraryAt));

      await page.evaluate((n: number) => ((window as any).__bench.want = n), docUnits);
      await page.locator(`[data-doc-id="${doc.id}"] a.doc-title`).click();
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
    }
  } finally {
    await browser.close();
    await server.close();
  }

  const sorted = [...frames].sort((a, b) => a - b);
  const p95 = sorted[Math.floor(sorted.length * 0.95)] ?? 0;
  console.log(`corpus: ${corpus} (${facts.library.length} documents), ${RUNS} runs, Chromium headless`);
  console.log(`library visible (navigation → first row painted):         ${fmt(lib)}   target < 1000 ms`);
  console.log(`${doc.title} in-app (click → ${docUnits} units painted):   ${fmt(inApp)}   target < 300 ms`);
  console.log(`${doc.title} cold deep link (navigation → painted):       ${fmt(cold)}`);
  console.log(`largest document ${largestId} (${largest.charCount} chars, ${largestUnits} units) cold: ${fmt(big)}`);
  console.log(`largest document: ${nodes} DOM elements; scrolling it end to end: ${frames.length} frames, median ${median(frames).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, max ${Math.max(...frames).toFixed(1)} ms, frames > 50 ms: ${frames.filter((f) => f > 50).length}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
