/**
 * In-document find (Ctrl+F / ⌘F) for the reading view, with next/previous.
 * Matching is the search engine's (`findMatches` from core/search): same
 * normalisation (widths, case, `2023 年`), same query syntax (words,
 * "phrases", OR; -excluded words are not highlighted).
 *
 * Usage in the reading view:
 *   const find = useInDocumentFind(doc, { onCurrent: (m) => scrollToUnit(m.unitId) });
 *   // per paragraph:  find.rangesFor(unit.id, paragraphIndex)  → [start, end)[] to <mark>
 *   // the current one: find.isCurrent(unit.id, paragraphIndex, start)
 *   // a find bar:      find.open && <input value={find.query} onChange={e => find.setQuery(e.target.value)}
 *   //                  onKeyDown={find.onInputKeyDown} ref={find.inputRef} /> {find.position}/{find.count}
 * Keys: Ctrl/⌘+F opens (and focuses), Enter / F3 next, Shift+Enter / Shift+F3 previous, Escape closes.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { PolicyDocument, Unit } from '../../core/corpus/types';
import { findMatches, parseQuery } from '../../core/search';

export interface FindMatch {
  unitId: string;
  /** Paragraph index in unit.paragraphs; -1 for the unit heading. */
  paragraph: number;
  start: number;
  end: number;
}

export interface InDocumentFind {
  open: boolean;
  query: string;
  setQuery(q: string): void;
  show(initial?: string): void;
  close(): void;
  matches: FindMatch[];
  count: number;
  /** Index of the current match, -1 when none. */
  current: number;
  /** 1-based position for display (0 when none). */
  position: number;
  next(): void;
  previous(): void;
  rangesFor(unitId: string, paragraph: number): [number, number][];
  isCurrent(unitId: string, paragraph: number, start: number): boolean;
  onInputKeyDown(e: { key: string; shiftKey: boolean; preventDefault(): void }): void;
  inputRef: React.RefObject<HTMLInputElement | null>;
}

/** All matches of a query in a document, in reading order (pure; exported for tests). */
export function findInDocument(doc: Pick<PolicyDocument, 'units'> | null, query: string): FindMatch[] {
  if (!doc || !query.trim()) return [];
  const q = parseQuery(query);
  if (!q.must.length) return [];
  const out: FindMatch[] = [];
  const walk = (units: Unit[]) => {
    for (const u of units) {
      if (u.heading) for (const [s, e] of findMatches(u.heading, q)) out.push({ unitId: u.id, paragraph: -1, start: s, end: e });
      u.paragraphs.forEach((p, i) => {
        for (const [s, e] of findMatches(p.text, q)) out.push({ unitId: u.id, paragraph: i, start: s, end: e });
      });
      walk(u.children);
    }
  };
  walk(doc.units);
  return out;
}

export function useInDocumentFind(
  doc: Pick<PolicyDocument, 'units'> | null,
  opts: { initialQuery?: string; onCurrent?: (m: FindMatch) => void; keyTarget?: Window | HTMLElement | null } = {},
): InDocumentFind {
  const [open, setOpen] = useState(false);
  const [query, setQueryState] = useState(opts.initialQuery ?? '');
  const [current, setCurrent] = useState(-1);
  const inputRef = useRef<HTMLInputElement | null>(null);
  const onCurrent = useRef(opts.onCurrent);
  onCurrent.current = opts.onCurrent;

  const matches = useMemo(() => findInDocument(doc, query), [doc, query]);
  const index = useMemo(() => {
    const m = new Map<string, [number, number][]>();
    for (const x of matches) {
      const k = `${x.unitId}\u0000${x.paragraph}`;
      let arr = m.get(k);
      if (!arr) m.set(k, (arr = []));
      arr.push([x.start, x.end]);
    }
    return m;
  }, [matches]);

  useEffect(() => setCurrent(matches.length ? 0 : -1), [matches]);
  useEffect(() => {
    if (current >= 0 && matches[current]) onCurrent.current?.(matches[current]);
  }, [current, matches]);

  const step = useCallback((d: number) => setCurrent((c) => (matches.length ? (c + d + matches.length) % matches.length : -1)), [matches.length]);
  const show = useCallback((initial?: string) => {
    if (initial !== undefined) setQueryState(initial);
    setOpen(true);
    setTimeout(() => {
      inputRef.current?.focus();
      inputRef.current?.select();
    }, 0);
  }, []);
  const close = useCallback(() => setOpen(false), []);

  useEffect(() => {
    const target = opts.keyTarget ?? (typeof window !== 'undefined' ? window : null);
    if (!target) return;
    const onKey = (ev: Event) => {
      const e = ev as KeyboardEvent;
      if ((e.ctrlKey || e.metaKey) && !e.altKey && (e.key === 'f' || e.key === 'F')) {
        e.preventDefault();
        show();
      } else if (e.key === 'F3') {
        e.preventDefault();
        step(e.shiftKey ? -1 : 1);
      } else if (e.key === 'Escape' && open) {
        close();
      }
    };
    target.addEventListener('keydown', onKey);
    return () => target.removeEventListener('keydown', onKey);
  }, [opts.keyTarget, show, step, close, open]);

  return {
    open,
    query,
    setQuery: setQueryState,
    show,
    close,
    matches,
    count: matches.length,
    current,
    position: current >= 0 ? current + 1 : 0,
    next: () => step(1),
    previous: () => step(-1),
    rangesFor: (unitId, paragraph) => (open || query ? index.get(`${unitId}\u0000${paragraph}`) ?? [] : []),
    isCurrent: (unitId, paragraph, start) => {
      const m = matches[current];
      return !!m && m.unitId === unitId && m.paragraph === paragraph && m.start === start;
    },
    onInputKeyDown: (e) => {
      if (e.key === 'Enter') {
        e.preventDefault();
        step(e.shiftKey ? -1 : 1);
      } else if (e.key === 'Escape') {
        e.preventDefault();
        close();
      }
    },
    inputRef,
  };
}
