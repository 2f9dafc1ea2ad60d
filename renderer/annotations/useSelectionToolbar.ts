/** The text selection while it lies in a clause: its span in the clause's body text and where the toolbar goes. */
import { useCallback, useEffect, useState } from 'react';
import { rangeToSpan, type SelectionSpan } from './dom';
import { toolbarPlaceFor } from './placement';
import type { ToolbarPlace } from './SelectionToolbar';
import type { BodyOf } from './useDocAnnotationEntries';

export interface Selected {
  span: SelectionSpan;
  place: ToolbarPlace;
}

export function useSelectionToolbar(root: () => Element | null, bodies: BodyOf): { sel: Selected | null; clear(): void } {
  const [sel, setSel] = useState<Selected | null>(null);
  useEffect(() => {
    let frame = 0;
    const update = () => {
      frame = 0;
      const s = window.getSelection();
      const units = root();
      if (!s || s.isCollapsed || !s.rangeCount || !units) return setSel(null);
      const r = s.getRangeAt(0);
      if (!units.contains(r.startContainer)) return setSel(null);
      const span = rangeToSpan(r, bodies);
      if (!span) return setSel(null);
      setSel({ span, place: toolbarPlaceFor(r.getBoundingClientRect()) });
    };
    const onChange = () => {
      if (!frame) frame = requestAnimationFrame(update);
    };
    document.addEventListener('selectionchange', onChange);
    return () => {
      document.removeEventListener('selectionchange', onChange);
      cancelAnimationFrame(frame);
    };
  }, [bodies, root]);
  const clear = useCallback(() => {
    window.getSelection()?.removeAllRanges();
    setSel(null);
  }, []);
  return { sel, clear };
}
