/** Messages between the search client (UI thread) and the search worker. */
import type { FacetName, SearchDoc, SearchOptions, SearchResult, Snippet } from '../../core/search';
import type { PolicyDocument } from '../../core/corpus/types';

export interface ShownHit {
  docId: string;
  unitId: string;
  score: number;
  field: 'text' | 'title';
  ranges: [number, number][];
  titleRanges: [number, number][];
  /** Where the unit is: 第三章 › 第十五条 (labels, outermost first); empty for title hits. */
  trail: string[];
  /** Hits of this document in the whole result. */
  docHits: number;
  /** Snippet of the unit text around the first match (text hits only). */
  snippet: Snippet | null;
}

export interface ShownResult extends Omit<SearchResult, 'hits'> {
  hits: ShownHit[];
  /** Metadata of the documents the hits belong to. */
  docs: Record<string, SearchDoc>;
  /** Time spent in the worker, ms. */
  ms: number;
}

export type ToWorker =
  | { type: 'load'; base: string }
  | { type: 'search'; id: number; query: string; options: SearchOptions }
  | { type: 'cancel'; id: number }
  // The user's own documents (我的文件), searched with the corpus (core/import/user-search.ts).
  | { type: 'user-docs'; docs: PolicyDocument[] };

export interface LoadStats {
  docs: number;
  units: number;
  /** From the first fetch of the index files to the engine made (also the worker's INDEX_LOAD_MEASURE entry). */
  loadMs: number;
}

/** The worker's User Timing measure of its index load (`performance.getEntriesByName` in the worker). */
export const INDEX_LOAD_MEASURE = 'search-index-load';

export type FromWorker =
  | { type: 'ready'; stats: LoadStats }
  | { type: 'error'; message: string }
  | { type: 'result'; id: number; result: ShownResult }
  | { type: 'cancelled'; id: number }
  | { type: 'failed'; id: number; message: string };

export type { FacetName, SearchOptions };

/**
 * The worker's name says where the index is, so that the worker starts loading it as soon as it runs. No
 * message can say it as early: a message posted to a worker that has not started yet is held by the page and
 * handed over by the page's main thread, which in a fresh tab is busy evaluating and rendering the app (in a
 * tab opened on a search at 10,000 documents, the worker ran 210 ms before its 'load' message reached it).
 */
const WORKER_NAME = 'search';

/** `search`, or `search?base=…` for a worker that loads the index from `base` (readable in the browser's tools too). */
export function workerName(base: string | null): string {
  return base ? `${WORKER_NAME}?${new URLSearchParams({ base })}` : WORKER_NAME;
}

/** The base `workerName` put in the name; null for a plain name. */
export function readWorkerName(name: string): string | null {
  return name.startsWith(`${WORKER_NAME}?`) ? new URLSearchParams(name.slice(WORKER_NAME.length + 1)).get('base') || null : null;
}
