/**
 * Hash routes. The hash (not the path) carries the route because the same build
 * runs under Electron's app:// scheme and a plain static server, neither of
 * which can rewrite unknown paths to index.html.
 *
 *   #/                          library (filters in the query: ?p=&c=&i=&y=&k=&s=&t=)
 *   #/doc/<docId>               reading view, restores the last position
 *   #/doc/<docId>/<unitId>?q=   reading view at a unit, optional query to highlight
 *   #/search?q=&scope=&field=&w=&region=&issuer=&kind=&year=&flat=&n=   search panel (searchState.ts)
 *   #/export?doc=&tag=&colour=  export of annotations (the 我的标注 filter's query; none = everything)
 *   #/annotations?…             我的标注 (filters: core/annotations/filter.ts filterToQuery)
 *   #/compare/<docIdA>/<docIdB> two documents side by side
 */
import { EMPTY_SEARCH, readSearchParams, writeSearchParams, type SearchState } from './searchState';

import { EMPTY_FILTERS, SORT_KEYS, type LibraryFilters, type SortKey } from '../../core/corpus/library-filters';

export { EMPTY_FILTERS, SORT_KEYS, type LibraryFilters, type SortKey };

export type Route =
  | { name: 'library'; filters: LibraryFilters }
  | { name: 'doc'; docId: string; unitId: string | null; query: string }
  | { name: 'search'; query: string; state?: SearchState }
  | { name: 'export'; query: string }
  | { name: 'annotations'; filter: string }
  | { name: 'compare'; a: string; b: string }
  | { name: 'not-found'; hash: string };

function safeDecode(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

const FILTER_PARAMS: [keyof Omit<LibraryFilters, 'text' | 'sort'>, string][] = [
  ['province', 'p'],
  ['city', 'c'],
  ['issuer', 'i'],
  ['year', 'y'],
  ['kind', 'k'],
  ['source', 'from'],
];

export function parseHash(hash: string): Route {
  const raw = hash.startsWith('#') ? hash.slice(1) : hash;
  const qAt = raw.indexOf('?');
  const path = qAt >= 0 ? raw.slice(0, qAt) : raw;
  const params = new URLSearchParams(qAt >= 0 ? raw.slice(qAt + 1) : '');
  const segments = path.split('/').filter((s) => s !== '');
  const decoded = segments.map(safeDecode);
  if (decoded.some((s) => s === null)) return { name: 'not-found', hash };
  const parts = decoded as string[];

  if (parts.length === 0) {
    const filters: LibraryFilters = { ...EMPTY_FILTERS };
    for (const [key, param] of FILTER_PARAMS) {
      const v = params.get(param);
      if (v) filters[key] = v;
    }
    // A city only makes sense inside its province.
    if (!filters.province) filters.city = null;
    filters.text = params.get('t') ?? '';
    const sort = params.get('s');
    if (sort && (SORT_KEYS as readonly string[]).includes(sort)) filters.sort = sort as SortKey;
    return { name: 'library', filters };
  }
  if (parts[0] === 'doc' && (parts.length === 2 || parts.length === 3)) {
    return { name: 'doc', docId: parts[1], unitId: parts[2] ?? null, query: params.get('q') ?? '' };
  }
  if (parts[0] === 'compare' && parts.length === 3) return { name: 'compare', a: parts[1], b: parts[2] };
  if (parts[0] === 'export' && parts.length === 1) {
    return { name: 'export', query: qAt >= 0 ? raw.slice(qAt + 1) : '' };
  }
  if (parts[0] === 'annotations' && parts.length === 1) {
    return { name: 'annotations', filter: qAt >= 0 ? raw.slice(qAt + 1) : '' };
  }
  if (parts[0] === 'search' && parts.length === 1) {
    const state = readSearchParams(params);
    return { name: 'search', query: state.query, state };
  }
  return { name: 'not-found', hash };
}

export function formatHash(route: Route): string {
  switch (route.name) {
    case 'library': {
      const params = new URLSearchParams();
      const f = route.filters;
      for (const [key, param] of FILTER_PARAMS) {
        const v = f[key];
        if (v) params.set(param, v);
      }
      if (f.text) params.set('t', f.text);
      if (f.sort !== EMPTY_FILTERS.sort) params.set('s', f.sort);
      const qs = params.toString();
      return qs ? `#/?${qs}` : '#/';
    }
    case 'doc': {
      let h = `#/doc/${encodeURIComponent(route.docId)}`;
      if (route.unitId) h += `/${encodeURIComponent(route.unitId)}`;
      if (route.query) h += `?${new URLSearchParams({ q: route.query })}`;
      return h;
    }
    case 'search': {
      const qs = writeSearchParams({ ...(route.state ?? EMPTY_SEARCH), query: route.query }).toString();
      return qs ? `#/search?${qs}` : '#/search';
    }
    case 'export':
      return route.query ? `#/export?${route.query}` : '#/export';
    case 'annotations':
      return route.filter ? `#/annotations?${route.filter}` : '#/annotations';
    case 'compare':
      return `#/compare/${encodeURIComponent(route.a)}/${encodeURIComponent(route.b)}`;
    case 'not-found':
      return route.hash;
  }
}

export const compareHref = (a: string, b: string) => formatHash({ name: 'compare', a, b });
export const docHref = (docId: string, unitId: string | null = null, query = '') => formatHash({ name: 'doc', docId, unitId, query });
