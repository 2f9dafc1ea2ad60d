/**
 * `npm run bench:annotations`: 10,000 annotations spread over the real corpus
 * (made by core newAnnotation, seeded through the app's own 导入标注 in
 * Chromium), medians over N runs, each beside a baseline from the same run:
 *
 *   open 我的标注 with 10,000 (target < 500 ms)        vs  an empty 我的标注
 *   open the most-annotated document, painted          vs  the same document with none (target < 300 ms more)
 *   export (导出标注 → file handed to the browser)      vs  serialising the same list (JSON.stringify)
 *   import (file chosen → 已导入, one transaction)      vs  parsing the same file (JSON.parse)
 *   re-anchor all after a corpus rebuild               vs  a no-op pass (nothing to re-anchor)
 *
 * Re-anchoring is measured where users meet it: the app's own startup pass in
 * Chromium (the User Timing entry renderer/annotations/startup.ts records),
 * after the same origin starts serving a corpus rebuilt with
 * `npx policy-reader build` from raw files edited before every 第十条; the
 * baseline is the next start, which finds nothing to re-anchor. The same pass
 * (reanchorAll) is also timed in Node over fake-indexeddb, as before.
 *
 *   npm run bench:annotations -- [--runs N] [--count N]
 */
import 'fake-indexeddb/auto';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { newAnnotation } from '../core/annotations/create';
import { serializeAnnotationFile } from '../core/annotations/file';
import { HIGHLIGHT_COLOURS, type Annotation, type Motivation } from '../core/annotations/model';
import type { DocSummary, PolicyDocument, Unit } from '../core/corpus/types';
import { launch, startServer } from '../e2e/browser/harness';
import { startPreviewServer } from './preview-server';
import { flatten } from '../e2e/browser/corpus-facts';
import { ReaderDatabase } from '../renderer/db/database';
import { reanchorAll } from '../renderer/annotations/reanchor';
import { DEFAULT_CORPUS, REPO } from './preview-server';
import { mulberry32 } from '../core/util/random';
import { fmtMs } from './bench-stats';

// page.evaluate callbacks run in the browser; this file is checked with Node types only.
declare const document: any, window: any, indexedDB: any, performance: any;

/** REANCHOR_MEASURE in renderer/annotations/startup.ts (not imported: that module pulls in React). */
const REANCHOR_MEASURE = 'policy-reader:reanchor';

const argv = process.argv.slice(2);
const opt = (name: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const RUNS = Math.max(1, Number(opt('--runs') ?? 5));
const COUNT = Math.max(1, Number(opt('--count') ?? 10_000));
const TAGS = ['待研究', '汇报用', '重点', '存疑', '已落实'];
const NOTES = ['与我局现行做法不一致', '需要与财政局确认口径', '下周例会讨论\n请法规科先行研究', '已在2024年方案中落实'];

const fmt = (xs: number[]) => fmtMs(xs, 5);

export function makeAnnotations(corpus: string, count: number): { list: Annotation[]; contentHash: string } {
  const contentHash = JSON.parse(readFileSync(join(corpus, 'manifest.json'), 'utf8')).contentHash as string;
  const library = JSON.parse(readFileSync(join(corpus, 'library.json'), 'utf8')) as DocSummary[];
  const units: { doc: PolicyDocument; unit: Unit; len: number }[] = [];
  for (const s of library) {
    const doc = JSON.parse(readFileSync(join(corpus, 'docs', `${s.id}.json`), 'utf8')) as PolicyDocument;
    for (const unit of flatten(doc.units)) {
      const len = unit.paragraphs.map((p) => p.text).join('\n').length;
      if (len >= 8) units.push({ doc, unit, len });
    }
  }
  const r = mulberry32(42); // seeded: the same annotations every run
  const t0 = Date.parse('2025-01-01T00:00:00Z');
  const list: Annotation[] = [];
  for (let i = 0; i < count; i++) {
    const { doc, unit, len } = units[Math.floor(r() * units.length)];
    const x = r();
    const motivation: Motivation = x < 0.15 ? 'bookmarking' : x < 0.4 ? 'commenting' : 'highlighting';
    const start = Math.floor(r() * (len - 4));
    const end = Math.min(len, start + 2 + Math.floor(r() * 30));
    list.push(
      newAnnotation({
        motivation,
        doc,
        unit,
        range: motivation === 'bookmarking' ? undefined : { start, end },
        colour: HIGHLIGHT_COLOURS[Math.floor(r() * HIGHLIGHT_COLOURS.length)],
        note: motivation === 'commenting' ? NOTES[i % NOTES.length] : '',
        tags: r() < 0.3 ? [TAGS[Math.floor(r() * TAGS.length)]] : [],
        contentHash,
        now: new Date(t0 + i * 60_000),
      }),
    );
  }
  return { list, contentHash };
}

/** Raw files with a paragraph inserted before every 第十条: a rebuild that moves text under existing annotations. */
function rebuiltCorpus(): string {
  const work = mkdtempSync(join(tmpdir(), 'policy-reader-bench-rebuild-'));
  const raw = join(work, 'raw');
  cpSync(join(REPO, 'resources', 'corpus', 'raw'), raw, { recursive: true });
  for (const f of readdirSync(raw)) {
    const p = join(raw, f);
    const text = readFileSync(p, 'utf8');
    writeFileSync(p, text.replace(/^(\s*第十条)/gm, '基准测试插入的一段文字。\n$1'));
  }
  execFileSync('npx', ['policy-reader', 'build', '--raw', raw, '--corpus', join(work, 'corpus'), '--quiet'], { cwd: REPO, stdio: 'inherit' });
  return work;
}

// Measured in the page (strings: tsx would add helpers to functions that the page lacks).
// Resolves when `ready()` holds, at the next animation frame (what the user sees painted).
const UNTIL = `(ready, t0) => new Promise((ok, fail) => {
  const started = performance.now();
  const tick = () => {
    if (ready()) requestAnimationFrame(() => ok(performance.now() - t0));
    else if (performance.now() - started > 60000) fail(new Error('timeout'));
    else requestAnimationFrame(tick);
  };
  tick();
})`;

async function main() {
  const corpus = DEFAULT_CORPUS;
  if (!existsSync(join(corpus, 'library.json'))) throw new Error('build the corpus first: npm run build:corpus');
  const { list, contentHash } = makeAnnotations(corpus, COUNT);
  const fileText = serializeAnnotationFile(list, new Date());
  const work = mkdtempSync(join(tmpdir(), 'policy-reader-bench-annotations-'));
  const file = join(work, 'annotations.json');
  writeFileSync(file, fileText);
  const perDoc = new Map<string, number>();
  for (const a of list) if (a.motivation !== 'bookmarking') perDoc.set(a.target['policyReader:document'].id, (perDoc.get(a.target['policyReader:document'].id) ?? 0) + 1);
  const [busiest, busiestCount] = [...perDoc].sort((a, b) => b[1] - a[1])[0];
  const busiestDoc = JSON.parse(readFileSync(join(corpus, 'docs', `${busiest}.json`), 'utf8')) as PolicyDocument;
  const busiestUnits = flatten(busiestDoc.units).length;

  const rebuilt = rebuiltCorpus();
  const newCorpus = join(rebuilt, 'corpus');

  const r = { viewEmpty: [] as number[], view: [] as number[], docEmpty: [] as number[], doc: [] as number[], exp: [] as number[], ser: [] as number[], imp: [] as number[], parse: [] as number[], reChromium: [] as number[], noopChromium: [] as number[] };
  let chromiumCounts = '';
  let server = await startServer(corpus);
  const port = server.port;
  // The same origin (so the same IndexedDB) serving another corpus: what an app update that ships a rebuilt corpus looks like.
  const serve = async (dir: string) => {
    await server.close();
    server = await startPreviewServer({ port, corpusDir: dir });
  };
  const startupReanchor = async () => {
    await page.goto(server.url);
    await page.waitForSelector('[data-testid=doc-row]');
    const handle = await page.waitForFunction(
      (name: string) => {
        const m = performance.getEntriesByName(name)[0];
        return m && { duration: m.duration, detail: m.detail };
      },
      REANCHOR_MEASURE,
      { timeout: 120_000 },
    );
    return (await handle.jsonValue()) as { duration: number; detail: Record<string, number> };
  };
  const browser = await launch();
  const { page } = browser;
  const until = (ready: string, t0 = 'performance.now()') => page.evaluate(`(${UNTIL})(() => ${ready}, ${t0})`) as Promise<number>;
  const clickAndTime = (selector: string, ready: string) =>
    page.evaluate(`(() => { const t0 = performance.now(); document.querySelector(${JSON.stringify(selector)}).click(); return (${UNTIL})(() => ${ready}, t0); })()`) as Promise<number>;
  const hashAndTime = (hash: string, ready: string) => page.evaluate(`(() => { const t0 = performance.now(); location.hash = ${JSON.stringify(hash)}; return (${UNTIL})(() => ${ready}, t0); })()`) as Promise<number>;
  const docPainted = (n: number, highlights: number) =>
    `document.querySelectorAll('[data-testid=doc] [data-unit-id]').length >= ${n} && [...CSS.highlights.values()].reduce((s, h) => s + h.size, 0) >= ${highlights}`;
  try {
    for (let i = 0; i < RUNS; i++) {
      // A fresh database: leave the app, delete it from a page of the same origin that does not open it.
      await page.goto(`${server.url}corpus/manifest.json`);
      await page.evaluate(() => new Promise((ok) => Object.assign(indexedDB.deleteDatabase('policy-reader'), { onsuccess: ok, onerror: ok, onblocked: ok })));
      await page.goto(server.url);
      await page.waitForSelector('[data-testid=doc-row]');
      await page.waitForTimeout(300);

      r.viewEmpty.push(await clickAndTime('.topnav a[href="#/annotations"]', `document.querySelector('.annot-empty')`));
      r.docEmpty.push(await hashAndTime(`#/doc/${busiest}`, docPainted(busiestUnits, 0)));
      await hashAndTime('#/annotations', `document.querySelector('.annot-empty')`);

      // Import through 导入标注 (a file input in the browser), timed from the file being chosen to 已导入.
      await page.evaluate(`window.__imp = { t0: 0 }; document.addEventListener('change', (e) => { if (e.target.type === 'file') window.__imp.t0 = performance.now(); }, true);`);
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: '导入标注' }).click()]);
      await chooser.setFiles(file);
      await page.waitForFunction(() => window.__imp.t0 > 0);
      r.imp.push(await until(`(document.querySelector('[data-testid=annot-toast]')?.textContent ?? '').startsWith('已导入')`, 'window.__imp.t0'));
      r.parse.push(await page.evaluate((text: string) => {
        const t0 = performance.now();
        JSON.parse(text);
        return performance.now() - t0;
      }, fileText));
      await page.waitForFunction((n: number) => (document.querySelector('[data-testid=annot-count]')?.textContent ?? '').includes(`共 ${n} 条`), list.length);

      // Export: from the click to the file handed to the browser (the download link clicked).
      await page.evaluate(`window.__exp = 0; document.addEventListener('click', (e) => { if (e.target.matches && e.target.matches('a[download]')) window.__exp = performance.now(); }, true);`);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.evaluate(`(() => { window.__expStart = performance.now(); [...document.querySelectorAll('button')].find((b) => b.textContent === '导出标注').click(); })()`),
      ]);
      await download.cancel().catch(() => {});
      r.exp.push(await page.evaluate(`window.__exp - window.__expStart`));
      r.ser.push(await page.evaluate((text: string) => {
        const v = JSON.parse(text);
        const t0 = performance.now();
        JSON.stringify(v, null, 2);
        return performance.now() - t0;
      }, fileText));

      // 我的标注 with everything in it, opened from the library.
      await hashAndTime('#/', `document.querySelector('[data-testid=doc-row]')`);
      r.view.push(await clickAndTime('.topnav a[href="#/annotations"]', `document.querySelector('.annot-entry')`));
      // The most annotated document, units rendered and every highlight painted.
      r.doc.push(await hashAndTime(`#/doc/${busiest}`, docPainted(busiestUnits, busiestCount)));

      // Re-anchoring at startup: the app restarted on a rebuilt corpus, then once more with nothing left to do.
      await page.goto(`${server.url}corpus/manifest.json`);
      await serve(newCorpus);
      const pass = await startupReanchor();
      r.reChromium.push(pass.duration);
      chromiumCounts = Object.entries(pass.detail).map(([k, v]) => `${k} ${v}`).join(', ');
      r.noopChromium.push((await startupReanchor()).duration);
      await page.goto(`${server.url}corpus/manifest.json`);
      await serve(corpus);
    }
  } finally {
    await browser.close();
    await server.close();
  }

  // Re-anchoring: the app's pass in Node (fake-indexeddb), after a real rebuild, and a no-op pass.
  const newHash = JSON.parse(readFileSync(join(newCorpus, 'manifest.json'), 'utf8')).contentHash as string;
  const newLibrary = JSON.parse(readFileSync(join(newCorpus, 'library.json'), 'utf8')) as DocSummary[];
  const loadDoc = async (id: string) => {
    const p = join(newCorpus, 'docs', `${id}.json`);
    return existsSync(p) ? (JSON.parse(readFileSync(p, 'utf8')) as PolicyDocument) : null;
  };
  const re: number[] = [];
  const noop: number[] = [];
  let counts = '';
  for (let i = 0; i < RUNS; i++) {
    const database = new ReaderDatabase(`bench-${i}`);
    await database.importAnnotations(list);
    const t0 = performance.now();
    const res = await reanchorAll({ database, contentHash: newHash, library: newLibrary, loadDoc });
    re.push(performance.now() - t0);
    counts = Object.entries(res.counts).map(([k, v]) => `${k} ${v}`).join(', ');
    const t1 = performance.now();
    await reanchorAll({ database, contentHash: newHash, library: newLibrary, loadDoc });
    noop.push(performance.now() - t1);
    await database.delete();
  }
  rmSync(rebuilt, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });

  console.log(`${list.length} annotations over ${perDoc.size} documents of ${corpus} (corpus ${contentHash.slice(0, 12)}), ${RUNS} runs, Chromium headless`);
  console.log(`open 我的标注, ${list.length} entries:      ${fmt(r.view)}   target < 500 ms`);
  console.log(`  baseline: empty 我的标注:               ${fmt(r.viewEmpty)}`);
  console.log(`open ${busiest} (${busiestUnits} units, ${busiestCount} highlights painted): ${fmt(r.doc)}   target < baseline + 300 ms`);
  console.log(`  baseline: same document, no annotations: ${fmt(r.docEmpty)}`);
  console.log(`export (click → file handed over):       ${fmt(r.exp)}   target < 2000 ms`);
  console.log(`  baseline: JSON.stringify of the list:  ${fmt(r.ser)}`);
  console.log(`import (file chosen → 已导入):            ${fmt(r.imp)}   target < 3000 ms`);
  console.log(`  baseline: JSON.parse of the file:      ${fmt(r.parse)}`);
  console.log(`re-anchor all at startup after a rebuild (${chromiumCounts}): ${fmt(r.reChromium)}   target < 2000 ms  (Chromium, the app's startup pass)`);
  console.log(`  baseline: the next startup, nothing to re-anchor: ${fmt(r.noopChromium)}`);
  console.log(`re-anchor all after a rebuild (${counts}): ${fmt(re)}   target < 2000 ms  (Node, fake-indexeddb)`);
  console.log(`  baseline: a no-op pass:                ${fmt(noop)}`);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(fileURLToPath(import.meta.url))) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
