import { useCallback, useEffect, useRef, useState } from 'react';

interface Shown {
  text: string;
  undo: (() => void) | null;
  n: number;
}

/** A message that may carry 撤销 (after a delete); stays a little longer than a plain toast so the button can be reached. */
export function useUndoToast(ms = 6000) {
  const [shown, setShown] = useState<Shown | null>(null);
  const timer = useRef<number | undefined>(undefined);
  const show = useCallback(
    (text: string, undo: (() => void) | null = null) => {
      clearTimeout(timer.current);
      setShown((s) => ({ text, undo, n: (s?.n ?? 0) + 1 }));
      timer.current = window.setTimeout(() => setShown(null), undo ? ms : 3000);
    },
    [ms],
  );
  const hide = useCallback(() => setShown(null), []);
  useEffect(() => () => clearTimeout(timer.current), []);
  return { shown, show, hide };
}

export function UndoToast({ shown, hide, testId = 'annot-toast' }: { shown: Shown | null; hide(): void; testId?: string }) {
  return (
    <div className={shown ? 'annot-toast visible' : 'annot-toast'} role="status" aria-live="polite" data-testid={testId}>
      {shown?.text}
      {shown?.undo && (
        <button
          type="button"
          onClick={() => {
            shown.undo?.();
            hide();
          }}
        >
          撤销
        </button>
      )}
    </div>
  );
}
