import { useCallback, useEffect, useRef, useState } from 'react';

export function useToast(ms = 2500) {
  const [toast, setToast] = useState<{ text: string; n: number } | null>(null);
  const timer = useRef<number | undefined>(undefined);
  const show = useCallback(
    (text: string) => {
      clearTimeout(timer.current);
      setToast((t) => ({ text, n: (t?.n ?? 0) + 1 }));
      timer.current = window.setTimeout(() => setToast(null), ms);
    },
    [ms],
  );
  useEffect(() => () => clearTimeout(timer.current), []);
  return { toast: toast?.text ?? null, show };
}

/** A polite live region, so screen readers hear "已复制" without focus moving. */
export function Toast({ message, testId = 'toast' }: { message: string | null; testId?: string }) {
  return (
    <div className={message ? 'toast visible' : 'toast'} role="status" aria-live="polite" data-testid={testId}>
      {message}
    </div>
  );
}
