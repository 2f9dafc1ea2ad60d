/**
 * `node --expose-gc --import tsx scripts/profile-variants.ts --corpus DIR [--src ROOT] [--no-gc] [--out FILE] [--cache DIR]`:
 * the memory of the build's variants step alone (issue 20). Loads the built documents of a corpus
 * (DIR/current/docs or DIR/docs), then runs `variantsArtifacts` from ROOT (default: this checkout; another
 * checkout's root gives a same-run baseline of older code) and samples the heap between its stages.
 *
 * With gc (the default, needs --expose-gc) each sample is taken twice: as the stage left it (live and garbage)
 * and after a full collection (live only). `--no-gc` collects nothing, so the peak RSS is the one a build sees.
 * The documents' own memory is the base line every stage is shown against. `--out FILE` writes the artifacts'
 * sha256 (one line per file) so two runs can be compared for identical output. `--cache DIR` uses the build's
 * per-document cache (cli/variants-cache.ts) in DIR: a second run shows what an incremental build still computes.
 * Figures only.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const argv = process.argv.slice(2);
const opt = (name: string) => {
  const at = argv.indexOf(name);
  return at >= 0 ? argv[at + 1] : undefined;
};
const corpus = opt('--corpus');
if (!corpus) throw new Error('usage: profile-variants.ts --corpus DIR [--src ROOT] [--no-gc] [--out FILE]');
const src = path.resolve(opt('--src') ?? path.join(import.meta.dirname, '..'));
const useGc = !argv.includes('--no-gc');
const gc = (globalThis as { gc?: () => void }).gc;
if (useGc && !gc) throw new Error('run with node --expose-gc (or pass --no-gc)');

const mb = (n: number) => (n / 1048576).toFixed(0).padStart(6);
const docsDir = existsSync(path.join(corpus, 'current', 'docs')) ? path.join(corpus, 'current', 'docs') : path.join(corpus, 'docs');
const docs = readdirSync(docsDir)
  .sort()
  .map((f) => JSON.parse(readFileSync(path.join(docsDir, f), 'utf8')));

interface Sample {
  stage: string;
  ms: number;
  /** CPU time of the stage (this process, all threads): less sensitive than wall time to a busy machine. */
  cpuMs: number;
  heap: number;
  heapLive: number;
  external: number;
  rss: number;
}
const samples: Sample[] = [];
let clock = performance.now();
let cpuClock = process.cpuUsage();
let peakRss = 0;
const show = (s: Sample) =>
  console.log(
    `${s.stage.padEnd(16)}${s.ms.toFixed(0).padStart(7)}${s.cpuMs.toFixed(0).padStart(7)} ${mb(s.heap - base.heapLive)} ${useGc ? mb(s.heapLive - base.heapLive).padStart(10) : '         -'} ${mb(s.external - base.external).padStart(9)} ${mb(s.rss - base.rss)}`,
  );
// Each stage's line is printed as it is taken: a 10,000-document run takes minutes.
const sample = (stage: string) => {
  const ms = performance.now() - clock;
  const cpu = process.cpuUsage(cpuClock);
  const before = process.memoryUsage();
  if (useGc) gc!();
  const after = process.memoryUsage();
  peakRss = Math.max(peakRss, before.rss);
  samples.push({ stage, ms, cpuMs: (cpu.user + cpu.system) / 1000, heap: before.heapUsed, heapLive: after.heapUsed, external: after.external, rss: before.rss });
  if (samples.length > 1) show(samples.at(-1)!);
  clock = performance.now();
  cpuClock = process.cpuUsage();
};

const { variantsArtifacts } = (await import(pathToFileURL(path.join(src, 'core/compare/artifact.ts')).href)) as typeof import('../core/compare/artifact.js');
sample('documents loaded');
const base = samples[0];
console.log(`variants step on ${docs.length} documents from ${docsDir}; code ${src}; ${useGc ? 'full gc at each stage' : 'no forced gc'}`);
console.log(`memory in MB above the loaded documents (heap ${mb(base.heapLive).trim()} MB live, rss ${mb(base.rss).trim()} MB)`);
console.log(`stage               ms cpu-ms    heap  heap-live  external     rss`);
const cacheDir = opt('--cache');
const cache = cacheDir ? ((await import(pathToFileURL(path.join(src, 'cli/variants-cache.ts')).href)) as typeof import('../cli/variants-cache.js')).variantsCache(cacheDir) : undefined;
const t0 = performance.now();
// With the cache, through the build's hand-over (cli/variants-pool.ts): the entries are read and checked there first.
const pool = cache ? ((await import(pathToFileURL(path.join(src, 'cli/variants-pool.ts')).href)) as typeof import('../cli/variants-pool.js')) : undefined;
const prepared = cache && pool ? await pool.prepareInWorkers(docs, cache) : undefined;
if (prepared) sample('cache read');
// Held together, as the build holds them until it writes.
const files = [...variantsArtifacts(docs, { onStage: sample, cache: prepared })];
sample('files');
const total = performance.now() - t0;
const outBytes = files.reduce((n, f) => n + Buffer.byteLength(f.data), 0);
const u = process.resourceUsage();
console.log(
  `total ${(total / 1000).toFixed(1)} s (with the forced collections; stage times without); ${files.length} files, ${(outBytes / 1e6).toFixed(1)} MB; peak RSS sampled ${mb(peakRss).trim()} MB, process maxRSS ${(u.maxRSS / 1024).toFixed(0)} MB`,
);
if (cache) console.log(`cache: ${cache.read} entries read, ${cache.written} written`);
const out = opt('--out');
if (out) writeFileSync(out, files.map((f) => `${createHash('sha256').update(f.data).digest('hex')}  ${f.path}`).join('\n') + '\n');
