/**
 * The search-index step of the corpus build alone, timed and its memory measured:
 *
 *   npm run bench:search-index -- --corpus DIR [--runs N] [--out FILE]
 *
 * Loads the built documents of a corpus (DIR/current or a flat corpus), flattens them as the build does,
 * then runs `searchArtifactsOf` (what the build's search thread runs) N times. Printed per run: wall and CPU time,
 * the process RSS sampled every 20 ms from a second thread (the index step is one synchronous call, so the
 * main thread cannot sample itself) above the RSS before the step, and the heap the step leaves behind.
 * --out writes the artifacts' sha256 per path (to compare two versions of the code for identical bytes).
 */
import { createHash } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { loadCorpusDocs } from '../cli/commands/search.js';
import { searchArtifactsOf } from '../core/search/artifacts.js';
import { flattenCorpus, type SearchCorpus } from '../core/search/corpus-units.js';

const argv = process.argv.slice(2);
const opt = (name: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
const MB = 1024 * 1024;

/** A thread that samples the process RSS (shared by all threads) and answers with the peak when asked. */
function rssSampler(): { stop: () => Promise<number> } {
  const w = new Worker(
    `const { parentPort } = require('node:worker_threads');
     let peak = process.memoryUsage.rss();
     const t = setInterval(() => { const r = process.memoryUsage.rss(); if (r > peak) peak = r; }, 20);
     parentPort.on('message', () => { clearInterval(t); const r = process.memoryUsage.rss(); parentPort.postMessage(Math.max(peak, r)); });`,
    { eval: true },
  );
  return {
    stop: () =>
      new Promise<number>((resolve) => {
        w.once('message', (peak: number) => {
          void w.terminate();
          resolve(peak);
        });
        w.postMessage('stop');
      }),
  };
}

async function main() {
  const dir = path.resolve(opt('--corpus') ?? 'resources/corpus');
  const root = existsSync(path.join(dir, 'current', 'library.json')) ? path.join(dir, 'current') : dir;
  const runs = Number(opt('--runs') ?? 1);
  let corpus: SearchCorpus | null = flattenCorpus(await loadCorpusDocs(root));
  const chars = corpus.units.reduce((n, u) => n + u.text.length, 0);
  console.log(`${root}: ${corpus.docs.length} documents, ${corpus.units.length} units, ${(chars / 1e6).toFixed(1)} M characters`);
  for (let r = 0; r < runs; r++) {
    gc!();
    await new Promise((res) => setTimeout(res, 50));
    const before = process.memoryUsage();
    const sampler = rssSampler();
    await new Promise((res) => setTimeout(res, 50)); // the sampler is running
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    let artifacts: ReturnType<typeof searchArtifactsOf> | null = searchArtifactsOf(corpus);
    const ms = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    const peak = await sampler.stop();
    const bytes = artifacts.reduce((n, a) => n + a.data.length, 0);
    console.log(
      `run ${r + 1}: ${(ms / 1000).toFixed(2)} s (CPU ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s); RSS before ${(before.rss / MB).toFixed(0)} MB, peak ${(peak / MB).toFixed(0)} MB (+${((peak - before.rss) / MB).toFixed(0)} MB); ` +
        `${artifacts.length} files, ${(bytes / 1e6).toFixed(1)} M characters`,
    );
    const out = opt('--out');
    if (out && r === 0) writeFileSync(out, artifacts.map((a) => `${a.path} ${createHash('sha256').update(a.data).digest('hex')}`).join('\n') + '\n');
    artifacts = null;
  }
  corpus = null;
  console.log(`maxRSS of the process ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
}

await main();
