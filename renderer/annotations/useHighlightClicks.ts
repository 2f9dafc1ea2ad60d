/** A click on a painted highlight (the innermost one under the pointer) opens its popover. */
import { useEffect, type RefObject } from 'react';
import { caretAt, pointToOffset, unitElementOf } from './dom';
import type { Painted, PaintSpan } from './paint';
import type { BodyOf } from './useDocAnnotationEntries';

export function useHighlightClicks(root: () => Element | null, spans: PaintSpan[], bodies: BodyOf, painted: RefObject<Painted>, open: (id: string) => void): void {
  useEffect(() => {
    const onClick = (e: MouseEvent) => {
      if (!(e.target instanceof Element) || e.target.closest('[data-annot-ui], a, button')) return;
      const s = window.getSelection();
      if (s && !s.isCollapsed) return;
      const caret = caretAt(e.clientX, e.clientY);
      const unitEl = caret ? unitElementOf(caret.node) : null;
      if (!unitEl || !root()?.contains(unitEl)) return;
      const b = bodies(unitEl.dataset.unitId!);
      const offset = b && caret ? pointToOffset(unitEl, caret.node, caret.offset, b.starts, b.length) : -1;
      let best: PaintSpan | null = null;
      for (const sp of spans) {
        if (sp.unitId !== unitEl.dataset.unitId || offset < sp.start - 1 || offset > sp.end + 1) continue;
        const r = painted.current.ranges.get(sp.id);
        const hit = r && Array.from(r.getClientRects()).some((q) => e.clientX >= q.left && e.clientX <= q.right && e.clientY >= q.top && e.clientY <= q.bottom);
        if (hit && (!best || sp.end - sp.start < best.end - best.start)) best = sp;
      }
      if (best) open(best.id);
    };
    document.addEventListener('click', onClick);
    return () => document.removeEventListener('click', onClick);
  }, [root, spans, bodies, painted, open]);
}
