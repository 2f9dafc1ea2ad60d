/**
 * 我的标注 (`#/annotations?…`): every annotation grouped by document, with
 * filters and counts, a search over quotes and notes, editing and deletion
 * with 撤销, 未能定位 for orphans, and 导出标注 / 导入标注. The filter lives
 * in the hash (core filterToQuery), so a filtered view can be linked.
 */
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { annotationFacets, filterAnnotations, filterFromQuery, filterToQuery, type AnnotationFilter } from '../../core/annotations/filter';
import type { Annotation } from '../../core/annotations/model';
import { useLibrary } from '../hooks/useCorpus';
import { navigate } from '../hooks/useRoute';
import { AnnotationFilters } from './AnnotationFilters';
import { AnnotationList } from './AnnotationList';
import { useAllAnnotations } from './hooks';
import { buildRows, type SortOrder } from './order';
import { exportAnnotations, importAnnotations } from './transfer';
import { UndoToast, useUndoToast } from './UndoToast';
import './annotations.css';
import './annotations-view.css';

const EMPTY: Annotation[] = [];
const SEARCH_DEBOUNCE_MS = 200;

/** Other features add actions to the view's toolbar here (e.g. 导出 PDF of the filtered list). */
export interface AnnotationsToolbarContext {
  filter: AnnotationFilter;
  shown: readonly Annotation[];
}

interface Props {
  /** The hash query (filterToQuery form). */
  query: string;
  /** Extra toolbar actions from other features (PDF export); rendered after 导出标注/导入标注. */
  extraActions?: (ctx: AnnotationsToolbarContext) => ReactNode;
}

export function AnnotationsView({ query, extraActions }: Props) {
  const all = useAllAnnotations();
  const list = all ?? EMPTY;
  const library = useLibrary();
  const docs = library.status === 'ready' ? library.value.docs : null;
  // An annotation's region is its document's, read from the library: until the library is here, every one
  // would count as 未注明, and a region filter would show none.
  const regionsPending = docs === null && library.status !== 'error';
  const summaries = useMemo(() => new Map((docs ?? []).map((d) => [d.id, d])), [docs]);
  const summaryOf = useCallback((id: string) => summaries.get(id), [summaries]);
  const filter = useMemo(() => filterFromQuery(query), [query]);
  const [order, setOrder] = useState<SortOrder>('newest');
  const [text, setText] = useState(filter.text ?? '');
  const { shown, show, hide } = useUndoToast();

  const setFilter = useCallback((f: AnnotationFilter) => navigate({ name: 'annotations', filter: filterToQuery(f) }, { replace: true }), []);
  useEffect(() => setText(filter.text ?? ''), [filter.text]);
  useEffect(() => {
    if ((filter.text ?? '') === text.trim()) return;
    const t = setTimeout(() => setFilter({ ...filter, text: text.trim() || undefined }), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(t);
  }, [text, filter, setFilter]);

  const filtered = useMemo(() => filterAnnotations(list, filter, summaryOf), [list, filter, summaryOf]);
  const facets = useMemo(() => annotationFacets(list, filter, summaryOf), [list, filter, summaryOf]);
  const rows = useMemo(() => buildRows(filtered, order, (id) => summaries.get(id)?.title), [filtered, order, summaries]);
  const active = filterToQuery({ ...filter, text: undefined }) !== '';

  return (
    <div className="annotations-view filter-layout" data-testid="annotations-view">
      <AnnotationFilters filter={filter} facets={facets} regionsPending={regionsPending} all={list} summaryOf={summaryOf} onChange={setFilter} />
      <section className="annot-main" aria-label="标注列表">
        <div className="annot-toolbar" role="toolbar" aria-label="我的标注操作">
          <h1>我的标注</h1>
          <input type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder="搜索引文和笔记" aria-label="搜索标注" />
          <select value={order} onChange={(e) => setOrder(e.target.value as SortOrder)} aria-label="排序">
            <option value="newest">最新在前</option>
            <option value="reading">按阅读顺序</option>
          </select>
          <span className="annot-toolbar-actions">
            <button type="button" onClick={() => void exportAnnotations(list).then((m) => m && show(m))} disabled={!list.length}>
              导出标注
            </button>
            <button type="button" onClick={() => void importAnnotations().then((m) => m && show(m))}>
              导入标注
            </button>
            {extraActions?.({ filter, shown: filtered })}
          </span>
        </div>
        <p className="annot-summary" aria-live="polite" data-testid="annot-count">
          {all === undefined ? '正在读取标注…' : regionsPending && filter.regions?.length ? '正在读取文件库，读完后按地区筛选…' : active || filter.text ? `共 ${list.length} 条，筛选出 ${filtered.length} 条` : `共 ${list.length} 条`}
          {(active || filter.text) && (
            <button type="button" className="facet-clear" onClick={() => (setText(''), setFilter({}))}>
              清除筛选
            </button>
          )}
        </p>
        {all !== undefined && list.length === 0 ? (
          <p className="annot-empty">还没有标注。在阅读时选中文字即可高亮、写笔记或加书签。</p>
        ) : (
          <AnnotationList rows={rows} onMessage={show} />
        )}
      </section>
      <UndoToast shown={shown} hide={hide} />
    </div>
  );
}
