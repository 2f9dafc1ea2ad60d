import { useEffect, useMemo } from 'react';
import { rememberPlace, useScrollMemory } from '../routing/places';
import type { DocSummary } from '../../core/corpus/types';
import { navigate } from '../hooks/useRoute';
import { EMPTY_FILTERS, type LibraryFilters, type SortKey } from '../routing/hash';
import { CompareButton, CompareNotice } from '../compare/LibraryCompare';
import { DocList } from './DocList';
import { FacetList } from './FacetList';
import { ImportButton } from '../import/ImportPanel';
import { SOURCE_MINE, libraryIndex, setFacet, viewLibrary, warmQuickFilter, type FacetKey, type Facets } from '../../core/corpus/library-filters';
import type { LibraryHead } from '../../core/corpus/library-head';

const SORT_LABELS: Record<SortKey, string> = { 'date-desc': '日期（新→旧）', 'date-asc': '日期（旧→新）', title: '标题' };

/**
 * The library. `docs` is null while the full list loads: then the build's precomputed first screen (`head`,
 * core/corpus/library-head.ts) stands in, in the same layout, so a control the user is typing in or has
 * just pressed stays where it is (and keeps focus) when the full list takes over.
 */
export function LibraryView({ docs, head, dropped, filters }: { docs: DocSummary[] | null; head: LibraryHead | null; dropped: number; filters: LibraryFilters }) {
  // Facet values, folded titles and sort orders are computed once per library; each filter is one pass.
  const index = useMemo(() => (docs ? libraryIndex(docs) : null), [docs]);
  // After the first paint, while the user reads: fold the titles so the first quick-filter key is as fast as the rest.
  useEffect(() => {
    if (!index) return;
    const id = requestIdleCallback(() => warmQuickFilter(index), { timeout: 2000 });
    return () => cancelIdleCallback(id);
  }, [index]);
  const view = useMemo(() => (index ? viewLibrary(index, filters) : null), [index, filters]);
  useEffect(() => rememberPlace('library'));
  useScrollMemory(index !== null);
  if (index && view) return <LibraryLayout shown={view.shown} total={index.docs.length} facets={view.facets} filters={filters} dropped={dropped} />;
  // The head's rows are the unfiltered view's: under a filter nothing is listed until the full list is in.
  const unfiltered = (Object.keys(EMPTY_FILTERS) as (keyof LibraryFilters)[]).every((k) => filters[k] === EMPTY_FILTERS[k]);
  return <LibraryLayout shown={unfiltered ? head!.rows : []} total={head!.count} facets={head!.facets} filters={filters} dropped={0} pending />;
}

function LibraryLayout({ shown, total, facets, filters, dropped, pending = false }: { shown: readonly DocSummary[]; total: number; facets: Facets; filters: LibraryFilters; dropped: number; pending?: boolean }) {
  // Replace, not push: filter tweaks should not each become a Back step.
  const update = (f: LibraryFilters) => navigate({ name: 'library', filters: f }, { replace: true });
  const pick = (key: FacetKey) => (value: string | null) => update(setFacet(filters, key, value));
  const active = filters.province || filters.issuer || filters.year || filters.kind || filters.source || filters.text;
  // With the head, `shown` is its first rows only: the count is the library's.
  const count = pending || shown.length === total ? `共 ${total} 篇` : `${shown.length} / ${total} 篇`;

  return (
    <div className="library filter-layout">
      <aside className="facets" aria-label="筛选">
        {facets.source.some((v) => v.value === SOURCE_MINE) && <FacetList testId="facet-source" title="来源" values={facets.source} selected={filters.source} onSelect={pick('source')} />}
        <FacetList testId="facet-province" title="地区" values={facets.province} selected={filters.province} onSelect={pick('province')} />
        <FacetList testId="facet-city" title="城市" values={facets.city} selected={filters.city} onSelect={pick('city')} />
        <FacetList testId="facet-kind" title="类型" values={facets.kind} selected={filters.kind} onSelect={pick('kind')} />
        <FacetList testId="facet-year" title="年份" values={facets.year} selected={filters.year} onSelect={pick('year')} />
        <FacetList testId="facet-issuer" title="发文机关" values={facets.issuer} selected={filters.issuer} onSelect={pick('issuer')} scroll defaultOpen={false} />
      </aside>
      <section className="doc-list" aria-label="文档列表" id="doc-list" tabIndex={-1} aria-busy={pending || undefined}>
        <div className="list-toolbar">
          <input type="search" className="quick-filter" value={filters.text} onChange={(e) => update({ ...filters, text: e.target.value })} placeholder="按标题或文号筛选" aria-label="按标题或文号筛选" />
          <label>
            排序
            <select value={filters.sort} onChange={(e) => update({ ...filters, sort: e.target.value as SortKey })}>
              {(Object.keys(SORT_LABELS) as SortKey[]).map((k) => (
                <option key={k} value={k}>
                  {SORT_LABELS[k]}
                </option>
              ))}
            </select>
          </label>
          <CompareButton />
          <ImportButton />
          <span className="count" data-testid="doc-count">
            {count}
          </span>
          {active && (
            <button type="button" onClick={() => update({ ...EMPTY_FILTERS, sort: filters.sort })}>
              清除筛选
            </button>
          )}
        </div>
        <CompareNotice />
        {dropped > 0 && <p className="warning">有 {dropped} 条文库记录格式不正确，已跳过。</p>}
        {shown.length ? (
          <DocList docs={shown} />
        ) : pending ? (
          <p className="empty" role="status">
            正在载入全部文档…
          </p>
        ) : (
          <p className="empty">没有符合条件的文档。</p>
        )}
      </section>
    </div>
  );
}
