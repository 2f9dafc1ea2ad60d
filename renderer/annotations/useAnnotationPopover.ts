/** The popover of one highlight (colour, note, tags, delete): opened at the highlight, closed by a press outside or Esc. */
import { useCallback, useEffect, useState, type RefObject } from 'react';
import type { Painted } from './paint';
import { topbarBottom } from './placement';

export interface Popover {
  id: string;
  top: number;
  left: number;
  focusNote: boolean;
}

export function useAnnotationPopover(painted: RefObject<Painted>) {
  const [popover, setPopover] = useState<Popover | null>(null);

  const openPopoverFor = useCallback(
    (id: string, focusNote = false) => {
      const r = painted.current.ranges.get(id);
      const rect = r?.getBoundingClientRect();
      if (!rect) return;
      if (rect.top < topbarBottom() || rect.bottom > window.innerHeight) r!.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      const now = r!.getBoundingClientRect();
      setPopover({ id, top: now.bottom + window.scrollY + 6, left: Math.max(8, Math.min(window.innerWidth - 340, now.left)) + window.scrollX, focusNote });
    },
    [painted],
  );

  // A press outside the popover closes it (the editor keeps a typed note).
  useEffect(() => {
    if (!popover) return;
    const onDown = (e: MouseEvent) => {
      if (e.target instanceof Element && !e.target.closest('.annot-popover')) setPopover(null);
    };
    // Esc closes it even when the focus is not inside (it was opened by a click on the text).
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setPopover(null);
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [popover]);

  const close = useCallback(() => setPopover(null), []);
  return { popover, setPopover, openPopoverFor, close };
}
