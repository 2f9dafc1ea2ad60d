/**
 * npm run bench:corpus — how long the corpus build takes and how big its
 * output is. Prints medians over several runs; the baseline is decoding and
 * line-splitting the same raw bytes (the floor any parser pays).
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildCorpus, corpusFiles } from '../core/corpus/build.js';
import { decodeRaw } from '../core/corpus/decode.js';
import { toLines } from '../core/corpus/lines.js';
import { DEFAULT_CORPUS_DIR } from '../cli/corpus-files.js';
import { sha256Hex } from '../cli/hash.js';

const RUNS = Number(process.env.RUNS ?? 7);
const rawDir = path.join(DEFAULT_CORPUS_DIR, 'raw');
const files = readdirSync(rawDir).sort().map((name) => ({ name, bytes: new Uint8Array(readFileSync(path.join(rawDir, name))) }));
const rawBytes = files.reduce((n, f) => n + f.bytes.length, 0);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
function time<T>(fn: () => T): [number, T] {
  const t = performance.now();
  const v = fn();
  return [performance.now() - t, v];
}

let searchBuild: ((docs: Parameters<typeof corpusFiles>[0]['docs']) => { path: string; data: string }[]) | null = null;
try {
  searchBuild = (await import('../core/search/artifacts.js')).buildSearchArtifacts;
} catch {
  searchBuild = null;
}

const rows: Record<string, number[]> = { 'baseline: decode + split lines': [], 'parse (buildCorpus)': [], 'serialise (corpusFiles)': [], 'search index (buildSearchArtifacts)': [], total: [] };
let last: ReturnType<typeof corpusFiles> | null = null;
for (let i = 0; i < RUNS; i++) {
  const [base] = time(() => files.forEach((f) => {
    const d = decodeRaw(f.bytes);
    if (d.ok) toLines(d.text);
  }));
  const [parse, result] = time(() => buildCorpus(files, sha256Hex));
  const [search, artifacts] = time(() => (searchBuild ? searchBuild(result.docs) : []));
  const [ser, out] = time(() => corpusFiles(result, sha256Hex, artifacts));
  last = out;
  rows['baseline: decode + split lines'].push(base);
  rows['parse (buildCorpus)'].push(parse);
  rows['serialise (corpusFiles)'].push(ser);
  rows['search index (buildSearchArtifacts)'].push(search);
  rows.total.push(parse + search + ser);
}

console.log(`corpus build, ${RUNS} runs, ${files.length} raw files (${(rawBytes / 1024).toFixed(0)} KiB), medians:`);
for (const [k, v] of Object.entries(rows)) console.log(`  ${k.padEnd(40)} ${median(v).toFixed(0).padStart(6)} ms`);
if (!searchBuild) console.log('  (no core/search/artifacts.ts: search index not built)');
const sizes = { corpus: 0, corpusGz: 0, search: 0, searchGz: 0 };
for (const [p, c] of last!.files) {
  const bytes = Buffer.byteLength(c);
  const gz = gzipSync(c).length;
  if (p.startsWith('search/')) {
    sizes.search += bytes;
    sizes.searchGz += gz;
  } else {
    sizes.corpus += bytes;
    sizes.corpusGz += gz;
  }
}
const kib = (n: number) => `${(n / 1024).toFixed(0)} KiB`;
console.log(`output: corpus ${kib(sizes.corpus)} (gzip ${kib(sizes.corpusGz)}), search index ${kib(sizes.search)} (gzip ${kib(sizes.searchGz)})`);
console.log(`counts: ${JSON.stringify(last!.manifest.counts)}`);
