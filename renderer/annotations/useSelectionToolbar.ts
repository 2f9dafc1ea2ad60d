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

/**
 * `sel` follows the selection one animation frame late (selection events come in bursts while a drag or Shift+→
 * extends it); `now()` reads it as it is, for an action taken on it (a highlight from the toolbar), so the action
 * takes every word selected, not the words of the last frame.
 */
export function useSelectionToolbar(root: () => Element | null, bodies: BodyOf): { sel: Selected | null; now(): Selected | null; clear(): void } {
  const [sel, setSel] = useState<Selected | null>(null);
  const now = useCallback((): Selected | null => {
    const s = window.getSelection();
    const units = root();
    if (!s || s.isCollapsed || !s.rangeCount || !units) return null;
    const r = s.getRangeAt(0);
    if (!units.contains(r.startContainer)) return null;
    const span = rangeToSpan(r, bodies);
    return span ? { span, place: toolbarPlaceFor(r.getBoundingClientRect()) } : null;
  }, [bodies, root]);
  useEffect(() => {
    let frame = 0;
    const update = () => {
      frame = 0;
      setSel(now());
    };
    const onChange = () => {
      if (!frame) frame = requestAnimationFrame(update);
    };
    document.addEventListener('selectionchange', onChange);
    return () => {
      document.removeEventListener('selectionchange', onChange);
      cancelAnimationFrame(frame);
    };
  }, [now]);
  const clear = useCallback(() => {
    window.getSelection()?.removeAllRanges();
    setSel(null);
  }, []);
  return { sel, now, clear };
}
