/**
 * npm run bench:subject [built corpus folder, default the sample's] — "related by subject" (subjectPairs) on a built corpus: the
 * current code against the implementation it replaced (kept in scripts/subject-before.ts as the
 * baseline), alternating, RUNS=n times each (default 3); prints both medians, of wall and of CPU time
 * (user + system, all the process's threads: on a shared machine the wall time is mostly waiting), and
 * fails unless the two outputs are identical (same pairs, scores, terms and order).
 * The text-variant predicate is the corpus's own variants.json (family pairs and links), the same for both.
 * ONLY=after or ONLY=before runs one side once and prints the resident memory it added at its peak
 * (run with --expose-gc so the loading's garbage is collected first).
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { subjectPairs } from '../core/compare/subject.js';
import type { PolicyDocument } from '../core/corpus/types.js';
import type { VariantsFile } from '../core/compare/format.js';
import { subjectPairsBefore } from './subject-before.js';
import { DEFAULT_CORPUS_DIR } from '../cli/corpus-files.js';
import { median } from './bench-stats';

const dir = process.argv[2] ?? DEFAULT_CORPUS_DIR; // e.g. .cache/bench-scale/10000/current, made by npm run bench:scale
const RUNS = Number(process.env.RUNS ?? 3);
const ONLY = process.env.ONLY;

const docs: PolicyDocument[] = readdirSync(path.join(dir, 'docs'))
  .map((f) => JSON.parse(readFileSync(path.join(dir, 'docs', f), 'utf8')) as PolicyDocument)
  .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)); // the order detectVariants gives it
const variants = JSON.parse(readFileSync(path.join(dir, 'variants.json'), 'utf8')) as VariantsFile;
const linked = new Set<string>();
for (const f of variants.families) for (const p of f.pairs) linked.add(`${p.a},${p.b}`);
for (const p of variants.links ?? []) linked.add(`${p.a},${p.b}`);
const reference = variants.subject;
(variants as Partial<VariantsFile>).clauses = undefined; // the largest part, not needed here
const isTextVariant = (a: string, b: string) => linked.has(`${a},${b}`) || linked.has(`${b},${a}`);
// subjectPairs asks by the documents' indexes.
const isTextVariantAt = (i: number, j: number) => isTextVariant(docs[i].id, docs[j].id);

const gc = (globalThis as { gc?: () => void }).gc;

if (ONLY) {
  // The process's resident memory, sampled every 5 ms from a worker thread (this one is busy), against
  // its size just before: typed arrays live outside the JS heap, so heap figures alone would miss them.
  const run = ONLY === 'before' ? () => subjectPairsBefore(docs, isTextVariant) : () => subjectPairs(docs, isTextVariantAt);
  // Let the collector give back what loading left behind, so the base is the documents themselves.
  for (let k = 0; k < 3; k++) {
    gc?.();
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  const peak = new Float64Array(new SharedArrayBuffer(8));
  const sampler = new Worker(
    `const a = new Float64Array(require('node:worker_threads').workerData);
     setInterval(() => { a[0] = Math.max(a[0], process.memoryUsage.rss()); }, 5);`,
    { eval: true, workerData: peak.buffer },
  );
  await new Promise((resolve) => sampler.once('online', resolve));
  const base = process.memoryUsage.rss();
  peak[0] = base;
  const t = performance.now();
  const out = run();
  const ms = performance.now() - t;
  await new Promise((resolve) => setTimeout(resolve, 20));
  await sampler.terminate();
  const mb = (x: number) => (x / 2 ** 20).toFixed(0);
  console.log(`${ONLY}: ${docs.length} docs, ${out.length} pairs, ${ms.toFixed(0)} ms, resident memory ${mb(base)} MB before, peak +${mb(peak[0] - base)} MB`);
} else {
  const before: number[][] = [[], []];
  const after: number[][] = [[], []];
  const timed = <T>(into: number[][], fn: () => T): T => {
    const t = performance.now();
    const c = process.cpuUsage();
    const out = fn();
    const { user, system } = process.cpuUsage(c);
    into[0].push(performance.now() - t);
    into[1].push((user + system) / 1000);
    return out;
  };
  let outBefore = '';
  let outAfter = '';
  for (let r = 0; r < RUNS; r++) {
    outBefore = JSON.stringify(timed(before, () => subjectPairsBefore(docs, isTextVariant)));
    outAfter = JSON.stringify(timed(after, () => subjectPairs(docs, isTextVariantAt)));
  }
  const pairs = (JSON.parse(outAfter) as unknown[]).length;
  console.log(`${docs.length} docs, ${pairs} subject pairs (corpus variants.json lists ${reference.length})`);
  const line = (name: string, [wall, cpu]: number[][]) =>
    console.log(`  ${name} wall median ${median(wall).toFixed(0)} ms [${wall.map((x) => x.toFixed(0)).join(', ')}], CPU median ${median(cpu).toFixed(0)} ms [${cpu.map((x) => x.toFixed(0)).join(', ')}]`);
  line('before:', before);
  line('after: ', after);
  console.log(`  after / before, CPU: ${(median(after[1]) / median(before[1])).toFixed(3)}`);
  if (outBefore !== outAfter) {
    const a = JSON.parse(outBefore) as unknown[];
    const b = JSON.parse(outAfter) as unknown[];
    const k = a.findIndex((x, i) => JSON.stringify(x) !== JSON.stringify(b[i]));
    console.error(`DIFFERENT OUTPUT: ${a.length} vs ${b.length} pairs, first difference at ${k}:`, a[k], b[k]);
    process.exit(1);
  }
  console.log('  identical output (pairs, scores, terms, order)');
}
