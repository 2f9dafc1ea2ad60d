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

/** Every facet, in the order the library lists them. */
export const FACET_KEYS: readonly FacetKey[] = ['province', 'city', 'issuer', 'year', 'kind', 'source'];

/**
 * One facet of every document, as numbers: the distinct values (a value's id is its position) and each
 * document's value ids, document i's at `of[start[i]]` to `of[start[i + 1] - 1]`. Filtering and counting
 * then compare and add integers: a 10,000-document library is filtered and counted on every key of the
 * quick filter, in the first frames after the page opened, before the JIT has warmed up.
 */
interface FacetColumn {
  values: string[];
  ids: Map<string, number>;
  start: Int32Array;
  of: Int32Array;
  /** Each value's place in the facet's display order among equal counts (collation, or years newest first), made on first use. */
  rank: Int32Array | null;
}

function facetColumn(docs: readonly DocSummary[], key: FacetKey): FacetColumn {
  const values: string[] = [];
  const ids = new Map<string, number>();
  const start = new Int32Array(docs.length + 1);
  const of: number[] = [];
  docs.forEach((d, i) => {
    start[i] = of.length;
    for (const value of new Set(valuesOf(d, key))) {
      let id = ids.get(value);
      if (id === undefined) ids.set(value, (id = values.push(value) - 1));
      of.push(id);
    }
  });
  start[docs.length] = of.length;
  return { values, ids, start, of: Int32Array.from(of), rank: null };
}

function hasValue(col: FacetColumn, doc: number, id: number): boolean {
  for (let j = col.start[doc]; j < col.start[doc + 1]; j++) if (col.of[j] === id) return true;
  return false;
}

/**
 * What filtering reads of each document, computed once per library (a
 * 10,000-document library is filtered on every key of the quick filter):
 * its facet values, its folded title and 文号, and the list in each sort order.
 */
export interface LibraryIndex {
  docs: readonly DocSummary[];
  columns: Record<FacetKey, FacetColumn>;
  /** Folded title and 文号, made on the first quick-filter key (folding 10,000 titles would delay the first paint). */
  text: string[] | null;
  /** Positions into `docs`, per sort key, made on first use. */
  orders: Map<SortKey, Int32Array>;
}

export function libraryIndex(docs: readonly DocSummary[]): LibraryIndex {
  const columns = {} as Record<FacetKey, FacetColumn>;
  for (const key of FACET_KEYS) columns[key] = facetColumn(docs, key);
  return { docs, columns, text: null, orders: new Map() };
}

/**
 * Gets the first quick-filter key ready while the page is idle: folds the titles, and filters once by a
 * character of them, so the first key runs code the JIT has compiled for it (the library's first view,
 * with no text, did not take that path).
 */
export function warmQuickFilter(ix: LibraryIndex): void {
  const text = textOf(ix);
  if (text.length) viewLibrary(ix, { ...EMPTY_FILTERS, text: text[0].slice(0, 1) });
}

function textOf(ix: LibraryIndex): string[] {
  // Joined, not concatenated: a concatenation is a rope that the first search of each string flattens, which made
  // the first quick-filter key after the library opened 2–3 times slower than the next.
  ix.text ??= ix.docs.map((d) => [normalize(d.title), d.docNumber === null ? '' : normalize(d.docNumber)].join('\n'));
  return ix.text;
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

/** Years newest first, 未注明 last: it is no year. */
function yearOrder(a: string, b: string): number {
  return (a === UNKNOWN_LABEL ? 1 : 0) - (b === UNKNOWN_LABEL ? 1 : 0) || b.localeCompare(a);
}

/** Facet values in display order among equal counts: years newest first with 未注明 last (it is no year), the rest by collation. */
function rankOf(key: FacetKey, col: FacetColumn): Int32Array {
  if (!col.rank) {
    const byValue = key === 'year' ? yearOrder : (a: string, b: string) => collator.compare(a, b);
    const sorted = col.values.map((_, id) => id).sort((a, b) => byValue(col.values[a], col.values[b]));
    col.rank = new Int32Array(col.values.length);
    sorted.forEach((id, r) => (col.rank![id] = r));
  }
  return col.rank;
}

export type Facets = Record<FacetKey, FacetValue[]>;

/** What the library shows under some filters: the documents that pass them, in order, and every facet's counts. */
export interface LibraryView {
  shown: DocSummary[];
  facets: Facets;
}

const asIndex = (docs: readonly DocSummary[] | LibraryIndex): LibraryIndex => (Array.isArray(docs) ? libraryIndex(docs) : (docs as LibraryIndex));

/**
 * Filters and counts in one pass over the documents. Counts are "what you would get if you picked this
 * value": a document counts for a facet when it passes every other filter, so a document that fails one
 * filter is counted for that filter's facet only, and one that fails two for none.
 */
export function viewLibrary(docs: readonly DocSummary[] | LibraryIndex, f: LibraryFilters): LibraryView {
  const ix = asIndex(docs);
  const n = ix.docs.length;
  const needle = normalize(f.text.trim());
  const text = needle ? textOf(ix) : null;
  const columns = FACET_KEYS.map((k) => ix.columns[k]);
  const active = FACET_KEYS.flatMap((k, c) => (f[k] ? [c] : []));
  // A selected value no document has is an id no document holds: every document fails that filter.
  const want = active.map((c) => columns[c].ids.get(f[FACET_KEYS[c]]!) ?? -1);
  const counts = columns.map((col) => new Int32Array(col.values.length));
  const passed = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (text && !text[i].includes(needle)) continue;
    let failed = -1;
    let failures = 0;
    for (let a = 0; a < active.length && failures < 2; a++) {
      if (hasValue(columns[active[a]], i, want[a])) continue;
      failures++;
      failed = active[a];
    }
    if (failures > 1) continue;
    if (failures === 0) passed[i] = 1;
    for (let c = 0; c < columns.length; c++) {
      if (failures === 1 && c !== failed) continue;
      const { start, of } = columns[c];
      const into = counts[c];
      for (let j = start[i]; j < start[i + 1]; j++) into[of[j]]++;
    }
  }
  const shown: DocSummary[] = [];
  for (const i of order(ix, f.sort)) if (passed[i]) shown.push(ix.docs[i]);

  const facets = {} as Facets;
  FACET_KEYS.forEach((key, k) => {
    const col = ix.columns[key];
    const c = counts[k];
    const ids: number[] = [];
    // Keep a selected value visible even when the other filters leave it empty,
    // so it can still be cleared from where it was set.
    const selected = f[key];
    const selectedId = selected ? (col.ids.get(selected) ?? -1) : -1;
    for (let id = 0; id < c.length; id++) if (c[id] > 0 || id === selectedId) ids.push(id);
    const rank = rankOf(key, col);
    // Most frequent first; years in their own order (a year's count says nothing of where it belongs).
    ids.sort(key === 'year' ? (a, b) => rank[a] - rank[b] : (a, b) => c[b] - c[a] || rank[a] - rank[b]);
    const list = ids.map((id) => ({ value: col.values[id], count: c[id] }));
    // A value no document has (an old link): listed all the same, last (its count is 0) or among the years.
    if (selected && selectedId < 0) {
      list.push({ value: selected, count: 0 });
      if (key === 'year') list.sort((a, b) => yearOrder(a.value, b.value));
    }
    facets[key] = list;
  });
  // Cities are only offered inside a chosen province (province → city).
  if (!f.province) facets.city = [];
  return { shown, facets };
}

export function filterDocs(docs: readonly DocSummary[] | LibraryIndex, f: LibraryFilters): DocSummary[] {
  return viewLibrary(docs, f).shown;
}

/** Every facet's counts (viewLibrary's). */
export function facetCounts(docs: readonly DocSummary[] | LibraryIndex, f: LibraryFilters): Facets {
  return viewLibrary(docs, f).facets;
}

/** Changing a facet resets what depends on it (province → city). */
export function setFacet(f: LibraryFilters, key: FacetKey, value: string | null): LibraryFilters {
  const next = { ...f, [key]: value };
  if (key === 'province') next.city = null;
  return next;
}
