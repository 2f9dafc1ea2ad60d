/**
 * The renderer's on-demand variants (variantsData.ts) against the files the build writes for a small
 * VariantsFile (variantsFiles), served by a stand-in fetch that counts requests: the summary is fetched
 * once, a document's shard once while it is cached, again after SHARD_CACHE_SIZE other documents; a
 * document without a shard costs no request; a damaged shard is that document's problem only.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { variantsFiles } from '../../core/compare/artifact';
import { VARIANTS_FORMAT_VERSION, type VariantsFile } from '../../core/compare/format';

const ids = Array.from({ length: 12 }, (_, i) => `p${String(i).padStart(2, '0')}`);
const pair = (a: string, b: string) => ({ a, b, relation: 'same' as const, jaccard: 0.9, aInB: 1, bInA: 0.9, sharedClauses: 2 });
// A chain of links p00–p01, p01–p02 …: every document has a shard; p99 (a user's file, say) has none.
const whole: VariantsFile = {
  formatVersion: VARIANTS_FORMAT_VERSION,
  families: [{ id: 'f1', center: 'p00', members: ['p00', 'p01'], pairs: [pair('p00', 'p01')] }],
  subject: [],
  clauses: { 'p00~a1': [{ unit: 'p01~a1', doc: 'p01', similarity: 0.8 }] },
  links: ids.slice(1, -1).map((id, i) => pair(id, ids[i + 2])),
};

let served: Map<string, string>;
let requests: string[];
type Data = typeof import('./variantsData');
let data: Data;

beforeEach(async () => {
  served = new Map(variantsFiles(whole).map((f) => [`corpus/${f.path}`, f.data]));
  requests = [];
  vi.stubGlobal('fetch', async (url: string) => {
    requests.push(url);
    const body = served.get(url);
    return body === undefined ? new Response('not found', { status: 404 }) : new Response(body, { status: 200 });
  });
  // Module state (the cached summary and shards) anew for each test.
  vi.resetModules();
  data = await import('./variantsData');
});

describe('variants loaded on demand', () => {
  it('fetches the summary once and each shard once while cached; a document without a shard fetches nothing', async () => {
    const a = await data.loadDocVariants('p00');
    expect(a.problem).toBeNull();
    expect(a.shard?.clauses['p00~a1']).toEqual(whole.clauses['p00~a1']);
    expect(a.shard?.pairs).toEqual([pair('p00', 'p01')]);
    await Promise.all([data.loadDocVariants('p00'), data.loadDocVariants('p01'), data.loadDocVariants('p01')]);
    expect(requests).toEqual(['corpus/variants.json', 'corpus/variants/p00.json', 'corpus/variants/p01.json']);
    expect(await data.loadDocVariants('p99')).toMatchObject({ shard: null, problem: null });
    expect(requests).toHaveLength(3);
  });

  it("keeps at most SHARD_CACHE_SIZE shards: the least recently used is fetched again", async () => {
    for (const id of ids.slice(0, data.SHARD_CACHE_SIZE)) await data.loadDocVariants(id);
    await data.loadDocVariants('p00'); // used again: now the most recent
    await data.loadDocVariants(ids[data.SHARD_CACHE_SIZE]); // evicts p01, the least recent
    requests.length = 0;
    await data.loadDocVariants('p00');
    expect(requests).toEqual([]);
    await data.loadDocVariants('p01');
    expect(requests).toEqual(['corpus/variants/p01.json']);
  });

  it("a damaged shard is its document's problem, in Chinese; the others load", async () => {
    served.set('corpus/variants/p01.json', served.get('corpus/variants/p01.json')!.slice(0, 30));
    const bad = await data.loadDocVariants('p01');
    expect(bad.shard).toBeNull();
    expect(bad.problem).toContain('variants/p01.json');
    expect((await data.loadDocVariants('p00')).problem).toBeNull();
  });

  it('an unreadable summary is said for every document; a missing one is just no variants', async () => {
    served.set('corpus/variants.json', '{"formatVersion":1,"families":[]}');
    expect((await data.loadDocVariants('p00')).problem).toMatch(/variants\.json.*重新构建语料库/);
    vi.resetModules();
    data = await import('./variantsData');
    served.delete('corpus/variants.json');
    expect(await data.loadDocVariants('p00')).toMatchObject({ shard: null, problem: null });
  });
});
