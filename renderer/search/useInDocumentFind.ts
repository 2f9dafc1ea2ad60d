/**
 * In-document find (Ctrl+F / ⌘F) for the reading view, with next/previous.
 * Matching is the search engine's (`findMatches` from core/search): same
 * normalisation (widths, case, `2023 年`), same query syntax (words,
 * "phrases", OR; -excluded words are not highlighted).
 *
 * The reading view renders `matches` per unit and scrolls to the current one (`onCurrent`).
 * Keys: Ctrl/⌘+F opens (and focuses), Enter / F3 next, Shift+Enter / Shift+F3 previous, Escape closes.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { PolicyDocument } from '../../core/corpus/types';
import { allUnits, LABEL_LINE, unitLines } from '../../core/corpus/units';
import { READING_TEXT_ID } from '../reader/readingArea';
import { findMatches, parseQuery } from '../../core/search';

export interface FindMatch {
  unitId: string;
  /** Paragraph index in unit.paragraphs; HEADING_LINE (-1) for the heading, LABEL_LINE (-2) for the label (core/corpus/units). */
  paragraph: number;
  start: number;
  end: number;
}

export interface InDocumentFind {
  open: boolean;
  query: string;
  setQuery(q: string): void;
  show(): void;
  close(): void;
  matches: FindMatch[];
  count: number;
  /** Index of the current match, -1 when none. */
  current: number;
  /** 1-based position for display (0 when none). */
  position: number;
  next(): void;
  previous(): void;
  onInputKeyDown(e: { key: string; shiftKey: boolean; preventDefault(): void }): void;
  inputRef: React.RefObject<HTMLInputElement | null>;
}

/**
 * All matches of a query in a document, in reading order, labels (第十条) included (pure; exported for tests).
 * A 款's label (第二款) is an address the source does not print and the reader does not show: it is not found.
 */
export function findInDocument(doc: Pick<PolicyDocument, 'units'> | null, query: string): FindMatch[] {
  if (!doc || !query.trim()) return [];
  const q = parseQuery(query);
  if (!q.must.length) return [];
  const out: FindMatch[] = [];
  for (const u of allUnits(doc.units)) {
    for (const line of unitLines(u)) {
      if (line.part === LABEL_LINE && u.level === 'clause') continue;
      for (const [s, e] of findMatches(line.text, q)) out.push({ unitId: u.id, paragraph: line.part, start: s, end: e });
    }
  }
  return out;
}

/** The unit element at the top of the reading area and its position. */
function unitAtTop(): { el: HTMLElement; top: number } | null {
  const top = document.querySelector('.topbar')?.getBoundingClientRect().bottom ?? 0;
  const doc = document.getElementById(READING_TEXT_ID)?.getBoundingClientRect();
  if (!doc) return null;
  const el = document.elementFromPoint(doc.left + Math.min(40, doc.width / 2), Math.max(top, doc.top) + 4)?.closest<HTMLElement>('[data-unit-id]');
  return el ? { el, top: el.getBoundingClientRect().top } : null;
}

export function useInDocumentFind(doc: Pick<PolicyDocument, 'units'> | null, opts: { onCurrent?: (m: FindMatch) => void } = {}): InDocumentFind {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [current, setCurrent] = useState(-1);
  const inputRef = useRef<HTMLInputElement | null>(null);
  const onCurrent = useRef(opts.onCurrent);
  onCurrent.current = opts.onCurrent;

  const matches = useMemo(() => findInDocument(doc, query), [doc, query]);

  useEffect(() => setCurrent(matches.length ? 0 : -1), [matches]);
  useEffect(() => {
    if (current >= 0 && matches[current]) onCurrent.current?.(matches[current]);
  }, [current, matches]);

  const step = useCallback((d: number) => setCurrent((c) => (matches.length ? (c + d + matches.length) % matches.length : -1)), [matches.length]);
  const openRef = useRef(open);
  openRef.current = open;
  const show = useCallback(() => {
    // Opening the bar must not hide the text at the top of the window: what was there moves down by the bar's height.
    const keep = openRef.current ? null : unitAtTop();
    setOpen(true);
    setTimeout(() => {
      if (keep) {
        const bar = document.querySelector('.find-bar')?.getBoundingClientRect().height ?? 0;
        const now = keep.el.getBoundingClientRect().top;
        const want = keep.top + bar;
        if (Math.abs(now - want) >= 1) window.scrollBy(0, now - want);
      }
      inputRef.current?.focus();
      inputRef.current?.select();
    }, 0);
  }, []);
  const close = useCallback(() => setOpen(false), []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
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
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [show, step, close, open]);

  return {
    open,
    query,
    setQuery,
    show,
    close,
    matches,
    count: matches.length,
    current,
    position: current >= 0 ? current + 1 : 0,
    next: () => step(1),
    previous: () => step(-1),
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
