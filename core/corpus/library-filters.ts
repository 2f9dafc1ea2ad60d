/**
 * Library filtering and facet counts. Counts are "what you would get if you
 * picked this value": each facet is counted over the documents that pass every
 * other active filter, so choosing a province still shows the other provinces'
 * counts instead of zeros.
 */
import type { DocSummary } from './types.js';
import { normalize } from '../text/normalize.js';
import { isUserDocId } from './doc-ids.js';
import { UNKNOWN_LABEL, documentIssuers, documentYear, listingDate, regionTop } from './facts.js';

export type SortKey = 'date-desc' | 'date-asc' | 'title';
export const SORT_KEYS: readonly SortKey[] = ['date-desc', 'date-asc', 'title'];

/** What the library is filtered by (kept in the route's query, renderer/routing/hash.ts). */
export interface LibraryFilters {
  province: string | null;
  city: string | null;
  issuer: string | null;
  year: string | null;
  kind: string | null;
  /** 我的文件 (the user's imported documents) or 文库 (the bundled corpus). */
  source: string | null;
  /** Quick filter on title and 文号. */
  text: string;
  sort: SortKey;
}

export const EMPTY_FILTERS: LibraryFilters = { province: null, city: null, issuer: null, year: null, kind: null, source: null, text: '', sort: 'date-desc' };

export type FacetKey = 'province' | 'city' | 'issuer' | 'year' | 'kind' | 'source';

export const SOURCE_MINE = '我的文件';
export const SOURCE_CORPUS = '文库';

export interface FacetValue {
  value: string;
  count: number;
}

export function yearOf(d: DocSummary): string {
  return documentYear(d) ?? UNKNOWN_LABEL;
}

function valuesOf(d: DocSummary, key: FacetKey): string[] {
  switch (key) {
    case 'province':
      return [regionTop(d.region)];
    case 'city':
      return d.region.city ? [d.region.city] : [];
    case 'issuer':
      return documentIssuers(d);
    case 'year':
      return [yearOf(d)];
    case 'kind':
      return [d.kind];
    case 'source':
      return [isUserDocId(d.id) ? SOURCE_MINE : SOURCE_CORPUS];
  }
}

const FACETS: FacetKey[] = ['province', 'city', 'issuer', 'year', 'kind', 'source'];

/**
 * What filtering reads of each document, computed once per library (a
 * 10,000-document library is filtered on every key of the quick filter):
 * its facet values, its folded title and 文号, and the list in each sort order.
 */
export interface LibraryIndex {
  docs: readonly DocSummary[];
  values: readonly Record<FacetKey, readonly string[]>[];
  /** Folded title and 文号, made on the first quick-filter key (folding 10,000 titles would delay the first paint). */
  text: string[] | null;
  /** Positions into `docs`, per sort key, made on first use. */
  orders: Map<SortKey, Int32Array>;
}

export function libraryIndex(docs: readonly DocSummary[]): LibraryIndex {
  return {
    docs,
    values: docs.map((d) => {
      const v = {} as Record<FacetKey, readonly string[]>;
      for (const key of FACETS) v[key] = [...new Set(valuesOf(d, key))];
      return v;
    }),
    text: null,
    orders: new Map(),
  };
}

/** Folds the titles ahead of the first quick-filter key (call it when the page is idle). */
export function warmQuickFilter(ix: LibraryIndex): void {
  textOf(ix);
}

function textOf(ix: LibraryIndex): string[] {
  // Joined, not concatenated: a concatenation is a rope that the first search of each string flattens, which made
  // the first quick-filter key after the library opened 2–3 times slower than the next.
  ix.text ??= ix.docs.map((d) => [normalize(d.title), d.docNumber === null ? '' : normalize(d.docNumber)].join('\n'));
  return ix.text;
}

function passes(ix: LibraryIndex, i: number, f: LibraryFilters, needle: string): boolean {
  const v = ix.values[i];
  for (const key of FACETS) {
    const want = f[key];
    if (want && !v[key].includes(want)) return false;
  }
  return !needle || textOf(ix)[i].includes(needle);
}

const collator = new Intl.Collator('zh-Hans-CN');

export function sortDocs(docs: readonly DocSummary[], sort: SortKey): DocSummary[] {
  const byTitle = (a: DocSummary, b: DocSummary) => collator.compare(a.title, b.title) || a.id.localeCompare(b.id);
  const copy = [...docs];
  if (sort === 'title') return copy.sort(byTitle);
  const dir = sort === 'date-asc' ? 1 : -1;
  // Listed by the date they show (issue date, else the date they take effect);
  // undated documents go last in both directions: they are the least useful at either end.
  const when = new Map(copy.map((d) => [d.id, listingDate(d)?.date ?? null]));
  return copy.sort((a, b) => {
    const x = when.get(a.id) ?? null;
    const y = when.get(b.id) ?? null;
    if (x === y) return byTitle(a, b);
    if (!x) return 1;
    if (!y) return -1;
    return x < y ? -dir : dir;
  });
}

/** The index's documents in one sort order, sorted once (collation of 10,000 titles is the costly part). */
function order(ix: LibraryIndex, sort: SortKey): Int32Array {
  let o = ix.orders.get(sort);
  if (!o) {
    const pos = new Map(ix.docs.map((d, i) => [d, i]));
    o = Int32Array.from(sortDocs(ix.docs, sort), (d) => pos.get(d)!);
    ix.orders.set(sort, o);
  }
  return o;
}

export function filterDocs(docs: readonly DocSummary[] | LibraryIndex, f: LibraryFilters): DocSummary[] {
  const ix = Array.isArray(docs) ? libraryIndex(docs) : (docs as LibraryIndex);
  const needle = normalize(f.text.trim());
  const out: DocSummary[] = [];
  for (const i of order(ix, f.sort)) if (passes(ix, i, f, needle)) out.push(ix.docs[i]);
  return out;
}

/** Facet values: most frequent first; years newest first with 未注明 last (it is no year). */
function sortValues(key: FacetKey, list: FacetValue[]): FacetValue[] {
  if (key === 'year') return list.sort((a, b) => (a.value === UNKNOWN_LABEL ? 1 : 0) - (b.value === UNKNOWN_LABEL ? 1 : 0) || b.value.localeCompare(a.value));
  return list.sort((a, b) => b.count - a.count || collator.compare(a.value, b.value));
}

export type Facets = Record<FacetKey, FacetValue[]>;

/** Every facet counted in one pass over the documents: a document counts for a facet when it passes every other filter. */
export function facetCounts(docs: readonly DocSummary[] | LibraryIndex, f: LibraryFilters): Facets {
  const ix = Array.isArray(docs) ? libraryIndex(docs) : (docs as LibraryIndex);
  const needle = normalize(f.text.trim());
  const counts = Object.fromEntries(FACETS.map((k) => [k, new Map<string, number>()])) as Record<FacetKey, Map<string, number>>;
  const active = FACETS.filter((k) => f[k]);
  for (let i = 0; i < ix.docs.length; i++) {
    if (needle && !textOf(ix)[i].includes(needle)) continue;
    const v = ix.values[i];
    const failed = active.filter((k) => !v[k].includes(f[k]!));
    if (failed.length > 1) continue;
    for (const key of FACETS) {
      if (failed.length === 1 && failed[0] !== key) continue;
      const m = counts[key];
      for (const x of v[key]) m.set(x, (m.get(x) ?? 0) + 1);
    }
  }
  const out = {} as Facets;
  for (const key of FACETS) {
    // Keep a selected value visible even when the other filters leave it empty,
    // so it can still be cleared from where it was set.
    const selected = f[key];
    if (selected && !counts[key].has(selected)) counts[key].set(selected, 0);
    out[key] = sortValues(key, [...counts[key]].map(([value, count]) => ({ value, count })));
  }
  // Cities are only offered inside a chosen province (province → city).
  if (!f.province) out.city = [];
  return out;
}

/** Changing a facet resets what depends on it (province → city). */
export function setFacet(f: LibraryFilters, key: FacetKey, value: string | null): LibraryFilters {
  const next = { ...f, [key]: value };
  if (key === 'province') next.city = null;
  return next;
}
