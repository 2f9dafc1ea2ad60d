import { memo, useEffect, useRef } from 'react';
import { navigate } from '../hooks/useRoute';
import { docHref } from '../routing/hash';
import type { ActiveStore } from './activeStore';
import type { OutlineEntry } from './units';

const Entries = memo(function Entries({ docId, entries }: { docId: string; entries: OutlineEntry[] }) {
  return (
    <ul>
      {entries.map((e) => {
        const href = docHref(docId, e.id);
        return (
          <li key={e.id} className={`ol-${e.level}`}>
            <a
              href={href}
              data-outline-id={e.id}
              onClick={(ev) => {
                // Through navigate() so that re-clicking the current entry still scrolls back to it.
                ev.preventDefault();
                navigate(href);
              }}
            >
              {e.text}
            </a>
            {e.children.length > 0 && <Entries docId={docId} entries={e.children} />}
          </li>
        );
      })}
    </ul>
  );
});

/**
 * The list renders once per document; the current entry is marked by
 * toggling aria-current on two anchors, because re-rendering an outline of a
 * few thousand entries on every scroll frame is what made long documents jank.
 */
export const Outline = memo(function Outline({ docId, outline, pending = false, active, drawerOpen, onClose }: { docId: string; outline: OutlineEntry[]; /** The entries are still being rendered (deferred): say nothing yet. */ pending?: boolean; active: ActiveStore; drawerOpen: boolean; onClose(opts: { restoreFocus: boolean }): void }) {
  const nav = useRef<HTMLElement>(null);
  useEffect(() => {
    const mark = (id: string | null) => {
      const root = nav.current;
      if (!root) return;
      root.querySelector('[aria-current]')?.removeAttribute('aria-current');
      if (!id) return;
      const a = root.querySelector<HTMLElement>(`[data-outline-id="${CSS.escape(id)}"]`);
      if (!a) return;
      a.setAttribute('aria-current', 'location');
      // Keep the current entry in view inside the sidebar without moving the page.
      const r = a.getBoundingClientRect();
      const box = root.getBoundingClientRect();
      if (r.top < box.top || r.bottom > box.bottom) root.scrollTop += r.top - box.top - box.height / 3;
    };
    mark(active.get());
    return active.subscribe(mark);
  }, [active, outline]);

  // As a drawer (narrow windows): focus goes to the current entry; Esc or a press outside closes it.
  useEffect(() => {
    if (!drawerOpen) return;
    const root = nav.current;
    (root?.querySelector<HTMLElement>('[aria-current]') ?? root?.querySelector<HTMLElement>('a') ?? root)?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      onClose({ restoreFocus: true });
    };
    const onDown = (e: MouseEvent) => {
      if (e.target instanceof Element && !e.target.closest('.outline, .outline-toggle')) onClose({ restoreFocus: false });
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('mousedown', onDown);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('mousedown', onDown);
    };
  }, [drawerOpen, onClose]);

  const className = drawerOpen ? 'outline drawer-open' : 'outline';
  // An entry chosen in the drawer closes it; the reading view then focuses the clause.
  const onClick = (e: React.MouseEvent) => drawerOpen && e.target instanceof Element && e.target.closest('a') && onClose({ restoreFocus: false });
  // An empty column still holds the grid, so the text stays where it always is.
  if (!outline.length && !pending)
    return (
      <nav className={`${className} outline-empty`} id="reader-outline" aria-label="目录" data-testid="outline" ref={nav} tabIndex={-1}>
        <p>本文没有章节目录</p>
      </nav>
    );
  return (
    <nav className={className} id="reader-outline" aria-label="目录" data-testid="outline" ref={nav} tabIndex={-1} onClick={onClick}>
      <Entries docId={docId} entries={outline} />
    </nav>
  );
});
