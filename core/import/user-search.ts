/**
 * Search over the corpus and the user's own documents as one ranked list.
 * The user library has its own small index (built in the search worker from
 * the user's documents with the corpus build's own index builder); a query
 * runs on both and the hits are merged by score, the totals and facet
 * counts added. Both engines score with the same
 * BM25, and the user index scores on the corpus's statistics (unit count,
 * average length, phrase frequencies: SearchEngine's `background`), so a
 * user document ranks where the corpus would rank it if it held it
 * (tested in user-search.test.ts), not below every corpus hit.
 */
import type { PolicyDocument } from '../corpus/types.js';
import { buildSearchArtifacts } from '../search/artifacts.js';
import { SearchEngine, type Hit, type SearchOptions, type SearchResult } from '../search/engine.js';

export type SourceFilter = 'mine' | 'corpus' | null;

/** An index of `docs`; with `corpus`, scored on the corpus's statistics (see SearchEngine's `background`). */
export function userEngine(docs: PolicyDocument[], corpus?: SearchEngine): SearchEngine | null {
  if (!docs.length) return null;
  const files = new Map(buildSearchArtifacts(docs).map((a) => [a.path, a.data]));
  return SearchEngine.fromFiles((path) => files.get(path), corpus);
}

export interface MergedHit extends Hit {
  /** Which engine the hit's unit index belongs to. */
  engine: SearchEngine;
}

export function searchBoth(corpus: SearchEngine, mine: SearchEngine | null, query: string, opts: SearchOptions = {}, source: SourceFilter = null): Omit<SearchResult, 'hits'> & { hits: MergedHit[] } {
  const engines = [source !== 'mine' ? corpus : null, source !== 'corpus' ? mine : null].filter((e): e is SearchEngine => e !== null);
  // An expanded group (one document) belongs to one engine.
  const scoped = opts.doc !== undefined ? engines.filter((e) => e.docs.some((d) => d.id === opts.doc)) : engines;
  const offset = opts.offset ?? 0;
  const limit = opts.limit;
  const wide: SearchOptions = { ...opts, offset: 0, limit: limit === undefined ? undefined : offset + limit };
  const results = (scoped.length ? scoped : engines.slice(0, 1)).map((e) => ({ e, r: e.search(query, wide) }));
  const hits = results
    .flatMap(({ e, r }) => r.hits.map((h) => ({ ...h, engine: e })))
    .sort((a, b) => b.score - a.score || (a.docId < b.docId ? -1 : a.docId > b.docId ? 1 : a.unit - b.unit));
  const facets = {} as SearchResult['facets'];
  for (const { r } of results)
    for (const [name, list] of Object.entries(r.facets) as [keyof SearchResult['facets'], SearchResult['facets'][keyof SearchResult['facets']]][]) {
      const into = new Map((facets[name] ?? []).map((f) => [f.value, { ...f }]));
      for (const f of list) {
        const had = into.get(f.value);
        if (had) had.count += f.count;
        else into.set(f.value, { ...f });
      }
      facets[name] = [...into.values()].sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
    }
  return {
    query,
    total: results.reduce((n, { r }) => n + r.total, 0),
    docTotal: results.reduce((n, { r }) => n + r.docTotal, 0),
    available: results.reduce((n, { r }) => n + r.available, 0),
    facets,
    hits: hits.slice(offset, limit === undefined ? undefined : offset + limit),
  };
}
