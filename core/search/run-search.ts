/**
 * Running a search where its shards arrive later (the worker fetches them): between `searchSteps`' phases it
 * pauses, so that a newer query can cancel it, and it fetches the files a step waits for or a ShardMissing names.
 */
import { ShardMissing } from './texts.js';
import { throwIfCancelled, type CancellationToken } from '../util/cancellation.js';
import type { SearchEngine, SearchOptions, SearchResult } from './engine.js';

/**
 * What a step of `searchSteps` yields: nothing (a place to pause), or the shard files it waits for before it
 * goes on (`runSearch` fetches them; a synchronous caller cannot, and gets ShardMissing).
 */
export type SearchStep = readonly string[] | undefined;

/**
 * Run a search so that it can be abandoned: `pause()` after each step (a macrotask in the worker, so a
 * newer message is handled), then stop with a CancellationError if `token` was cancelled meanwhile.
 * Where shards (unit texts, posting lists) arrive asynchronously, `fetchShard` brings them (the engine keeps
 * them): the shown hits' texts are waited for where the search yields them; any other shard a step needs stops
 * it with ShardMissing, and the query starts again, now with that shard at hand.
 */
export async function runSearch(
  engine: SearchEngine,
  query: string,
  opts: SearchOptions,
  token: CancellationToken,
  pause: () => Promise<void>,
  fetchShard?: (file: string) => Promise<string>,
): Promise<SearchResult> {
  for (;;) {
    throwIfCancelled(token);
    try {
      const steps = engine.searchSteps(query, opts);
      for (;;) {
        const r = steps.next();
        if (r.done) return r.value;
        if (r.value?.length) {
          if (!fetchShard) throw new ShardMissing([...r.value]);
          await fetchFiles(engine, r.value, fetchShard);
        } else await pause();
        throwIfCancelled(token);
      }
    } catch (e) {
      if (!(e instanceof ShardMissing) || !fetchShard) throw e;
      await fetchFiles(engine, e.files, fetchShard);
    }
  }
}

/**
 * Run a synchronous computation over `engine` (e.g. a search merged with another engine's) where shards
 * arrive asynchronously: a ShardMissing fetches the shards named and runs it again; the token is
 * checked before each run and after each fetch.
 */
export async function withShards<T>(engine: SearchEngine, fn: () => T, token: CancellationToken, fetchShard: (file: string) => Promise<string>): Promise<T> {
  for (;;) {
    throwIfCancelled(token);
    try {
      return fn();
    } catch (e) {
      if (!(e instanceof ShardMissing)) throw e;
      await fetchFiles(engine, e.files, fetchShard);
    }
  }
}

async function fetchFiles(engine: SearchEngine, files: readonly string[], fetchShard: (file: string) => Promise<string>): Promise<void> {
  const json = await Promise.all(files.map((f) => fetchShard(f)));
  files.forEach((f, i) => engine.putShard(f, json[i]));
}
