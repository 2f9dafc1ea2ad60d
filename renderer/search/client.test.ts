import { describe, expect, it } from 'vitest';
import { SearchCancelled, SearchClient, type SearchStatus } from './client';
import type { FromWorker, ShownResult, ToWorker } from './protocol';

/** A worker stand-in: records messages; the test answers them. */
class FakeWorker {
  sent: ToWorker[] = [];
  onmessage: ((ev: MessageEvent<FromWorker>) => void) | null = null;
  onerror: ((ev: ErrorEvent) => void) | null = null;
  transferred: unknown[][] = [];
  postMessage(m: ToWorker, transfer: unknown[] = []) {
    this.sent.push(m);
    this.transferred.push(transfer);
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
    expect(w.sent[0]).toEqual({ type: 'load', base: 'http://localhost/corpus/search/', fetching: false });
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

  it('fetches the index in the page while the worker starts, and hands the files over without a copy', async () => {
    const w = new FakeWorker();
    const index = new TextEncoder().encode('{"v":9}').buffer;
    const units = new TextEncoder().encode('{"docs":[]}').buffer;
    const asked: string[] = [];
    const c = new SearchClient({ createWorker: () => w as unknown as Worker, fetchIndex: async (base) => (asked.push(base), { index, units }) });
    c.load(true);
    const p = c.search('融资担保');
    // The load goes first, then the query: the worker waits for the files before it answers.
    expect(w.sent.map((m) => m.type)).toEqual(['load', 'search']);
    expect(w.sent[0]).toEqual({ type: 'load', base: 'http://localhost/corpus/search/', fetching: true });
    await new Promise((r) => setTimeout(r, 0));
    expect(asked).toEqual(['http://localhost/corpus/search/']);
    expect(w.sent[2]).toEqual({ type: 'index-files', files: { index, units } });
    expect(w.transferred[2]).toEqual([index, units]);
    c.dispose();
    await expect(p).rejects.toBeInstanceOf(SearchCancelled);
  });

  it('loading while the page is idle leaves the fetching to the worker (nothing for the page to log)', async () => {
    const w = new FakeWorker();
    const c = new SearchClient({ createWorker: () => w as unknown as Worker, fetchIndex: () => expect.unreachable('fetched in the page') });
    c.load();
    await new Promise((r) => setTimeout(r, 0));
    expect(w.sent).toEqual([{ type: 'load', base: 'http://localhost/corpus/search/', fetching: false }]);
  });

  it('a failed fetch in the page hands over nothing: the worker fetches the files and reports', async () => {
    for (const fetchIndex of [async () => null, async () => Promise.reject(new Error('offline'))]) {
      const w = new FakeWorker();
      const c = new SearchClient({ createWorker: () => w as unknown as Worker, fetchIndex });
      c.load(true);
      await new Promise((r) => setTimeout(r, 0));
      expect(w.sent).toEqual([
        { type: 'load', base: 'http://localhost/corpus/search/', fetching: true },
        { type: 'index-files', files: null },
      ]);
      expect(w.transferred[1]).toEqual([]);
    }
  });
});
