/**
 * Long documents are put on the page in steps: the first screens at once, the
 * rest in small batches after the first paint (React transitions, so input and
 * scrolling stay responsive), with a spacer of the estimated height holding the
 * scrollbar. A 2,000-unit law otherwise spent ~1 s building every clause before
 * showing any (npm run bench:reader).
 *
 * Everything that needs a clause on the page mounts it first, so behaviour is
 * exact, not approximate: a deep link or the saved reading position mounts up
 * to its clause (its chunk and one more) before the layout effect scrolls to it,
 * a position saved only as a scroll offset or an open find bar mounts all.
 */
import { startTransition, useCallback, useEffect, useMemo, useState } from 'react';
import { flushSync } from 'react-dom';
import type { Chunk } from './pages';

/** Chunks put on the page with the first render (a chunk is at most 40 units / 2,500 characters). */
export const FIRST_CHUNKS = 3;
/** Chunks added per step afterwards. */
const BATCH = 6;

export interface ProgressiveChunks {
  /** How many leading chunks are on the page. */
  shown: number;
  /** Estimated height of the chunks not yet on the page, in em. */
  restEm: number;
  /** Puts every chunk on the page now (synchronously: the caller reads the DOM next). */
  mountAll(): void;
}

/**
 * `need` is the unit that must be on the page now (deep link, saved position), or 'all'.
 * `key` resets the progress (a new document).
 */
export function useProgressiveChunks(chunks: Chunk[], key: string, need: string | 'all' | null): ProgressiveChunks {
  const chunkOf = useMemo(() => {
    const m = new Map<string, number>();
    chunks.forEach((c, i) => c.units.forEach((f) => m.set(f.unit.id, i)));
    return m;
  }, [chunks]);
  const [progress, setProgress] = useState({ key, count: FIRST_CHUNKS });
  const count = progress.key === key ? progress.count : FIRST_CHUNKS;
  const needed = need === 'all' ? chunks.length : need !== null && chunkOf.has(need) ? chunkOf.get(need)! + 2 : 0;
  const shown = Math.min(chunks.length, Math.max(count, needed));

  useEffect(() => {
    if (shown >= chunks.length) return;
    // After the browser has painted what is there: a timeout queued from the next frame.
    let t = 0;
    const frame = requestAnimationFrame(() => {
      t = window.setTimeout(() => startTransition(() => setProgress({ key, count: shown + BATCH })), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(t);
    };
  }, [shown, chunks.length, key]);

  const restEm = useMemo(() => chunks.slice(shown).reduce((n, c) => n + c.estimateEm, 0), [chunks, shown]);
  const mountAll = useCallback(() => flushSync(() => setProgress({ key, count: chunks.length })), [key, chunks.length]);
  return { shown, restEm, mountAll };
}
