/**
 * policy-reader search [--json] [--limit N] [--scope clause|doc] [--title] [--corpus DIR] <query>
 *
 * With no query argument, reads queries from standard input, one per line,
 * and prints one JSON line each: {query, total, hits:[{docId, unitId, score, ranges}], ms}.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path, { join } from 'node:path';
import type { PolicyDocument, DocSummary } from '../../core/corpus/types.js';
import { SEARCH_INDEX_FILE, SEARCH_UNITS_FILE } from '../../core/search/format.js';
import { SearchEngine, type SearchOptions, type SearchResult } from '../../core/search/engine.js';
import { markPieces } from '../../core/search/highlight.js';
import type { CommandIO } from '../io.js';
import { parseArgs, UsageError } from '../io.js';
import { DEFAULT_CORPUS_DIR, corpusRoot } from '../corpus-files.js';

export const DEFAULT_CORPUS = 'resources/corpus';

const USAGE = '用法：policy-reader search [--json] [--limit N] [--scope clause|doc] [--title] [--corpus DIR] <检索词>';

/** Load the shipped search index of a corpus directory. */
export async function loadSearchEngine(corpusDir: string): Promise<SearchEngine> {
  const dir = join(corpusDir, 'search');
  let units: string;
  let index: string;
  try {
    [index, units] = await Promise.all([readFile(join(dir, SEARCH_INDEX_FILE), 'utf8'), readFile(join(dir, SEARCH_UNITS_FILE), 'utf8')]);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ENOENT') throw new MissingIndexError(`${dir} 里没有检索索引（请先运行 policy-reader build）`);
    throw e;
  }
  // Shards are read when a query needs them: the posting lists of the terms it looks up, the texts of its candidates.
  const shard = (file: string): string | undefined => {
    try {
      return readFileSync(join(dir, file), 'utf8');
    } catch {
      throw new MissingIndexError(`${dir} 里缺少检索索引的分片 ${file}（请重新运行 policy-reader build）`);
    }
  };
  return SearchEngine.fromJSON(units, index, shard);
}

export class MissingIndexError extends Error {}

/** Read every parsed document of a corpus directory (library.json + docs/<id>.json). */
export async function loadCorpusDocs(corpusDir: string): Promise<PolicyDocument[]> {
  const library = JSON.parse(await readFile(join(corpusDir, 'library.json'), 'utf8')) as DocSummary[];
  return Promise.all(library.map(async (s) => JSON.parse(await readFile(join(corpusDir, 'docs', `${s.id}.json`), 'utf8')) as PolicyDocument));
}

function jsonLine(r: SearchResult, ms: number): string {
  return JSON.stringify({
    query: r.query,
    total: r.total,
    hits: r.hits.map((h) => ({ docId: h.docId, unitId: h.unitId, score: h.score, ranges: h.ranges, trail: h.trail })),
    ms: Math.round(ms * 1000) / 1000,
  });
}

function mark(text: string, ranges: [number, number][]): string {
  return markPieces(text, ranges)
    .map((p) => (p.mark === null ? p.text : `【${p.text}】`))
    .join('');
}

function human(engine: SearchEngine, r: SearchResult, ms: number): string {
  const lines = [`“${r.query}”：${r.docTotal} 个文档中共 ${r.total} 处（${ms.toFixed(2)} 毫秒）`];
  for (const h of r.hits) {
    const doc = engine.docById(h.docId);
    lines.push('');
    lines.push(`${mark(doc?.title ?? h.docId, h.titleRanges)}  [${h.unitId || h.docId}]  得分 ${h.score}`);
    if (h.trail.length) lines.push(`  ${h.trail.join(' › ')}`);
    if (h.unit >= 0) {
      const s = engine.snippet(h, 100);
      if (s) lines.push(`  ${s.before ? '…' : ''}${mark(s.text, s.ranges)}${s.after ? '…' : ''}`);
    }
  }
  return lines.join('\n');
}

export async function run(args: string[], io: CommandIO): Promise<number> {
  const { flags, options, positionals } = parseArgs(args, { flags: ['json', 'title', 'help'], options: ['limit', 'scope', 'corpus'] });
  if (flags.has('help')) {
    io.out(USAGE);
    return 0;
  }
  let limit = 20;
  if (options.limit !== undefined) {
    if (!/^\d+$/.test(options.limit) || Number(options.limit) < 1) throw new UsageError(`--limit 需要一个正整数，不能是“${options.limit}”\n${USAGE}`);
    limit = Number(options.limit);
  }
  const scope = options.scope ?? 'clause';
  if (scope !== 'clause' && scope !== 'doc') throw new UsageError(`--scope 只能是 clause 或 doc，不能是“${scope}”\n${USAGE}`);
  const query = positionals.join(' ');
  const fromStdin = positionals.length === 0;
  if (fromStdin && io.stdinIsTTY) throw new UsageError(`没有给出检索词（也可以从标准输入逐行输入）\n${USAGE}`);

  let engine: SearchEngine;
  try {
    // Resolved once: the whole command reads one version of the corpus, even if a build switches meanwhile.
    engine = await loadSearchEngine(await corpusRoot(path.resolve(options.corpus ?? DEFAULT_CORPUS_DIR)));
  } catch (e) {
    if (e instanceof MissingIndexError) {
      io.err(`policy-reader search: ${e.message}`);
      return 1;
    }
    throw e;
  }
  const opts: SearchOptions = { limit, scope, field: flags.has('title') ? 'title' : 'all', facets: false };
  const one = (q: string) => {
    const t0 = performance.now();
    const r = engine.search(q, opts);
    return { r, ms: performance.now() - t0 };
  };
  if (fromStdin) {
    for await (const line of io.stdinLines()) {
      const q = line.trim();
      if (!q) continue;
      const { r, ms } = one(q);
      io.out(jsonLine(r, ms));
    }
    return 0;
  }
  if (!query.trim()) throw new UsageError(`检索词是空的\n${USAGE}`);
  const { r, ms } = one(query);
  io.out(flags.has('json') ? jsonLine(r, ms) : human(engine, r, ms));
  return 0;
}
