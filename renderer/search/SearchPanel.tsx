/**
 * Search page: query box, scope toggles (同条/同篇, 全文/标题), search within
 * results, facet filters with counts (region two-level), results grouped by
 * document (the best hits of each, "本文共 N 处" to expand) or as one list.
 * Everything that shapes the results is in the URL (routing/searchState.ts);
 * scroll position and expanded groups are remembered per URL (routing/places.ts).
 */
import { useEffect, useMemo, useState } from 'react';
import type { FacetName, SearchOptions } from '../../core/search';
import { docHref } from '../routing/hash';
import { expandedGroups, openedFromSearch, rememberPlace, setExpandedGroups, useScrollMemory } from '../routing/places';
import { SEARCH_PAGE, type SearchState } from '../routing/searchState';
import { FacetTree } from './FacetTree';
import { HitItems, HitList } from './HitList';
import { HighlightedText } from '../reader/HighlightedText';
import type { ShownHit, ShownResult } from './protocol';
import { useSearch } from './useSearch';
import './search.css';

export interface SearchPanelProps {
  state: SearchState;
  /** A new state (replace: no new Back step; a new query is a new step). */
  onChange(state: SearchState, opts: { replace: boolean }): void;
}

const FACET_LABELS: Record<FacetName, string> = { region: '地区', issuer: '发文机关', kind: '类型', year: '年份' };
/** Hits per document in the grouped view. */
const PER_DOC = 3;

interface Group {
  docId: string;
  hits: ShownHit[];
}

function groupByDoc(hits: ShownHit[]): Group[] {
  const groups = new Map<string, Group>();
  for (const h of hits) {
    let g = groups.get(h.docId);
    if (!g) groups.set(h.docId, (g = { docId: h.docId, hits: [] }));
    g.hits.push(h);
  }
  return [...groups.values()];
}

export function SearchPanel({ state, onChange }: SearchPanelProps) {
  const { query, scope, field, filters, within, flat, limit, source } = state;
  const [draft, setDraft] = useState(query);
  const [refineDraft, setRefineDraft] = useState('');
  useEffect(() => setDraft(query), [query]);
  useEffect(() => rememberPlace('search'));

  const change = (patch: Partial<SearchState>, replace = true) => onChange({ ...state, limit: SEARCH_PAGE, ...patch }, { replace });

  // With refinements, the last refinement is the query, searched within the earlier ones.
  const effective = within.length ? within[within.length - 1] : query;
  const options = useMemo<SearchOptions>(
    // `source` (我的文件 / 文库) is read by the search worker's merge (core/import/user-search.ts).
    () => ({ scope, field, filters, limit, perDoc: flat ? undefined : PER_DOC, within: within.length ? [query, ...within.slice(0, -1)] : undefined, ...(source ? { source } : {}) }),
    [scope, field, filters, limit, flat, within, query, source],
  );
  const { status, searching, result, error } = useSearch(effective, options);
  const highlightQuery = [query, ...within].join(' ');
  useScrollMemory(!!result && !searching);

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const q = draft.trim();
    // A new main query starts a new search: refinements and paging go, filters and toggles stay.
    if (q !== query) onChange({ ...state, query: q, within: [], limit: SEARCH_PAGE }, { replace: false });
  };
  const refine = (e: React.FormEvent) => {
    e.preventDefault();
    const q = refineDraft.trim();
    if (!q || !query.trim()) return;
    change({ within: [...within, q] }, false);
    setRefineDraft('');
  };
  const toggleFilter = (f: FacetName, values: string[], on: boolean) => {
    const set = new Set(filters[f] ?? []);
    for (const v of values) {
      if (on) set.add(v);
      else set.delete(v);
    }
    const next = { ...filters, [f]: [...set] };
    if (!set.size) delete next[f];
    change({ filters: next });
  };

  return (
    <section className="search-panel" aria-label="搜索">
      <form className="search-form" role="search" onSubmit={submit}>
        <input
          className="search-input"
          type="search"
          value={draft}
          placeholder="搜索条款：空格分隔表示同时包含，-词 排除，“…”精确短语，A｜B 任一"
          aria-label="搜索词"
          onChange={(e) => setDraft(e.target.value)}
          autoFocus
        />
        <button type="submit">搜索</button>
      </form>

      <div className="search-toggles">
        <div role="group" aria-label="范围">
          <button type="button" aria-pressed={scope === 'clause'} onClick={() => change({ scope: 'clause' })} title="所有词语在同一条款中">
            同条
          </button>
          <button type="button" aria-pressed={scope === 'doc'} onClick={() => change({ scope: 'doc' })} title="所有词语在同一篇文件中">
            同篇
          </button>
        </div>
        <div role="group" aria-label="字段">
          <button type="button" aria-pressed={field === 'all'} onClick={() => change({ field: 'all' })}>
            全文
          </button>
          <button type="button" aria-pressed={field === 'title'} onClick={() => change({ field: 'title' })}>
            标题
          </button>
        </div>
        <div role="group" aria-label="来源">
          <button type="button" aria-pressed={!source} onClick={() => change({ source: null })}>
            全部
          </button>
          <button type="button" aria-pressed={source === 'mine'} onClick={() => change({ source: 'mine' })}>
            我的文件
          </button>
          <button type="button" aria-pressed={source === 'corpus'} onClick={() => change({ source: 'corpus' })}>
            文库
          </button>
        </div>
        <div role="group" aria-label="结果显示方式">
          <button type="button" aria-pressed={!flat} onClick={() => change({ flat: false })}>
            按文件分组
          </button>
          <button type="button" aria-pressed={flat} onClick={() => change({ flat: true })}>
            逐条列出
          </button>
        </div>
        {query.trim() && (
          <form className="search-refine" onSubmit={refine}>
            <input type="search" value={refineDraft} placeholder="在结果中搜索" aria-label="在结果中搜索" onChange={(e) => setRefineDraft(e.target.value)} />
            <button type="submit">筛选</button>
          </form>
        )}
      </div>
      {within.length > 0 && (
        <p className="search-within">
          在结果中：
          {[query, ...within].map((w, i) => (
            <span key={i} className="search-chip">
              {w}
            </span>
          ))}
          <button type="button" onClick={() => change({ within: within.slice(0, -1) })}>
            撤销一步
          </button>
        </p>
      )}

      {status.state === 'loading' && (
        <p className="search-status" role="status">
          索引加载中…
        </p>
      )}
      {status.state === 'error' && (
        <p className="search-status search-error" role="alert">
          搜索索引加载失败：{status.message}
        </p>
      )}
      {error && (
        <p className="search-status search-error" role="alert">
          搜索失败：{error}
        </p>
      )}

      {result && (
        <div className="search-body">
          <aside className="search-facets" aria-label="筛选">
            {(Object.keys(FACET_LABELS) as FacetName[]).map((f) => (
              <FacetTree key={f} name={f} label={FACET_LABELS[f]} values={result.facets[f]} selected={filters[f] ?? []} onToggle={(vs, on) => toggleFilter(f, vs, on)} />
            ))}
          </aside>
          <Results result={result} query={highlightQuery} effective={effective} options={options} searching={searching} flat={flat} onMore={() => onChange({ ...state, limit: limit + SEARCH_PAGE }, { replace: true })} />
        </div>
      )}
      {!query.trim() && status.state !== 'error' && <SearchHelp />}
      {query.trim() !== '' && (
        <details className="search-help-more">
          <summary>检索语法</summary>
          <SearchHelp />
        </details>
      )}
    </section>
  );
}

/** What the query box understands, said once, where people look for it. */
export function SearchHelp() {
  return (
    <div className="search-hint">
      <p>输入词语即可检索全部条款，例如 告知承诺制、融资担保、第四十三条。</p>
      <dl className="search-syntax" aria-label="检索语法">
        <dt>融资 担保</dt>
        <dd>空格分隔：同时包含这些词（同条：在同一条款中；同篇：在同一篇文件中）</dd>
        <dt>-小微</dt>
        <dd>减号：排除含有该词的条款</dd>
        <dt>"2023年 起"</dt>
        <dd>引号：按原样查找整个短语</dd>
        <dt>担保｜贴息</dt>
        <dd>竖线（｜ 或 |，前后空格可有可无）或 OR：包含任一即可</dd>
        <dt>第十五条 事项</dt>
        <dd>条款编号（第十五条、（十八）、二、）也可以检索</dd>
      </dl>
      <p>不区分全角半角和大小写；“2023 年”与“2023年”相同。</p>
    </div>
  );
}

interface ResultsProps {
  result: ShownResult;
  /** What to highlight (the query and its refinements). */
  query: string;
  /** What was searched, with the options: expanding a group searches the same within one document. */
  effective: string;
  options: SearchOptions;
  searching: boolean;
  flat: boolean;
  onMore(): void;
}

function Results({ result, query, effective, options, searching, flat, onMore }: ResultsProps) {
  const groups = groupByDoc(result.hits);
  const [expanded, setExpanded] = useState<string[]>(expandedGroups);
  const toggle = (docId: string) => {
    const next = expanded.includes(docId) ? expanded.filter((x) => x !== docId) : [...expanded, docId];
    setExpanded(next);
    setExpandedGroups(next);
  };
  return (
    <div className="search-results" aria-busy={searching}>
      <p className="search-summary" role="status">
        {result.total ? `共 ${result.total} 处，${result.docTotal} 篇文件` : '没有找到结果'}
        <span className="search-ms"> · {result.ms.toFixed(1)} 毫秒</span>
      </p>
      <ol className="search-groups">
        {groups.map((g) => {
          const d = result.docs[g.docId];
          const titleHit = g.hits.find((h) => h.titleRanges.length) ?? g.hits[0];
          const first = g.hits[0];
          const docHits = first.docHits;
          const isOpen = expanded.includes(g.docId);
          return (
            <li key={g.docId} className="search-group" data-doc-id={g.docId}>
              <h3>
                <a href={docHref(g.docId, first.unitId || null, query)} onClick={() => openedFromSearch(g.docId)}>
                  <HighlightedText text={d?.title ?? g.docId} ranges={titleHit.titleRanges} />
                </a>
              </h3>
              <p className="search-meta">{[d?.issuer, d?.docNumber, d?.year, d?.region, d?.kind].filter(Boolean).join(' · ')}</p>
              {isOpen ? <HitList docId={g.docId} query={effective} options={options} highlight={query} /> : <HitItems hits={g.hits} query={query} />}
              {!flat && docHits > g.hits.length && (
                <button type="button" className="search-expand" aria-expanded={isOpen} onClick={() => toggle(g.docId)}>
                  {isOpen ? '收起' : `本文共 ${docHits} 处，全部显示`}
                </button>
              )}
            </li>
          );
        })}
      </ol>
      {result.hits.length < result.available && (
        <button type="button" className="search-more" onClick={onMore}>
          显示更多（已显示 {result.hits.length} / {result.available}{result.available < result.total ? ` 处，另有 ${result.total - result.available} 处在各文件内` : ''}）
        </button>
      )}
    </div>
  );
}

export default SearchPanel;
