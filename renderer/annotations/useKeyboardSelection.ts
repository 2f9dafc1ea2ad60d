/**
 * Selecting words without a mouse, inside the current clause:
 * - Shift+→/← extend the selection by a character, Shift+↓/↑ by a line; with
 *   no selection in the text they start one at the beginning of the current
 *   clause (the browser has no caret in read-only text to start from);
 * - `s` selects the clause's first sentence, then the next one.
 * The selection then gets the toolbar as a mouse selection does (Tab reaches it).
 */
import { useEffect } from 'react';
import { sentenceSpans } from './sentences';
import { spanToRange } from './dom';
import { isTyping } from './placement';
import type { BodyOf } from './useDocAnnotationEntries';
import type { SelectionSpan } from './dom';

type Extend = ['forward' | 'backward', 'character' | 'line'];
const EXTEND: Record<string, Extend> = {
  ArrowRight: ['forward', 'character'],
  ArrowLeft: ['backward', 'character'],
  ArrowDown: ['forward', 'line'],
  ArrowUp: ['backward', 'line'],
};

interface Deps {
  root: () => Element | null;
  bodies: BodyOf;
  /** The clause with text the keyboard works in (the current clause, or the 款 that shows an article's first line). */
  clauseWithText(): string | null;
  /** The clause's body text (its paragraphs joined with '\n'). */
  bodyText(unitId: string): string;
  /** The current selection's span in a clause, if any. */
  selected: SelectionSpan | null;
}

function select(range: Range | null): boolean {
  const s = window.getSelection();
  if (!range || !s) return false;
  s.removeAllRanges();
  s.addRange(range);
  return true;
}

export function useKeyboardSelection({ root, bodies, clauseWithText, bodyText, selected }: Deps): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target) || e.target instanceof Element && e.target.closest('[data-annot-ui]')) return;
      const units = root();
      if (!units) return;
      const extend = e.shiftKey ? EXTEND[e.key] : undefined;
      if (extend) {
        const s = window.getSelection();
        const inText = !!s && s.rangeCount > 0 && units.contains(s.anchorNode);
        if (!inText) {
          const id = clauseWithText();
          const el = id ? document.getElementById(id) : null;
          const b = id ? bodies(id) : null;
          const r = el && b && b.length ? spanToRange(el, 0, 1, b.starts) : null;
          if (!r) return;
          r.collapse(true);
          select(r);
        }
        e.preventDefault();
        window.getSelection()?.modify('extend', ...extend);
        return;
      }
      if (e.key === 's' && !e.shiftKey) {
        const id = selected?.unitId ?? clauseWithText();
        const el = id ? document.getElementById(id) : null;
        const b = id ? bodies(id) : null;
        if (!id || !el || !b) return;
        const spans = sentenceSpans(bodyText(id));
        const after = selected?.unitId === id ? selected.end : null;
        const next = after === null ? spans[0] : (spans.find(([st]) => st >= after) ?? spans[0]);
        if (!next) return;
        e.preventDefault();
        select(spanToRange(el, next[0], next[1], b.starts));
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [root, bodies, clauseWithText, bodyText, selected]);
}
