/**
 * React hook over the search client: index status (loading / ready / error)
 * and the results of the latest query; stale queries are cancelled.
 */
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { SearchCancelled, searchClient, type SearchClient, type SearchStatus } from './client';
import type { SearchOptions, ShownResult } from './protocol';

export interface UseSearch {
  status: SearchStatus;
  /** True while a query is in flight (results shown may be those of the previous query). */
  searching: boolean;
  result: ShownResult | null;
  error: string | null;
}

export function useSearchStatus(client: SearchClient = searchClient()): SearchStatus {
  return useSyncExternalStore(
    (cb) => client.subscribe(cb),
    () => client.status,
  );
}

/** `channel`: searches on one channel cancel each other (several lists can search at once on different channels). */
export function useSearch(query: string, options: SearchOptions = {}, client: SearchClient = searchClient(), channel = 'useSearch'): UseSearch {
  const status = useSearchStatus(client);
  const [result, setResult] = useState<ShownResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  // What the shown result (or error) answers. Searching is "the wish is not that": true from the very render
  // that changes the query, not only once the effect has started the search, so a result of the previous
  // query is never shown as current (aria-busy) in between.
  const [settled, setSettled] = useState<string | null>(null);
  const key = useMemo(() => JSON.stringify(options), [options]);
  const wish = `${query}\n${key}`;

  useEffect(() => {
    client.load();
  }, [client]);

  // Searched again after a failed load is retried, not when the index becomes ready: the query asked while it
  // loaded waits for it in the worker, and asking again cancelled it and fetched its shards a second time.
  const failed = status.state === 'error';
  useEffect(() => {
    if (!query.trim()) {
      setResult(null);
      setError(null);
      return;
    }
    if (failed) return;
    const ac = new AbortController();
    const asked = `${query}\n${key}`;
    client.search(query, JSON.parse(key) as SearchOptions, channel, ac.signal).then(
      (r) => {
        setResult(r);
        setError(null);
        setSettled(asked);
      },
      (e: Error) => {
        if (e instanceof SearchCancelled) return;
        setError(e.message);
        setSettled(asked);
      },
    );
    return () => ac.abort();
  }, [client, query, key, failed, channel]);

  const searching = !!query.trim() && status.state !== 'error' && settled !== wish;
  return { status, searching, result: query.trim() ? result : null, error };
}
