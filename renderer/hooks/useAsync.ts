import { useCallback, useEffect, useState } from 'react';

export type AsyncState<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; error: string };

/** Runs `load` whenever `key` changes; ignores results that arrive for a stale key. */
export function useAsync<T>(key: string, load: () => Promise<T>): AsyncState<T> & { retry(): void } {
  const [state, setState] = useState<{ key: string; s: AsyncState<T> }>({ key, s: { status: 'loading' } });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    setState((prev) => (prev.key === key && prev.s.status === 'loading' ? prev : { key, s: { status: 'loading' } }));
    load().then(
      (value) => live && setState({ key, s: { status: 'ready', value } }),
      (e: unknown) => live && setState({ key, s: { status: 'error', error: e instanceof Error ? e.message : String(e) } }),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `load` is keyed by `key`; re-running on its identity would refetch every render.
  }, [key, attempt]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const s: AsyncState<T> = state.key === key ? state.s : { status: 'loading' };
  return { ...s, retry };
}
