/**
 * bench:startup's large-library figures: on a library of N documents (bench:scale's corpus as it is, or the
 * corpus's entries repeated with new ids), navigation → library visible against a static file from the same
 * server, rows in the DOM, a filter (a year clicked → the count changed) and the quick filter (typing → the
 * count changed).
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { LIBRARY_HEAD_FILE } from '../core/corpus/library-head';
import { launch, startServer } from '../e2e/browser/harness';
import { makeLargeLibrary } from '../e2e/browser/large-library';
import { PROBE } from './bench-browser';
import { fmtMs as fmt } from './bench-stats';

// page.evaluate callbacks run in the browser; this file is checked with Node types only.
declare const document: any, window: any, performance: any, MutationObserver: any, requestAnimationFrame: any, Event: any;

/** Only the large-library figures (`--large-only`): the rest takes minutes on a shared machine. */
export function printLarge(large: Awaited<ReturnType<typeof measureLargeLibrary>>) {
  console.log(`large library (${large.count} documents): baseline static file ${fmt(large.floor)}`);
  console.log(`large library: library visible (navigation → first row painted): ${fmt(large.visible)}   target < 1000 ms and ≤ 2× the static file`);
  console.log(`large library: the full list in place (filters live): ${fmt(large.full)}`);
  console.log(`large library: ${large.rows} rows in the DOM; year facet clicked → count changed ${fmt(large.facet)}; quick filter typed → count changed ${fmt(large.typed)}   target < 100 ms`);
}

/** The library at scale: visible, its DOM, and filters, against a static file from the same server. */
export async function measureLargeLibrary(corpus: string, n: number, { runs, noHead }: { runs: number; noHead: boolean }) {
  // A corpus that is large already (bench:scale's) is measured as it is; a small one is repeated up to n.
  const own = JSON.parse(readFileSync(join(corpus, 'library.json'), 'utf8')) as unknown[];
  const lib = own.length >= n ? { dir: corpus, count: own.length, own: true } : { ...makeLargeLibrary(corpus, n), own: false };
  if (noHead) {
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
    for (let i = 0; i < runs; i++) {
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

