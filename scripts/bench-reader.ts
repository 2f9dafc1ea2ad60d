/**
 * `npm run bench:reader`: the reading view on a long real document. Builds a
 * corpus from the text of 中华人民共和国民法典 (1,260 articles: the raw file
 * kept in test-data/long/, or made again from a LawRefBook/Laws git directory
 * given as --source DIR), then in Chromium against the preview server times, over N runs:
 *   - opening it in the app (hash change) → its first screen painted (target < 500 ms),
 *   - opening it → every unit in the page,
 *   - frame times while scrolling it end to end,
 * with same-run baselines: a static file from the same server, and the first
 * screen of a short document (a notice of ~40 units) in the same corpus.
 * Figures only, no pass/fail.
 *
 *   npm run bench:reader -- [--runs N] [--source GITDIR]
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DocSummary, PolicyDocument } from '../core/corpus/types';
import { allUnits } from '../core/corpus/units';
import { launch, startServer } from '../e2e/browser/harness';
import { main as cli } from '../cli/policy-reader';
import { PROBE, SCROLL_THROUGH } from './bench-browser';
import { DEFAULT_CORPUS } from './preview-server';
import { civilCodeRaw } from './civil-code';
import { median, fmtMs } from './bench-stats';

// page.evaluate callbacks run in the browser; this file is checked with Node types only.
declare const window: any, performance: any;

const argv = process.argv.slice(2);
const opt = (name: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const RUNS = Math.max(1, Number(opt('--runs') ?? 5));
const SOURCE = opt('--source');
const fmt = (xs: number[]) => fmtMs(xs);

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'policy-reader-bench-reader-'));
  mkdirSync(join(dir, 'raw'));
  writeFileSync(join(dir, 'raw', 'minfadian.txt'), civilCodeRaw(SOURCE));
  // A short real notice beside it, for the same-run baseline.
  copyFileSync(join(DEFAULT_CORPUS, 'raw', '000_57e3cdbe4450e5ba.txt'), join(dir, 'raw', '000.txt'));
  const io = { out: () => {}, err: (t: string) => console.error(t), stdinIsTTY: true, async *stdinLines() {} };
  if ((await cli(['build', '--corpus', dir, '--quiet'], io)) !== 0) throw new Error('corpus build failed');
  const library = JSON.parse(readFileSync(join(dir, 'library.json'), 'utf8')) as DocSummary[];
  const code = library.find((d) => d.title.includes('民法典'));
  if (!code) throw new Error('民法典 not parsed as a document');
  const doc = JSON.parse(readFileSync(join(dir, 'docs', `${code.id}.json`), 'utf8')) as PolicyDocument;
  const units = allUnits(doc.units).length;
  const small = library.filter((d) => d.id !== code.id && d.unitCount >= 10).sort((a, b) => a.unitCount - b.unitCount)[0];

  const server = await startServer(dir);
  const browser = await launch();
  await browser.context.addInitScript({ content: PROBE });
  const floor: number[] = [];
  const smallFirst: number[] = [];
  const first: number[] = [];
  const all: number[] = [];
  let frames: number[] = [];
  try {
    // In the app (library loaded, as a reader opens a document): from the hash change to the frame in
    // which `want` units are painted, so the app's own start-up is not counted.
    const timeTo = async (id: string, want: number): Promise<number> => {
      const p = await browser.context.newPage();
      await p.goto(server.url);
      await p.waitForSelector('[data-testid=doc-row]');
      await p.evaluate(
        ([docId, n]) => {
          window.__bench.want = n;
          window.__t0 = performance.now();
          window.location.hash = `#/doc/${docId}`;
        },
        [id, want] as const,
      );
      await p.waitForFunction(() => window.__bench.docAt !== null, undefined, { timeout: 60_000 });
      const t = await p.evaluate(() => (window.__bench.docAt as number) - window.__t0);
      if (want > 1 && !frames.length) frames = (await p.evaluate(SCROLL_THROUGH)) as number[];
      await p.close();
      return t;
    };
    for (let i = 0; i < RUNS; i++) {
      const b = await browser.context.newPage();
      await b.goto(`${server.url}corpus/manifest.json`, { waitUntil: 'load' });
      floor.push(await b.evaluate(() => performance.getEntriesByType('navigation')[0].loadEventEnd as number));
      await b.close();
      if (small) smallFirst.push(await timeTo(small.id, 1));
      first.push(await timeTo(code.id, 1));
      all.push(await timeTo(code.id, units));
    }
  } finally {
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const sorted = [...frames].sort((a, b) => a - b);
  console.log(`${RUNS} runs, Chromium headless; a shared machine: read the figures against the same-run baselines`);
  console.log(`baseline: a static file from the same server (navigation → load):    ${fmt(floor)}`);
  if (small) console.log(`baseline: ${small.title.slice(0, 24)}… (${small.unitCount} units), opened → first screen:  ${fmt(smallFirst)}`);
  console.log(`中华人民共和国民法典 (${units} units, ${code.charCount} chars), opened → first screen painted: ${fmt(first)}   target < 500 ms`);
  console.log(`中华人民共和国民法典, opened → every unit in the page: ${fmt(all)}`);
  console.log(`scrolling it end to end: ${frames.length} frames, median ${median(frames).toFixed(1)} ms, p95 ${(sorted[Math.floor(sorted.length * 0.95)] ?? 0).toFixed(1)} ms, frames > 50 ms: ${frames.filter((f) => f > 50).length}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
