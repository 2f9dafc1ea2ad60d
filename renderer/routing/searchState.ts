/**
 * The search page's state in the URL (#/search?q=…&scope=doc&field=title&w=…&region=…&flat=1&n=100),
 * so that a reload, Back, or a copied link shows the same results.
 */
import { FACETS, type FacetName, type Field, type Scope } from '../../core/search';

export interface SearchState {
  query: string;
  scope: Scope;
  field: Field;
  /** Search within results: the refinements, in order, after the main query. */
  within: string[];
  filters: Partial<Record<FacetName, string[]>>;
  /** One list of hits instead of groups per document. */
  flat: boolean;
  /** Hits (or documents, grouped) shown: 显示更多 adds a page. */
  limit: number;
  /** 我的文件 only ('mine'), the bundled corpus only ('corpus'), or both (null). */
  source: 'mine' | 'corpus' | null;
}

export const SEARCH_PAGE = 50;

export const EMPTY_SEARCH: SearchState = { query: '', scope: 'clause', field: 'all', within: [], filters: {}, flat: false, limit: SEARCH_PAGE, source: null };

export function readSearchParams(params: URLSearchParams): SearchState {
  const filters: SearchState['filters'] = {};
  for (const f of FACETS) {
    const v = params.getAll(f).filter(Boolean);
    if (v.length) filters[f] = v;
  }
  const n = Number(params.get('n'));
  return {
    query: params.get('q') ?? '',
    scope: params.get('scope') === 'doc' ? 'doc' : 'clause',
    field: params.get('field') === 'title' ? 'title' : 'all',
    within: params.getAll('w').filter((w) => w.trim() !== ''),
    filters,
    flat: params.get('flat') === '1',
    limit: Number.isInteger(n) && n > SEARCH_PAGE && n <= 5000 ? n : SEARCH_PAGE,
    source: params.get('from') === 'mine' ? 'mine' : params.get('from') === 'corpus' ? 'corpus' : null,
  };
}

export function writeSearchParams(s: SearchState): URLSearchParams {
  const p = new URLSearchParams();
  if (s.query) p.set('q', s.query);
  if (s.scope !== 'clause') p.set('scope', s.scope);
  if (s.field !== 'all') p.set('field', s.field);
  for (const w of s.within) p.append('w', w);
  for (const f of FACETS) for (const v of s.filters[f] ?? []) p.append(f, v);
  if (s.flat) p.set('flat', '1');
  if (s.limit !== SEARCH_PAGE) p.set('n', String(s.limit));
  if (s.source) p.set('from', s.source);
  return p;
}
