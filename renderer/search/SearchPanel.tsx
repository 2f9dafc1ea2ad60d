/**
 * Search page: query box, scope toggles (同条/同篇, 全文/标题), search within
 * results, facet filters with counts, results grouped by document with
 * highlighted snippets. Opening a result calls onOpen(docId, unitId, query)
 * with the query to highlight in the reading view.
 */
import { useEffect, useMemo, useState } from 'react';
import type { Field, FacetName, Scope, SearchOptions } from '../../core/search';
import type { ShownHit, ShownResult } from './protocol';
import { useSearch } from './useSearch';
import './search.css';

export interface SearchPanelProps {
  query: string;
  onQueryChange(q: string): void;
  onOpen(docId: string, unitId: string, query: string): void;
}

const FACET_LABELS: Record<FacetName, string> = { region: '地区', issuer: '发文机关', kind: '文种', year: '年份' };
const PAGE = 50;

function Marked({ text, ranges }: { text: string; ranges: [number, number][] }) {
  if (!ranges.length) return <>{text}</>;
  const parts = [];
  let at = 0;
  for (const [s, e] of ranges) {
    if (s > at) parts.push(text.slice(at, s));
    parts.push(<mark key={s}>{text.slice(s, e)}</mark>);
    at = e;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}

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

export function SearchPanel({ query, onQueryChange, onOpen }: SearchPanelProps) {
  const [draft, setDraft] = useState(query);
  const [scope, setScope] = useState<Scope>('clause');
  const [field, setField] = useState<Field>('all');
  const [filters, setFilters] = useState<Partial<Record<FacetName, string[]>>>({});
  const [within, setWithin] = useState<string[]>([]);
  const [refineDraft, setRefineDraft] = useState('');
  const [limit, setLimit] = useState(PAGE);

  useEffect(() => setDraft(query), [query]);
  // A new main query starts a new search: drop refinements and paging.
  useEffect(() => {
    setWithin([]);
    setLimit(PAGE);
  }, [query]);

  // With refinements, the last refinement is the query, searched within the earlier ones.
  const effective = within.length ? within[within.length - 1] : query;
  const options = useMemo<SearchOptions>(
    () => ({ scope, field, filters, limit, within: within.length ? [query, ...within.slice(0, -1)] : undefined }),
    [scope, field, filters, limit, within, query],
  );
  const { status, searching, result, error } = useSearch(effective, options);
  const highlightQuery = [query, ...within].join(' ');

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    onQueryChange(draft.trim());
  };
  const refine = (e: React.FormEvent) => {
    e.preventDefault();
    const q = refineDraft.trim();
    if (!q || !query.trim()) return;
    setWithin((w) => [...w, q]);
    setRefineDraft('');
    setLimit(PAGE);
  };
  const toggleFilter = (f: FacetName, v: string) => {
    setFilters((cur) => {
      const set = new Set(cur[f] ?? []);
      if (set.has(v)) set.delete(v);
      else set.add(v);
      return { ...cur, [f]: [...set] };
    });
    setLimit(PAGE);
  };

  return (
    <section className="search-panel" aria-label="搜索">
      <form className="search-form" role="search" onSubmit={submit}>
        <input
          className="search-input"
          type="search"
          value={draft}
          placeholder="搜索条款：空格分隔表示同时包含，-词 排除，“…”精确短语，A OR B"
          aria-label="搜索词"
          onChange={(e) => setDraft(e.target.value)}
          autoFocus
        />
        <button type="submit">搜索</button>
      </form>

      <div className="search-toggles">
        <div role="group" aria-label="范围">
          <button type="button" aria-pressed={scope === 'clause'} onClick={() => setScope('clause')}>同条</button>
          <button type="button" aria-pressed={scope === 'doc'} onClick={() => setScope('doc')}>同篇</button>
        </div>
        <div role="group" aria-label="字段">
          <button type="button" aria-pressed={field === 'all'} onClick={() => setField('all')}>全文</button>
          <button type="button" aria-pressed={field === 'title'} onClick={() => setField('title')}>标题</button>
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
          在结果中：{[query, ...within].map((w, i) => <span key={i} className="search-chip">{w}</span>)}
          <button type="button" onClick={() => setWithin((w) => w.slice(0, -1))}>撤销一步</button>
        </p>
      )}

      {status.state === 'loading' && <p className="search-status" role="status">索引加载中…</p>}
      {status.state === 'error' && <p className="search-status search-error" role="alert">搜索索引加载失败：{status.message}</p>}
      {error && <p className="search-status search-error" role="alert">搜索失败：{error}</p>}

      {result && (
        <div className="search-body">
          <Facets result={result} filters={filters} onToggle={toggleFilter} />
          <Results result={result} query={highlightQuery} searching={searching} onOpen={onOpen} onMore={() => setLimit((l) => l + PAGE)} />
        </div>
      )}
      {!query.trim() && status.state !== 'error' && <p className="search-hint">输入词语即可检索全部条款，例如 告知承诺制、融资担保、"2023年" -小微。</p>}
    </section>
  );
}

function Facets({ result, filters, onToggle }: { result: ShownResult; filters: Partial<Record<FacetName, string[]>>; onToggle(f: FacetName, v: string): void }) {
  return (
    <aside className="search-facets" aria-label="筛选">
      {(Object.keys(FACET_LABELS) as FacetName[]).map((f) => {
        const values = result.facets[f];
        const selected = new Set(filters[f] ?? []);
        if (!values.length && !selected.size) return null;
        return (
          <fieldset key={f}>
            <legend>{FACET_LABELS[f]}</legend>
            {values.slice(0, 12).map((v) => (
              <label key={v.value}>
                <input type="checkbox" checked={selected.has(v.value)} onChange={() => onToggle(f, v.value)} />
                <span>{v.value}</span> <span className="search-count">{v.count}</span>
              </label>
            ))}
            {[...selected].filter((s) => !values.some((v) => v.value === s)).map((s) => (
              <label key={s}>
                <input type="checkbox" checked onChange={() => onToggle(f, s)} />
                <span>{s}</span> <span className="search-count">0</span>
              </label>
            ))}
          </fieldset>
        );
      })}
    </aside>
  );
}

function Results({ result, query, searching, onOpen, onMore }: { result: ShownResult; query: string; searching: boolean; onOpen: SearchPanelProps['onOpen']; onMore(): void }) {
  const groups = groupByDoc(result.hits);
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
          return (
            <li key={g.docId} className="search-group">
              <h3>
                <a
                  href="#"
                  onClick={(e) => {
                    e.preventDefault();
                    onOpen(g.docId, first.unitId, query);
                  }}
                >
                  <Marked text={d?.title ?? g.docId} ranges={titleHit.titleRanges} />
                </a>
              </h3>
              <p className="search-meta">{[d?.issuer, d?.docNumber, d?.year, d?.region, d?.kind].filter(Boolean).join(' · ')}</p>
              <ul className="search-hits">
                {g.hits
                  .filter((h) => h.snippet)
                  .map((h) => (
                    <li key={h.unitId}>
                      <a
                        href="#"
                        className="search-hit"
                        data-unit={h.unitId}
                        onClick={(e) => {
                          e.preventDefault();
                          onOpen(h.docId, h.unitId, query);
                        }}
                      >
                        {h.snippet!.before && '…'}
                        <Marked text={h.snippet!.text} ranges={h.snippet!.ranges} />
                        {h.snippet!.after && '…'}
                      </a>
                    </li>
                  ))}
              </ul>
            </li>
          );
        })}
      </ol>
      {result.hits.length < result.total && (
        <button type="button" className="search-more" onClick={onMore}>
          显示更多（已显示 {result.hits.length} / {result.total}）
        </button>
      )}
    </div>
  );
}

export default SearchPanel;
