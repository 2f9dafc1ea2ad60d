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
  const [searching, setSearching] = useState(false);
  const key = useMemo(() => JSON.stringify(options), [options]);

  useEffect(() => {
    client.load();
  }, [client]);

  useEffect(() => {
    if (!query.trim()) {
      setResult(null);
      setError(null);
      setSearching(false);
      return;
    }
    if (status.state === 'error') return;
    const ac = new AbortController();
    setSearching(true);
    client.search(query, JSON.parse(key) as SearchOptions, channel, ac.signal).then(
      (r) => {
        setResult(r);
        setError(null);
        setSearching(false);
      },
      (e: Error) => {
        if (e instanceof SearchCancelled) return;
        setError(e.message);
        setSearching(false);
      },
    );
    return () => ac.abort();
  }, [client, query, key, status.state, channel]);

  return { status, searching, result: query.trim() ? result : null, error };
}
