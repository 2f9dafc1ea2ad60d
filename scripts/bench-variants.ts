/**
 * npm run bench:variants — variant detection and comparison, medians with a
 * baseline measured in the same run:
 *   1. family detection over the corpus (MinHash/LSH) against all-pairs;
 *   2. the same at 10× and 100× the corpus, made of synthetic copies: most
 *      copies are re-lettered (a per-copy substitution of characters, so they
 *      are distinct texts of the same size and structure), one in ten is a
 *      lightly mutated variant (characters changed, units dropped) of its
 *      original, so families grow too. All-pairs is projected from a sample
 *      there (it would run for hours);
 *   3. the alignment + diff of the two largest related documents, against
 *      aligning the larger with itself (the floor: units, shingles, matching
 *      and diffing equal text);
 *   4. opening the comparison view of those two in Chromium (from the library:
 *      fetch both, align, render, paint), against opening the reading view of
 *      the larger one the same way;
 *   5. growth on real laws (LawRefBook/Laws, fetched to /work/.mirror or LAWS_REPO): 1×, 2×, 4× of
 *      LAWS=N documents (default 400): time, measured clause and document pairs, boilerplate shingles
 *      and the largest family's share, with the growth exponent of time and pairs.
 * Needs a built corpus (npm run build:corpus). RUNS=n sets the repetitions;
 * ONLY=detect, ONLY=view or ONLY=laws runs sections 1–2, 3–4 or 5; SCALES=10 (or SCALES=) limits section 2.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { alignDocuments } from '../core/compare/align.js';
import { detectVariants, detectVariantsWithTables } from '../core/compare/detect.js';
import { prepare } from '../core/compare/clause-matches.js';
import { MIN_CLAUSE_SHINGLES } from '../core/compare/measures.js';
import { lawDocFromMarkdown } from '../test-support/law-markdown.js';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { overlap } from '../core/compare/shingles.js';
import type { PolicyDocument, Unit } from '../core/corpus/types.js';
import { DEFAULT_CORPUS_DIR } from '../cli/corpus-files.js';
import { median } from './bench-stats';

const RUNS = Number(process.env.RUNS ?? 5);
const docsDir = path.join(DEFAULT_CORPUS_DIR, 'docs');
const docs: PolicyDocument[] = readdirSync(docsDir).map((f) => JSON.parse(readFileSync(path.join(docsDir, f), 'utf8')));

const time = <T>(fn: () => T): [number, T] => {
  const t = performance.now();
  const v = fn();
  return [performance.now() - t, v];
};
const ms = (x: number) => `${x.toFixed(0).padStart(7)} ms`;

// ---- synthetic corpora -------------------------------------------------------

let seed = 12345;
const rnd = (n: number) => {
  seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
  return seed % n;
};
const isHan = (c: number) => c >= 0x4e00 && c <= 0x9fa5;

function mapUnits(units: Unit[], docId: string, f: (t: string) => string, drop: number): Unit[] {
  return units
    .filter(() => rnd(100) >= drop)
    .map((u) => ({ ...u, id: `${docId}~${u.path}`, heading: u.heading && f(u.heading), paragraphs: u.paragraphs.map((p) => ({ ...p, text: f(p.text) })), children: mapUnits(u.children, docId, f, drop) }));
}

function relettered(text: string, shift: number): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // Half the characters move to another ideograph, chosen by the copy: shingles stop matching, length and structure stay.
    out += isHan(c) && (c + shift) % 2 === 0 ? String.fromCharCode(0x4e00 + ((c - 0x4e00 + shift * 7919) % (0x9fa5 - 0x4e00))) : text[i];
  }
  return out;
}

function mutated(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += isHan(text.charCodeAt(i)) && rnd(100) < 3 ? String.fromCharCode(0x4e00 + rnd(0x9fa5 - 0x4e00)) : text[i];
  return out;
}

function scaled(factor: number): PolicyDocument[] {
  const out: PolicyDocument[] = [...docs];
  for (let k = 1; k < factor; k++)
    for (const d of docs) {
      const id = `${d.id}x${k}`;
      const variant = k % 10 === 0;
      const f = variant ? mutated : (t: string) => relettered(t, k);
      out.push({ ...d, id, title: f(d.title), units: mapUnits(d.units, id, f, variant ? 10 : 0), signature: d.signature.map(f) });
    }
  return out;
}

/** All-pairs cost projected from a sample of unit and document pairs (the full loop would take hours at scale). */
function projectedAllPairs(corpus: PolicyDocument[]): number {
  const p = prepare(corpus);
  const units = p.units.filter((u) => u.set.length >= MIN_CLAUSE_SHINGLES);
  const sample = 300_000;
  const [t] = time(() => {
    for (let s = 0; s < sample; s++) overlap(units[rnd(units.length)].set, units[rnd(units.length)].set);
  });
  const unitPairs = (units.length * (units.length - 1)) / 2;
  const docPairs = (p.docs.length * (p.docs.length - 1)) / 2;
  const [td] = time(() => {
    for (let s = 0; s < 2000; s++) overlap(p.docs[rnd(p.docs.length)].set, p.docs[rnd(p.docs.length)].set);
  });
  return (t / sample) * unitPairs + (td / 2000) * docPairs;
}

const ONLY = process.env.ONLY ?? '';
// SCALES=10 (or empty) measures growth at fewer scales: 100× alone takes minutes and ~7 GB.
const SCALES = (process.env.SCALES ?? '10,100').split(',').filter(Boolean).map(Number);

// ---- 1. the corpus -------------------------------------------------------------
if (ONLY === '' || ONLY === 'detect') {
  console.log(`variant detection, ${docs.length} documents, ${RUNS} runs, medians:`);
  const lsh: number[] = [];
  const all: number[] = [];
  let vl: ReturnType<typeof detectVariants> | null = null;
  let va: ReturnType<typeof detectVariants> | null = null;
  for (let r = 0; r < RUNS; r++) {
    const [tl, l] = time(() => detectVariants(docs));
    lsh.push(tl);
    vl = l;
    // All pairs is slow (every clause against every clause): at most 3 runs.
    if (r < Math.min(RUNS, 3)) {
      const [ta, a] = time(() => detectVariants(docs, { method: 'all-pairs' }));
      all.push(ta);
      va = a;
    }
  }
  const members = (v: ReturnType<typeof detectVariants>) => JSON.stringify(v.families.map((f) => f.members.join(',')).sort());
  const pairKeys = (v: ReturnType<typeof detectVariants>) => new Set([...v.families.flatMap((f) => f.pairs), ...v.links].map((p) => `${p.a},${p.b},${p.relation}`));
  const [pl, pa] = [pairKeys(vl!), pairKeys(va!)];
  const found = [...pa].filter((k) => pl.has(k)).length;
  console.log(`  1×    MinHash/LSH  ${ms(median(lsh))}   (${vl!.families.length} families, ${pl.size} related pairs, ${Object.keys(vl!.clauses).length} clauses with counterparts)`);
  console.log(`  1×    all pairs    ${ms(median(all))}   (${va!.families.length} families, ${pa.size} related pairs, ${Object.keys(va!.clauses).length} clauses with counterparts)  ← baseline, same run`);
  console.log(`        LSH families ${members(vl!) === members(va!) ? 'identical to' : 'DIFFERENT from'} all pairs; ${found}/${pa.size} pairs found (missed ones share little text and no clause)`);

  // ---- 2. growth ----------------------------------------------------------------------

  for (const factor of SCALES) {
    const corpus = scaled(factor);
    const runs = factor === 100 ? 1 : Math.min(RUNS, 3);
    const times: number[] = [];
    let fams = 0;
    for (let r = 0; r < runs; r++) {
      const [t, v] = time(() => detectVariants(corpus));
      times.push(t);
      fams = v.families.length;
    }
    const projected = projectedAllPairs(corpus);
    console.log(`  ${`${factor}×`.padEnd(5)} MinHash/LSH  ${ms(median(times))}   (${corpus.length} documents, ${fams} families, ${runs} run${runs > 1 ? 's' : ''})`);
    console.log(`  ${`${factor}×`.padEnd(5)} all pairs    ${ms(projected)}   (projected from sampled pairs)  ← baseline`);
  }

}

// ---- 3. diff of the two largest related documents ---------------------------------------
if (ONLY === '' || ONLY === 'view') {
  const v = detectVariants(docs);
  const byId = new Map(docs.map((d) => [d.id, d]));
  const largest = v.families
    .flatMap((f) => f.pairs)
    .map((p) => [byId.get(p.a)!, byId.get(p.b)!] as const)
    .sort((x, y) => y[0].charCount + y[1].charCount - (x[0].charCount + x[1].charCount))[0];
  const [A, B] = largest;
  const alignT: number[] = [];
  const baseT: number[] = [];
  const larger = A.charCount >= B.charCount ? A : B;
  for (let r = 0; r < Math.max(RUNS, 5); r++) {
    alignT.push(time(() => alignDocuments(A, B))[0]);
    baseT.push(time(() => alignDocuments(larger, larger))[0]);
  }
  console.log(`\ndiff of the two largest related documents (${A.id} ${A.charCount} chars, ${B.id} ${B.charCount} chars):`);
  console.log(`  align units + character diff  ${ms(median(alignT))}`);
  console.log(`  ${larger.id} with itself       ${ms(median(baseT))}  ← baseline, same run`);

  // ---- 4. painting in Chromium ------------------------------------------------------------

  try {
    const { launch, startServer } = await import('../e2e/browser/harness.js');
    const server = await startServer(DEFAULT_CORPUS_DIR);
    const browser = await launch();
    const page = browser.page;
    // From the in-app navigation (the library is open, nothing of the two documents loaded) to the
    // second animation frame after the view is in the DOM: fetch, parse, align, render, paint.
    const paint = async (hash: string, selector: string) => {
      await page.goto(`${server.url}#/`);
      await page.waitForSelector('[data-testid=doc-row]');
      // A string, not a function: tsx wraps named arrows in a helper (__name) the page does not have.
      const script = `new Promise((resolve) => {
        const t0 = performance.now();
        location.hash = ${JSON.stringify(hash)};
        const check = () => {
          if (document.querySelector(${JSON.stringify(selector)})) requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - t0)));
          else requestAnimationFrame(check);
        };
        check();
      })`;
      return (await page.evaluate(script)) as number;
    };
    const cmp: number[] = [];
    const read: number[] = [];
    const big = A.charCount >= B.charCount ? A : B;
    for (let r = 0; r < Math.max(RUNS, 5); r++) {
      cmp.push(await paint(`#/compare/${A.id}/${B.id}`, '[data-testid=compare-view] .cmp-row'));
      read.push(await paint(`#/doc/${big.id}`, '.unit'));
    }
    await browser.close();
    await server.close();
    console.log(`\npainting in Chromium (library open → hash change → second frame after the view is in the DOM):`);
    console.log(`  comparison view of the two     ${ms(median(cmp))}`);
    console.log(`  reading view of ${big.id}   ${ms(median(read))}  ← baseline, same run`);
  } catch (e) {
    console.log(`\npainting in Chromium skipped: ${(e as Error).message}`);
  }
}

// ---- 5. growth on real laws ----------------------------------------------------------------
if (ONLY === '' || ONLY === 'laws') {
  const repo = process.env.LAWS_REPO ?? '/work/.mirror/LawRefBook+Laws/repo';
  if (!existsSync(repo)) console.log(`\nreal-law growth skipped: no LawRefBook/Laws snapshot at ${repo} (set LAWS_REPO)`);
  else {
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'laws-'));
    try {
      // One git archive, not a process per file.
      execFileSync('sh', ['-c', `git -C '${repo}' archive HEAD | tar -x -C '${tmp}'`]);
      const files: string[] = [];
      const walk = (dir: string) => {
        for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
          if (e.name.startsWith('.') || e.name === 'DLC' || e.name === 'scripts') continue;
          if (e.isDirectory()) walk(path.join(dir, e.name));
          else if (e.name.endsWith('.md') && e.name !== 'README.md') files.push(path.join(dir, e.name));
        }
      };
      walk(tmp);
      const laws = files.map((f) => lawDocFromMarkdown(path.basename(f), readFileSync(f, 'utf8'))).filter((d): d is PolicyDocument => d !== null);
      const base = Number(process.env.LAWS ?? 400);
      console.log(`\ngrowth on real laws (${laws.length} readable in LawRefBook/Laws; 1× = ${base}; ${Math.min(RUNS, 3)} runs, medians):`);
      let first: { t: number; pairs: number; cand: number } | null = null;
      for (const factor of [1, 2, 4]) {
        const n = base * factor;
        if (n > laws.length) {
          console.log(`  ${factor}× skipped: ${n} documents wanted, ${laws.length} available`);
          continue;
        }
        // Every k-th law, so each size spans all folders (laws, regulations, interpretations).
        const step = laws.length / n;
        const corpus = Array.from({ length: n }, (_, i) => laws[Math.floor(i * step)]);
        const times: number[] = [];
        const cpus: number[] = [];
        let r!: ReturnType<typeof detectVariantsWithTables>;
        for (let k = 0; k < Math.min(RUNS, 3); k++) {
          const c0 = process.cpuUsage();
          const [t, out] = time(() => detectVariantsWithTables(corpus));
          const c = process.cpuUsage(c0);
          cpus.push((c.user + c.system) / 1000);
          times.push(t);
          r = out;
        }
        // CPU time, not wall time: on a shared machine the wall clock measures the neighbours too.
        const t = median(cpus);
        const wall = median(times);
        const biggest = Math.max(0, ...r.variants.families.map((f) => f.members.length));
        const revisions = [...r.variants.families.flatMap((f) => f.pairs), ...r.variants.links].filter((p) => p.relation === 'revision').length;
        const exp = (a: number, b: number) => (first && a > 0 && b > 0 ? (Math.log(a / b) / Math.log(factor)).toFixed(2) : '–');
        console.log(
          `  ${`${factor}×`.padEnd(3)} ${String(n).padStart(5)} docs  cpu ${ms(t)} (wall ${ms(wall).trim()})  clause pairs ${String(r.stats.clausePairs).padStart(7)}  doc candidates ${String(r.stats.docCandidates).padStart(7)}  boilerplate shingles ${String(r.stats.commonShingles).padStart(6)}  families ${r.variants.families.length} (largest ${biggest} = ${((100 * biggest) / n).toFixed(1)} %)  revisions ${revisions}  links ${r.variants.links.length}` +
            (first ? `  growth exponent: cpu ${exp(t, first.t)}, doc candidates ${exp(r.stats.docCandidates, first.cand)}, clause pairs ${exp(r.stats.clausePairs, first.pairs)}` : ''),
        );
        if (factor === 1) first = { t, pairs: r.stats.clausePairs, cand: r.stats.docCandidates };
      }
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }
}
