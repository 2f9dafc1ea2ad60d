/** Hits of one document in the search results: where each is (第三章 › 第十五条) and a highlighted snippet, as real links. */
import { useMemo } from 'react';
import type { SearchOptions } from '../../core/search';
import { HighlightedText } from '../reader/HighlightedText';
import { docHref } from '../routing/hash';
import { openedFromSearch } from '../routing/places';
import type { ShownHit } from './protocol';
import { useSearch } from './useSearch';

/** 第三章 › 第十五条 */
export function hitTrail(trail: string[]): string {
  return trail.join(' › ');
}

export function HitItems({ hits, query }: { hits: ShownHit[]; query: string }) {
  const shown = hits.filter((h) => h.snippet);
  if (!shown.length) {
    const h = hits[0];
    if (!h) return null;
    return <p className="search-nobody">{h.unitId ? '标题、文号或发文机关与检索词相符' : '此文件没有正文，仅标题与检索词相符'}</p>;
  }
  return (
    <ul className="search-hits">
      {shown.map((h) => (
        <li key={h.unitId}>
          <a href={docHref(h.docId, h.unitId, query)} className="search-hit" data-unit={h.unitId} onClick={() => openedFromSearch(h.docId)}>
            {h.trail.length > 0 && <span className="search-trail">{hitTrail(h.trail)}</span>}
            {h.snippet!.before && '…'}
            <HighlightedText text={h.snippet!.text} ranges={h.snippet!.ranges} />
            {h.snippet!.after && '…'}
          </a>
        </li>
      ))}
    </ul>
  );
}

/** Every hit of one document (an expanded group): the same search, restricted to it. */
export function HitList({ docId, query, options, highlight }: { docId: string; query: string; options: SearchOptions; highlight: string }) {
  const opts = useMemo<SearchOptions>(() => ({ ...options, doc: docId, perDoc: undefined, limit: 1000, offset: 0, facets: false }), [options, docId]);
  const { result } = useSearch(query, opts, undefined, `group:${docId}`);
  if (!result) return <p className="search-status">正在列出本文全部结果…</p>;
  return <HitItems hits={result.hits} query={highlight} />;
}
