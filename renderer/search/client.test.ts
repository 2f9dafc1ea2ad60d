import { describe, expect, it } from 'vitest';
import { SearchCancelled, SearchClient, type SearchStatus } from './client';
import { readWorkerName, workerName, type FromWorker, type ShownResult, type ToWorker } from './protocol';

/** A worker stand-in: records messages; the test answers them. */
class FakeWorker {
  sent: ToWorker[] = [];
  onmessage: ((ev: MessageEvent<FromWorker>) => void) | null = null;
  onerror: ((ev: ErrorEvent) => void) | null = null;
  postMessage(m: ToWorker) {
    this.sent.push(m);
  }
  terminate() {}
  reply(m: FromWorker) {
    this.onmessage?.({ data: m } as MessageEvent<FromWorker>);
  }
}

const result = (query: string): ShownResult => ({ query, total: 0, docTotal: 0, hits: [], facets: { region: [], issuer: [], kind: [], year: [] }, docs: {}, ms: 0 });

describe('SearchClient', () => {
  it('loads once, reports status, resolves results', async () => {
    const w = new FakeWorker();
    const c = new SearchClient({ createWorker: () => w as unknown as Worker });
    const states: SearchStatus['state'][] = [];
    c.subscribe((s) => states.push(s.state));
    const p = c.search('融资担保');
    c.load();
    expect(w.sent.filter((m) => m.type === 'load').length).toBe(1);
    expect(w.sent[0]).toEqual({ type: 'load', base: 'http://localhost/corpus/search/' });
    w.reply({ type: 'ready', stats: { docs: 1, units: 2, loadMs: 3 } });
    const id = (w.sent.find((m) => m.type === 'search') as { id: number }).id;
    w.reply({ type: 'result', id, result: result('融资担保') });
    await expect(p).resolves.toMatchObject({ query: '融资担保' });
    expect(states).toEqual(['loading', 'ready']);
  });

  it('a newer search cancels the older one on the same channel', async () => {
    const w = new FakeWorker();
    const c = new SearchClient({ createWorker: () => w as unknown as Worker });
    const first = c.search('融');
    const second = c.search('融资');
    await expect(first).rejects.toBeInstanceOf(SearchCancelled);
    expect(w.sent.some((m) => m.type === 'cancel')).toBe(true);
    const ids = w.sent.filter((m) => m.type === 'search').map((m) => (m as { id: number }).id);
    // A late answer to the stale query is ignored; the current one resolves.
    w.reply({ type: 'result', id: ids[0], result: result('融') });
    w.reply({ type: 'result', id: ids[1], result: result('融资') });
    await expect(second).resolves.toMatchObject({ query: '融资' });
  });

  it('abort signals cancel; errors reject', async () => {
    const w = new FakeWorker();
    const c = new SearchClient({ createWorker: () => w as unknown as Worker });
    const ac = new AbortController();
    const p = c.search('a', {}, 'x', ac.signal);
    ac.abort();
    await expect(p).rejects.toBeInstanceOf(SearchCancelled);
    const q = c.search('b', {}, 'y');
    const id = (w.sent.filter((m) => m.type === 'search').pop() as { id: number }).id;
    w.reply({ type: 'failed', id, message: 'boom' });
    await expect(q).rejects.toThrow('boom');
    w.reply({ type: 'error', message: '找不到搜索索引' });
    expect(c.status).toEqual({ state: 'error', message: '找不到搜索索引' });
  });

  it('names the worker it creates to load the index with where the index is: it starts before any message reaches it', () => {
    const names: string[] = [];
    const w = new FakeWorker();
    const c = new SearchClient({ base: 'corpus/搜索 & 索引/', createWorker: (name) => (names.push(name), w as unknown as Worker) });
    c.load();
    c.load();
    expect(names).toHaveLength(1);
    expect(readWorkerName(names[0])).toBe('http://localhost/corpus/%E6%90%9C%E7%B4%A2%20&%20%E7%B4%A2%E5%BC%95/');
    // The message still goes: a worker that runs already (see below) loads on it; one that started ignores it.
    expect(w.sent).toEqual([{ type: 'load', base: 'http://localhost/corpus/%E6%90%9C%E7%B4%A2%20&%20%E7%B4%A2%E5%BC%95/' }]);
  });

  it("a worker started for the user's documents loads nothing until asked; load() then asks by message", () => {
    const names: string[] = [];
    const w = new FakeWorker();
    const c = new SearchClient({ createWorker: (name) => (names.push(name), w as unknown as Worker) });
    c.setUserDocs([]);
    expect(names).toEqual(['search']);
    expect(readWorkerName(names[0])).toBeNull();
    c.load();
    expect(names).toHaveLength(1);
    expect(w.sent.map((m) => m.type)).toEqual(['user-docs', 'load']);
  });

  it('loads once: asked again while loading or once ready, it sends nothing', () => {
    const w = new FakeWorker();
    const c = new SearchClient({ createWorker: () => w as unknown as Worker });
    c.load();
    c.load();
    w.reply({ type: 'ready', stats: { docs: 1, units: 2, loadMs: 3 } });
    c.load();
    expect(w.sent).toEqual([{ type: 'load', base: 'http://localhost/corpus/search/' }]);
  });

  it('a load retried after an error asks the same worker again', () => {
    let created = 0;
    const w = new FakeWorker();
    const c = new SearchClient({ createWorker: () => (created++, w as unknown as Worker) });
    c.load();
    w.reply({ type: 'error', message: '找不到搜索索引' });
    c.load();
    expect(created).toBe(1);
    expect(w.sent.map((m) => m.type)).toEqual(['load', 'load']);
    expect(c.status).toEqual({ state: 'loading' });
  });
});

describe('workerName', () => {
  it('carries any base through the name, and reads nothing from a name it did not make', () => {
    for (const base of ['http://127.0.0.1:4173/corpus/search/', 'app://reader/corpus/search/', 'http://localhost/a?b=c&d=%25#e/']) expect(readWorkerName(workerName(base))).toBe(base);
    expect(workerName(null)).toBe('search');
    for (const name of ['search', '', 'searching?base=x', 'worker?base=x', 'search?', 'search?base=', 'search?q=1', 'alignWorker']) expect(readWorkerName(name)).toBeNull();
  });
});
