/// <reference lib="webworker" />
/**
 * Search worker: loads corpus/search/{index,units}.json lazily on the first
 * 'load' message (URLs resolved by the client against the page, so they
 * are relative to index.html, not to this script), then answers queries.
 * Queries superseded before they run are skipped ('cancelled').
 */
import { SearchEngine, SEARCH_INDEX_FILE, SEARCH_UNITS_FILE, type SearchDoc } from '../../core/search';
import type { FromWorker, ShownResult, ToWorker } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
let engine: SearchEngine | null = null;
let loading: Promise<SearchEngine> | null = null;
const cancelled = new Set<number>();
let latest = 0;

function post(m: FromWorker) {
  scope.postMessage(m);
}

async function fetchText(url: string): Promise<string> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(res.status === 404 ? `找不到搜索索引 ${url}（请先构建语料库）` : `读取 ${url} 失败（${res.status}）`);
  return res.text();
}

function load(base: string): Promise<SearchEngine> {
  loading ??= (async () => {
    const t0 = performance.now();
    const [index, units] = await Promise.all([fetchText(new URL(SEARCH_INDEX_FILE, base).href), fetchText(new URL(SEARCH_UNITS_FILE, base).href)]);
    const e = SearchEngine.fromJSON(units, index);
    engine = e;
    post({ type: 'ready', stats: { docs: e.docs.length, units: e.units.length, loadMs: Math.round(performance.now() - t0) } });
    return e;
  })();
  loading.catch((err: unknown) => {
    loading = null;
    post({ type: 'error', message: err instanceof Error ? err.message : String(err) });
  });
  return loading;
}

function run(id: number, query: string, options: ToWorker & { type: 'search' }) {
  if (cancelled.delete(id) || id < latest) {
    post({ type: 'cancelled', id });
    return;
  }
  try {
    const e = engine!;
    const t0 = performance.now();
    const r = e.search(query, options.options);
    const docs: Record<string, SearchDoc> = {};
    const hits = r.hits.map((h) => {
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
    const result: ShownResult = { ...r, hits, docs, ms: performance.now() - t0 };
    post({ type: 'result', id, result });
  } catch (err) {
    post({ type: 'failed', id, message: err instanceof Error ? err.message : String(err) });
  }
}

scope.onmessage = (ev: MessageEvent<ToWorker>) => {
  const m = ev.data;
  if (m.type === 'load') {
    void load(m.base).catch(() => undefined);
  } else if (m.type === 'cancel') {
    cancelled.add(m.id);
  } else if (m.type === 'search') {
    latest = Math.max(latest, m.id);
    const go = () => setTimeout(() => run(m.id, m.query, m), 0);
    if (engine) go();
    else if (loading) loading.then(go, (err: unknown) => post({ type: 'failed', id: m.id, message: err instanceof Error ? err.message : String(err) }));
    else post({ type: 'failed', id: m.id, message: 'search index not loaded' });
  }
};
