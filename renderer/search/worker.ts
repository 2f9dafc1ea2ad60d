/// <reference lib="webworker" />
/**
 * Search worker: loads corpus/search/{index,units}.json as soon as it runs when its name says where they are
 * (protocol.ts `workerName`), else on the first 'load' message (URLs resolved by the client against the page,
 * so they are relative to index.html, not to this script), then answers queries.
 * Unit texts and posting lists are fetched by shard (texts-<k>.json,
 * postings-<k>.json) when a query needs them, and dropped, least recently
 * used first, beyond MAX_TEXT_CHARS and MAX_POSTING_CHARS; the texts are also fetched in the background
 * once the index is loaded (warmTexts).
 * Each query runs in steps with a pause between them (core `runSearch`), so a
 * 'cancel' from the client (a newer query on the same channel) stops it at its
 * next step, VS Code's CancellationToken pattern; it answers 'cancelled'.
 */
import { runSearch, withShards, SearchEngine, SearchIndexDamaged, SEARCH_INDEX_FILE, SEARCH_UNITS_FILE, searchTextsFile, type SearchDoc, type SearchOptions } from '../../core/search';
import { CancellationTokenSource, isCancelled, throwIfCancelled, type CancellationToken } from '../../core/util/cancellation';
import { INDEX_LOAD_MEASURE, readWorkerName, type FromWorker, type ShownResult, type ToWorker } from './protocol';
import type { PolicyDocument } from '../../core/corpus/types';
import { searchBoth, userEngine, type SourceFilter } from '../../core/import/user-search';

const scope = self as unknown as DedicatedWorkerGlobalScope;
let engine: SearchEngine | null = null;
// 我的文件: a small index of the user's documents, scored on the corpus's statistics once the corpus is loaded.
let userDocs: PolicyDocument[] = [];
let mine: SearchEngine | null = null;
let mineFor: SearchEngine | null = null;
let loading: Promise<SearchEngine> | null = null;
/** Queries not finished yet, by id: the client's 'cancel' (a newer query on the same channel, an abort) cancels one. */
const running = new Map<number, CancellationTokenSource>();

function post(m: FromWorker) {
  scope.postMessage(m);
}

/** A macrotask: lets the worker read the messages that arrived while a query ran (a 'cancel' among them). */
const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

async function fetchText(url: string): Promise<string> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(res.status === 404 ? `找不到搜索索引 ${url}（请先构建语料库）` : `读取 ${url} 失败（${res.status}）`);
  return res.text();
}

/** What the user is told when loading or a query fails: a damaged or mismatched index in words an official can act on. */
function userMessage(err: unknown): string {
  if (err instanceof SearchIndexDamaged) return `搜索索引${err.file ? `文件 ${err.file} ` : ''}已损坏或与文库版本不符，请重新构建或重新安装文库。`;
  return err instanceof Error ? err.message : String(err);
}

/** Where the index was loaded from (text shards are fetched from there). */
let base: string | null = null;

/**
 * Unit text kept between queries: every unit of a 10,000-document library (37 M characters at 10,007
 * documents; about 75 MB of strings). A common phrase (国务院) verifies candidates in nearly every shard: with
 * 8 M kept, each such query fetched and decoded about 100 MB again (2.3–3.3 s a query at 10,007 documents),
 * and the garbage grew the tab to 930–1,030 MB after four such queries; with the texts kept, the queries after
 * the first took 0.1–0.6 s and the tab was 656–669 MB (measured in Chromium, same runs).
 */
const MAX_TEXT_CHARS = 48_000_000;
/** Posting lists kept between queries (a shard is about 0.5 M characters; decoded lists count twice their units). */
const MAX_POSTING_CHARS = 8_000_000;
/** Bigram positions kept between queries (shards as large as posting shards; decoded places count twice). */
const MAX_POSITION_CHARS = 8_000_000;

/** Load the index from `from` (once). */
function load(from: string): Promise<SearchEngine> {
  base = from;
  loading ??= (async () => {
    const t0 = performance.now();
    const [index, units] = await Promise.all([fetchText(new URL(SEARCH_INDEX_FILE, from).href), fetchText(new URL(SEARCH_UNITS_FILE, from).href)]);
    const e = SearchEngine.fromJSON(units, index);
    engine = e;
    // A User Timing entry as well as the message: devtools and `bench:startup` read how long the load took.
    performance.measure(INDEX_LOAD_MEASURE, { start: t0 });
    post({ type: 'ready', stats: { docs: e.docs.length, units: e.units.count, loadMs: Math.round(performance.now() - t0) } });
    void warmTexts(e);
    return e;
  })();
  loading.catch((err: unknown) => {
    loading = null;
    post({ type: 'error', message: userMessage(err) });
  });
  return loading;
}

/**
 * Once the index is loaded: the unit texts, a shard at a time, up to MAX_TEXT_CHARS, so that the first query
 * of a common phrase does not wait for most of them (4.4 s for 国务院 at 10,007 documents, cold). A query
 * comes first: warming waits while one runs. A shard that cannot be fetched ends it; the query that needs
 * the shard reports the error.
 */
async function warmTexts(e: SearchEngine): Promise<void> {
  for (let k = 0; k < e.texts.shardCount; k++) {
    while (running.size) await new Promise<void>((resolve) => setTimeout(resolve, 50));
    if (e.texts.heldChars() >= MAX_TEXT_CHARS) return;
    if (e.texts.isLoaded(k)) continue;
    const file = searchTextsFile(k);
    try {
      const json = await fetchText(new URL(file, base!).href);
      if (!e.texts.isLoaded(k)) e.putShard(file, json);
    } catch {
      return;
    }
    await pause();
  }
}

async function run(id: number, query: string, options: SearchOptions, token: CancellationToken) {
  try {
    await pause();
    const corpus = engine ?? (loading ? await loading : null);
    if (!corpus) throw new Error('search index not loaded');
    const t0 = performance.now();
    if (mineFor !== corpus) {
      mine = userEngine(userDocs, corpus);
      mineFor = corpus;
    }
    const { source, ...opts } = options as SearchOptions & { source?: SourceFilter };
    const fetchShard = (file: string) => fetchText(new URL(file, base!).href);
    // The corpus alone runs in steps (cancellable between them); merged with the user's documents, as one
    // computation that fetches the corpus's missing text shards and runs again.
    const r =
      mine === null && source !== 'mine'
        ? await runSearch(corpus, query, opts, token, pause, fetchShard).then((x) => ({ ...x, hits: x.hits.map((h) => ({ ...h, engine: corpus })) }))
        : await withShards(corpus, () => searchBoth(corpus, mine, query, opts, source ?? null), token, fetchShard);
    const docs: Record<string, SearchDoc> = {};
    const hits = r.hits.map((h) => {
      const e = h.engine;
      docs[h.docId] ??= e.docById(h.docId)!;
      return {
        docId: h.docId,
        unitId: h.unitId,
        score: h.score,
        field: h.field,
        ranges: h.ranges,
        titleRanges: h.titleRanges,
        trail: h.trail,
        docHits: h.docHits,
        snippet: h.unit >= 0 ? e.snippet(h, 90) : null,
      };
    });
    throwIfCancelled(token);
    const result: ShownResult = { ...r, hits, docs, ms: performance.now() - t0 };
    post({ type: 'result', id, result });
    // The worker's memory stays bounded: shards the last queries did not use are dropped.
    corpus.texts.trim(MAX_TEXT_CHARS);
    corpus.postings.trim(MAX_POSTING_CHARS);
    corpus.positions.trim(MAX_POSITION_CHARS);
  } catch (err) {
    if (isCancelled(err)) post({ type: 'cancelled', id });
    else post({ type: 'failed', id, message: userMessage(err) });
  } finally {
    running.delete(id);
  }
}

// A worker the page created to load the index starts now: its messages reach it only when the page's main thread is free.
const startBase = readWorkerName(scope.name);
if (startBase) void load(startBase).catch(() => undefined);

scope.onmessage = (ev: MessageEvent<ToWorker>) => {
  const m = ev.data;
  if (m.type === 'load') {
    void load(m.base).catch(() => undefined);
  } else if (m.type === 'user-docs') {
    userDocs = m.docs;
    mineFor = null;
  } else if (m.type === 'cancel') {
    // Stops the query at its next step, whether it is waiting for the index or running.
    running.get(m.id)?.cancel();
  } else if (m.type === 'search') {
    const source = new CancellationTokenSource();
    running.set(m.id, source);
    void run(m.id, m.query, m.options, source.token);
  }
};
