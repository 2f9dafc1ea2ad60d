/**
 * Font size and theme changes keep the reader's place: the anchor unit (the
 * current one when on screen, else the one at the top) stays at the same
 * distance from the top of the window. The anchor's position is recorded
 * while reading; when the root's style or theme attribute changes, the page is
 * scrolled by however far the anchor moved. It corrects for layout only: a
 * scroll that comes between the change and the next frame is kept.
 */
import { useEffect, useRef } from 'react';

export function useKeepPlace(anchorId: () => string | null): void {
  const anchor = useRef(anchorId);
  anchor.current = anchorId;
  useEffect(() => {
    let saved: { id: string; top: number } | null = null;
    const record = () => {
      const id = anchor.current();
      const el = id ? document.getElementById(id) : null;
      saved = el && id ? { id, top: el.getBoundingClientRect().top } : null;
    };
    const restore = () => {
      if (!saved) return;
      const el = document.getElementById(saved.id);
      if (!el) return;
      const delta = el.getBoundingClientRect().top - saved.top;
      if (Math.abs(delta) >= 1) window.scrollBy(0, delta);
    };
    let frame = 0;
    const onScroll = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        record();
      });
    };
    const mo = new MutationObserver(() => {
      cancelAnimationFrame(frame);
      frame = 0;
      restore();
      const left = window.scrollY;
      // Units above may be laid out again (content-visibility) once the new size is painted.
      // A scroll made before that frame (a jump, the reader's wheel) is where the reader wants
      // to be: correct only when the page is still where this restore left it.
      requestAnimationFrame(() => {
        if (window.scrollY === left) restore();
        record();
      });
    });
    mo.observe(document.documentElement, { attributes: true, attributeFilter: ['style', 'data-theme', 'class'] });
    window.addEventListener('scroll', onScroll, { passive: true });
    document.addEventListener('focusin', record);
    document.addEventListener('keyup', record);
    const t = setTimeout(record, 300);
    return () => {
      mo.disconnect();
      window.removeEventListener('scroll', onScroll);
      document.removeEventListener('focusin', record);
      document.removeEventListener('keyup', record);
      clearTimeout(t);
      cancelAnimationFrame(frame);
    };
  }, []);
}
