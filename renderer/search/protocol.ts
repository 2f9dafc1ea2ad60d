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

/** The index's two files as the page fetched them (search/client.ts), handed to the worker without a copy. */
export interface IndexFiles {
  index: ArrayBuffer;
  units: ArrayBuffer;
}

export type ToWorker =
  // `fetching`: the page is fetching the index's files and sends them in an 'index-files' message.
  | { type: 'load'; base: string; fetching?: boolean }
  // null: the page could not fetch them; the worker fetches them itself (and reports what went wrong).
  | { type: 'index-files'; files: IndexFiles | null }
  | { type: 'search'; id: number; query: string; options: SearchOptions }
  | { type: 'cancel'; id: number }
  // The user's own documents (我的文件), searched with the corpus (core/import/user-search.ts).
  | { type: 'user-docs'; docs: PolicyDocument[] };

export interface LoadStats {
  docs: number;
  units: number;
  loadMs: number;
}

export type FromWorker =
  | { type: 'ready'; stats: LoadStats }
  | { type: 'error'; message: string }
  | { type: 'result'; id: number; result: ShownResult }
  | { type: 'cancelled'; id: number }
  | { type: 'failed'; id: number; message: string };

export type { FacetName, SearchOptions };
