/**
 * Library filtering and facet counts. Counts are "what you would get if you
 * picked this value": each facet is counted over the documents that pass every
 * other active filter, so choosing a province still shows the other provinces'
 * counts instead of zeros.
 */
import type { DocSummary } from '../../core/corpus/types';
import { normalize } from '../../core/text/normalize';
import type { LibraryFilters, SortKey } from '../routing/hash';
import { isUserDocId } from '../../core/import/user-documents';
import { NO_YEAR, documentIssuers, documentYear, listingDate, regionTop } from '../../core/corpus/facts';

export type FacetKey = 'province' | 'city' | 'issuer' | 'year' | 'kind' | 'source';

export const SOURCE_MINE = '我的文件';
export const SOURCE_CORPUS = '文库';

export interface FacetValue {
  value: string;
  count: number;
}

export function yearOf(d: DocSummary): string {
  return documentYear(d) ?? NO_YEAR;
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

function matchesText(d: DocSummary, needle: string): boolean {
  if (!needle) return true;
  return normalize(d.title).includes(needle) || (d.docNumber !== null && normalize(d.docNumber).includes(needle));
}

function passes(d: DocSummary, f: LibraryFilters, needle: string, except: FacetKey | null): boolean {
  for (const key of FACETS) {
    if (key === except) continue;
    const want = f[key];
    if (want && !valuesOf(d, key).includes(want)) return false;
  }
  return matchesText(d, needle);
}

const collator = new Intl.Collator('zh-Hans-CN');

export function sortDocs(docs: DocSummary[], sort: SortKey): DocSummary[] {
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

export function filterDocs(docs: DocSummary[], f: LibraryFilters): DocSummary[] {
  const needle = normalize(f.text.trim());
  return sortDocs(
    docs.filter((d) => passes(d, f, needle, null)),
    f.sort,
  );
}

function countFacet(docs: DocSummary[], f: LibraryFilters, needle: string, key: FacetKey): FacetValue[] {
  const counts = new Map<string, number>();
  for (const d of docs) {
    if (!passes(d, f, needle, key)) continue;
    for (const v of new Set(valuesOf(d, key))) counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  // Keep a selected value visible even when the other filters leave it empty,
  // so it can still be cleared from where it was set.
  const selected = f[key];
  if (selected && !counts.has(selected)) counts.set(selected, 0);
  const list = [...counts].map(([value, count]) => ({ value, count }));
  if (key === 'year') return list.sort((a, b) => b.value.localeCompare(a.value));
  return list.sort((a, b) => b.count - a.count || collator.compare(a.value, b.value));
}

export type Facets = Record<FacetKey, FacetValue[]>;

export function facetCounts(docs: DocSummary[], f: LibraryFilters): Facets {
  const needle = normalize(f.text.trim());
  const out = {} as Facets;
  for (const key of FACETS) out[key] = countFacet(docs, f, needle, key);
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
