/**
 * Promise-based client of the search worker. One worker per page, created
 * lazily; the index is fetched on the first `load()` (call `preloadSearch()`
 * at startup to warm it). A newer `search()` on the same channel cancels the
 * older one: its promise rejects with a SearchCancelled, and the worker skips
 * it if it has not started.
 */
import { workerName, type FromWorker, type LoadStats, type SearchOptions, type ShownResult, type ToWorker } from './protocol';
import type { PolicyDocument } from '../../core/corpus/types';

export class SearchCancelled extends Error {
  constructor() {
    super('search superseded');
    this.name = 'SearchCancelled';
  }
}

export type SearchStatus = { state: 'idle' } | { state: 'loading' } | { state: 'ready'; stats: LoadStats } | { state: 'error'; message: string };

type Pending = { resolve(r: ShownResult): void; reject(e: Error): void; channel: string };

export interface SearchClientOptions {
  /** Directory of the search artifacts, relative to the page (default 'corpus/search/'). */
  base?: string;
  /** For tests: create the worker with this name (`workerName`). */
  createWorker?: (name: string) => Worker;
}

export class SearchClient {
  private worker: Worker | null = null;
  private nextId = 1;
  private pending = new Map<number, Pending>();
  private latestByChannel = new Map<string, number>();
  private listeners = new Set<(s: SearchStatus) => void>();
  status: SearchStatus = { state: 'idle' };

  constructor(private readonly opts: SearchClientOptions = {}) {}

  /** The worker; one created by `load` starts loading the index from `base` on its own, before any message reaches it (protocol.ts). */
  private ensureWorker(base: string | null = null): Worker {
    if (this.worker) return this.worker;
    const name = workerName(base);
    const w = this.opts.createWorker ? this.opts.createWorker(name) : new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name });
    w.onmessage = (ev: MessageEvent<FromWorker>) => this.onMessage(ev.data);
    w.onerror = (ev) => {
      this.setStatus({ state: 'error', message: ev.message || '搜索线程出错' });
      for (const p of this.pending.values()) p.reject(new Error(ev.message || 'search worker error'));
      this.pending.clear();
    };
    this.worker = w;
    return w;
  }

  private post(m: ToWorker) {
    this.ensureWorker().postMessage(m);
  }

  private setStatus(s: SearchStatus) {
    this.status = s;
    for (const l of this.listeners) l(s);
  }

  subscribe(fn: (s: SearchStatus) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /**
   * Start loading the index (idempotent; retried after an error). A worker created here starts loading as soon
   * as it runs; the 'load' message does the same for a worker that ran already (created to receive the user's
   * documents), and nothing for one that started.
   */
  load(): void {
    if (this.status.state === 'loading' || this.status.state === 'ready') return;
    this.setStatus({ state: 'loading' });
    const page = typeof document !== 'undefined' ? document.baseURI : 'http://localhost/';
    const base = new URL(this.opts.base ?? 'corpus/search/', page).href;
    this.ensureWorker(base);
    this.post({ type: 'load', base });
  }

  /** The user's own documents, searched together with the corpus (sent again after each change). */
  setUserDocs(docs: PolicyDocument[]): void {
    this.post({ type: 'user-docs', docs });
  }

  /**
   * Run a query. Resolves with the shown page of results; rejects with
   * SearchCancelled when a newer search on the same channel was issued or
   * `signal` aborted.
   */
  search(query: string, options: SearchOptions = {}, channel = 'default', signal?: AbortSignal): Promise<ShownResult> {
    this.load();
    const id = this.nextId++;
    const prev = this.latestByChannel.get(channel);
    if (prev !== undefined) this.cancel(prev);
    this.latestByChannel.set(channel, id);
    return new Promise<ShownResult>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, channel });
      signal?.addEventListener('abort', () => this.cancel(id), { once: true });
      this.post({ type: 'search', id, query, options });
    });
  }

  private cancel(id: number) {
    const p = this.pending.get(id);
    if (!p) return;
    this.pending.delete(id);
    p.reject(new SearchCancelled());
    this.post({ type: 'cancel', id });
  }

  private onMessage(m: FromWorker) {
    if (m.type === 'ready') return this.setStatus({ state: 'ready', stats: m.stats });
    if (m.type === 'error') return this.setStatus({ state: 'error', message: m.message });
    const p = this.pending.get(m.id);
    if (!p) return;
    this.pending.delete(m.id);
    if (m.type === 'result') p.resolve(m.result);
    else if (m.type === 'cancelled') p.reject(new SearchCancelled());
    else p.reject(new Error(m.message));
  }

  dispose() {
    this.worker?.terminate();
    this.worker = null;
    for (const p of this.pending.values()) p.reject(new SearchCancelled());
    this.pending.clear();
    this.setStatus({ state: 'idle' });
  }
}

let shared: SearchClient | null = null;

/** The page's search client. */
export function searchClient(): SearchClient {
  shared ??= new SearchClient();
  return shared;
}

/** Start loading the search index (at app startup). */
export function preloadSearch(): void {
  searchClient().load();
}
