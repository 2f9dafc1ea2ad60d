/**
 * npm run bench:search — search figures measured in one run:
 * index build time, index size (raw / gzip), load time, query latency
 * p50/p95 over a fixed seeded query set, recall and false hits, at 1× and
 * 10× the corpus (units replicated as separate strings), against a
 * brute-force `includes` scan and FlexSearch with a bigram encoder.
 *
 *   npm run bench:search [-- --corpus DIR] [-- --quick] [-- --no-lunr]
 *
 * --no-lunr builds the index once with the counting builder only: lunr's builder at 10,000 documents
 * would take most of an hour, three times over.
 *
 * Uses the parsed corpus (resources/corpus/library.json + docs/) when it
 * exists, else falls back to paragraphs split from resources/corpus/raw/*.txt.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import FlexSearch from 'flexsearch';
import { buildIndexData, shardFiles } from '../core/search/build.js';
import { flattenCorpus, type SearchCorpus } from '../core/search/corpus-units.js';
import { SearchEngine } from '../core/search/engine.js';
import { normalizeUnitText } from '../core/search/tokenizer.js';
import { normalize } from '../core/text/normalize.js';
import { loadCorpusDocs } from '../cli/commands/search.js';
import { mulberry32 } from '../core/util/random.js';
import { median, percentile as pct } from './bench-stats';

/** Fallback corpus: one document per raw file, paragraphs at blank lines. */
export function rawCorpus(rawDir: string): SearchCorpus {
  const corpus: SearchCorpus = { docs: [], units: [] };
  const files = readdirSync(rawDir).filter((f) => f.endsWith('.txt')).sort();
  files.forEach((f, di) => {
    const text = readFileSync(join(rawDir, f), 'utf8').replace(/\r/g, '');
    const paras = text.split(/\n\s*\n/).map((p) => p.replace(/\n/g, '').trim()).filter(Boolean);
    corpus.docs.push({ id: f.replace(/\.txt$/, ''), title: paras[0]?.slice(0, 40) ?? f, issuer: '', issuers: [], docNumber: null, year: null, region: '全国', regions: ['全国'], kind: '其他' });
    let k = 0;
    for (const p of paras) {
      // Long paragraphs split at sentence ends into ~300-character units.
      const parts = p.length > 400 ? p.match(/[^。]{1,300}(。|$)/g) ?? [p] : [p];
      for (const part of parts) corpus.units.push({ doc: di, path: `p${k++}`, text: part, trail: [] });
    }
  });
  return corpus;
}

export async function loadBenchCorpus(corpusDir = 'resources/corpus'): Promise<{ corpus: SearchCorpus; source: string }> {
  if (existsSync(join(corpusDir, 'library.json'))) {
    return { corpus: flattenCorpus(await loadCorpusDocs(corpusDir)), source: `${corpusDir} (parsed corpus)` };
  }
  return { corpus: rawCorpus(join(corpusDir, 'raw')), source: `${corpusDir}/raw (fallback: paragraphs of the raw files)` };
}

/** Replicate every unit `times` times as distinct strings in distinct documents. */
export function replicate(c: SearchCorpus, times: number): SearchCorpus {
  const out: SearchCorpus = { docs: [], units: [] };
  for (let k = 0; k < times; k++) {
    const base = out.docs.length;
    c.docs.forEach((d) => out.docs.push({ ...d, id: k ? `${d.id}-r${k}` : d.id }));
    for (const u of c.units) out.units.push({ doc: base + u.doc, path: u.path, trail: u.trail, text: k ? Buffer.from(u.text, 'utf8').toString('utf8') : u.text });
  }
  return out;
}

export const COMMON_TERMS = ['告知承诺制', '融资担保', '政务服务', '营商环境', '企业', '中小企业', '知识产权', '数字经济', '2023年', '2023 年', 'LPR', 'ＬＰＲ', '12345', '信用', '跨境电商', '人民政府', '办法', '市场监管', '一网通办', '首席'];

/** Seeded query set: random substrings of 2, 4 and 6–10 characters plus common terms. */
export function querySet(c: SearchCorpus, seed = 20240601, perLength = 100): string[] {
  const rnd = mulberry32(seed);
  const norms = c.units.map((u) => normalizeUnitText(u.text).norm);
  const out: string[] = [];
  const pick = (len: number) => {
    for (let tries = 0; tries < 1000; tries++) {
      const s = norms[Math.floor(rnd() * norms.length)];
      if (s.length < len) continue;
      const at = Math.floor(rnd() * (s.length - len + 1));
      const q = s.slice(at, at + len);
      if (/[\s"|]/.test(q) || q.startsWith('-') || q === 'or') continue;
      return q;
    }
    return '';
  };
  for (const len of [2, 4]) for (let i = 0; i < perLength; i++) out.push(pick(len));
  for (let i = 0; i < perLength; i++) out.push(pick(6 + Math.floor(rnd() * 5)));
  return [...out.filter(Boolean), ...COMMON_TERMS];
}


/** Time every query `rounds` times after a warm-up; per-query median, then p50/p95 over queries. */
function latency(queries: string[], fn: (q: string) => unknown, rounds = 3, perQuery?: Map<string, number>): { p50: number; p95: number } {
  for (const q of queries) fn(q);
  const per: number[][] = queries.map(() => []);
  for (let r = 0; r < rounds; r++) {
    queries.forEach((q, i) => {
      const t0 = performance.now();
      fn(q);
      per[i].push(performance.now() - t0);
    });
  }
  const med = per.map(median);
  if (perQuery) queries.forEach((q, i) => perQuery.set(q, med[i]));
  return { p50: pct(med, 50), p95: pct(med, 95) };
}

function bigramEncode(text: string): string[] {
  const n = normalizeUnitText(String(text)).norm;
  const out = new Set<string>();
  for (let i = 0; i < n.length; i++) {
    if (n[i] === '\n') continue;
    if (n.length === 1) out.add(n);
    if (i + 1 < n.length && n[i + 1] !== '\n') out.add(n.slice(i, i + 2));
  }
  if (n.length === 1) out.add(n);
  return [...out];
}

interface Row {
  [k: string]: string | number;
}

const classRows: Row[] = [];

async function benchScale(corpus: SearchCorpus, label: string, queries: string[], rows: Row[], withLunr = true) {
  const norms = corpus.units.map((u) => normalizeUnitText(u.text).norm);
  const textBytes = Buffer.from(corpus.units.map((u) => u.text).join('\n'), 'utf8');
  const textGz = gzipSync(textBytes).length;

  // Build (lunr builder → compact index), against the counting build of the same postings (counted-postings.ts) (median of 3 each, alternating).
  const gc = (globalThis as { gc?: () => void }).gc;
  const lunrMs: number[] = [];
  const countMs: number[] = [];
  let data!: ReturnType<typeof buildIndexData>;
  let countData!: ReturnType<typeof buildIndexData>;
  for (let r = 0; r < (withLunr ? 3 : 1); r++) {
    gc?.();
    let t = performance.now();
    if (withLunr) {
      data = buildIndexData(corpus, 'lunr');
      lunrMs.push(performance.now() - t);
      gc?.();
      t = performance.now();
    }
    countData = buildIndexData(corpus, 'counting');
    countMs.push(performance.now() - t);
  }
  data ??= countData;
  const buildMs = median(lunrMs);
  const sameBytes = JSON.stringify(countData) === JSON.stringify(data);
  const indexStr = JSON.stringify(data.index);
  const unitsStr = JSON.stringify(data.units);
  const textsStr = shardFiles(data);
  const textShards = Object.entries(textsStr).filter(([f]) => f.startsWith('texts-')).map(([, t]) => t);
  const postingShards = Object.entries(textsStr).filter(([f]) => f.startsWith('postings-')).map(([, t]) => t);
  // The index is its dictionary and statistics (index.json) and its posting shards.
  const indexBytes = Buffer.byteLength(indexStr) + postingShards.reduce((n, t) => n + Buffer.byteLength(t), 0);
  const indexGz = gzipSync(indexStr).length + postingShards.reduce((n, t) => n + gzipSync(t).length, 0);
  const unitsBytes = Buffer.byteLength(unitsStr) + textShards.reduce((n, t) => n + Buffer.byteLength(t), 0);
  const unitsGz = gzipSync(unitsStr).length + textShards.reduce((n, t) => n + gzipSync(t).length, 0);

  // Load (JSON.parse of both files + normalising unit texts), median of 5.
  const loads: number[] = [];
  let engine!: SearchEngine;
  for (let i = 0; i < 5; i++) {
    gc?.();
    const t = performance.now();
    engine = SearchEngine.fromJSON(unitsStr, indexStr, textsStr);
    loads.push(performance.now() - t);
  }
  gc?.();
  const heap0 = process.memoryUsage().heapUsed;
  const keep = SearchEngine.fromJSON(unitsStr, indexStr, textsStr);
  gc?.();
  const heapMiB = (process.memoryUsage().heapUsed - heap0) / 2 ** 20;
  void keep;

  // Recall / false hits against brute force (all hits, not timed).
  let expected = 0;
  let found = 0;
  let falseHits = 0;
  for (const q of queries) {
    const nq = normalize(q);
    const truth = new Set<number>();
    norms.forEach((s, i) => {
      if (s.includes(nq)) truth.add(i);
    });
    const r = engine.search(q, { limit: 1e9, facets: false });
    const got = new Set(r.hits.filter((h) => h.unit >= 0).map((h) => h.unit));
    expected += truth.size;
    for (const u of truth) if (got.has(u)) found++;
    for (const u of got) if (!truth.has(u)) falseHits++;
  }
  const recall = expected ? found / expected : 1;

  const perQuery = new Map<string, number>();
  const coldT = performance.now();
  const cold = SearchEngine.fromJSON(unitsStr, indexStr, textsStr);
  cold.search(queries[queries.length - 1], { limit: 20 });
  const coldMs = performance.now() - coldT;
  const ours = latency(queries, (q) => engine.search(q, { limit: 20, facets: false }), 3, perQuery);
  const cls = (q: string) => (COMMON_TERMS.includes(q) ? 'common terms' : q.length <= 2 ? '2 chars' : q.length <= 4 ? '4 chars' : '6–10 chars');
  for (const c of ['2 chars', '4 chars', '6–10 chars', 'common terms']) {
    const xs = queries.filter((q) => cls(q) === c).map((q) => perQuery.get(q)!);
    classRows.push({ scale: label, class: c, queries: xs.length, p50_ms: pct(xs, 50).toFixed(3), p95_ms: pct(xs, 95).toFixed(3), max_ms: pct(xs, 100).toFixed(3) });
  }
  classRows.push({ scale: label, class: 'load + first query (cold)', queries: 1, p50_ms: coldMs.toFixed(1) });
  // The call the search page makes: grouped by document (3 hits each), a page of 50, facet counts.
  const oursUi = latency(queries, (q) => engine.search(q, { perDoc: 3, limit: 50, facets: true }));
  const brute = latency(queries, (q) => {
    const nq = normalize(q);
    const out: number[] = [];
    for (let i = 0; i < norms.length; i++) if (norms[i].includes(nq)) out.push(i);
    return out;
  });

  // FlexSearch, bigram encoder (all bigrams of the query required), top 20.
  const tf = performance.now();
  const flex = new FlexSearch.Index({ tokenize: 'strict', encode: bigramEncode } as never);
  corpus.units.forEach((u, i) => flex.add(i, u.text));
  const flexBuild = performance.now() - tf;
  const flexLat = latency(queries, (q) => flex.search(q, { limit: 20 }));
  let flexFound = 0;
  let flexFalse = 0;
  for (const q of queries) {
    const nq = normalize(q);
    const got = flex.search(q, { limit: 1e9 }) as number[];
    const truth = norms.reduce((n, s) => n + (s.includes(nq) ? 1 : 0), 0);
    const ok = got.filter((i) => norms[i].includes(nq)).length;
    flexFound += Math.min(ok, truth);
    flexFalse += got.length - ok;
  }

  const f = (x: number, d = 2) => x.toFixed(d);
  if (withLunr) rows.push({ scale: label, engine: 'index build: lunr builder (the reference)', units: corpus.units.length, build_ms: f(buildMs, 0) });
  rows.push({ scale: label, engine: 'ours (bigram index, verify, top-k 20)', units: corpus.units.length, index_raw_KiB: f(indexBytes / 1024, 0), index_gz_KiB: f(indexGz / 1024, 0), text_gz_KiB: f(textGz / 1024, 0), 'gz_index/gz_text': f(indexGz / textGz), load_ms: f(median(loads), 1), heap_MiB: gc ? f(heapMiB, 1) : 'n/a', p50_ms: f(ours.p50, 3), p95_ms: f(ours.p95, 3), recall: f(recall, 4), false_hits: falseHits });
  rows.push({ scale: label, engine: 'ours, the UI call (grouped 3/doc, page of 50, facets)', units: corpus.units.length, p50_ms: f(oursUi.p50, 3), p95_ms: f(oursUi.p95, 3), recall: f(recall, 4), false_hits: falseHits });
  rows.push({ scale: label, engine: `index build: counting build of the same postings (${withLunr ? (sameBytes ? 'byte-identical' : 'DIFFERENT') : 'lunr not run'})`, units: corpus.units.length, build_ms: f(median(countMs), 0) });
  rows.push({ scale: label, engine: 'brute-force includes scan', units: corpus.units.length, p50_ms: f(brute.p50, 3), p95_ms: f(brute.p95, 3), recall: '1.0000', false_hits: 0 });
  rows.push({ scale: label, engine: 'FlexSearch bigram (strict, limit 20)', units: corpus.units.length, build_ms: f(flexBuild, 0), p50_ms: f(flexLat.p50, 3), p95_ms: f(flexLat.p95, 3), recall: f(expected ? flexFound / expected : 1, 4), false_hits: flexFalse });
  rows.push({ scale: label, engine: `(sizes) units.json + ${textShards.length} text shard(s) shipped alongside`, units: corpus.units.length, index_raw_KiB: f(unitsBytes / 1024, 0), index_gz_KiB: f(unitsGz / 1024, 0), text_gz_KiB: f(textGz / 1024, 0), text_raw_KiB: f(textBytes.length / 1024, 0) });
}

function printTable(rows: Row[], cols = ['scale', 'engine', 'units', 'build_ms', 'index_raw_KiB', 'index_gz_KiB', 'text_raw_KiB', 'text_gz_KiB', 'gz_index/gz_text', 'load_ms', 'heap_MiB', 'p50_ms', 'p95_ms', 'recall', 'false_hits']) {
  const used = cols.filter((c) => rows.some((r) => r[c] !== undefined));
  const w = used.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c] ?? '').length)));
  const line = (vals: string[]) => vals.map((v, i) => v.padEnd(w[i])).join(' | ');
  console.log(line(used));
  console.log(w.map((n) => '-'.repeat(n)).join('-|-'));
  for (const r of rows) console.log(line(used.map((c) => String(r[c] ?? ''))));
}

async function main() {
  const args = process.argv.slice(2);
  const ci = args.indexOf('--corpus');
  const corpusDir = ci >= 0 ? args[ci + 1] : 'resources/corpus';
  const quick = args.includes('--quick');
  const { corpus, source } = await loadBenchCorpus(corpusDir);
  const chars = corpus.units.reduce((n, u) => n + u.text.length, 0);
  console.log(`corpus: ${source}: ${corpus.docs.length} documents, ${corpus.units.length} units, ${chars} characters`);
  const queries = querySet(corpus);
  console.log(`queries: ${queries.length} (seeded: 100 × 2 chars, 100 × 4, 100 × 6–10, ${COMMON_TERMS.length} common terms); latency = per-query median of 3 rounds after warm-up`);
  if (!(globalThis as { gc?: () => void }).gc) console.log('(run node with --expose-gc for heap figures)');
  const rows: Row[] = [];
  const withLunr = !args.includes('--no-lunr');
  await benchScale(corpus, '1x', queries, rows, withLunr);
  if (!quick) await benchScale(replicate(corpus, 10), '10x', queries, rows, withLunr);
  printTable(rows);
  console.log('\nours by query class (limit 20, no facets; per-query medians):');
  printTable(classRows, ['scale', 'class', 'queries', 'p50_ms', 'p95_ms', 'max_ms']);
  console.log('\nnotes: index = search/index.json (dictionary, frequencies, unit lengths, shard starts) and postings-<k>.json (posting lists by term range); units.json (document metadata) and texts-<k>.json (unit texts by document range, read when verification, exact scoring or snippets need them) ship beside it.');
  console.log('       text_gz at 10x is 10x the 1x figure (copies are farther apart than gzip\'s window) while the postings of copies compress together, so gz_index/gz_text is only meaningful at 1x.');
  console.log('       recall/false hits: every query against a brute-force scan of the normalised unit texts (all hits, not only the top 20); FlexSearch: bigram AND without verification.');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
