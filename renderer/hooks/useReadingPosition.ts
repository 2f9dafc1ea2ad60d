import { useEffect, useMemo, useRef, useState } from 'react';
import { db } from '../db/database';
import type { ReadingPosition } from '../db/records';

/**
 * The saved position of a document as it was when the document was opened.
 * Read once (not live): the view writes it while scrolling, and restoring
 * again on each write would fight the reader.
 */
export function useSavedPosition(docId: string): { loaded: boolean; position: ReadingPosition | null } {
  const [state, setState] = useState<{ docId: string; position: ReadingPosition | null } | null>(null);
  useEffect(() => {
    let live = true;
    db()
      .getPosition(docId)
      .catch(() => null)
      .then((position) => live && setState({ docId, position }));
    return () => {
      live = false;
    };
  }, [docId]);
  return state?.docId === docId ? { loaded: true, position: state.position } : { loaded: false, position: null };
}

/** A throttled writer of the reading position; flushes on unmount and when the page is hidden. */
export function usePositionWriter(docId: string, intervalMs = 400): (unitId: string | null, scrollTop: number) => void {
  const pending = useRef<{ unitId: string | null; scrollTop: number } | null>(null);
  const timer = useRef<number | null>(null);
  const flush = useMemo(
    () => () => {
      if (timer.current !== null) clearTimeout(timer.current);
      timer.current = null;
      const p = pending.current;
      pending.current = null;
      if (p) void db().savePosition(docId, p.unitId, p.scrollTop).catch(() => {});
    },
    [docId],
  );
  useEffect(() => {
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [flush]);
  return useMemo(
    () => (unitId, scrollTop) => {
      pending.current = { unitId, scrollTop };
      timer.current ??= window.setTimeout(flush, intervalMs);
    },
    [flush, intervalMs],
  );
}
