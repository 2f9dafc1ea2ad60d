/**
 * A small dock fixed at the bottom left of the reading view, so what it holds
 * is reachable wherever the reader has scrolled to:
 * - 目录, where the window is too narrow for the outline column: it opens the
 *   outline as a drawer (keyboard: Tab to it, Enter; Esc closes and gives the
 *   focus back);
 * - ← 返回搜索结果, when the document was opened from a search (in the header
 *   it was scrolled out of sight as soon as the reader landed on a deep clause).
 */
import type { Ref } from 'react';
import { searchOpenedFrom } from '../routing/places';

export function ReaderDock({ docId, outlineOpen, onToggleOutline, toggleRef }: { docId: string; outlineOpen: boolean; onToggleOutline(): void; toggleRef: Ref<HTMLButtonElement> }) {
  const search = searchOpenedFrom(docId);
  return (
    <div className="reader-dock" data-annot-ui="">
      <button type="button" ref={toggleRef} className="outline-toggle" aria-expanded={outlineOpen} aria-controls="reader-outline" onClick={onToggleOutline}>
        目录
      </button>
      {search && (
        <a href={search} className="back-to-search">
          ← 返回搜索结果
        </a>
      )}
    </div>
  );
}
