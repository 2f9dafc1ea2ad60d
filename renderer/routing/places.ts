/**
 * Where the reader came from, for this window's session: the library as it
 * was (filters, sort, scroll) for ← 文库, the search (query, filters, scroll,
 * expanded groups) for 返回搜索结果. Kept in sessionStorage, keyed by the
 * page's hash, so Back, a reload and the return links all land in place.
 */
import { useEffect, useRef } from 'react';

type Kind = 'library' | 'search';

interface Places {
  last: Partial<Record<Kind, string>>;
  /** Document ids opened from the last search. */
  fromSearch: string[];
  /** Scroll position and expanded groups per page hash (most recent last, capped). */
  pages: Record<string, { y: number; expanded?: string[] }>;
}

const KEY = 'policy-reader:places';
const MAX_PAGES = 50;

function read(): Places {
  try {
    const v = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as Partial<Places> | null;
    if (v && typeof v === 'object') {
      return {
        last: typeof v.last === 'object' && v.last ? v.last : {},
        fromSearch: Array.isArray(v.fromSearch) ? v.fromSearch.filter((x) => typeof x === 'string') : [],
        pages: typeof v.pages === 'object' && v.pages ? v.pages : {},
      };
    }
  } catch {
    // Unreadable: start afresh; this is a convenience, not user data.
  }
  return { last: {}, fromSearch: [], pages: {} };
}

function write(p: Places) {
  const keys = Object.keys(p.pages);
  for (const k of keys.slice(0, Math.max(0, keys.length - MAX_PAGES))) delete p.pages[k];
  try {
    sessionStorage.setItem(KEY, JSON.stringify(p));
  } catch {
    // Storage full or unavailable: returning to a place is best effort.
  }
}

const hashNow = () => location.hash || '#/';

export function rememberPlace(kind: Kind, hash = hashNow()): void {
  const p = read();
  if (p.last[kind] === hash) return;
  p.last[kind] = hash;
  if (kind === 'search') p.fromSearch = [];
  write(p);
}

export function lastPlace(kind: Kind): string | null {
  return read().last[kind] ?? null;
}

/** A search hit was opened: the reader of that document offers 返回搜索结果. */
export function openedFromSearch(docId: string): void {
  const p = read();
  if (!p.fromSearch.includes(docId)) p.fromSearch.push(docId);
  write(p);
}

/** The search a document was opened from, or null. */
export function searchOpenedFrom(docId: string): string | null {
  const p = read();
  return p.fromSearch.includes(docId) ? (p.last.search ?? null) : null;
}

export function expandedGroups(hash = hashNow()): string[] {
  return read().pages[hash]?.expanded ?? [];
}

export function setExpandedGroups(ids: string[], hash = hashNow()): void {
  const p = read();
  p.pages[hash] = { y: p.pages[hash]?.y ?? 0, expanded: ids };
  write(p);
}

if (typeof history !== 'undefined' && 'scrollRestoration' in history) {
  // The pages below restore their own scroll once their content is there.
  history.scrollRestoration = 'manual';
}

/**
 * Remember the window's scroll position for this page (hash) and restore it
 * once, when `ready` (the content is rendered) first becomes true.
 */
export function useScrollMemory(ready: boolean, hash = hashNow()): void {
  const restored = useRef<string | null>(null);
  useEffect(() => {
    if (!ready || restored.current === hash) return;
    restored.current = hash;
    const y = read().pages[hash]?.y ?? 0;
    // After layout: the list may only now have its full height.
    requestAnimationFrame(() => window.scrollTo(0, y));
  }, [ready, hash]);
  useEffect(() => {
    let t = 0;
    const onScroll = () => {
      if (t) return;
      t = window.setTimeout(() => {
        t = 0;
        if (restored.current !== hash) return;
        const p = read();
        const y = Math.round(window.scrollY);
        const prev = p.pages[hash];
        delete p.pages[hash]; // re-inserted as the most recent
        p.pages[hash] = { ...prev, y };
        write(p);
      }, 150);
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      window.removeEventListener('scroll', onScroll);
      clearTimeout(t);
    };
  }, [hash]);
}
